# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:8el9LT4HvnsmZN45vBJZXlL5ea6PqXM6HQQMjmt+yuQ=",
    "h1:BfwdSABVqYYAFs7YXS7r9MeUrIosUTU7LBelnm0smF4=",
    "h1:KyPRaY4mH6hwvCB/LpAqgXrDFdsD29OnF6t4YeCifzM=",
    "h1:WzaocAnPJLsblUzp6pOLy9/EFxgGJUk1IAswINLll7g=",
    "h1:lpSs+EoLbIp2lt3xdZXpHwJ3TmDm83AJja4QxKZyVEg=",
  ]
}
