# field: name
# expect: /"ops bot" is not a valid name/
# proves: spaces in a name are refused (OOS keys configurations by name)
resource "oos_chat_configuration" "name_with_spaces" {
  name = "ops bot"
  type = "WeChat"
}
