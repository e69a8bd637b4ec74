# field: region
# expect: /"CN-HANGZHOU" is not a region id/
# proves: region ids are lower case
provider "oos" {
  alias = "region_uppercase"
  region = "CN-HANGZHOU"
}

data "oos_chat_configurations" "region_uppercase" {
  provider = oos.region_uppercase
}
