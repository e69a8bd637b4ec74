# field: default_tags
# expect: /21 entries given; at most 20 are allowed/
# proves: default_tags alone over the limit is refused at the provider block
provider "oos" {
  alias = "default_tags_21_keys"
  default_tags = { for i in range(21) : "key${i}" => "value" }
}

data "oos_chat_configurations" "default_tags_21_keys" {
  provider = oos.default_tags_21_keys
}
