# field: profile
# expect: /both profile and access_key are set: use one of them/
# proves: two credential sources at once are refused
provider "oos" {
  alias = "profile_and_access_key"
  profile    = "default"
  access_key = "LTAI5tExampleKeyId"
  secret_key = "not-a-real-secret"
}

data "oos_chat_configurations" "profile_and_access_key" {
  provider = oos.profile_and_access_key
}
