# field: type
# expect: /"slack" is not a chat platform/
# proves: the list filter's type is checked like the resource's
data "oos_chat_configurations" "data_type_slack" {
  type = "slack"
}
