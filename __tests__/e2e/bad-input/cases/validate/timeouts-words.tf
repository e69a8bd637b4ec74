# field: create
# expect: /"5 minutes" is not a duration: use a number with a unit, such as 30s, 5m or 1h30m/
# proves: a duration in words is refused with examples of the accepted form
resource "oos_chat_configuration" "timeouts_words" {
  name = "timeouts-words"
  type = "WeChat"
  timeouts {
    create = "5 minutes"
  }
}
