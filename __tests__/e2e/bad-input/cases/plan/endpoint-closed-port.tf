# field: endpoint
# expect: /could not connect to .*check endpoint/
# proves: a closed port names the endpoint setting (max_retries = 0 keeps the corpus fast)
provider "oos" {
  alias = "endpoint_closed_port"
  endpoint    = var.closed_endpoint
  max_retries = 0
}

data "oos_chat_configurations" "endpoint_closed_port" {
  provider = oos.endpoint_closed_port
}
