#!/usr/bin/env node
/**
 * Runs one of this project's TypeScript commands the way `node file.js` runs a file:
 *
 *   node scripts/run.js scripts/plan.ts [args...]
 *
 * The command is bundled by esbuild into dist/cli/ (dependencies stay in node_modules) and rebuilt
 * only when one of the files it is made of changed since the last build, so `npm run plan` pays no
 * compiler when nothing changed and ~0.2 s when something did. Type-checking belongs to
 * `npm run lint`/`npm test`, never to the path from a commit to a reviewed plan.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist', 'cli');

/** What a file looked like when the last build read it: unchanged size and modification time mean unchanged. */
function fingerprint(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing';
}

/** Whether the last build is there and none of the files it was made of changed since. */
function upToDate(stampFile, outfile) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (!fs.existsSync(outfile) || stamp.node !== process.version) return false;
  return Object.entries(stamp.inputs).every(([file, seen]) => fingerprint(path.join(ROOT, file)) === seen);
}

function build(entry, outfile, stampFile) {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    absWorkingDir: ROOT,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  // Written aside and renamed: two commands starting at once never run half a bundle.
  const scratch = `${outfile}.${process.pid}`;
  fs.writeFileSync(scratch, result.outputFiles[0].contents);
  fs.renameSync(scratch, outfile);
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((file) => [file, fingerprint(path.join(ROOT, file))]));
  fs.writeFileSync(`${stampFile}.${process.pid}`, JSON.stringify({ node: process.version, inputs }));
  fs.renameSync(`${stampFile}.${process.pid}`, stampFile);
}

/** Runs `entry` (a .ts file of this project) with `args`, as `node` would run a file. */
function runTypeScript(entryArgument, args) {
  const entry = path.resolve(ROOT, entryArgument);
  const relative = path.relative(ROOT, entry).replace(/\.ts$/, '');
  const outfile = path.join(OUT_DIR, `${relative}.js`);
  const stampFile = path.join(OUT_DIR, `${relative}.inputs.json`);
  if (!upToDate(stampFile, outfile)) {
    fs.mkdirSync(path.dirname(outfile), { recursive: true });
    build(entry, outfile, stampFile);
  }
  // As if `node <outfile> args...` had been run: require.main is the command's module.
  process.argv = [process.argv[0], outfile, ...args];
  Module.runMain();
}

module.exports = { runTypeScript };

if (require.main === module) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('usage: node scripts/run.js <entry.ts> [args...]\n');
    process.exit(2);
  }
  runTypeScript(entry, args);
}
