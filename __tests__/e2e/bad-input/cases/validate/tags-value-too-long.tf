# field: tags
# expect: /the value of "Team" is 129 characters long; at most 128/
# proves: a 129-character tag value is refused, naming the key
resource "oos_chat_configuration" "tags_value_too_long" {
  name = "tags-value-long"
  type = "WeChat"
  tags = { Team = replace(format("%129s", ""), " ", "v") }
}
