# field: read
# expect: /"0s" is not a duration/
# proves: a zero timeout, which would fail every call at once, is refused
resource "oos_chat_configuration" "timeouts_zero" {
  name = "timeouts-zero"
  type = "WeChat"
  timeouts {
    read = "0s"
  }
}
