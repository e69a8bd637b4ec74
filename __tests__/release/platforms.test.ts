/**
 * Every platform's executable is built on this (Linux) machine from Bun's npm packages: offline
 * once the packages are cached, writing nothing into the home folder, the same bytes in any
 * folder, and for macOS with a code signature that holds (arm64 macOS runs nothing else).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BUN_VERSION, KNOWN_PLATFORMS, providerBundle, REPOSITORY } from '../../lib/release';
import { bunRuntime, hostBun } from '../../lib/release/bun-compile';
import { sha256Hex } from '../../lib/release/hashes';
import { codeSignatureOf } from '../../lib/release/macho';
import { bundleProvider } from '../../lib/release';

const work = mkdtempSync(join(tmpdir(), 'platforms-test-'));
const cacheDir = join(REPOSITORY, 'dist/release/cache');
/** The compiled bun-compile module, run in a child process that may have no network. */
const COMPILER = join(REPOSITORY, 'dist/lib/release/bun-compile.js');
let bundle: string;
const built = new Map<string, string>();

/** `unshare -n` gives a child no network at all (root on Linux); elsewhere the build runs as is. */
const offline = spawnSync('unshare', ['-n', 'true']).status === 0;

/** Compiles `platform` in `folder` in a child process, offline when the machine allows, with `home` as its home folder. */
function compileIn(platformName: string, folder: string, home: string): string {
  const platform = KNOWN_PLATFORMS.find((known) => known.name === platformName)!;
  const output = join(folder, `terraform-provider-oos${platform.executableSuffix}`);
  const script = `require(${JSON.stringify(COMPILER)}).compileExecutable(${JSON.stringify({
    platform,
    bun: hostBun(DEFAULT_BUN_VERSION, cacheDir),
    runtime: bunRuntime(platform, DEFAULT_BUN_VERSION, cacheDir),
    bundle,
    output,
  })})`;
  const command = offline ? ['unshare', '-n', process.execPath] : [process.execPath];
  const result = spawnSync(command[0], [...command.slice(1), '-e', script], { env: { ...process.env, HOME: home }, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`compiling ${platformName} failed: ${result.stderr}`);
  return output;
}

beforeAll(async () => {
  const loader = await bundleProvider({ outfile: join(work, 'bundle', 'terraform-provider-oos.js'), codeCache: false });
  bundle = providerBundle(loader);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a binary's header says it is, read the way the loaders do. */
function format(binary: Buffer): string {
  if (binary.readUInt32BE(0) === 0x7f454c46) return `ELF ${({ 0x3e: 'x86-64', 0xb7: 'aarch64' } as Record<number, string>)[binary.readUInt16LE(18)]}`;
  if (binary.readUInt32LE(0) === 0xfeedfacf)
    return `Mach-O ${({ 0x01000007: 'x86_64', 0x0100000c: 'arm64' } as Record<number, string>)[binary.readUInt32LE(4)]}`;
  if (binary.toString('latin1', 0, 2) === 'MZ') return `PE ${binary.readUInt16LE(binary.readUInt32LE(0x3c) + 4) === 0x8664 ? 'x86-64' : 'other'}`;
  return 'unknown';
}

describe.each([
  ['linux_amd64', 'ELF x86-64'],
  ['linux_arm64', 'ELF aarch64'],
  ['darwin_amd64', 'Mach-O x86_64'],
  ['darwin_arm64', 'Mach-O arm64'],
  ['windows_amd64', 'PE x86-64'],
])('%s', (platform, expected) => {
  it(`is built here${offline ? ' with no network' : ''}, writing nothing into the home folder: ${expected}`, () => {
    const home = mkdtempSync(join(work, 'home-'));
    const folder = join(work, 'first', platform);
    mkdirSync(folder, { recursive: true });
    const file = compileIn(platform, folder, home);
    built.set(platform, file);
    expect({ format: format(readFileSync(file)), home: readdirSync(home) }).toEqual({ format: expected, home: [] });
  }, 240_000);
});

describe('macOS executables', () => {
  it('darwin_arm64 is signed ad hoc by the build, and every page hash of the signature matches the file', () => {
    const signature = codeSignatureOf(readFileSync(built.get('darwin_arm64')!));
    expect({ adhoc: signature?.adhoc, pagesMatch: signature?.pagesMatch }).toEqual({ adhoc: true, pagesMatch: true });
  });

  it('the signature check fails once one byte of the code changes', () => {
    const binary = readFileSync(built.get('darwin_arm64')!);
    binary[0x4000] ^= 0xff;
    expect(codeSignatureOf(binary)?.pagesMatch).toBe(false);
  });

  it("darwin_amd64 keeps no stale signature (Bun leaves its runtime's own, no longer matching, in x64)", () => {
    const signature = codeSignatureOf(readFileSync(built.get('darwin_amd64')!));
    expect(signature === undefined || signature.pagesMatch).toBe(true);
  });

  it('darwin_arm64 is the same bytes when built in another folder', () => {
    const folder = join(work, 'elsewhere', 'deeper', 'darwin_arm64');
    mkdirSync(folder, { recursive: true });
    const again = compileIn('darwin_arm64', folder, mkdtempSync(join(work, 'home-')));
    expect(sha256Hex(readFileSync(again))).toBe(sha256Hex(readFileSync(built.get('darwin_arm64')!)));
  }, 240_000);
});
