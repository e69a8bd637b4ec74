/**
 * The ChatOps bots of every environment. The cdktf app (scripts/cdktf-app.ts, run by `npx cdktf
 * synth|diff|deploy` and `npm run plan|apply`) synthesises buildApp(); `npm start` deploys its
 * `dev` stack to the local OOS emulator.
 */
import { App } from './lib/constructs/framework';
import { ChatOpsStack, Platform, Secret } from './lib/constructs';
import { EnvironmentName, EnvironmentOptions, environments } from './config/environments';

/** Options of buildApp. */
export interface BuildOptions extends EnvironmentOptions {
  /** Where `app.synth()` writes. @default CDKTF_OUTDIR (set by the cdktf CLI), else cdktf.out */
  readonly outdir?: string;
  /** Changes applied after the table below, e.g. by tests. @default none */
  readonly customize?: (stacks: { readonly [name in EnvironmentName]: ChatOpsStack }) => void;
}

export function buildApp(options: BuildOptions = {}): { app: App; stacks: { readonly [name in EnvironmentName]: ChatOpsStack } } {
  const app = new App({ outdir: options.outdir, skipValidation: false });
  const env = environments(options);

  // ── dev: the local OOS emulator ─────────────────────────────────────────────────────────
  const dev = new ChatOpsStack(app, 'dev', env.dev);
  dev.addChatConfiguration('ops-dingtalk', {
    platform: Platform.dingTalk({
      templateId: 'dev-ops-template.schema',
      clientId: 'dingdevops0001',
      clientSecret: Secret.fromSecretParameter('chatops-dev-ops-dingtalk-secret'),
    }),
    ramRole: 'AliyunOOSDefaultRole',
  });
  dev.addChatConfiguration('alerts-wechat', {
    platform: Platform.weChat({
      clientSecret: Secret.fromVariable(dev, 'dev_alerts_wechat_secret', { version: 1 }),
      settings: { CorpId: 'wwdevcorp0001', AgentId: '1000002' },
    }),
    tags: { Team: 'sre' },
  });

  // ── staging ──────────────────────────────────────────────────────────────────────────
  const staging = new ChatOpsStack(app, 'staging', env.staging);
  staging.addChatConfiguration('ops-dingtalk', {
    platform: Platform.dingTalk({
      templateId: '381c5aee-f8af-48a4-94be-cce587e42ea4.schema',
      clientId: 'dingstagingops01',
      clientSecret: Secret.fromSecretParameter('chatops-staging-ops-dingtalk-secret'),
    }),
    ramRole: 'AliyunOOSDefaultRole',
  });

  // ── prod ─────────────────────────────────────────────────────────────────────────────
  const prod = new ChatOpsStack(app, 'prod', env.prod);
  prod.addChatConfiguration('ops-dingtalk', {
    platform: Platform.dingTalk({
      templateId: '7d2e4f10-5b3c-4c8e-9a61-2f0d8e9b7c55.schema',
      clientId: 'dingprodops0001',
      clientSecret: Secret.fromVariable(prod, 'prod_ops_dingtalk_secret', { version: 1 }),
    }),
    ramRole: 'ChatOpsProdOperator',
  });
  prod.addChatConfiguration('oncall-wechat', {
    platform: Platform.weChat({ settings: { CorpId: 'wwprodcorp0001', AgentId: '1000003' } }),
    ramRole: 'ChatOpsProdOperator',
    tags: { Team: 'sre', Criticality: 'high' },
  });

  const stacks = { dev, staging, prod };
  options.customize?.(stacks);
  return { app, stacks };
}
