# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:ODy6+xRNaNsu1QSbsBYxy4T6+DHm9VJoiz2Y0xmmD9s=",
    "h1:ZA/ruGMpTbEsPNakSpt+CrS6DuH7VchMuVUyD369RCc=",
    "h1:aPT6E932VwhEiEyUrrrBrH2E4PRT32Xx+3nXN+/VdDc=",
    "h1:ru8yD+85hSIgWjf35J38s+ZA0oKgR/USSdPBOmMndBE=",
    "h1:xO2noH0cyBT/7Q4NSIcSluVCF7H10fqkEkonBT7aNc8=",
  ]
}
