# The client secret comes from an ephemeral variable (e.g. TF_VAR_dingtalk_client_secret in CI)
# into a write-only argument: it reaches OOS, never the plan or the state.
variable "dingtalk_client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "oos_chat_configuration" "ops_bot" {
  name        = "ops-bot"
  type        = "DingTalk"
  ram_role    = "AliyunOOSDefaultRole"
  template_id = "381c5aee-f8af-48a4-94be-cce587e42ea4.schema"
  client_id   = "dingpxlbxp0rgs7uxmtb"

  client_secret_wo         = var.dingtalk_client_secret
  client_secret_wo_version = 1 # bump to push a new secret

  tags = {
    Team = "platform"
  }
}

# Or keep the secret in an OOS secret parameter; a new parameter version plans an update.
resource "oos_chat_configuration" "wechat_bot" {
  name                    = "wechat-bot"
  type                    = "WeChat"
  client_id               = "wx-corp-app"
  client_secret_parameter = "chatops/wechat-bot-secret"

  extra_configuration = {
    WeChatCorpId = "ww0123456789abcdef"
  }
}

output "ops_bot_webhook_url" {
  value = oos_chat_configuration.ops_bot.webhook_url
}
