# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:MPF5yR0AS90fcwNPSlSGaIZVI8xHiqAyx0rLKEeDgcQ=",
    "h1:PuBtOlSIq8zDHXdzSRg1iyjwsRi7vWorZ/n157LUfAE=",
    "h1:VvUFiV1vOHUlZxT8cyJSETjOZqYgiFNOrOInYpiHE0o=",
    "h1:hCFMo/noaP7+g4SKMoQPEVxoIXmYHu7Xi9GUqqywFUs=",
  ]
}
