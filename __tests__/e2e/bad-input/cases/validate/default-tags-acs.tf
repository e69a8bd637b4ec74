# field: default_tags
# expect: /key "acs:team" starts with the reserved prefix "acs:"/
# proves: the acs: prefix is reserved in default_tags too
provider "oos" {
  alias = "default_tags_acs"
  default_tags = { "acs:team" = "sre" }
}

data "oos_chat_configurations" "default_tags_acs" {
  provider = oos.default_tags_acs
}
