/**
 * `npm run release`: the provider as release files for every platform (see docs/release.md).
 *
 *   npm run release -- [--platforms linux_amd64,darwin_amd64] [--out <dir>] [--unsigned]
 *                          [--bun-version 1.4.5] [--measure <runs>]
 *                          [--registry-url https://registry.example.com/oos]
 *                          [--lock] [--cache-dir <dir>]
 *
 * --lock rewrites the committed .terraform.lock.hcl with the h1: hash of every platform built
 * (`npm run lock` = a quick unsigned build of the default platforms, all five, with --lock).
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
import { defineCommand, runCommand } from '../lib/command-line';

const RELEASE = defineCommand({
  name: 'release',
  invocation: 'npm run release --',
  description: 'Builds the provider as release files for every platform (docs/release.md).',
  options: {
    platforms: { type: 'string', value: 'a,b', description: 'the platforms to build, e.g. linux_amd64,darwin_amd64 (default: all five)' },
    out: { type: 'string', value: 'dir', description: 'where the release files go' },
    unsigned: { type: 'boolean', description: `build without signing SHA256SUMS (no ${SIGNING_KEY_ENV} needed)` },
    'bun-version': { type: 'string', value: 'version', description: 'the Bun runtime to compile with, e.g. 1.4.5' },
    measure: { type: 'number', integer: true, value: 'runs', description: "time this machine's executable from start to handshake over this many runs" },
    'registry-url': { type: 'string', value: 'url', description: 'also lay out a static registry served from this URL' },
    lock: { type: 'boolean', description: 'rewrite the committed .terraform.lock.hcl with the h1: hash of every platform built' },
    'cache-dir': { type: 'string', value: 'dir', description: "Bun's download cache" },
  },
});

void runCommand(RELEASE, async ({ options: cli }) => {
  const options = {
    platforms: cli.platforms?.split(','),
    outDir: cli.out,
    bunVersion: cli['bun-version'],
    registryBaseUrl: cli['registry-url'],
    cacheDir: cli['cache-dir'],
  } satisfies ReleaseOptions;
  const signingKey = signingKeyFromEnvironment();
  if (!signingKey && !cli.unsigned) {
    throw new Error(`set ${SIGNING_KEY_ENV} (and RELEASE_GPG_PASSPHRASE) to sign SHA256SUMS, or pass --unsigned for a local build`);
  }
  const started = Date.now();
  const bundle = await freshProviderBundle();
  const result = await buildRelease({ bundle, ...options, signingKey, log: (message) => console.error(`release: ${message}`) });
  console.log(`terraform-provider-oos ${result.version} on Bun ${result.bunVersion}, in ${relative(process.cwd(), result.outDir) || '.'}:`);
  for (const file of result.files) console.log(`  ${file.name}  ${file.size} bytes  sha256 ${file.sha256}`);
  for (const archive of result.archives) console.log(`  ${archive.platform}: ${archive.h1} ${archive.zh}`);
  if (result.signature) console.log(`signed with key ${result.signature.keyId}`);
  for (const executable of result.executables.filter((candidate) => candidate.needsCodesign)) {
    console.log(`NOTE ${executable.platform}: its code signature does not hold; sign it on a mac (docs/release.md, "macOS").`);
  }
  console.log(`filesystem mirror: ${result.filesystemMirror}\nnetwork mirror:    ${result.networkMirror}`);
  if (result.registry) console.log(`static registry:   ${result.registry}`);
  if (cli.lock) {
    const lockFile = writeLockFile({ filesystemMirror: result.filesystemMirror, platforms: result.archives.map((archive) => archive.platform) });
    console.log(`lock file: ${relative(process.cwd(), lockFile)} (${result.archives.map((archive) => archive.platform).join(', ')}); commit it`);
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const host = result.executables.find((executable) => executable.platform === terraformPlatformName());
  if (cli.measure && host) {
    const figures = await measureStartup(host.file, cli.measure);
    console.log(`start to handshake (${host.platform}, ${figures.runs} runs): median ${figures.medianMs.toFixed(1)} ms, p90 ${figures.p90Ms.toFixed(1)} ms`);
  }
  return 0;
});
