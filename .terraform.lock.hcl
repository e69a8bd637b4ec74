# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:+rZjgBtx+Y+DGPzktgZBxB3yPKatG3twpfeHY+rRltk=",
    "h1:3UEr+o3Vhk5GY+YtSAR/oce6a5WBk3uLUF+UHSUMjZs=",
    "h1:I92CElmupgDAoCn/Uhl5MmuxSYVXZ38sy+sthxcO1uk=",
    "h1:erdpC4TJ71hQ77GdE5Mtp8ICISWVzbBvFhZtVTQP3WA=",
    "h1:wFT0MxfLrM7zQbeam4ztuHqjkHfaIXaDCezJv/vYVv8=",
  ]
}
