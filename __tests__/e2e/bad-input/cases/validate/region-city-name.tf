# field: region
# expect: /"Hangzhou" is not a region id: use one like cn-hangzhou/
# proves: a city name where the region id belongs is refused with an example
provider "oos" {
  alias = "region_city_name"
  region = "Hangzhou"
}

data "oos_chat_configurations" "region_city_name" {
  provider = oos.region_city_name
}
