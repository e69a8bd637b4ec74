/**
 * `npm run release`: the provider as release files for every platform (see docs/release.md).
 *
 *   npm run release -- [--platforms linux_amd64,darwin_amd64] [--out <dir>] [--unsigned]
 *                          [--node-version 22.23.3] [--measure <runs>]
 *                          [--registry-url https://registry.example.com/oos]
 *                          [--lock] [--cache-dir <dir>]
 *
 * --lock rewrites the committed .terraform.lock.hcl with the h1: hash of every platform built
 * (`npm run lock` = a quick unsigned build of the default platforms with --lock).
 *
 * The signing key comes from RELEASE_GPG_PRIVATE_KEY (armored) and RELEASE_GPG_PASSPHRASE;
 * without it the release is refused unless --unsigned says an unsigned one is meant.
 */
import { relative } from 'node:path';
import {
  buildRelease,
  freshProviderBundle,
  measureStartup,
  signingKeyFromEnvironment,
  SIGNING_KEY_ENV,
  terraformPlatformName,
  writeLockFile,
  type ReleaseOptions,
} from '../lib/release';

interface CliOptions extends ReleaseOptions {
  readonly unsigned: boolean;
  readonly measureRuns?: number;
  readonly lock: boolean;
}

function parseArguments(args: readonly string[]): CliOptions {
  const options: { -readonly [K in keyof CliOptions]: CliOptions[K] } = { unsigned: false, lock: false };
  for (let i = 0; i < args.length; i++) {
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`release: ${args[i - 1]} needs a value`);
      return next;
    };
    switch (args[i]) {
      case '--platforms':
        options.platforms = value().split(',');
        break;
      case '--out':
        options.outDir = value();
        break;
      case '--node-version':
        options.nodeVersion = value();
        break;
      case '--registry-url':
        options.registryBaseUrl = value();
        break;
      case '--measure':
        options.measureRuns = Number(value());
        break;
      case '--cache-dir':
        options.cacheDir = value();
        break;
      case '--lock':
        options.lock = true;
        break;
      case '--unsigned':
        options.unsigned = true;
        break;
      default:
        throw new Error(`release: unknown option ${args[i]} (see the header of scripts/release.ts)`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const signingKey = signingKeyFromEnvironment();
  if (!signingKey && !options.unsigned) {
    throw new Error(`release: set ${SIGNING_KEY_ENV} (and RELEASE_GPG_PASSPHRASE) to sign SHA256SUMS, or pass --unsigned for a local build`);
  }
  const started = Date.now();
  const bundle = await freshProviderBundle();
  const result = await buildRelease({ bundle, ...options, signingKey, log: (message) => console.error(`release: ${message}`) });
  console.log(`terraform-provider-oos ${result.version} on Node ${result.nodeVersion}, in ${relative(process.cwd(), result.outDir) || '.'}:`);
  for (const file of result.files) console.log(`  ${file.name}  ${file.size} bytes  sha256 ${file.sha256}`);
  for (const archive of result.archives) console.log(`  ${archive.platform}: ${archive.h1} ${archive.zh}`);
  if (result.signature) console.log(`signed with key ${result.signature.keyId}`);
  for (const executable of result.executables.filter((candidate) => candidate.needsCodesign)) {
    console.log(`NOTE ${executable.platform}: built off a mac, it is unsigned; see docs/release.md ("macOS").`);
  }
  console.log(`filesystem mirror: ${result.filesystemMirror}\nnetwork mirror:    ${result.networkMirror}`);
  if (result.registry) console.log(`static registry:   ${result.registry}`);
  if (options.lock) {
    const lockFile = writeLockFile({ filesystemMirror: result.filesystemMirror, platforms: result.archives.map((archive) => archive.platform) });
    console.log(`lock file: ${relative(process.cwd(), lockFile)} (${result.archives.map((archive) => archive.platform).join(', ')}); commit it`);
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const host = result.executables.find((executable) => executable.platform === terraformPlatformName());
  if (options.measureRuns && host) {
    const figures = await measureStartup(host.file, options.measureRuns);
    console.log(`start to handshake (${host.platform}, ${figures.runs} runs): median ${figures.medianMs.toFixed(1)} ms, p90 ${figures.p90Ms.toFixed(1)} ms`);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
