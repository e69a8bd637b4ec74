/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for the pg state backend: initdb in a temp folder,
 * password authentication (so the backend must read PGPASSWORD), stopped and removed by stop().
 * Never skipped: when PostgreSQL cannot start, start() throws naming what is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's postgresql package puts its server programs here; PG_BIN_DIR overrides. */
const BIN_DIR = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
/** initdb refuses to run as root, so root runs the server programs as this user. */
const SERVER_USER = 'postgres';

export interface PostgresServer {
  readonly port: number;
  /** Connection string without a password, as the environment table wants it. */
  readonly connStr: string;
  /** PGPASSWORD for the backend. */
  readonly password: string;
  /** Runs SQL with psql and returns its unaligned output. */
  readonly sql: (query: string) => string;
  readonly stop: () => void;
}

export async function startPostgres(): Promise<PostgresServer> {
  for (const program of ['initdb', 'pg_ctl', 'psql']) {
    if (!existsSync(join(BIN_DIR, program))) {
      throw new Error(
        `PostgreSQL is missing: ${join(BIN_DIR, program)} does not exist. Install Debian's postgresql (apt-get install -y postgresql; .ci/run does) or set PG_BIN_DIR.`,
      );
    }
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'chatops-pg-'));
  const dataDir = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const passwordFile = join(dir, 'pw');
  writeFileSync(passwordFile, password + '\n');
  if (asRoot) {
    const user = execFileSync('id', ['-u', SERVER_USER], { encoding: 'utf8' }).trim();
    const group = execFileSync('id', ['-g', SERVER_USER], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(user), Number(group));
    chownSync(passwordFile, Number(user), Number(group));
  }
  chmodSync(dir, 0o700);
  const run = (program: string, args: readonly string[]) => {
    const command = asRoot ? ['runuser', ['-u', SERVER_USER, '--', join(BIN_DIR, program), ...args]] : [join(BIN_DIR, program), args];
    const result = spawnSync(command[0] as string, command[1] as string[], { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) {
      const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
      throw new Error(
        `PostgreSQL could not start: ${program} ${args.join(' ')} exited ${result.status ?? result.error?.message}\n${result.stderr}${result.stdout}${log}`,
      );
    }
    return result.stdout;
  };
  const port = await freePort();
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--no-sync', '-E', 'UTF8']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`;
  run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  const stop = () => {
    spawnSync(asRoot ? 'runuser' : join(BIN_DIR, 'pg_ctl'), [
      ...(asRoot ? ['-u', SERVER_USER, '--', join(BIN_DIR, 'pg_ctl')] : []),
      '-D',
      dataDir,
      '-m',
      'immediate',
      'stop',
    ]);
    rmSync(dir, { recursive: true, force: true });
  };
  const sql = (query: string) =>
    execFileSync(join(BIN_DIR, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-At', '-c', query, 'postgres'], {
      encoding: 'utf8',
      env: { ...process.env, PGPASSWORD: password },
    });
  return { port, connStr: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`, password, sql, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
