terraform {
  required_providers {
    oos = {
      # The host never resolves: Terraform installs this provider only from a local mirror.
      source = "oos-chatops.local/chatops/oos"
    }
  }
}

# Credentials come from the default chain (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, OIDC,
# CLI profile, credentials file, ECS RAM role) unless set here.
provider "oos" {
  region = "cn-hangzhou"

  default_tags = {
    ManagedBy = "terraform"
  }

  # assume_role {
  #   role_arn     = "acs:ram::123456789012:role/chatops-deployer"
  #   session_name = "ci"
  # }
}
