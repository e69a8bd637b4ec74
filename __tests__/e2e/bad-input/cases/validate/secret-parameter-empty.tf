# field: client_secret_parameter
# expect: /client_secret_parameter/
# proves: an empty parameter name is refused, naming client_secret_parameter
resource "oos_chat_configuration" "secret_parameter_empty" {
  name                    = "secret-parameter-empty"
  type                    = "DingTalk"
  client_secret_parameter = ""
}
