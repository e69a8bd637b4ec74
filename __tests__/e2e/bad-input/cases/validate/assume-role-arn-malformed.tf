# field: role_arn
# expect: /acs:ram::<account-id>:role\/<role-name>/
# proves: a role name where the ARN belongs is refused with the ARN shape
provider "oos" {
  alias = "assume_role_arn_malformed"
  assume_role {
    role_arn = "OOSAdminRole"
  }
}

data "oos_chat_configurations" "assume_role_arn_malformed" {
  provider = oos.assume_role_arn_malformed
}
