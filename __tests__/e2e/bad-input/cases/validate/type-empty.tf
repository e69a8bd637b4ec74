# field: type
# expect: /"" is not a chat platform/
# proves: an empty type is refused like any other unknown platform
resource "oos_chat_configuration" "type_empty" {
  name = "type-empty"
  type = ""
}
