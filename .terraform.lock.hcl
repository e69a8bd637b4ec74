# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:IGaTwvcmgFK0sD1YdvWShS0QkbU5zWcoiBThLAXrTEI=",
    "h1:N0fUK+tzJj/qhMRqQjMRzQrKKKQPysgjBurcZ3BUGUI=",
    "h1:Nf6J/TYFmlyVFRA2osrrcHVEQKRygP23bnhuHYtuT/M=",
    "h1:ehZdc2QQSWOU3yZpW6S9cMObJDbfp0Zr4JztENMiq/Q=",
    "h1:xINip88SuF5bZSdk/y6YLhsC0Y/HB4SEDrdEknxkY18=",
  ]
}
