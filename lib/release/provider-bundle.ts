/**
 * The provider program bundled into one CommonJS file (esbuild, everything inlined), the input of
 * every release executable. The .proto files are compiled to protobufjs descriptors at bundle time
 * and put into the bundle in place of lib/tfplugin/protocol/proto-descriptors.ts, so nothing parses
 * .proto at run time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { compileProtoDescriptors, DESCRIPTORS_FILE } from '../tfplugin';
import { REPOSITORY } from './repository';

const KIT_PROTOCOL_DIR = 'lib/tfplugin/protocol';

/** The provider's entry point. */
export const PROVIDER_ENTRY = join(REPOSITORY, 'lib/provider/main.ts');

/** Where `npm run build` writes the development loader of the provider (its bundle beside it as `.bundle.js`). */
export const DEVELOPMENT_LOADER = join(REPOSITORY, 'dist/provider/terraform-provider-oos.js');

/** Where the release's bundle of the provider is kept between builds (git-ignored). */
export const RELEASE_BUNDLE = join(REPOSITORY, 'dist/release/bundle/terraform-provider-oos.js');

export interface BundleOptions {
  /** @default PROVIDER_ENTRY */
  readonly entry?: string;
  readonly outfile: string;
  readonly minify?: boolean;
  /** Keeps esbuild's `// <module path>` lines, so a CPU profile can name the module of each function (bench/profile-plan.ts). */
  readonly keepModuleComments?: boolean;
}

/**
 * Removes esbuild's `// <module path>` comment lines. They name each module by its path relative to
 * the working directory, which would make the bundle (and so the release executable and its lock
 * hash) depend on where the checkout and its node_modules sit.
 */
export function stripModulePathComments(source: string): string {
  return source.replace(/^\/\/ [^\s]+\.(?:[cm]?[jt]s|json)\n/gm, '');
}

/** The descriptors compiled from the source tree's .proto files. */
function descriptorsJson(): string {
  return JSON.stringify(compileProtoDescriptors(join(REPOSITORY, KIT_PROTOCOL_DIR, 'proto')));
}

/** Writes the descriptors beside the compiled kit in dist, for code run unbundled from there. */
export function writeDistDescriptors(): void {
  const directory = join(REPOSITORY, 'dist', KIT_PROTOCOL_DIR, 'proto');
  mkdirSync(directory, { recursive: true });
  replaceFile(join(directory, DESCRIPTORS_FILE), descriptorsJson());
}

/** Writes `file` aside and renames it into place: a process reading it meanwhile (another test worker) never sees half of it. */
function replaceFile(file: string, contents: string): void {
  writeFileSync(`${file}.${process.pid}`, contents);
  renameSync(`${file}.${process.pid}`, file);
}

/** Replaces the descriptors module with its result, so the bundle carries neither the .proto files nor the parser. */
function compiledDescriptorsPlugin(json: string): Plugin {
  return {
    name: 'compiled-proto-descriptors',
    setup(build) {
      build.onLoad({ filter: /[\\/]lib[\\/]tfplugin[\\/]protocol[\\/]proto-descriptors\.ts$/ }, () => ({
        contents: `export function protoDescriptors() { return ${json}; }`,
        loader: 'js',
      }));
    },
  };
}

/**
 * protobufjs takes `long` when it can find it, and long builds a WebAssembly module as it loads:
 * ~3 ms of every provider start under Bun, before the handshake. Without it protobufjs reads
 * 64-bit integers as numbers, which is what the kit asks for anyway (`longs: Number` in
 * grpc-services.ts); tfplugin6's int64 fields (schema versions, list sizes) are small.
 */
function withoutLongPlugin(): Plugin {
  return {
    name: 'without-long',
    setup(build) {
      build.onResolve({ filter: /^long$/ }, () => ({ path: 'long', namespace: 'without-long' }));
      build.onLoad({ filter: /.*/, namespace: 'without-long' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
}

/** Bundles `entry` into `outfile`; returns the files it was made of, relative to the checkout. */
export async function bundleProgram(options: BundleOptions): Promise<string[]> {
  const esbuild: typeof import('esbuild') = require('esbuild');
  const outfile = resolve(options.outfile);
  const result = await esbuild.build({
    entryPoints: [resolve(options.entry ?? PROVIDER_ENTRY)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: options.minify ?? false,
    sourcemap: false,
    legalComments: 'none',
    // Module keys in the bundle are paths relative to the root; symlinks are not followed, so a
    // node_modules that links elsewhere still reads "node_modules/..." and every checkout bundles the same bytes.
    absWorkingDir: REPOSITORY,
    preserveSymlinks: true,
    logLevel: 'warning',
    metafile: true,
    plugins: [compiledDescriptorsPlugin(descriptorsJson()), withoutLongPlugin()],
    // protobufjs probes optional modules through an eval'd require; that is deliberate.
    logOverride: { 'direct-eval': 'silent' },
  });
  if (!options.keepModuleComments) writeFileSync(outfile, stripModulePathComments(readFileSync(outfile, 'utf8')));
  return Object.keys(result.metafile.inputs);
}

/** The files a bundle was made of, as they are now: unchanged size and modification time mean unchanged (as make and tsc judge). */
function inputsDigest(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of inputs) {
    const stat = statSync(join(REPOSITORY, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'}\0`);
  }
  return hash.digest('hex');
}

/**
 * The provider's release bundle, rebuilt only when a file it is made of changed: a plan on an
 * unchanged checkout looks at the inputs (a few ms) instead of bundling (~1 s).
 */
export async function freshProviderBundle(outfile: string = RELEASE_BUNDLE): Promise<string> {
  const stampFile = `${outfile}.inputs.json`;
  if (existsSync(outfile) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs: string[]; digest: string };
    if (inputsDigest(stamp.inputs) === stamp.digest) return outfile;
  }
  mkdirSync(dirname(outfile), { recursive: true });
  // Built aside and renamed: a process reading the bundle meanwhile never sees half of one.
  const scratch = `${outfile}.${process.pid}.js`;
  const inputs = await bundleProgram({ outfile: scratch });
  renameSync(scratch, outfile);
  replaceFile(stampFile, JSON.stringify({ inputs, digest: inputsDigest(inputs) }));
  return outfile;
}
