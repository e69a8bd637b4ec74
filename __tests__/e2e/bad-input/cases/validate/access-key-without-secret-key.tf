# field: secret_key
# expect: /access_key is set but secret_key is not: set both, or neither/
# proves: half an AccessKey pair names the missing half
provider "oos" {
  alias = "access_key_without_secret_key"
  access_key = "LTAI5tExampleKeyId"
}

data "oos_chat_configurations" "access_key_without_secret_key" {
  provider = oos.access_key_without_secret_key
}
