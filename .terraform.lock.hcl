# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:Y2dBXaGNrO8mB8KKktiAgqkq8hSWhjU8IKJf2wzmEV0=",
    "h1:tL2uuUNlN0PcnKjxjkb5mK+3mhElxKzEmBGMCf4evm4=",
    "h1:vt8x42JbcSCaLMtoGf8fE8J9TxNhEuX6iQiz5vPLbJE=",
    "h1:yMF07imLbFMoqvTGIXYclZ/XCCmDQcBcxgmiPdvOvug=",
  ]
}
