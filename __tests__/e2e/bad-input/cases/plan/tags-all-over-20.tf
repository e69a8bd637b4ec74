# field: tags
# expect: /With the provider's default_tags, 21 tags given; OOS allows at most 20: remove 1\. Change tags here or default_tags/
# proves: tags plus default_tags over 20 fail at plan, before the configuration is created (issue 8, defect 5)
provider "oos" {
  alias        = "tags_all_over_20"
  default_tags = { for i in range(10) : "default${i}" => "d" }
}

resource "oos_chat_configuration" "tags_all_over_20" {
  provider = oos.tags_all_over_20
  name     = "tags-all-over-20"
  type     = "WeChat"
  tags     = { for i in range(11) : "own${i}" => "o" }
}
