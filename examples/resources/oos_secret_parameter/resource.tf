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

# A chat configuration reads the parameter with decryption when it is applied. The expression is
# the name, but unknown while the parameter is created or given a new value: the bot is then
# applied after the parameter and gets the new value in the same apply (a plain `.name` is known
# at plan, when a new parameter does not exist yet, and the plan would fail to find it).
locals {
  wechat_secret_parameter = oos_secret_parameter.wechat_bot_secret.parameter_version == null ? oos_secret_parameter.wechat_bot_secret.name : oos_secret_parameter.wechat_bot_secret.name
}

resource "oos_chat_configuration" "wechat_bot" {
  name                    = "wechat-bot"
  type                    = "WeChat"
  client_id               = "wx-corp-app"
  client_secret_parameter = local.wechat_secret_parameter
}
