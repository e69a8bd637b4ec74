/**
 * The emulator answers oversized and slow requests like the gateway it plays (issue 8, defect 7):
 * always with the JSON error envelope, never an empty body or a reset; and it removes temp files
 * a killed predecessor left behind, since they hold secrets in clear.
 */
import fs from 'node:fs';
import net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RunningEmulator, startEmulator } from '../../lib/emulator';
import { send } from './signed-client';

const running: RunningEmulator[] = [];

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator(options);
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

function expectEnvelope(body: Record<string, unknown>, code: string): void {
  expect(body).toMatchObject({ Code: code, RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/), Message: expect.any(String) });
  expect(body.Recommend).toContain(`q=${code}`);
}

test('a 17 KB query is answered HTTP 431 with the JSON error envelope, not an empty body', async () => {
  const emulator = await start();
  const response = await send(emulator, { method: 'POST', path: `/?Configuration=${'x'.repeat(17 * 1024)}`, headers: {} });
  expect(response.status).toBe(431);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expectEnvelope(response.body, 'RequestHeaderFieldsTooLarge');
  expect(response.body.Message).toMatch(/form body/);
});

test('a body over 1 MiB is answered HTTP 413 with the JSON error envelope, not a connection reset', async () => {
  const emulator = await start();
  const body = `Configuration=${'x'.repeat(1024 * 1024 + 10)}`;
  const response = await send(emulator, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  expect(response.status).toBe(413);
  expectEnvelope(response.body, 'RequestEntityTooLarge');
});

test('a client that never finishes its headers is answered 408 with the envelope and disconnected', async () => {
  const emulator = await start({ headersTimeoutMs: 300 });
  const socket = net.connect(emulator.port, '127.0.0.1');
  socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
  const started = Date.now();
  const answer = await new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('close', () => resolve(text));
  });
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expectEnvelope(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>, 'RequestTimeout');
});

test('the default timeouts for slow clients are set', async () => {
  const emulator = await start();
  expect(emulator.timeouts).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });
});

test('stale <data>.<pid>.tmp files of dead processes are removed at start; the data and other files stay', async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'oos-emulator-stale-'));
  try {
    const dataFile = path.join(directory, 'state.json');
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const stale = [`${dataFile}.${dead}.tmp`, `${dataFile}.${process.pid}.tmp`];
    for (const file of stale) fs.writeFileSync(file, '{"secret":"in clear"}');
    fs.writeFileSync(path.join(directory, 'other.json.1.tmp'), 'not ours');
    await start({ dataFile });
    for (const file of stale) expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(path.join(directory, 'other.json.1.tmp'))).toBe(true);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
});
