# field: name
# expect: /is not a valid name: use 1 to 128 letters, digits, "-", "_" or "."/
# proves: non-ASCII letters are refused rather than sent to OOS
resource "oos_chat_configuration" "name_non_ascii" {
  name = "运维机器人"
  type = "WeChat"
}
