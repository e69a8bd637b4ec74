# field: type
# expect: /"Slack" is not a chat platform/
# proves: an unsupported platform is refused with the supported ones
resource "oos_chat_configuration" "type_slack" {
  name = "type-slack"
  type = "Slack"
}
