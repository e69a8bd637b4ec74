/**
 * The shared terraform tool: which binary it runs, the environment it gives terraform, and the
 * workspace it lays out. A stand-in "terraform" script records how it was called, so no real
 * terraform is needed.
 */
import { terraformPlatformName } from '../../lib/release';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT, TerraformWorkspace, emulatorClient, emulatorClientEnvironment, terraformCliEnvironment } from '../../lib/tooling';

let scratch: string;
let fakeTerraform: string;
const previousBinary = process.env.TERRAFORM_BINARY;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'terraform-tool-'));
  fakeTerraform = join(scratch, 'fake-terraform');
  // Prints its arguments and the variables under test, and exits with FAKE_EXIT (default 0).
  writeFileSync(
    fakeTerraform,
    '#!/bin/sh\necho "args: $*"\necho "config: $TF_CLI_CONFIG_FILE key: ${ALIBABA_CLOUD_ACCESS_KEY_ID:-none} var: ${TF_VAR_x:-none}"\necho "oops" >&2\nexit ${FAKE_EXIT:-0}\n',
  );
  chmodSync(fakeTerraform, 0o755);
});

afterAll(() => {
  if (previousBinary === undefined) delete process.env.TERRAFORM_BINARY;
  else process.env.TERRAFORM_BINARY = previousBinary;
  rmSync(scratch, { recursive: true, force: true });
});

function workspace(options: { binary?: string; onLine?: (line: string) => void } = {}): Promise<TerraformWorkspace> {
  return TerraformWorkspace.temporary({ provider: { type: 'fake', version: '1.2.3', bundle: fakeTerraform }, ...options });
}

describe('TerraformWorkspace', () => {
  test('runs TERRAFORM_BINARY when it is set, as npm start does', async () => {
    process.env.TERRAFORM_BINARY = fakeTerraform;
    const ws = await workspace();
    try {
      expect((await ws.init()).stdout).toContain('args: init -input=false -no-color');
    } finally {
      ws.dispose();
      delete process.env.TERRAFORM_BINARY;
    }
  });

  test('lays out the provider in terraform.d/plugins (the implied mirror, no provider_installation), and removes the folder on dispose', async () => {
    const ws = await workspace({ binary: fakeTerraform });
    const { stdout } = await ws.run(['version']);
    expect(stdout).toContain(`config: ${join(ws.dir, 'terraform.rc')}`);
    // The implied local mirror: a CLI configuration with a provider_installation block would turn it off.
    expect(ws.readFile('terraform.rc')).not.toContain('provider_installation');
    expect(ws.exists('terraform.d/plugins/oos-chatops.local/chatops/fake/1.2.3')).toBe(true);
    ws.dispose();
    expect(existsSync(ws.dir)).toBe(false);
  });

  test('expect names the command, the exit code and the output when terraform fails', async () => {
    const ws = await workspace({ binary: fakeTerraform });
    try {
      await expect(ws.expect(['plan', '-no-color'], 0, { FAKE_EXIT: '1' })).rejects.toThrow(
        /terraform plan -no-color exited 1, expected 0[\s\S]*args: plan[\s\S]*oops/,
      );
      expect((await ws.expect(['plan'], [0, 2], { FAKE_EXIT: '2' })).code).toBe(2);
    } finally {
      ws.dispose();
    }
  });

  test('hands every output line to onLine as it arrives, and then only points at them on failure', async () => {
    const lines: string[] = [];
    const ws = await workspace({ binary: fakeTerraform, onLine: (line) => lines.push(line) });
    try {
      await expect(ws.expect(['apply'], 0, { FAKE_EXIT: '1' })).rejects.toThrow(
        /^terraform apply failed with exit code 1 in .*; see the terraform lines above$/,
      );
      expect(lines).toEqual(expect.arrayContaining(['args: apply', 'oops']));
    } finally {
      ws.dispose();
    }
  });

  test('says how to point at terraform when the binary cannot be started', async () => {
    const ws = await workspace({ binary: join(scratch, 'no-terraform') });
    try {
      await expect(ws.run(['init'])).rejects.toThrow(/could not run .*no-terraform init: .*set TERRAFORM_BINARY/);
    } finally {
      ws.dispose();
    }
  });
});

describe('terraformCliEnvironment', () => {
  test('drops the caller’s Alibaba Cloud credentials, TF_VAR_ values and plugin cache, keeps the rest, and adds the CLI config and extras last', () => {
    const env = terraformCliEnvironment(
      '/x/terraform.rc',
      { TF_VAR_mine: 'kept' },
      {
        PATH: '/bin',
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'real',
        TF_VAR_x: 'leak',
        TF_CLI_CONFIG_FILE: '/other',
        TF_PLUGIN_CACHE_DIR: '/home/u/.terraform.d/plugin-cache',
      },
    );
    expect(env).toEqual({
      PATH: '/bin',
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      TF_CLI_CONFIG_FILE: '/x/terraform.rc',
      TF_VAR_mine: 'kept',
    });
  });
});

describe('emulator clients', () => {
  test('the environment and the OOS client point at the same emulator and region', () => {
    const env = emulatorClientEnvironment('http://127.0.0.1:4566', { regionId: 'cn-shanghai' });
    expect(env).toMatchObject({
      ALIBABA_CLOUD_OOS_ENDPOINT: 'http://127.0.0.1:4566',
      ALIBABA_CLOUD_REGION_ID: 'cn-shanghai',
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    });
    expect(emulatorClient('http://127.0.0.1:4566', { regionId: 'cn-shanghai' }).regionId).toBe('cn-shanghai');
  });
});

test('PACKAGE_ROOT is the folder of this package’s package.json', () => {
  expect((JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string }).name).toBe('oos-chatops');
});

test('platform names are Terraform’s (Go’s) for every Node platform, in one place', () => {
  expect(terraformPlatformName('linux', 'x64')).toBe('linux_amd64');
  expect(terraformPlatformName('win32', 'x64')).toBe('windows_amd64');
  expect(terraformPlatformName('darwin', 'arm64')).toBe('darwin_arm64');
  expect(terraformPlatformName('linux', 'ia32')).toBe('linux_386');
  expect(terraformPlatformName('linux', 'arm')).toBe('linux_arm');
});
