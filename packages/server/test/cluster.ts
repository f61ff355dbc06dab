/**
 * A throwaway PostgreSQL cluster: initdb as the `postgres` user (initdb refuses root) in a temporary folder it
 * owns, pg_ctl on a free port, stopped with `pg_ctl -m immediate stop`. Used by the global setup (one cluster
 * per test run) and by the restore drill (a second, fresh cluster).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/15/bin). */
export function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length)
    throw new Error(
      'PostgreSQL is not installed (Debian: apt-get install -y postgresql); scripts/test-all.mjs installs it.',
    );
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. Throws with its output on failure. */
export function runPg(cmd: string, args: string[]): string {
  const bin = join(pgBin(), cmd);
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
    : spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout || r.error}`);
  return r.stdout;
}

/** A running cluster: `base` is `postgres://tieuchi@127.0.0.1:PORT/` (append a database name). */
export interface Cluster {
  base: string;
  dir: string;
  stop(): void;
}

/** Starts a new cluster in a temporary folder on a free port. */
export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  runPg('initdb', ['-D', data, '-A', 'trust', '-U', 'tieuchi', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  runPg('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    base: `postgres://tieuchi@127.0.0.1:${port}/`,
    dir,
    stop() {
      try {
        runPg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A temporary folder the PostgreSQL programs (run as `postgres` when we are root) can write to. */
export function pgWritableDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-dump-'));
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
