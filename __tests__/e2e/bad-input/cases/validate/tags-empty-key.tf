# field: tags
# expect: /key "" must be 1 to 128 characters long/
# proves: an empty tag key is refused
resource "oos_chat_configuration" "tags_empty_key" {
  name = "tags-empty-key"
  type = "WeChat"
  tags = { "" = "value" }
}
