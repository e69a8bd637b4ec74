/**
 * Signs and sends one attempt of an OOS (2019-06-01) RPC action with @alicloud/openapi-core and
 * the @alicloud/credentials chain. The library's own retry is off: attempts, delays and the
 * deadline are the client's (calls.ts).
 *
 * The libraries and the credential chain are required on the first call, not at import: a
 * process that imports the client only to describe itself (a plugin handshake, a schema request)
 * must not pay for loading them, nor read credential files.
 *
 * Connections: openapi-core passes no agent of its own, so every attempt goes through httpx's
 * module-wide keep-alive agents and reuses idle connections to the endpoint.
 */
import type OpenApiClient from '@alicloud/openapi-core';
import type CredentialClass from '@alicloud/credentials';
import type { ResolvedEndpoint, SettingNames } from './config';
import { buildCredential, observeCredential, type CredentialSettings } from './credentials';
import { OosConfigError, OosCredentialsError } from './errors';
import type { SecretRedactor } from './redaction';
import { OOS_API_VERSION } from '../domain';

type CoreModule = typeof import('@alicloud/openapi-core');
type DaraModule = typeof import('@darabonba/typescript');

/** Query values OOS receives; undefined ones are left out. */
export type QueryInput = Record<string, string | number | boolean | undefined | ReadonlyArray<Record<string, string>>>;

/** A 2xx answer as openapi-core returns it (error answers are thrown). */
export interface RawAnswer {
  readonly statusCode?: number;
  readonly body?: unknown;
}

/** One signed request, ready to be sent as often as the retries need; `timeoutMs` bounds connect and read. */
export type PreparedRequest = (timeoutMs: number) => Promise<RawAnswer>;

export interface TransportSettings {
  readonly regionId: string;
  readonly endpoint: ResolvedEndpoint;
  readonly credentials: CredentialSettings | undefined;
  readonly userAgent: string | undefined;
  /** Connect and read timeout of one attempt when the request gives none. */
  readonly requestTimeoutMs: number;
  /** How a credential failure's fix names the settings. */
  readonly settingNames: SettingNames;
}

interface Loaded {
  readonly core: CoreModule;
  readonly dara: DaraModule;
  readonly api: OpenApiClient;
}

export class OosTransport {
  private loaded: Loaded | undefined;

  constructor(
    private readonly settings: TransportSettings,
    /** Learns every secret the credential chain yields, and masks them in setup errors. */
    private readonly redactor: SecretRedactor,
  ) {}

  /**
   * Encodes `params` once for every attempt of `action`. Throws OosConfigError or
   * OosCredentialsError when the credential chain cannot be set up (nothing is sent then).
   */
  prepare(action: string, params: QueryInput): PreparedRequest {
    const { core, dara, api } = this.load();
    const { regionId, endpoint } = this.settings;
    // Parameters go in the signed form body, not the URL: a 16 KiB Configuration would overflow
    // the gateway's request-line limit (HTTP 431), and URLs end up in proxy logs.
    const request = new core.$OpenApiUtil.OpenApiRequest({ body: core.OpenApiUtil.query({ RegionId: regionId, ...params }) });
    const rpc = new core.$OpenApiUtil.Params({
      action,
      version: OOS_API_VERSION,
      protocol: endpoint.protocol,
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
    return (timeoutMs) => api.callApi(rpc, request, new dara.RuntimeOptions({ autoretry: false, readTimeout: timeoutMs, connectTimeout: timeoutMs }));
  }

  private load(): Loaded {
    if (this.loaded) return this.loaded;
    const core = require('@alicloud/openapi-core') as CoreModule;
    const dara = require('@darabonba/typescript') as DaraModule;
    const { regionId, endpoint, credentials, userAgent, requestTimeoutMs } = this.settings;
    const api = new core.default(
      new core.$OpenApiUtil.Config({
        credential: this.credential(credentials),
        regionId,
        endpoint: endpoint.host,
        protocol: endpoint.protocol,
        userAgent,
        readTimeout: requestTimeoutMs,
        connectTimeout: requestTimeoutMs,
      }),
    );
    this.loaded = { core, dara, api };
    return this.loaded;
  }

  private credential(settings: CredentialSettings | undefined): CredentialClass {
    let credential: CredentialClass;
    try {
      credential = buildCredential(settings);
    } catch (err) {
      if (err instanceof OosConfigError) throw err;
      const why = err instanceof Error ? err.message : String(err);
      throw new OosCredentialsError(`OOS credentials could not be set up: ${this.redactor.redact(why)}`);
    }
    const observed = observeCredential(
      credential,
      (secret) => this.redactor.remember(secret),
      (s) => this.redactor.redact(s),
      this.settings.settingNames,
    );
    return observed as unknown as CredentialClass;
  }
}
