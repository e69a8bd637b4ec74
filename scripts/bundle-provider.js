#!/usr/bin/env node
/**
 * Bundles a provider entry point into one CommonJS file, so Terraform's ~4 provider starts per
 * apply each pay one file read instead of resolving hundreds of modules.
 *
 *   node scripts/bundle-provider.js [entry.ts] [--outfile <file>] [--minify]
 *
 * Defaults: entry lib/provider/main.ts, outfile dist/provider/terraform-provider-oos.js.
 * Before bundling, the .proto files are compiled to the JSON descriptors the protocol layer
 * imports (lib/provider/protocol/proto/descriptors.json), so nothing parses .proto at run time.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PROTO_DIR = path.join(ROOT, 'lib/provider/protocol/proto');
const PROTO_FILES = ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'];
const DESCRIPTORS_FILE = path.join(PROTO_DIR, 'descriptors.json');
const DEFAULT_ENTRY = path.join(ROOT, 'lib/provider/main.ts');
const DEFAULT_OUTFILE = path.join(ROOT, 'dist/provider/terraform-provider-oos.js');

/** The protobufjs JSON descriptors of every .proto the provider serves, as a string. */
function compileProtoDescriptors() {
  const protobuf = require('protobufjs');
  const root = new protobuf.Root();
  for (const file of PROTO_FILES) {
    // keepCase: field names stay as in the .proto (snake_case), matching the protocol docs.
    protobuf.parse(fs.readFileSync(path.join(PROTO_DIR, file), 'utf8'), root, { keepCase: true });
  }
  return JSON.stringify(root.toJSON({ keepComments: false }), null, 1) + '\n';
}

/** Rewrites descriptors.json when the .proto files changed; returns true if it wrote. */
function writeProtoDescriptors() {
  const json = compileProtoDescriptors();
  const current = fs.existsSync(DESCRIPTORS_FILE) ? fs.readFileSync(DESCRIPTORS_FILE, 'utf8') : '';
  if (current === json) return false;
  fs.writeFileSync(DESCRIPTORS_FILE, json);
  return true;
}

/**
 * Bundles `entry` into `outfile` (CommonJS, node20, everything inlined).
 * @param {{ entry?: string, outfile?: string, minify?: boolean }} [options]
 */
async function bundleProvider(options = {}) {
  const entry = path.resolve(options.entry ?? DEFAULT_ENTRY);
  const outfile = path.resolve(options.outfile ?? DEFAULT_OUTFILE);
  writeProtoDescriptors();
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: options.minify ?? false,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // protobufjs probes optional modules through an eval'd require; that is deliberate.
    logOverride: { 'direct-eval': 'silent' },
  });
  return outfile;
}

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--outfile') options.outfile = argv[++i];
    else if (argument === '--minify') options.minify = true;
    else if (argument.startsWith('--')) throw new Error(`bundle-provider: unknown option ${argument}`);
    else options.entry = argument;
  }
  return options;
}

if (require.main === module) {
  const options = parseArguments(process.argv.slice(2));
  if (!options.entry && !fs.existsSync(DEFAULT_ENTRY)) {
    // The provider's main is written separately; until it exists the build has nothing to bundle.
    writeProtoDescriptors();
    console.error(`bundle-provider: ${path.relative(ROOT, DEFAULT_ENTRY)} does not exist yet; nothing bundled.`);
    process.exit(0);
  }
  bundleProvider(options).then(
    (outfile) => console.error(`bundle-provider: wrote ${path.relative(process.cwd(), outfile)}`),
    (error) => {
      console.error(`bundle-provider: ${error.message}`);
      process.exit(1);
    },
  );
}

module.exports = { bundleProvider, compileProtoDescriptors, writeProtoDescriptors, DESCRIPTORS_FILE };
