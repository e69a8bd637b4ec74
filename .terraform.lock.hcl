# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:0+SKbgZMxXNMIi4j03FfRJsjKzFmrZtV7ywhGq/XA30=",
    "h1:5YdfXHMkSnMyLdh8GRciaSQ/F3WVvx3IE0Ib7EzISqg=",
    "h1:Iw9LIY3bBz3GzGaSz4nYWQwufpIIED5G6mIXu7MZ+7k=",
    "h1:jgmUXF6Lfpb9uiuAQkJuGCQBwgk4AAaS/WoTsgRh4iY=",
    "h1:xFn9kojNmWjHOA5wvu/uM+ZxnIbXsYyzbW5EcIgPry0=",
  ]
}
