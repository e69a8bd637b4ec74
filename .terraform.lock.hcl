# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:0ke2mReogk0ut9alOKPIJYeKYc82mDlWyMB3qPVqIWs=",
    "h1:53NSgSRAPikOs1dp5ws+FIaJeqPwkLL/uMduAB0lVs0=",
    "h1:JSp80Ey3tkF3PJCJu0SJXmQ0tva3nYGucRQI1hrSCnM=",
    "h1:kGBBgDOAtUWxf8GRJhWr9TzyJz+2cNwWThPeSlit9lE=",
  ]
}
