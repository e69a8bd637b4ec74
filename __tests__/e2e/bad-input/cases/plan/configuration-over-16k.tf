# field: extra_configuration
# expect: /OOS accepts at most 16384 \(16 KiB\): shorten it by .*Most of it comes from extra_configuration/
# proves: a Configuration over 16 KiB fails at plan with how much to cut, instead of at apply
resource "oos_chat_configuration" "configuration_over_16k" {
  name                = "configuration-over-16k"
  type                = "WeChat"
  extra_configuration = { Notes = replace(format("%16400s", ""), " ", "x") }
}
