# field: max_retries
# expect: /max_retries must be a whole number from 0 to 20, got 1.5/
# proves: a fractional retry count is refused
provider "oos" {
  alias = "max_retries_fraction"
  max_retries = 1.5
}

data "oos_chat_configurations" "max_retries_fraction" {
  provider = oos.max_retries_fraction
}
