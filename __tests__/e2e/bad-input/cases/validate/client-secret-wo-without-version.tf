# field: client_secret_wo_version
# expect: /set client_secret_wo_version \(e.g. 1\) and increase it whenever the secret changes/
# proves: a write-only secret without its version is refused (its changes would be invisible)
resource "oos_chat_configuration" "client_secret_wo_without_version" {
  name             = "wo-no-version"
  type             = "DingTalk"
  client_secret_wo = "s3cr3t-write-only"
}
