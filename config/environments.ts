import * as path from 'path';
import { ChatOpsStackProps, StateBackend } from '../lib/constructs/chatops-stack';
import {
  DEVELOPMENT_POLICY_SETTINGS,
  PRODUCTION_POLICY_SETTINGS,
  Policy,
  PolicySettings,
  chatConfigurationChanges,
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
export interface EnvironmentPolicies {
  readonly builtIn: PolicySettings;
  /** Plain functions over the typed plan view, run after the built-ins. @default none */
  readonly custom?: readonly Policy[];
}

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
 * The environment table. Dev runs against the emulator started by `npm start` (its endpoint
 * and keys arrive through ALIBABA_CLOUD_OOS_ENDPOINT and ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET), so
 * nothing machine-specific is synthesised for it; its state is a local file, or PostgreSQL when
 * CHATOPS_DEV_PG_CONN_STR is set. Staging and prod use real OOS with state in OSS locked by
 * Tablestore, or in HCP Terraform workspaces. Policies: dev checks secrets and the Team tag;
 * staging adds a RAM role, Team + CostCenter and a resource group; prod also forbids replacing or
 * destroying a bot unless the run passes --allow-destructive.
 */
export function environments(options: EnvironmentOptions = {}): { readonly [name in EnvironmentName]: EnvironmentSettings } {
  const localDir = options.localDir ?? path.join(process.cwd(), '.chatops');
  const devPgConnStr = options.devPgConnStr ?? (process.env[DEV_PG_CONN_STR_VARIABLE] || undefined);
  const cloud = (environment: EnvironmentName): StateBackend | undefined =>
    options.hcpTerraform && { kind: 'cloud', ...options.hcpTerraform, workspace: `chatops-${environment}` };
  return {
    dev: {
      environment: 'dev',
      region: 'cn-hangzhou',
      credentials: { kind: 'default-chain' },
      backend: devPgConnStr
        ? { kind: 'pg', connStr: devPgConnStr, schemaName: 'chatops_dev' }
        : { kind: 'local', path: path.join(localDir, 'state', 'dev.tfstate') },
      defaultTags: { Team: 'platform', CostCenter: 'chatops-dev' },
      policies: { builtIn: DEVELOPMENT_POLICY_SETTINGS, custom: CUSTOM_POLICIES },
    },
    staging: {
      environment: 'staging',
      region: 'cn-hangzhou',
      credentials: { kind: 'default-chain' },
      backend: cloud('staging') ?? {
        kind: 'oss',
        bucket: 'chatops-terraform-state',
        prefix: 'staging',
        region: 'cn-hangzhou',
        tablestoreEndpoint: 'https://chatops-tf-lock.cn-hangzhou.ots.aliyuncs.com',
        tablestoreTable: 'terraform_lock',
      },
      resourceGroupId: 'rg-acfmstaging01',
      defaultTags: { Team: 'platform', CostCenter: 'chatops-nonprod' },
      policies: { builtIn: { ...PRODUCTION_POLICY_SETTINGS, forbidReplaceOrDestroy: false }, custom: CUSTOM_POLICIES },
    },
    prod: {
      environment: 'prod',
      region: 'cn-shanghai',
      credentials: { kind: 'assume-role', roleArn: 'acs:ram::1234567890123456:role/chatops-deployer', sessionName: 'cdktf-chatops' },
      backend: cloud('prod') ?? {
        kind: 'oss',
        bucket: 'chatops-terraform-state-prod',
        prefix: 'prod',
        region: 'cn-shanghai',
        tablestoreEndpoint: 'https://chatops-tf-lock-prod.cn-shanghai.ots.aliyuncs.com',
        tablestoreTable: 'terraform_lock',
      },
      resourceGroupId: 'rg-acfmprod0001',
      defaultTags: { Team: 'platform', CostCenter: 'chatops-prod' },
      policies: { builtIn: PRODUCTION_POLICY_SETTINGS, custom: [...CUSTOM_POLICIES, weChatInProdNeedsSignOff] },
    },
  };
}
