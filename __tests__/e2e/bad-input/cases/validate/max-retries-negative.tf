# field: max_retries
# expect: /max_retries must be a whole number from 0 to 20, got -1/
# proves: a negative retry count is refused
provider "oos" {
  alias = "max_retries_negative"
  max_retries = -1
}

data "oos_chat_configurations" "max_retries_negative" {
  provider = oos.max_retries_negative
}
