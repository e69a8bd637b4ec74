# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:A6FqPkvLj8NxuDYeTOQVm9nKGmsa2DuGXxuUabb6Zw8=",
    "h1:GyvtVHHfhaP0CjtoW7vDVL65ICYTysd1MNr6WaRT4Ak=",
    "h1:Waz+apz0jrGj8eialx9jDz4VgYvNemXt/At4AUYyj/M=",
    "h1:wx9C1LyFdD7dnq2wKYJ+Ve90Ld6PNOgf5k46PjYU+wg=",
  ]
}
