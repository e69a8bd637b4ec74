# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:5nfzum/QxMpjE0JczRB8XRGlnA5i3lh0xHI0fd5pHrc=",
    "h1:D2uRn2l9Xol+GlMHH5xBKhMSaFp2CJTos4Lvw/wgSHA=",
    "h1:i2TZf6adAdnP8NSqo0nuMdvV2hst3XDSHlbqCBcESg8=",
    "h1:x7VvrrWBdtJYahlGtFJ/QIlsCw7EgVsATr48Q0XnG3c=",
    "h1:ysxqeyhzVMZLGwt4H9u6JoDYASd2FL8FommfT5RoyNI=",
  ]
}
