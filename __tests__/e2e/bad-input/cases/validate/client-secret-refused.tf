# field: client_secret
# expect: /Use client_secret_wo with client_secret_wo_version .* or client_secret_parameter/
# proves: the plain client_secret argument is refused and points to the write-only and parameter forms
resource "oos_chat_configuration" "client_secret_refused" {
  name          = "client-secret"
  type          = "DingTalk"
  client_secret = "s3cr3t-in-plain-text"
}
