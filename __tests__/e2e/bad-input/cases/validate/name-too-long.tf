# field: name
# expect: /is not a valid name: use 1 to 128/
# proves: a 129-character name is refused with the 128 limit
resource "oos_chat_configuration" "name_too_long" {
  name = replace(format("%129s", ""), " ", "a")
  type = "WeChat"
}
