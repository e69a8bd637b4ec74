# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:IOhhY52Us7un70USbutcXppjZxlfR1XssXkTja/0aXM=",
    "h1:IPOulMuBTNyP6mMuQk7Sc9KZDe7NTYkznZVtP8OIs7E=",
    "h1:QJWcNpGIZebW7HIr19zxwSPxbvXaiWlFX319LjHJXiI=",
    "h1:VG/JhA0FKNBwCi98A+TRRAx41npSYBzo9v1VkoMzKiY=",
    "h1:g1jemxq+h/n9J/C1aoXfgdxF8vwlRgSajFwgSJ1XKPI=",
  ]
}
