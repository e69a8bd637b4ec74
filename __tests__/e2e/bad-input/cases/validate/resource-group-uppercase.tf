# field: resource_group_id
# expect: /is not a resource group id: ids look like rg-/
# proves: a resource group id in upper case is refused with an example of the right shape
resource "oos_chat_configuration" "resource_group_uppercase" {
  name              = "rg-uppercase"
  type              = "WeChat"
  resource_group_id = "RG-ACFM123"
}
