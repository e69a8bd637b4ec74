# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:IfMr/tos2jjrgR8wmF5Y5Xk+nFnT7efxo02d7Ey897E=",
    "h1:N0/OLdpm3mwcEEx74pQJUURidwTZH5ElM5/ETav23h8=",
    "h1:NdaZTzJoHJ/57/or2AcFwvrL7RWy8ImpONgRJ4t1gi0=",
    "h1:k/0yQIMFUWT80P9OU7SkiOLASNKS/TDW4onxkB7RGfw=",
    "h1:qsOUuE1MsK+Mxl7ozY12zRndqZSuRANZKbnx2wbGru8=",
  ]
}
