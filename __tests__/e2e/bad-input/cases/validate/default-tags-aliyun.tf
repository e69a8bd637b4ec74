# field: default_tags
# expect: /key "aliyun:env" starts with the reserved prefix "aliyun"/
# proves: a reserved default_tags key fails at validate, not after the configuration exists (issue 8, defect 5)
provider "oos" {
  alias = "default_tags_aliyun"
  default_tags = { "aliyun:env" = "dev" }
}

data "oos_chat_configurations" "default_tags_aliyun" {
  provider = oos.default_tags_aliyun
}
