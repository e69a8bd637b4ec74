# field: tags
# expect: /key "aliyun-owner" starts with the reserved prefix "aliyun": rename it/
# proves: the reserved aliyun prefix is refused before OOS refuses it after create
resource "oos_chat_configuration" "tags_prefix_aliyun" {
  name = "tags-aliyun"
  type = "WeChat"
  tags = { "aliyun-owner" = "me" }
}
