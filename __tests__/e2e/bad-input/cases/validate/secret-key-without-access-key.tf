# field: access_key
# expect: /secret_key is set but access_key is not/
# proves: the other half of the pair is named too
provider "oos" {
  alias = "secret_key_without_access_key"
  secret_key = "not-a-real-secret"
}

data "oos_chat_configurations" "secret_key_without_access_key" {
  provider = oos.secret_key_without_access_key
}
