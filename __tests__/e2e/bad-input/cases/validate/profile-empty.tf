# field: profile
# expect: /profile is empty: set a profile name or remove the argument/
# proves: an empty profile is refused instead of silently using the default
provider "oos" {
  alias = "profile_empty"
  profile = ""
}

data "oos_chat_configurations" "profile_empty" {
  provider = oos.profile_empty
}
