# field: tags
# expect: /key "acs:env" starts with the reserved prefix "acs:"/
# proves: the reserved acs: prefix is refused
resource "oos_chat_configuration" "tags_prefix_acs" {
  name = "tags-acs"
  type = "WeChat"
  tags = { "acs:env" = "dev" }
}
