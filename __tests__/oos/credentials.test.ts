/**
 * Which credential the client signs with, checked through the Authorization header a local
 * server receives (it does not verify signatures).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OosClient } from '../../lib/oos/client';
import { buildCredential, validateCredentialSettings } from '../../lib/oos/credentials';
import { OosCredentialsError } from '../../lib/oos/errors';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

let server: ScriptedServer;
let dir: string;
const ENV_KEYS = [
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
  'ALIBABA_CLOUD_CREDENTIALS_FILE',
  'ALIBABA_CLOUD_CLI_PROFILE_DISABLED',
  'ALIBABA_CLOUD_ECS_METADATA_DISABLED',
  'ALIBABA_CLOUD_PROFILE',
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
  'ALIBABA_CLOUD_CREDENTIALS_URI',
] as const;
const savedEnv: Record<string, string | undefined> = {};

beforeAll(async () => {
  server = await startScriptedServer();
  dir = mkdtempSync(join(tmpdir(), 'oos-cred-'));
  for (const k of ENV_KEYS) savedEnv[k] = process.env[k];
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  server.received.length = 0;
  for (const k of ENV_KEYS) delete process.env[k];
  // Keep every test off the network and away from the developer's own files.
  process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = 'true';
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = 'true';
  process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = join(dir, 'absent');
});

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

function signedKeyId(): string {
  const auth = String(server.received[server.received.length - 1]?.headers.authorization ?? '');
  return /Credential=([^,]+)/.exec(auth)?.[1] ?? '';
}

describe('credential settings', () => {
  test('an explicit AccessKey pair signs the requests', async () => {
    await new OosClient({
      regionId: 'cn-hangzhou',
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'explicit-id', accessKeySecret: 'explicit-secret' },
    }).deleteChatConfiguration('c');
    expect(signedKeyId()).toBe('explicit-id');
  });

  test('an STS token is sent as x-acs-security-token', async () => {
    await new OosClient({
      regionId: 'cn-hangzhou',
      endpoint: server.endpoint,
      credentials: { accessKeyId: 'STS.id', accessKeySecret: 'sts-secret', securityToken: 'the-token' },
    }).deleteChatConfiguration('c');
    expect(signedKeyId()).toBe('STS.id');
    expect(server.received[0].headers['x-acs-security-token']).toBe('the-token');
  });

  test('without settings the default chain reads ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET', async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = 'env-id';
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = 'env-secret';
    await new OosClient({ regionId: 'cn-hangzhou', endpoint: server.endpoint }).deleteChatConfiguration('c');
    expect(signedKeyId()).toBe('env-id');
  });

  test('a named profile is read from the credentials file without setting ALIBABA_CLOUD_PROFILE', async () => {
    const file = join(dir, 'credentials.ini');
    writeFileSync(
      file,
      '[default]\ntype = access_key\naccess_key_id = default-id\naccess_key_secret = s1\n\n[ci]\ntype = access_key\naccess_key_id = ci-id\naccess_key_secret = s2\n',
    );
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = file;
    await new OosClient({ regionId: 'cn-hangzhou', endpoint: server.endpoint, credentials: { profile: 'ci' } }).deleteChatConfiguration('c');
    expect(signedKeyId()).toBe('ci-id');
    expect(process.env.ALIBABA_CLOUD_PROFILE).toBeUndefined();
  });

  test('no credentials anywhere is an OosCredentialsError naming the fix, and nothing is sent', async () => {
    const err = await new OosClient({ regionId: 'cn-hangzhou', endpoint: server.endpoint }).deleteChatConfiguration('c').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OosCredentialsError);
    expect((err as Error).message).toMatch(
      /Set credentials.accessKeyId and credentials.accessKeySecret, or ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or a profile/,
    );
    expect(server.received).toHaveLength(0);
  });

  test('an unknown profile is an OosCredentialsError that names the profile', async () => {
    const err = await new OosClient({ regionId: 'cn-hangzhou', endpoint: server.endpoint, credentials: { profile: 'nope' } })
      .deleteChatConfiguration('c')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OosCredentialsError);
    expect((err as Error).message).toContain('profile "nope"');
  });

  test('assume_role on top of an AccessKey pair builds a ram_role_arn credential', () => {
    const credential = buildCredential({ accessKeyId: 'id', accessKeySecret: 's', assumeRole: { roleArn: 'acs:ram::1:role/deployer', durationSeconds: 900 } });
    expect(credential.getType()).toBe('ram_role_arn');
  });

  test('assume_role on top of a profile or the default chain builds a role-assuming credential', () => {
    expect(buildCredential({ profile: 'ci', assumeRole: { roleArn: 'acs:ram::1:role/deployer' } }).getType()).toMatch(/^ram_role_arn/);
    expect(buildCredential({ assumeRole: { roleArn: 'acs:ram::1:role/deployer', sessionName: 'tf' } }).getType()).toMatch(/^ram_role_arn/);
  });

  test('incomplete or conflicting settings are refused with the field names', () => {
    expect(() => validateCredentialSettings({ accessKeyId: 'id' })).toThrow(/access_key is set but secret_key is not/);
    expect(() => validateCredentialSettings({ accessKeySecret: 's' })).toThrow(/secret_key is set but access_key is not/);
    expect(() => validateCredentialSettings({ securityToken: 't' })).toThrow(/security_token is set without access_key/);
    expect(() => validateCredentialSettings({ accessKeyId: 'id', accessKeySecret: 's', profile: 'p' })).toThrow(/both profile and access_key/);
    expect(() => validateCredentialSettings({ assumeRole: { roleArn: 'role' } })).toThrow(/assume_role.role_arn: .* is not a RAM role ARN: use acs:ram::/);
    expect(() => validateCredentialSettings({ assumeRole: { roleArn: 'acs:ram::1:role/r', durationSeconds: 60 } })).toThrow(
      /assume_role.session_expiration: .* from 900 to 3600/,
    );
    expect(() => new OosClient({ regionId: 'cn-hangzhou', credentials: { accessKeyId: 'id' } })).toThrow(/secret_key/);
  });
});
