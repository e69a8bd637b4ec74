/**
 * A minimal cdktf app with one environment and two bots. Copy it as a starting point;
 * __tests__/constructs/example.test.ts keeps it compiling and valid.
 *
 *   TF_VAR_oncall_wechat_secret=... npx cdktf deploy sandbox --skip-provider-lock
 */
import { App } from '../../lib/constructs/framework';
import { ChatOpsStack, Platform, Secret } from '../../lib/constructs';

export function sandboxApp(outdir?: string): App {
  const app = new App({ outdir });
  const sandbox = new ChatOpsStack(app, 'sandbox', {
    environment: 'sandbox',
    region: 'cn-hangzhou',
    resourceGroupId: 'rg-acfmsandbox01',
    defaultTags: { Team: 'platform' },
  });

  // DingTalk: the secret lives in an OOS secret parameter; the provider reads it at apply time.
  sandbox.addChatConfiguration('ops', {
    platform: Platform.dingTalk({
      templateId: '381c5aee-f8af-48a4-94be-cce587e42ea4.schema',
      clientId: 'dingsandbox0001',
      clientSecret: Secret.fromSecretParameter('chatops-sandbox-ops-secret'),
    }),
    ramRole: 'AliyunOOSDefaultRole',
  });

  // WeChat: the secret comes from TF_VAR_oncall_wechat_secret; bump `version` to push a new one.
  sandbox.addChatConfiguration('oncall', {
    platform: Platform.weChat({
      clientSecret: Secret.fromVariable(sandbox, 'oncall_wechat_secret', { version: 1 }),
      settings: { CorpId: 'wwsandbox0001', AgentId: '1000002' },
    }),
    tags: { Team: 'sre' },
  });
  return app;
}

if (require.main === module) sandboxApp().synth();
