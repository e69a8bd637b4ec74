# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:Ceg2VgZT3OoTBASNQKAN2pkJ0wH6gTL6ODISRbY83mg=",
    "h1:MMo7CSkPk5xeUxCU1V8+eFahocE+kzoAhoy72nh4TIc=",
    "h1:Zf5L5iflpQgadl9mzpo4yeEa7xcaRjcAYPgUDupJu3M=",
    "h1:qeJ4J+p5AH4uJn3kzJG8dw41gU62CHV6dYfJH0sHvDU=",
    "h1:rRpve+1Rxv5DOGSSYq2hXdBLkYPCZENv02dcMbZejJA=",
  ]
}
