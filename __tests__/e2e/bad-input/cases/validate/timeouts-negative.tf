# field: delete
# expect: /"-5m" is not a duration/
# proves: a negative timeout is refused
resource "oos_chat_configuration" "timeouts_negative" {
  name = "timeouts-negative"
  type = "WeChat"
  timeouts {
    delete = "-5m"
  }
}
