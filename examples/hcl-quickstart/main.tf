# Plain HCL, no cdktf: the same provider from a .tf file.
#   npx oos-emulator --port 4566 &                      # or real OOS with your credentials
#   npx oos-provider-mirror terraform.d/plugins          # lay out the provider beside this file
#   export ALIBABA_CLOUD_OOS_ENDPOINT=http://127.0.0.1:4566 ALIBABA_CLOUD_REGION_ID=cn-hangzhou
#   export ALIBABA_CLOUD_ACCESS_KEY_ID=... ALIBABA_CLOUD_ACCESS_KEY_SECRET=... TF_VAR_client_secret=...
#   terraform init && terraform apply
terraform {
  required_providers {
    oos = {
      source = "oos-chatops.local/chatops/oos"
    }
  }
}

provider "oos" {
  default_tags = {
    ManagedBy = "terraform"
  }
}

variable "client_secret" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "oos_chat_configuration" "quickstart" {
  name                     = "quickstart-bot"
  type                     = "DingTalk"
  ram_role                 = "AliyunOOSDefaultRole"
  template_id              = "quickstart-template"
  client_id                = "quickstart-client"
  client_secret_wo         = var.client_secret
  client_secret_wo_version = 1
}

data "oos_chat_configurations" "all" {
  depends_on = [oos_chat_configuration.quickstart]
}

output "webhook_url" {
  value = oos_chat_configuration.quickstart.webhook_url
}

output "all_names" {
  value = data.oos_chat_configurations.all.names
}
