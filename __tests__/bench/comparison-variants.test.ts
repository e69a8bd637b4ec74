/**
 * The bench's own pieces, checked for behaviour (never for speed): the grpc-js floor and the kit's
 * echo_thing must be the same provider to Terraform as the Go anchor's, or the comparison measures
 * different work; and a machine setting the bench clears must be reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleProvider, providerBundle } from '../../lib/release';
import { startEmulator } from '../../lib/emulator';
import { emulatorClientEnvironment } from '../../lib/tooling';
import {
  FLOOR_ENTRY,
  KIT_ECHO_ENTRY,
  SCHEMA_FLOOR_ENTRY,
  benchEnvironment,
  benchExecutable,
  benchWorkspace,
  releaseOosProvider,
  setUpBenchMirror,
  type BenchMirror,
} from '../../bench/bench-support';

describe('the machine settings the bench clears', () => {
  test('NODE_EXTRA_CA_CERTS is cleared for the runs and named in the notes', () => {
    const { overrides, notes } = benchEnvironment({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/extra.pem' });
    expect(overrides).toEqual({ NODE_EXTRA_CA_CERTS: '' });
    expect(notes.join('\n')).toContain('/etc/ssl/certs/extra.pem');
  });

  test('nothing is changed or noted when it is not set', () => {
    expect(benchEnvironment({})).toEqual({ overrides: {}, notes: [] });
  });
});

describe('the echo_thing variants under terraform', () => {
  let mirror: BenchMirror;
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-variants-'));
    const kit = await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: join(out, 'kit', 'terraform-provider-echo.js'), codeCache: false });
    const floor = await bundleProvider({ entry: FLOOR_ENTRY, outfile: join(out, 'floor', 'terraform-provider-echofloor.js'), codeCache: false });
    // The kit's echo as the comparison runs it (a Bun executable), the floor as a Node bundle: both ways of installing.
    mirror = setUpBenchMirror(benchExecutable(providerBundle(kit)), undefined, await releaseOosProvider(), { grpcFloor: floor });
  });
  afterAll(() => rmSync(mirror.root, { recursive: true, force: true }));

  test.each(['grpc_floor', 'kit_echo'] as const)('%s applies 3 resources, then plans no change, then destroys them', async (variant) => {
    const workspace = await benchWorkspace(mirror, variant, 3);
    await workspace.apply();
    const state = await workspace.state();
    const resources = (state.values?.root_module.resources ?? []).map(
      (resource) => resource.values as { id: string; name: string; created_date: string; tags: object },
    );
    expect(resources.map((values) => values.id).sort()).toEqual(['bench-0', 'bench-1', 'bench-2']);
    for (const values of resources) {
      expect(values.id).toBe(values.name);
      expect(values.created_date).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(values.tags).toEqual(expect.objectContaining({ Team: 'bench' }));
    }
    expect((await workspace.planExitCode()).code).toBe(0);
    await workspace.expect(['destroy', '-auto-approve', '-input=false', '-no-color']);
  });
});

describe('a development bundle of the oos provider (bench/profile-plan.ts)', () => {
  // Its hashes are not the committed lock's: the workspace must let init record them instead of
  // failing on the lock, as profile-plan did.
  test('initialises and plans against the emulator', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-dev-oos-'));
    const kit = await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: join(out, 'kit', 'terraform-provider-echo.js'), codeCache: false });
    const oos = await bundleProvider({ outfile: join(out, 'oos', 'terraform-provider-oos.js'), codeCache: false });
    const mirror = setUpBenchMirror(kit, undefined, { bundle: oos });
    const emulator = await startEmulator();
    try {
      expect(mirror.oosFromRelease).toBe(false);
      const workspace = await benchWorkspace(mirror, 'oos', 1, emulatorClientEnvironment(emulator.url));
      expect((await workspace.planExitCode()).code).toBe(2);
    } finally {
      await emulator.close();
      rmSync(mirror.root, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the schema floor under terraform', () => {
  // oos_chat_configuration's schema with no API calls: its state must look like the real resource's,
  // or the floor would measure a smaller state than the one Terraform writes for oos.
  let mirror: BenchMirror;
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-schema-floor-'));
    const kit = await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: join(out, 'kit', 'terraform-provider-echo.js'), codeCache: false });
    const schemaFloor = await bundleProvider({ entry: SCHEMA_FLOOR_ENTRY, outfile: join(out, 'echocc', 'terraform-provider-echocc.js'), codeCache: false });
    mirror = setUpBenchMirror(kit, undefined, await releaseOosProvider(), { schemaFloor });
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(mirror.root, { recursive: true, force: true });
  });

  test('applies, plans no change and destroys, with the same state attributes as oos_chat_configuration', async () => {
    const floor = await benchWorkspace(mirror, 'schema_floor', 2);
    const oos = await benchWorkspace(mirror, 'oos', 2, emulatorClientEnvironment(emulator.url));
    const shapes = [];
    for (const workspace of [floor, oos]) {
      await workspace.apply();
      const instance = (await workspace.state()).values?.root_module.resources?.[0];
      const values = instance?.values as Record<string, unknown>;
      shapes.push({
        attributes: Object.keys(values).sort(),
        set: Object.keys(values)
          .filter((key) => values[key] !== null)
          .sort(),
        webhookLength: String(values.webhook_url).length,
        sensitive: (instance as { sensitive_values?: unknown } | undefined)?.sensitive_values,
      });
      expect((await workspace.planExitCode()).code).toBe(0);
      await workspace.expect(['destroy', '-auto-approve', '-input=false', '-no-color']);
    }
    expect(shapes[0]).toEqual(shapes[1]);
  });
});
