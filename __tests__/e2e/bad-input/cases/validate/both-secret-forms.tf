# field: client_secret_parameter
# expect: /Set either client_secret_wo \(with client_secret_wo_version\) or client_secret_parameter, not both/
# proves: two sources for one secret are refused
resource "oos_chat_configuration" "both_secret_forms" {
  name                     = "both-secrets"
  type                     = "DingTalk"
  client_secret_wo         = "s3cr3t-write-only"
  client_secret_wo_version = 1
  client_secret_parameter  = "ops-bot-secret"
}
