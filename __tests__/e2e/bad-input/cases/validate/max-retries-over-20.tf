# field: max_retries
# expect: /max_retries must be a whole number from 0 to 20, got 21/
# proves: max_retries above the cap is refused with the range
provider "oos" {
  alias = "max_retries_over_20"
  max_retries = 21
}

data "oos_chat_configurations" "max_retries_over_20" {
  provider = oos.max_retries_over_20
}
