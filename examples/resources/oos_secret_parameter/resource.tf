# The secret comes from an ephemeral variable (e.g. TF_VAR_wechat_bot_secret in CI) into a
# write-only argument: it reaches OOS, never the plan or the state.
variable "wechat_bot_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "oos_secret_parameter" "wechat_bot_secret" {
  name             = "chatops-wechat-bot-secret"
  description      = "Client secret of the WeChat bot"
  value_wo         = var.wechat_bot_secret
  value_wo_version = 1 # bump to send a new value (a new parameter version)

  tags = {
    Team = "platform"
  }
}

# A chat configuration reads the parameter with decryption when it is applied. Naming the version
# the parameter holds makes the bot wait for it: that version is unknown at plan while the
# parameter is created or given a new value, so the bot is applied after the parameter and gets
# the new value in the same apply.
resource "oos_chat_configuration" "wechat_bot" {
  name                            = "wechat-bot"
  type                            = "WeChat"
  client_id                       = "wx-corp-app"
  client_secret_parameter         = oos_secret_parameter.wechat_bot_secret.name
  client_secret_parameter_version = oos_secret_parameter.wechat_bot_secret.parameter_version
}
