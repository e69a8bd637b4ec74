# field: extra_configuration
# expect: /"DingTalkTemplateId" is set from the template_id\/client_id arguments: set it there/
# proves: a key the provider derives from template_id is refused, pointing to template_id
resource "oos_chat_configuration" "extra_configuration_template_id" {
  name                = "extra-template-id"
  type                = "DingTalk"
  template_id         = "tpl"
  extra_configuration = { DingTalkTemplateId = "other-tpl" }
}
