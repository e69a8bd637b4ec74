import * as path from 'path';
import { ChatOpsStackProps } from '../lib/constructs/chatops-stack';

/** The environments this project deploys, in promotion order. */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** Settings of one environment: everything its stack needs except the chat configurations. */
export interface EnvironmentSettings extends ChatOpsStackProps {
  readonly environment: EnvironmentName;
}

/** Options that change where local files go; tests point them at temp dirs. */
export interface EnvironmentOptions {
  /** Folder of local state files and other per-machine data. @default <cwd>/.chatops */
  readonly localDir?: string;
}

/**
 * The environment table. Dev runs against the emulator started by `npm start` (its endpoint
 * and keys arrive through ALIBABA_CLOUD_OOS_ENDPOINT and ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET), so
 * nothing machine-specific is synthesised for it. Staging and prod use real OOS with state in
 * OSS locked by Tablestore.
 */
export function environments(options: EnvironmentOptions = {}): { readonly [name in EnvironmentName]: EnvironmentSettings } {
  const localDir = options.localDir ?? path.join(process.cwd(), '.chatops');
  return {
    dev: {
      environment: 'dev',
      region: 'cn-hangzhou',
      credentials: { kind: 'default-chain' },
      backend: { kind: 'local', path: path.join(localDir, 'state', 'dev.tfstate') },
      defaultTags: { Team: 'platform', CostCenter: 'chatops-dev' },
    },
    staging: {
      environment: 'staging',
      region: 'cn-hangzhou',
      credentials: { kind: 'default-chain' },
      backend: {
        kind: 'oss',
        bucket: 'chatops-terraform-state',
        prefix: 'staging',
        region: 'cn-hangzhou',
        tablestoreEndpoint: 'https://chatops-tf-lock.cn-hangzhou.ots.aliyuncs.com',
        tablestoreTable: 'terraform_lock',
      },
      resourceGroupId: 'rg-acfmstaging01',
      defaultTags: { Team: 'platform', CostCenter: 'chatops-nonprod' },
    },
    prod: {
      environment: 'prod',
      region: 'cn-shanghai',
      credentials: { kind: 'assume-role', roleArn: 'acs:ram::1234567890123456:role/chatops-deployer', sessionName: 'cdktf-chatops' },
      backend: {
        kind: 'oss',
        bucket: 'chatops-terraform-state-prod',
        prefix: 'prod',
        region: 'cn-shanghai',
        tablestoreEndpoint: 'https://chatops-tf-lock-prod.cn-shanghai.ots.aliyuncs.com',
        tablestoreTable: 'terraform_lock',
      },
      resourceGroupId: 'rg-acfmprod0001',
      defaultTags: { Team: 'platform', CostCenter: 'chatops-prod' },
    },
  };
}
