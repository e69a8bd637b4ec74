# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:HWdllmdg+AiJoLsZ+KMeVtJNwzk6VF7seDRDRUvfzNI=",
    "h1:RcYL+52ge5+Nqm2wjXKGQvsh0vNe7Sh1o5pKTVkP2xE=",
    "h1:V9NzHPtJO2qHJARBjZ/k4wdQSSeYD2QsI6YrwNXgDCU=",
    "h1:herfAY/68oIQqe3QSsyMiQFQKfVz1sWGardtJ9Yz5sU=",
  ]
}
