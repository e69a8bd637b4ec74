# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:BlBHp9712wF/8oqc3KxwJYRcax2C69bkF4oZvosjrU0=",
    "h1:NQuJ5Jh+sGvDS90hLRetG26zSNZhLCTUuGW/GpuhYjw=",
    "h1:Qn5hKyuBcevR+RjWBZTqZylncGqvx/pUqfs3NZg27ZI=",
    "h1:ZC2CLzia6eK4sCOU+f1so1qCsKjeWwidieS/sZdQoXA=",
    "h1:wl3su/1XsMo1a++cArKjbZCp55wShmcD5L7GoqfJvkk=",
  ]
}
