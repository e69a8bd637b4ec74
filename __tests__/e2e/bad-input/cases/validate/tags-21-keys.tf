# field: tags
# expect: /21 entries given; at most 20 are allowed: remove 1/
# proves: more than 20 tags are refused with how many to remove
resource "oos_chat_configuration" "tags_21_keys" {
  name = "tags-21"
  type = "WeChat"
  tags = { for i in range(21) : "key${i}" => "value" }
}
