# field: security_token
# expect: /security_token is set without access_key and secret_key/
# proves: an STS token without its AccessKey pair is refused
provider "oos" {
  alias = "security_token_alone"
  security_token = "not-a-real-token"
}

data "oos_chat_configurations" "security_token_alone" {
  provider = oos.security_token_alone
}
