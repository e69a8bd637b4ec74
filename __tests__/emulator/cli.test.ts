/** The oos-emulator command line: options, and a banner that never shows a configured secret. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { optionsFromArguments, parseArguments, startupBanner } from '../../lib/emulator/cli';
import { DEFAULT_EMULATOR_CREDENTIAL } from '../../lib/emulator';

it('reads every option in both --name value and --name=value forms', () => {
  const values = parseArguments([
    '--port',
    '0',
    '--data=/tmp/x.json',
    '--throttling-rate',
    '0.5',
    '--latency-ms=20',
    '--tag-resource-type',
    'chat',
    '--fault-seed=42',
  ]);
  expect(values).not.toBe('help');
  const options = optionsFromArguments(values as Map<string, string>, {});
  expect(options).toMatchObject({ port: 0, dataFile: '/tmp/x.json', tagResourceType: 'chat', faults: { throttlingRate: 0.5, latencyMs: 20 }, faultSeed: 42 });
  expect(options.credentials).toBeUndefined();
});

it('answers --help', () => {
  expect(parseArguments(['--port', '1', '--help'])).toBe('help');
});

it('refuses unknown options and non-numeric numbers', () => {
  expect(() => parseArguments(['--prot', '1'])).toThrow(/Unknown argument/);
  expect(() => optionsFromArguments(new Map([['drop-rate', 'lots']]), {})).toThrow(/must be a number/);
});

it('takes the secret from OOS_EMULATOR_ACCESS_KEY_SECRET when not given as an option', () => {
  const options = optionsFromArguments(new Map([['access-key-id', 'LTAImine']]), { OOS_EMULATOR_ACCESS_KEY_SECRET: 'from-env' });
  expect(options.credentials).toEqual([{ accessKeyId: 'LTAImine', accessKeySecret: 'from-env' }]);
});

it('prints the listening line first and never a configured secret', () => {
  const lines = startupBanner('http://127.0.0.1:4566', { accessKeyId: 'LTAImine', accessKeySecret: 'my-real-secret' });
  expect(lines[0]).toBe('OOS emulator listening on http://127.0.0.1:4566');
  expect(lines.join('\n')).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID=LTAImine');
  expect(lines.join('\n')).toContain('ALIBABA_CLOUD_OOS_ENDPOINT=http://127.0.0.1:4566');
  expect(lines.join('\n')).not.toContain('my-real-secret');
});

it('may show the published default credential', () => {
  const lines = startupBanner('http://127.0.0.1:1', DEFAULT_EMULATOR_CREDENTIAL);
  expect(lines.join('\n')).toContain(`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${DEFAULT_EMULATOR_CREDENTIAL.accessKeySecret}`);
});

// The command runs from the build (npm test builds first); without dist/ there is nothing to run.
const compiledCli = path.resolve(__dirname, '..', '..', 'dist', 'lib', 'emulator', 'cli.js');
const itWithBuild = fs.existsSync(compiledCli) ? it : it.skip;

itWithBuild('prints the listening line and exits cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [path.resolve(__dirname, '..', '..', 'bin', 'oos-emulator.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(data.toString().split('\n')[0])));
  expect(firstLine).toMatch(/^OOS emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
});
