/**
 * The OOS client adoption reads with, built from a stack's target: its region, endpoint and
 * credentials. A setting that cannot work fails here, before anything is asked, naming it.
 */
import { OosClient, OosConfigError } from '../oos';
import type { CredentialSettings } from '../oos';
import { AdoptionError } from './candidates';

/** Where a stack's configurations live and how to sign in there. */
export interface AdoptionTarget {
  readonly stack: string;
  /** @default ALIBABA_CLOUD_REGION_ID, else ALIBABA_CLOUD_REGION */
  readonly region?: string;
  /** @default ALIBABA_CLOUD_OOS_ENDPOINT, else oos.<region>.aliyuncs.com */
  readonly endpoint?: string;
  /** @default the default credential chain (ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET first) */
  readonly credentials?: CredentialSettings;
}

/** Reads only: short time budgets, since a person waits for the answer. */
const READ_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;

export function adoptionClient(target: AdoptionTarget, logger?: (line: string) => void): OosClient {
  try {
    return new OosClient({
      regionId: target.region,
      endpoint: target.endpoint,
      credentials: target.credentials,
      callBudgetMs: { read: READ_TIMEOUT_MS },
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      userAgent: 'oos-chatops-adopt',
      logger,
    });
  } catch (error) {
    if (!(error instanceof OosConfigError)) throw error;
    throw new AdoptionError(
      `stack ${target.stack}: ${error.message}. Fix the ${target.stack} entry of config/environments.ts or the environment variable named.`,
    );
  }
}
