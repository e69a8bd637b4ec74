# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:94y5XuJ0dA2QvkD2qbUA/wBwBttxaLaugGoGLi/V8OE=",
    "h1:D0sH6TSwvuJx3GjzPLWSXhxu384gPLv8iSCGWEe4jR0=",
    "h1:IOdc9Y2Ms507oVx19T4/2QqJLJvYvSQQIEyxuS7qfl8=",
    "h1:JlDwQxFg8LJ6JyLZyR6+QbgdfBTy8exRy6lYURmRQSE=",
    "h1:iJ4xP4ORJlQ26CE64whSVWliVRBbCB3fdK63gqhZcbw=",
  ]
}
