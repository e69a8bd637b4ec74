# field: tags
# expect: /key "ALIYUN_Team" starts with the reserved prefix "aliyun"/
# proves: reserved prefixes are matched case-insensitively, as Alibaba Cloud does
resource "oos_chat_configuration" "tags_prefix_uppercase" {
  name = "tags-upper"
  type = "WeChat"
  tags = { ALIYUN_Team = "sre" }
}
