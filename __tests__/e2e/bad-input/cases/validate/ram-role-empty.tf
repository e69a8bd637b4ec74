# field: ram_role
# expect: /"" is not a RAM role name/
# proves: an empty role name is refused (omit the argument instead)
resource "oos_chat_configuration" "ram_role_empty" {
  name     = "ram-role-empty"
  type     = "WeChat"
  ram_role = ""
}
