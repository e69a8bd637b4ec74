import * as path from 'path';
import { ChatOpsStackProps, StateBackend } from '../lib/constructs/chatops-stack';
import {
  DEVELOPMENT_POLICY_SETTINGS,
  PRODUCTION_POLICY_SETTINGS,
  Policy,
  PolicyGate,
  chatConfigurationChanges,
  policySettingsFor,
  reviewedConfigurations,
  violation,
} from '../lib/pipeline';

/** The environments this project deploys, in promotion order. */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** Settings of one environment: everything its stack needs except the chat configurations. */
export interface EnvironmentSettings extends ChatOpsStackProps {
  readonly environment: EnvironmentName;
  /** What `npm run plan` and `npm run policy` enforce on this environment's plans. */
  readonly policies: EnvironmentPolicies;
}

/** The policy gate of one environment: built-ins switched on by settings, plus the team's own rules. */
export type EnvironmentPolicies = PolicyGate;

/** HCP Terraform or Terraform Enterprise: where staging and prod keep their state when it is chosen. */
export interface HcpTerraformOptions {
  readonly organization: string;
  /** @default app.terraform.io */
  readonly hostname?: string;
  /** Project of the workspaces. @default the organization's default project */
  readonly project?: string;
}

/** Options that change where state and local files go; tests point them at temp dirs and a throwaway PostgreSQL. */
export interface EnvironmentOptions {
  /** Folder of local state files and other per-machine data. @default <cwd>/.chatops */
  readonly localDir?: string;
  /**
   * Keeps dev's state in PostgreSQL at this connection string instead of a local file, e.g. on
   * CI runners that plan and apply on different machines. It must carry no password: the pg
   * backend reads PGPASSWORD (and PGUSER…) at plan/apply time. @default CHATOPS_DEV_PG_CONN_STR, else local state
   */
  readonly devPgConnStr?: string;
  /** Keeps staging's and prod's state in HCP Terraform workspaces chatops-<environment> instead of OSS. @default OSS */
  readonly hcpTerraform?: HcpTerraformOptions;
}

/** The env variable that points dev's state at PostgreSQL (see EnvironmentOptions.devPgConnStr). */
export const DEV_PG_CONN_STR_VARIABLE = 'CHATOPS_DEV_PG_CONN_STR';

/**
 * Custom rule: a bot's OOS name starts with its environment, so the bots of two environments
 * sharing one account never collide and a reviewer can tell them apart in the console.
 */
export const nameStartsWithEnvironment: Policy = function nameStartsWithEnvironment(plan, context) {
  const prefix = `${context.environment}-`;
  return reviewedConfigurations(plan)
    .filter((item) => typeof item.after?.name === 'string' && !item.after.name.startsWith(prefix))
    .map((item) =>
      violation(
        context,
        item,
        'name-starts-with-environment',
        `The name "${item.name}" does not start with "${prefix}".`,
        `Rename it to "${prefix}${item.name}" (addChatConfiguration does this when no name is given).`,
      ),
    );
};

/** Custom rule (warning): WeChat bots in prod need the on-call team's sign-off. */
export const weChatInProdNeedsSignOff: Policy = function weChatInProdNeedsSignOff(plan, context) {
  return chatConfigurationChanges(plan)
    .filter((item) => item.kind === 'create' && item.after?.type === 'WeChat')
    .map((item) => violation(context, item, 'wechat-sign-off', 'A new WeChat bot in prod.', 'Ask the on-call team to approve the pull request.', 'warning'));
};

const CUSTOM_POLICIES: readonly Policy[] = [nameStartsWithEnvironment];

/**
 * The environment table. Dev targets the local emulator only (`target: 'emulator'`): its provider
 * refuses any endpoint that is not on this machine, so dev can never reach the real account, and
 * its endpoint and keys arrive through ALIBABA_CLOUD_OOS_ENDPOINT and the emulator's published
 * ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET (`npm run emulator` prints them); its state is a local file,
 * or PostgreSQL when CHATOPS_DEV_PG_CONN_STR is set. Staging and prod use real OOS with state in
 * OSS locked by Tablestore, or in HCP Terraform workspaces (docs/production.md sets these up).
 * Policies: dev checks secrets and the Team tag; staging adds a RAM role, Team + CostCenter and a
 * resource group; prod also forbids replacing or destroying a bot unless the run passes
 * --allow-destructive. Tag policies follow each environment's `tagging` (policySettingsFor).
 *
 * Values marked `REPLACE:` are placeholders of this example account: put your own before the
 * first real deployment (docs/production.md, "Values to replace").
 */
export function environments(options: EnvironmentOptions = {}): { readonly [name in EnvironmentName]: EnvironmentSettings } {
  const localDir = options.localDir ?? path.join(process.cwd(), '.chatops');
  const devPgConnStr = options.devPgConnStr ?? (process.env[DEV_PG_CONN_STR_VARIABLE] || undefined);
  const cloud = (environment: EnvironmentName): StateBackend | undefined =>
    options.hcpTerraform && { kind: 'cloud', ...options.hcpTerraform, workspace: `chatops-${environment}` };
  // Whether OOS holds tags on chat configurations is not documented: 'auto' asks it at plan time.
  // Set 'off' for an environment whose region refuses them (its tag policies then stand down).
  const tagging = { dev: 'auto', staging: 'auto', prod: 'auto' } as const;
  return {
    dev: {
      environment: 'dev',
      target: 'emulator',
      region: 'cn-hangzhou',
      credentials: { kind: 'default-chain' },
      backend: devPgConnStr
        ? { kind: 'pg', connStr: devPgConnStr, schemaName: 'chatops_dev' }
        : { kind: 'local', path: path.join(localDir, 'state', 'dev.tfstate') },
      defaultTags: { Team: 'platform', CostCenter: 'chatops-dev' },
      tagging: tagging.dev,
      policies: { builtIn: policySettingsFor(DEVELOPMENT_POLICY_SETTINGS, tagging.dev), custom: CUSTOM_POLICIES },
    },
    staging: {
      environment: 'staging',
      target: 'cloud',
      region: 'cn-hangzhou', // REPLACE: your region
      credentials: { kind: 'default-chain' },
      backend: cloud('staging') ?? {
        kind: 'oss',
        bucket: 'chatops-terraform-state', // REPLACE: your state bucket (bucket names are global)
        prefix: 'staging',
        region: 'cn-hangzhou', // REPLACE: the bucket's region
        tablestoreEndpoint: 'https://chatops-tf-lock.cn-hangzhou.ots.aliyuncs.com', // REPLACE: your Tablestore instance's endpoint
        tablestoreTable: 'terraform_lock',
      },
      resourceGroupId: 'rg-acfmstaging01', // REPLACE: your staging resource group id
      defaultTags: { Team: 'platform', CostCenter: 'chatops-nonprod' },
      tagging: tagging.staging,
      policies: { builtIn: policySettingsFor({ ...PRODUCTION_POLICY_SETTINGS, forbidReplaceOrDestroy: false }, tagging.staging), custom: CUSTOM_POLICIES },
    },
    prod: {
      environment: 'prod',
      target: 'cloud',
      region: 'cn-shanghai', // REPLACE: your region
      // REPLACE: the deployer role of your account (docs/production.md creates it)
      credentials: { kind: 'assume-role', roleArn: 'acs:ram::1234567890123456:role/chatops-deployer', sessionName: 'cdktf-chatops' },
      backend: cloud('prod') ?? {
        kind: 'oss',
        bucket: 'chatops-terraform-state-prod', // REPLACE: your state bucket
        prefix: 'prod',
        region: 'cn-shanghai', // REPLACE: the bucket's region
        tablestoreEndpoint: 'https://chatops-tf-lock-prod.cn-shanghai.ots.aliyuncs.com', // REPLACE: your Tablestore instance's endpoint
        tablestoreTable: 'terraform_lock',
      },
      resourceGroupId: 'rg-acfmprod0001', // REPLACE: your prod resource group id
      defaultTags: { Team: 'platform', CostCenter: 'chatops-prod' },
      tagging: tagging.prod,
      policies: { builtIn: policySettingsFor(PRODUCTION_POLICY_SETTINGS, tagging.prod), custom: [...CUSTOM_POLICIES, weChatInProdNeedsSignOff] },
    },
  };
}
