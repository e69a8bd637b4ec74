data "oos_chat_configurations" "dingtalk_team_bots" {
  name_prefix = "team-"
  type        = "DingTalk"
}

output "names" {
  value = data.oos_chat_configurations.dingtalk_team_bots.names
}
