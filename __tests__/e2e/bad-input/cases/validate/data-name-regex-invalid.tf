# field: name_regex
# expect: /Invalid regular expression.*use a JavaScript regular expression such as "\^bot-"/
# proves: a broken filter regex is refused at validate instead of crashing the read
data "oos_chat_configurations" "data_name_regex_invalid" {
  name_regex = "(["
}
