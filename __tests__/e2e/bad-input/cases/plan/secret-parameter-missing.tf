# field: client_secret_parameter
# expect: /The OOS secret parameter "no-such-parameter" does not exist in region cn-hangzhou\. Create it first .* or correct client_secret_parameter/
# proves: a missing secret parameter fails at plan, not halfway through apply
resource "oos_chat_configuration" "secret_parameter_missing" {
  name                    = "secret-parameter-missing"
  type                    = "DingTalk"
  client_secret_parameter = "no-such-parameter"
}
