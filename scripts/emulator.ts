/**
 * `npm run emulator [-- --port 4566]`: the OOS emulator for the dev stack, in the foreground, with
 * the data npm start keeps (.chatops/emulator-data.json). It seeds the secret parameters dev reads
 * and prints the `export` lines that plain `cdktf diff|deploy|output|destroy dev` need in another
 * shell. Stop it with Ctrl-C.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { defineCommand, runCommand } from '../lib/command-line';
import { DEFAULT_EMULATOR_CREDENTIAL, startEmulator } from '../lib/emulator';
import { isNotFound } from '../lib/oos';
import { type SynthesizedConfig, devSecret, devSecretsFile, emulatorClient, emulatorClientEnvironment, readSynthesizedConfig } from '../lib/tooling';
import { buildApp } from '../main';

const EMULATOR = defineCommand({
  name: 'npm run emulator',
  invocation: 'npm run emulator --',
  description:
    "The OOS emulator for the dev stack, in the foreground, with npm start's data (.chatops/emulator-data.json).\nIt seeds dev's secret parameters and prints the export lines plain cdktf commands need in another shell.",
  options: {
    port: { type: 'number', integer: true, value: 'port', default: 4566, description: 'the TCP port to listen on' },
  },
});

/** The synthesised dev stack, read for the secret parameters and secret variables it asks for. */
function devStack(): SynthesizedConfig {
  const outdir = mkdtempSync(join(tmpdir(), 'oos-emulator-synth-'));
  try {
    buildApp({ outdir }).app.synth();
    return readSynthesizedConfig(join(outdir, 'stacks', 'dev', 'cdk.tf.json'));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

void runCommand(EMULATOR, async ({ options: { port } }) => {
  if (port < 0 || port > 65535) throw new Error(`--port must be a port number (0 to 65535), got ${port}`);
  const localDir = join(process.cwd(), '.chatops');
  mkdirSync(localDir, { recursive: true });
  const emulator = await startEmulator({ port, dataFile: join(localDir, 'emulator-data.json'), credentials: [DEFAULT_EMULATOR_CREDENTIAL] });
  const client = emulatorClient(emulator.url);
  const { secretParameters, secretVariables } = devStack();
  for (const parameter of secretParameters) {
    try {
      await client.getSecretParameter(parameter);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await client.createSecretParameter(parameter, devSecret(localDir, parameter), 'Seeded by npm run emulator');
    }
  }
  // Emulator keys and throwaway dev values only (the same ones npm start uses): nothing here is a real secret.
  const exports = {
    ...emulatorClientEnvironment(emulator.url),
    ...Object.fromEntries(secretVariables.map((name) => [`TF_VAR_${name}`, devSecret(localDir, name)])),
  };
  console.log(
    `# OOS emulator at ${emulator.url} (data in .chatops/emulator-data.json, dev secrets in ${relative(process.cwd(), devSecretsFile(localDir))}); in another shell:`,
  );
  for (const [name, value] of Object.entries(exports)) console.log(`export ${name}=${shellQuote(value)}`);
  console.log('# then: npx cdktf deploy dev --auto-approve   (Ctrl-C here stops the emulator)');
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
