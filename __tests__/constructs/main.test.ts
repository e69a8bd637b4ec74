import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../../main';
import { ENVIRONMENT_NAMES } from '../../config/environments';

describe('main.ts', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-synth-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('synthesises one valid stack per environment', () => {
    buildApp({ outdir: dir, localDir: path.join(dir, '.chatops') }).app.synth();
    expect(fs.readdirSync(path.join(dir, 'stacks')).sort()).toEqual([...ENVIRONMENT_NAMES].sort());
  });

  test('dev keeps its state under the local folder and leaves the endpoint to the environment', () => {
    buildApp({ outdir: dir, localDir: path.join(dir, '.chatops') }).app.synth();
    const dev = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'dev', 'cdk.tf.json'), 'utf8'));
    const statePath = dev.terraform.backend.local.path as string;
    expect(path.isAbsolute(statePath)).toBe(false);
    expect(path.resolve(dir, 'stacks', 'dev', statePath)).toBe(path.join(dir, '.chatops', 'state', 'dev.tfstate'));
    expect(dev.provider.oos[0].endpoint).toBeUndefined();
  });

  test('dev targets the emulator only; every stack has its own owner; staging and prod target the cloud', () => {
    buildApp({ outdir: dir, localDir: path.join(dir, '.chatops') }).app.synth();
    const provider = (env: string) => JSON.parse(fs.readFileSync(path.join(dir, 'stacks', env, 'cdk.tf.json'), 'utf8')).provider.oos[0];
    expect(provider('dev')).toMatchObject({ emulator_only: true, owner: 'chatops/dev' });
    for (const env of ['staging', 'prod']) {
      expect(provider(env).emulator_only).toBeUndefined();
      expect(provider(env).owner).toBe(`chatops/${env}`);
    }
  });

  test('every placeholder of the example account is marked for replacement in config/environments.ts', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'config', 'environments.ts'), 'utf8');
    for (const placeholder of [
      'rg-acfmstaging01',
      'rg-acfmprod0001',
      'acs:ram::1234567890123456:role/chatops-deployer',
      'chatops-terraform-state',
      'ots.aliyuncs.com',
    ]) {
      const lines = source.split('\n');
      const at = lines.findIndex((line) => line.includes(placeholder));
      expect(at).toBeGreaterThanOrEqual(0);
      // On the line itself or the line above.
      expect(`${lines[at - 1]}\n${lines[at]}`).toMatch(/REPLACE:/);
    }
  });

  test('staging and prod keep state in OSS', () => {
    buildApp({ outdir: dir }).app.synth();
    for (const env of ['staging', 'prod']) {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', env, 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(json.terraform.backend)).toEqual(['oss']);
    }
  });
});
