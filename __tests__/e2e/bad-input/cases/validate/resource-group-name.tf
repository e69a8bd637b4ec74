# field: resource_group_id
# expect: /"default" is not a resource group id/
# proves: a resource group name where the id belongs is refused
resource "oos_chat_configuration" "resource_group_name" {
  name              = "rg-name"
  type              = "WeChat"
  resource_group_id = "default"
}
