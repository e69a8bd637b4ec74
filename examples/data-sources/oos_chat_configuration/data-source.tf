data "oos_chat_configuration" "ops_bot" {
  name = "ops-bot"
}

output "webhook_url" {
  value = data.oos_chat_configuration.ops_bot.webhook_url
}
