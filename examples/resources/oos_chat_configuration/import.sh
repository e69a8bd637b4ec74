# Chat configurations are imported by name.
terraform import oos_chat_configuration.ops_bot ops-bot
