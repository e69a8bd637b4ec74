# field: extra_configuration
# expect: /"AppSecret" looks like a secret .*client_secret_wo or client_secret_parameter/
# proves: a secret-looking key in the plain map is refused and the write-only forms are named
resource "oos_chat_configuration" "extra_configuration_secret_key" {
  name                = "extra-secret"
  type                = "WeChat"
  extra_configuration = { CorpId = "ww1", AppSecret = "s3cr3t-in-plain-text" }
}
