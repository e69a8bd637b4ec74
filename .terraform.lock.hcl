# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:1HlHT9sHJoXY1L1Pu5O9+vW/MousaZlXXAGkCBvAYFE=",
    "h1:6TiGJo3dhMoRf5pDVCLS8lIgzJbUfv6ZuhDrGOjEjCA=",
    "h1:TY3NtBpXoR3KyykY67Wb2F29IHsmh0tGkU06L2dFlQ4=",
    "h1:XpSSlMXeF1pfS/W6WfkhFbdSF5GnGhfgQf1ixWDUmrE=",
    "h1:ao2H4U6nflI8DG0NKozINXy1rpKQTZnYddVnuFZdjcg=",
  ]
}
