# Secret parameters are imported by name; the next apply sends value_wo as a new version.
terraform import oos_secret_parameter.wechat_bot_secret chatops-wechat-bot-secret
