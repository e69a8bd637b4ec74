# field: type
# expect: /"dingtalk" is not a chat platform: use "DingTalk" or "WeChat" \(case-sensitive\)/
# proves: the platform is case-sensitive and the message gives the exact spelling
resource "oos_chat_configuration" "type_lowercase_dingtalk" {
  name = "type-lowercase"
  type = "dingtalk"
}
