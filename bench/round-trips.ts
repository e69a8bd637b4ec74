/**
 * The OOS round trips of apply, plan with refresh and destroy of `count` chat configurations
 * against the emulator with `latencyMs` of latency (issue 18): a counting proxy in front of the
 * emulator tallies every request by action, and the most requests in flight at once, per phase.
 * With Terraform's parallelism of 10 and one round trip per resource, a phase needs about
 * count / 10 × latency; the tallies show which calls come on top of that.
 *
 *   node dist/bench/round-trips.js [--count 300] [--latency-ms 50]
 */
import { defineCommand, runCommand } from '../lib/command-line';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../lib/emulator';
import { emulatorClientEnvironment } from '../lib/tooling';
import { rmSync } from 'node:fs';
import { bundleProvider } from '../lib/release';
import { KIT_ECHO_BUNDLE, KIT_ECHO_ENTRY, benchWorkspace, releaseOosProvider, round, setUpBenchMirror } from './bench-support';
import { PHASES, type Phase, runPhase } from './compare-bench';

export interface PhaseRoundTrips {
  readonly seconds: number;
  /** Requests per OOS action. */
  readonly actions: Readonly<Record<string, number>>;
  readonly requests: number;
  /** The most requests the emulator had in flight at once. */
  readonly maxInFlight: number;
}

/** A proxy that forwards every request unchanged (signatures still verify) and counts them by action. */
class CountingProxy {
  actions = new Map<string, number>();
  inFlight = 0;
  maxInFlight = 0;
  readonly server: Server;

  constructor(private readonly target: URL) {
    this.server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = Buffer.concat(chunks);
        const query = new URL(incoming.url ?? '/', 'http://proxy').searchParams;
        const action = incoming.headers['x-acs-action']?.toString() ?? query.get('Action') ?? new URLSearchParams(body.toString()).get('Action') ?? '?';
        this.actions.set(action, (this.actions.get(action) ?? 0) + 1);
        this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
        const forwarded = request(
          { host: this.target.hostname, port: this.target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
            answer.on('end', () => this.inFlight--);
          },
        );
        forwarded.on('error', () => {
          this.inFlight--;
          outgoing.destroy();
        });
        forwarded.end(body);
      });
    });
  }

  take(): { actions: Record<string, number>; requests: number; maxInFlight: number } {
    const actions = Object.fromEntries([...this.actions].sort(([a], [b]) => a.localeCompare(b)));
    const result = { actions, requests: [...this.actions.values()].reduce((sum, n) => sum + n, 0), maxInFlight: this.maxInFlight };
    this.actions = new Map();
    this.maxInFlight = 0;
    return result;
  }
}

export async function countRoundTrips(count = 300, latencyMs = 50): Promise<Record<Phase, PhaseRoundTrips>> {
  const emulator = await startEmulator({ faults: { latencyMs } });
  const proxy = new CountingProxy(new URL(emulator.url));
  await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
  const mirror = setUpBenchMirror(await bundleProvider({ entry: KIT_ECHO_ENTRY, outfile: KIT_ECHO_BUNDLE }), undefined, await releaseOosProvider());
  try {
    const workspace = await benchWorkspace(mirror, 'oos_latency', count, emulatorClientEnvironment(proxyUrl));
    proxy.take();
    const result = {} as Record<Phase, PhaseRoundTrips>;
    for (const phase of PHASES) {
      const run = await runPhase(workspace, phase);
      result[phase] = { seconds: round(run.seconds, 2), ...proxy.take() };
    }
    return result;
  } finally {
    proxy.server.close();
    await emulator.close();
    rmSync(mirror.root, { recursive: true, force: true });
  }
}

const ROUND_TRIPS = defineCommand({
  name: 'round-trips',
  invocation: 'node dist/bench/round-trips.js',
  description: 'Counts the OOS requests of apply, plan and destroy, by action.',
  options: {
    count: { type: 'number', integer: true, value: 'n', default: 300, description: 'how many chat configurations' },
    'latency-ms': { type: 'number', value: 'ms', default: 50, description: "the emulator's added latency per request" },
  },
});

if (require.main === module) {
  void runCommand(ROUND_TRIPS, async ({ options: { count, 'latency-ms': latencyMs } }) => {
    const result = await countRoundTrips(count, latencyMs);
    {
      for (const phase of PHASES) {
        const { seconds, actions, requests, maxInFlight } = result[phase];
        const perAction = Object.entries(actions)
          .map(([action, n]) => `${action} ${n}`)
          .join(', ');
        console.log(
          `${phase}: ${seconds} s, ${requests} requests (${round(requests / count, 2)} per configuration; at most ${maxInFlight} at once): ${perAction}`,
        );
      }
    }
    return 0;
  });
}
