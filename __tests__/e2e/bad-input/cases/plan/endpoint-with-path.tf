# field: endpoint
# expect: /must be only scheme:\/\/host\[:port\], without path/
# proves: an endpoint with a path is refused with the accepted shape
provider "oos" {
  alias = "endpoint_with_path"
  endpoint = "https://oos.cn-hangzhou.aliyuncs.com/v1"
}

data "oos_chat_configurations" "endpoint_with_path" {
  provider = oos.endpoint_with_path
}
