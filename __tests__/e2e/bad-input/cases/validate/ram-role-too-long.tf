# field: ram_role
# expect: /is not a RAM role name: use 1 to 64/
# proves: a 65-character role name is refused with the 64 limit
resource "oos_chat_configuration" "ram_role_too_long" {
  name     = "ram-role-too-long"
  type     = "WeChat"
  ram_role = replace(format("%65s", ""), " ", "r")
}
