# field: session_expiration
# expect: /Invalid assume_role\[0\]\.session_expiration[\s\S]*from 900 to 3600, got 60/
# proves: an STS session shorter than OOS allows is refused, naming the schema argument
provider "oos" {
  alias = "assume_role_short_expiration"
  assume_role {
    role_arn           = "acs:ram::1234567890123456:role/OOSAdmin"
    session_expiration = 60
  }
}

data "oos_chat_configurations" "assume_role_short_expiration" {
  provider = oos.assume_role_short_expiration
}
