# field: endpoint
# expect: /could not connect to .*check endpoint/
# proves: a closed port names the endpoint setting after a few quick retries, with default settings
provider "oos" {
  alias = "endpoint_closed_port"
  endpoint = var.closed_endpoint
}

data "oos_chat_configurations" "endpoint_closed_port" {
  provider = oos.endpoint_closed_port
}
