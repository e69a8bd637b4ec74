# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:H1cMXzraGZzs9pXzEpbPYsGr+ElQvL8iuasyjTH789E=",
    "h1:K4+lbKoamVaHLbY9e6xiepRg8HKKghLPhthYyT5/YSs=",
    "h1:ajfpImAG/MzvcZz4d5epXdQnQBRxGxBpKrxTamH5Cpo=",
    "h1:fb3bJ36wWIDhkiTQuMlMhahL21bNzA3UCPMqOrjaWAU=",
    "h1:gZYnl//qXbnsLAHmxyc+fDAJkY+Zu8cZ7Kxps3TtE4E=",
  ]
}
