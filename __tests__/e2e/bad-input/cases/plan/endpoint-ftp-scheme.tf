# field: endpoint
# expect: /has scheme ftp: use https:\/\//
# proves: an endpoint with another scheme is refused
provider "oos" {
  alias = "endpoint_ftp_scheme"
  endpoint = "ftp://127.0.0.1:21"
}

data "oos_chat_configurations" "endpoint_ftp_scheme" {
  provider = oos.endpoint_ftp_scheme
}
