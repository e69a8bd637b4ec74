# field: name
# expect: /"ops bot" is not a valid name/
# proves: the single data source refuses a name OOS could never hold
data "oos_chat_configuration" "data_name_invalid" {
  name = "ops bot"
}
