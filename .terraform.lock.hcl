# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:HnMBSxvFYOZJjd7QaV5CNv5pZI5VaA1ShcQMKBm9z1A=",
    "h1:kULmG1bLzLkp0F1aoZMajDSlgkpLZb8SFq1cJ24ZiPw=",
    "h1:rBVOIpDTbsxC2kH45mSToTXMXnKD+Zj8F+3PahZcnpI=",
    "h1:wZyFoU31k77gRhD13OlD6AQrOp/zJB1XlEcR6Ixs3Xo=",
    "h1:waMIGDV7Dwl7e0GyxQa0yvs7qXGFAVv6OL8bNSxN1bo=",
  ]
}
