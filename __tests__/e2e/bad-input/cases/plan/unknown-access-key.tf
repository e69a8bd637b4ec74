# field: access_key
# expect: /InvalidAccessKeyId.*Check access_key/s
# proves: an AccessKey id OOS does not know names access_key
provider "oos" {
  alias = "unknown_access_key"
  access_key = "LTAI5tNobodyKnowsThisId"
  secret_key = "this-is-not-the-secret"
}

data "oos_chat_configurations" "unknown_access_key" {
  provider = oos.unknown_access_key
}
