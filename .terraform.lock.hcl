# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "oos-chatops.local/chatops/oos" {
  version     = "0.1.0"
  constraints = "~> 0.1"
  hashes = [
    "h1:/uT33881C/HgmkAEvy/jg89TYMOt8P33SH3/4Ycbk/g=",
    "h1:1Npv6AHztLRjxX5UA+8QiC5M1LhABwjLSBCXnnRABF0=",
    "h1:JGKXM2pQuYkK8DzTNuFdTw8CzvuZqHj+Qn1apbPkWPE=",
    "h1:ekV4i0rTIADDGGunE5Y4POm4G9LG7xoAumFLPHtACUA=",
    "h1:v3jDQ3i+I7S8zRaYE/iJIo7No8JeUJT3O8LH3v6Q5Rg=",
  ]
}
