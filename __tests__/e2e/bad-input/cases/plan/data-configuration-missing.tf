# field: name
# expect: /No chat configuration named "no-such-bot" exists in region cn-hangzhou/
# proves: reading a configuration that does not exist names it and the region
data "oos_chat_configuration" "data_configuration_missing" {
  name = "no-such-bot"
}
