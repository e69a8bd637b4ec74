/**
 * A tiny HTTP server on 127.0.0.1 that answers each request with the next scripted reply and
 * records what it received. It does not verify signatures; it exercises the real openapi-core
 * transport, error parsing and our mapping on top.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply =
  { readonly status: number; readonly body: unknown; readonly headers?: Record<string, string> } | { readonly drop: true } | { readonly hang: true };

export interface ReceivedRequest {
  readonly method: string;
  readonly action: string;
  /** Parameters in the URL (the client sends none there). */
  readonly query: URLSearchParams;
  /** Parameters in the application/x-www-form-urlencoded body. */
  readonly params: URLSearchParams;
  readonly contentType: string;
  readonly headers: http.IncomingHttpHeaders;
}

export interface ScriptedServer {
  readonly endpoint: string;
  readonly received: ReceivedRequest[];
  /** TCP connections accepted so far. */
  readonly connections: () => number;
  /** Replies for the next requests, in order; when empty, `fallback` answers. */
  script(...replies: Reply[]): void;
  fallback: Reply;
  close(): Promise<void>;
}

export function errorEnvelope(code: string, message: string, requestId = 'REQ-1'): Record<string, string> {
  return {
    RequestId: requestId,
    HostId: 'oos.cn-hangzhou.aliyuncs.com',
    Code: code,
    Message: message,
    Recommend: `https://api.alibabacloud.com/troubleshoot?q=${code}&product=oos&requestId=${requestId}`,
  };
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const queue: Reply[] = [];
  const received: ReceivedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const state = { fallback: { status: 200, body: { RequestId: 'OK-1' } } as Reply };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const contentType = String(req.headers['content-type'] ?? '');
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        method: req.method ?? '',
        action: String(req.headers['x-acs-action'] ?? ''),
        query: url.searchParams,
        params: new URLSearchParams(contentType.startsWith('application/x-www-form-urlencoded') ? body : ''),
        contentType,
        headers: req.headers,
      });
      const reply = queue.shift() ?? state.fallback;
      if ('drop' in reply) {
        req.socket.destroy();
      } else if ('hang' in reply) {
        hanging.add(res);
      } else {
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status, { 'content-type': 'application/json;charset=utf-8', ...reply.headers });
        res.end(text);
      }
    });
  });
  let connections = 0;
  server.on('connection', () => void connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    script: (...replies) => void queue.push(...replies),
    get fallback() {
      return state.fallback;
    },
    set fallback(r: Reply) {
      state.fallback = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One scripted server for the whole test file, started in beforeAll and closed in afterAll; before
 * each test what it received is cleared and its fallback is a plain success again.
 */
export function useScriptedServer(): ScriptedServer {
  let current: ScriptedServer | undefined;
  const get = (): ScriptedServer => {
    if (current === undefined) throw new Error('the scripted server is started in beforeAll; use it inside tests');
    return current;
  };
  beforeAll(async () => {
    current = await startScriptedServer();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    get().received.length = 0;
    get().fallback = { status: 200, body: { RequestId: 'OK-1' } };
  });
  return {
    get endpoint() {
      return get().endpoint;
    },
    get received() {
      return get().received;
    },
    connections: () => get().connections(),
    script: (...replies) => get().script(...replies),
    get fallback() {
      return get().fallback;
    },
    set fallback(reply: Reply) {
      get().fallback = reply;
    },
    close: () => get().close(),
  };
}
