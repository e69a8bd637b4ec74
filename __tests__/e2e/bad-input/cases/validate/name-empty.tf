# field: name
# expect: /"" is not a valid name: use 1 to 128 letters, digits/
# proves: an empty name is refused before any call, with the allowed characters
resource "oos_chat_configuration" "name_empty" {
  name = ""
  type = "WeChat"
}
