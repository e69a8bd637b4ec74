/**
 * One platform's provider executable: the provider bundle compiled by Bun (`bun build --compile
 * --bytecode`) onto that platform's Bun runtime, both taken from the npm registry.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeSignatureOf, removeCodeSignature } from './macho';
import { fetchPackedBinary } from './npm-binary';
import { findPlatform, terraformPlatformName, type ReleasePlatform } from './platforms';
import { REPOSITORY } from './repository';
import { run } from './run';

/**
 * `platform`'s Bun runtime at `version`, from its npm package: the one `npm ci` installed (the
 * package is an optional dependency, so npm installs this machine's, checked against
 * package-lock.json) when it is that version, else `npm pack`ed into `cacheDir`.
 */
export function bunRuntime(platform: ReleasePlatform, version: string, cacheDir: string): string {
  const installed = join(REPOSITORY, 'node_modules', platform.bunPackage);
  const binary = join(installed, platform.bunBinaryInPackage.replace(/^package\//, ''));
  if (existsSync(binary) && (JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version?: string }).version === version) return binary;
  return fetchPackedBinary({ packageName: platform.bunPackage, version, binaryInPackage: platform.bunBinaryInPackage }, cacheDir);
}

/** The Bun that compiles: the build machine's own runtime of the same version, from the same registry. */
export function hostBun(version: string, cacheDir: string): string {
  return bunRuntime(findPlatform(terraformPlatformName()), version, cacheDir);
}

/**
 * The flags of every build; part of the executable cache's key.
 * - `--bytecode`: JavaScriptCore's bytecode of the bundle goes into the executable, so a start
 *   compiles nothing (this replaced the Node executable's V8 code cache in the user's home).
 * - `--define __dirname=...`: Bun otherwise writes the build folder into the bundle as
 *   `var __dirname="/path/of/the/build"` (grpc-js names its optional .proto folders by it), and
 *   the bytecode's source hashes with it: two folders gave executables differing in 11 bytes.
 *   `/$bunfs/root` is where a compiled executable's own files live at run time.
 * - no autoloading of `.env` and `bunfig.toml`: a provider must not pick up settings (credentials!)
 *   from whatever folder Terraform runs in.
 * - `--compile-executable-path`: the target's runtime from the npm registry; without it Bun would
 *   download one from its own server.
 */
export const BUN_BUILD_FLAGS: readonly string[] = [
  '--compile',
  '--bytecode',
  '--minify',
  '--no-compile-autoload-dotenv',
  '--no-compile-autoload-bunfig',
  '--define',
  '__dirname="/$bunfs/root"',
];

export interface CompileInputs {
  readonly platform: ReleasePlatform;
  /** The host's Bun (hostBun). */
  readonly bun: string;
  /** The target platform's Bun runtime (bunRuntime). */
  readonly runtime: string;
  /** The self-contained CommonJS provider bundle. */
  readonly bundle: string;
  /** Where the executable goes; its folder is used for the build's scratch copy of the bundle. */
  readonly output: string;
}

export interface CompiledExecutable {
  readonly file: string;
  /** darwin_arm64 without a valid ad-hoc signature: arm64 macOS would refuse it (`codesign --sign -` it on a mac). */
  readonly needsCodesign: boolean;
}

/** Compiles the bundle into `output` for `platform`. The same bundle gives the same bytes in any folder. */
export function compileExecutable(inputs: CompileInputs): CompiledExecutable {
  const { platform, output } = inputs;
  mkdirSync(dirname(output), { recursive: true });
  // The entry's name is recorded in the executable: a fixed one, wherever the bundle came from.
  const entry = join(dirname(output), 'terraform-provider-oos.js');
  copyFileSync(inputs.bundle, entry);
  try {
    run(
      inputs.bun,
      ['build', ...BUN_BUILD_FLAGS, `--target=${platform.bunTarget}`, `--compile-executable-path=${inputs.runtime}`, `--outfile=${output}`, entry],
      {
        cwd: dirname(output),
        // Nothing in Bun's build may reach out or report home.
        env: { ...process.env, DO_NOT_TRACK: '1' },
      },
    );
  } finally {
    rmSync(entry, { force: true });
  }
  return { file: output, needsCodesign: platform.macho ? settleMachOSignature(output, platform) : false };
}

/**
 * Bun re-signs a darwin arm64 executable ad hoc after adding the bundle, but leaves the runtime's
 * own (Apple-issued) signature in a darwin x64 one, whose page hashes then no longer match: that
 * stale signature is removed, as for any unsigned Intel binary. Returns whether it still needs signing.
 */
function settleMachOSignature(file: string, platform: ReleasePlatform): boolean {
  const binary = readFileSync(file);
  const signature = codeSignatureOf(binary);
  if (signature?.pagesMatch) return false;
  if (signature) writeFileSync(file, removeCodeSignature(binary), { mode: 0o755 });
  return platform.arch === 'arm64';
}
