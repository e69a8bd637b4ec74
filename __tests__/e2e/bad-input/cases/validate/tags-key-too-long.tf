# field: tags
# expect: /must be 1 to 128 characters long/
# proves: a 129-character tag key is refused with the limit
resource "oos_chat_configuration" "tags_key_too_long" {
  name = "tags-key-long"
  type = "WeChat"
  tags = { (replace(format("%129s", ""), " ", "k")) = "v" }
}
