# field: secret_key
# expect: /SignatureDoesNotMatch.*Check secret_key/s
# proves: a wrong AccessKey secret names secret_key, with the OOS code and RequestId
provider "oos" {
  alias = "wrong_secret_key"
  access_key = var.emulator_access_key
  secret_key = "this-is-not-the-secret"
}

data "oos_chat_configurations" "wrong_secret_key" {
  provider = oos.wrong_secret_key
}
