/**
 * A stub of the GitHub REST API's issue comments on 127.0.0.1, and the `github` / `context`
 * objects actions/github-script hands a script (an Octokit with `rest.issues.*` and `paginate`),
 * talking to the stub over HTTP. The CI example's script runs as written against it.
 */
import * as fs from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface StubComment {
  readonly id: number;
  body: string;
}

export interface GitHubApiStub {
  readonly url: string;
  /** The comments of each issue, by number. */
  readonly comments: Map<number, StubComment[]>;
  /** Every request, as "METHOD path". */
  readonly requests: string[];
  close(): Promise<void>;
}

const COMMENTS = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments(?:\?(.*))?$/;
const COMMENT = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/;

export async function startGitHubApiStub(): Promise<GitHubApiStub> {
  const comments = new Map<number, StubComment[]>();
  const requests: string[] = [];
  let nextId = 1000;
  const server: Server = createServer(async (request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const list = COMMENTS.exec(request.url ?? '');
    const one = COMMENT.exec(request.url ?? '');
    if (request.headers.authorization !== 'token test-token') return reply(401, { message: 'Bad credentials' });
    if (list && request.method === 'GET') {
      // Pages as GitHub does, with a Link header to the next one, so paginate is exercised.
      const query = new URLSearchParams(list[4] ?? '');
      const perPage = Number(query.get('per_page') ?? 30);
      const page = Number(query.get('page') ?? 1);
      const all = comments.get(Number(list[3])) ?? [];
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const next: Record<string, string> =
        page < last ? { link: `<${stubUrl(server)}${request.url?.split('?')[0]}?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
      return reply(200, all.slice((page - 1) * perPage, page * perPage), next);
    }
    if (list && request.method === 'POST') {
      const created = { id: (nextId += 1), body: String((await jsonBody(request)).body) };
      comments.set(Number(list[3]), [...(comments.get(Number(list[3])) ?? []), created]);
      return reply(201, created);
    }
    if (one && request.method === 'PATCH') {
      const found = [...comments.values()].flat().find((comment) => comment.id === Number(one[3]));
      if (!found) return reply(404, { message: 'Not Found' });
      found.body = String((await jsonBody(request)).body);
      return reply(200, found);
    }
    reply(404, { message: `the stub does not serve ${request.method} ${request.url}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: stubUrl(server), comments, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function stubUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text) as Record<string, unknown>;
}

type Params = Record<string, unknown>;
type Endpoint = ((params: Params) => Promise<{ data: unknown; headers: Record<string, string> }>) & { readonly route: string };

/** What actions/github-script passes a script as `github` and `context`, for one pull request of owner/repo. */
export function githubScriptGlobals(apiUrl: string, pullRequest: number, token = 'test-token') {
  const call = async (method: string, path: string, body?: Params) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return { data: (await response.json()) as unknown, headers: Object.fromEntries(response.headers.entries()) };
  };
  const endpoint = (route: string, run: (params: Params) => ReturnType<typeof call>): Endpoint => Object.assign(run, { route });
  const issues = {
    listComments: endpoint('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', (p) =>
      call('GET', `/repos/${p.owner}/${p.repo}/issues/${p.issue_number}/comments?per_page=${p.per_page ?? 30}&page=${p.page ?? 1}`),
    ),
    createComment: endpoint('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', (p) =>
      call('POST', `/repos/${p.owner}/${p.repo}/issues/${p.issue_number}/comments`, { body: p.body }),
    ),
    updateComment: endpoint('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', (p) =>
      call('PATCH', `/repos/${p.owner}/${p.repo}/issues/comments/${p.comment_id}`, { body: p.body }),
    ),
  };
  /** Octokit's paginate: follows rel="next" until the last page, concatenating the items. */
  const paginate = async (method: Endpoint, params: Params): Promise<unknown[]> => {
    const items: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const { data, headers } = await method({ ...params, page });
      items.push(...(data as unknown[]));
      if (!/rel="next"/.test(headers.link ?? '')) return items;
    }
  };
  const github = { rest: { issues }, paginate };
  const context = { repo: { owner: 'acme', repo: 'chatops' }, issue: { owner: 'acme', repo: 'chatops', number: pullRequest } };
  return { github, context };
}

/** Runs a github-script `script` the way the action does: an async function body with require, github and context. */
export async function runGitHubScript(script: string, globals: ReturnType<typeof githubScriptGlobals>, cwd: string): Promise<unknown> {
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
  // The action runs in the workspace, so the script's relative paths are the checkout's.
  const inCheckout = (name: string): unknown =>
    name === 'fs' ? { ...fs, readFileSync: (file: string, ...rest: [BufferEncoding]) => fs.readFileSync(resolve(cwd, file), ...rest) } : require(name);
  return new AsyncFunction('require', 'github', 'context', script)(inCheckout, globals.github, globals.context);
}
