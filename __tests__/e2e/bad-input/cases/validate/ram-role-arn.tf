# field: ram_role
# expect: /is not a RAM role name: .*the role name, not its ARN/
# proves: a role ARN where the role name belongs is refused with the fix
resource "oos_chat_configuration" "ram_role_arn" {
  name     = "ram-role-arn"
  type     = "WeChat"
  ram_role = "acs:ram::1234567890123456:role/AliyunOOSDefaultRole"
}
