/**
 * `npm run emulator [-- --port 4566]`: the OOS emulator for the dev stack, in the foreground, with
 * the data npm start keeps (.chatops/emulator-data.json). It seeds the secret parameters dev reads
 * and prints the `export` lines that plain `cdktf diff|deploy|output|destroy dev` need in another
 * shell. Stop it with Ctrl-C.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_EMULATOR_CREDENTIAL, startEmulator } from '../lib/emulator';
import { isNotFound } from '../lib/oos';
import { devSecret, devSecretsFile, emulatorClient, emulatorClientEnvironment } from '../lib/tooling';
import { buildApp } from '../main';

const DEFAULT_PORT = 4566;

/** The secret parameters and secret variables the synthesised dev stack asks for. */
function devSecrets(): { parameters: string[]; variables: string[] } {
  const outdir = mkdtempSync(join(tmpdir(), 'oos-emulator-synth-'));
  try {
    buildApp({ outdir }).app.synth();
    const stack = JSON.parse(readFileSync(join(outdir, 'stacks', 'dev', 'cdk.tf.json'), 'utf8')) as {
      resource?: { oos_chat_configuration?: Record<string, { client_secret_parameter?: string }> };
      variable?: Record<string, { ephemeral?: boolean; sensitive?: boolean }>;
    };
    const parameters = Object.values(stack.resource?.oos_chat_configuration ?? {}).flatMap((r) => r.client_secret_parameter ?? []);
    const variables = Object.entries(stack.variable ?? {}).flatMap(([name, v]) => (v.ephemeral || v.sensitive ? [name] : []));
    return { parameters: [...new Set(parameters)], variables };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

async function main(args: readonly string[]): Promise<void> {
  const portIndex = args.indexOf('--port');
  const port = portIndex >= 0 ? Number(args[portIndex + 1]) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${args[portIndex + 1]}"`);
  const localDir = join(process.cwd(), '.chatops');
  mkdirSync(localDir, { recursive: true });
  const emulator = await startEmulator({ port, dataFile: join(localDir, 'emulator-data.json'), credentials: [DEFAULT_EMULATOR_CREDENTIAL] });
  const client = emulatorClient(emulator.url);
  const { parameters, variables } = devSecrets();
  for (const parameter of parameters) {
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
    ...Object.fromEntries(variables.map((name) => [`TF_VAR_${name}`, devSecret(localDir, name)])),
  };
  console.log(
    `# OOS emulator at ${emulator.url} (data in .chatops/emulator-data.json, dev secrets in ${relative(process.cwd(), devSecretsFile(localDir))}); in another shell:`,
  );
  for (const [name, value] of Object.entries(exports)) console.log(`export ${name}=${shellQuote(value)}`);
  console.log('# then: npx cdktf deploy dev --auto-approve   (Ctrl-C here stops the emulator)');
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`npm run emulator: ${error.message}`);
  process.exitCode = 1;
});
