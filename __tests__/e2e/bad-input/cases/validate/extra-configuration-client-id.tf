# field: extra_configuration
# expect: /"WeChatClientId" is set from the template_id\/client_id arguments/
# proves: a key the provider derives from client_id is refused, pointing to client_id
resource "oos_chat_configuration" "extra_configuration_client_id" {
  name                = "extra-client-id"
  type                = "WeChat"
  extra_configuration = { WeChatClientId = "cid" }
}
