# field: endpoint
# expect: /uses plain http to a non-loopback host: use https:\/\//
# proves: signed requests never go over plain HTTP to another machine
provider "oos" {
  alias = "endpoint_http_remote"
  endpoint = "http://oos.example.com"
}

data "oos_chat_configurations" "endpoint_http_remote" {
  provider = oos.endpoint_http_remote
}
