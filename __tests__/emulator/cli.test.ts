/** The oos-emulator command line: options, and a banner that never shows a configured secret. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandLine, usageText } from '../../lib/command-line';
import { EMULATOR_COMMAND, optionsFromArguments, startupBanner } from '../../lib/emulator/cli';
import { DEFAULT_EMULATOR_CREDENTIAL } from '../../lib/emulator';

it('reads every option in both --name value and --name=value forms', () => {
  const options = optionsFromArguments(
    ['--port', '0', '--data=/tmp/x.json', '--throttling-rate', '0.5', '--latency-ms=20', '--tag-resource-type', 'chat', '--fault-seed=42'],
    {},
  );
  expect(options).toMatchObject({ port: 0, dataFile: '/tmp/x.json', tagResourceType: 'chat', faults: { throttlingRate: 0.5, latencyMs: 20 }, faultSeed: 42 });
  expect(options.credentials).toBeUndefined();
});

it('answers --help with a usage text naming every option', () => {
  expect(parseCommandLine(EMULATOR_COMMAND, ['--port', '1', '--help']).helpRequested).toBe(true);
  for (const name of Object.keys(EMULATOR_COMMAND.options)) expect(usageText(EMULATOR_COMMAND)).toContain(`--${name}`);
});

it('refuses unknown options and non-numeric numbers', () => {
  expect(() => optionsFromArguments(['--prot', '1'], {})).toThrow('unknown option --prot.');
  expect(() => optionsFromArguments(['--drop-rate', 'lots'], {})).toThrow(/--drop-rate must be a number/);
});

it('takes the secret from OOS_EMULATOR_ACCESS_KEY_SECRET when not given as an option', () => {
  const options = optionsFromArguments(['--access-key-id', 'LTAImine'], { OOS_EMULATOR_ACCESS_KEY_SECRET: 'from-env' });
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
