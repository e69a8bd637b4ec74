# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:/AFZ3h4FZ7cGUHXv2Q9uYvhJEA0Eyem6N/+WI/4ptTo=",
    "h1:MA8Repl3sEzytsU/CpEj2nqjuJtROrYvk9mxZQ9gbxs=",
    "h1:ZGK9BpFZUnK2YP0qvyMidmCjg5TPwwyJuApeB2310WA=",
    "h1:iS+CJZtOhjsyROQPQZkeY7OOLJnoDMg7a9TrMQH8e+E=",
    "h1:ob7iTquSUqfEGB9enyRs5WdKEICjlEkr64qG6trTNMc=",
  ]
}
