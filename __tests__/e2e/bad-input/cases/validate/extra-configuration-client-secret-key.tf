# field: extra_configuration
# expect: /"WeChatClientSecret" looks like a secret/
# proves: the platform's own secret key cannot be smuggled through extra_configuration
resource "oos_chat_configuration" "extra_configuration_client_secret_key" {
  name                = "extra-client-secret"
  type                = "WeChat"
  extra_configuration = { WeChatClientSecret = "s3cr3t-in-plain-text" }
}
