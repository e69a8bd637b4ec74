# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:8BlSwRWnpqiQkkBL/Hi7Ro+3fHqo6jQj+f9RVp91H8Q=",
    "h1:QzlxuRjphCXt6MotL0eCBRRp8Dyomy7q59mJmhRQ36o=",
    "h1:kJC27zm7E0TIjtqa84yDNiPd9XISVKOPH1N5vx65upU=",
    "h1:vWVPn7n9gF3NqLNkGRvUXev+OemsFeV+I2Qr616/5Dk=",
    "h1:ylMulmUCQf2bpa4ue/5BjNAOpVXAWjppHYwkJa7EV+k=",
  ]
}
