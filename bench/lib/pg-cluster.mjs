/**
 * A throwaway PostgreSQL cluster for benchmarks (Debian's postgresql: initdb as `postgres` when root, a free-ish
 * port, `pg_ctl -m immediate stop` and the folder removed at the end).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const asRoot = process.getuid?.() === 0;
/** The newest installed PostgreSQL's bin folder. */
export const pgBin = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1), 'bin');
const pg = (cmd, args) => {
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', join(pgBin, cmd), ...args], { encoding: 'utf8' })
    : spawnSync(join(pgBin, cmd), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
};

/** Starts a cluster with one database `bench`; returns its URL and how to stop it. */
export function startBenchCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-bench-pg-'));
  if (asRoot) {
    const id = (f) => Number(spawnSync('id', [f, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  chmodSync(dir, 0o700);
  const port = 20000 + Math.floor(Math.random() * 20000);
  pg('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'tieuchi', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  pg('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  spawnSync(join(pgBin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'tieuchi', 'bench']);
  return {
    url: `postgres://tieuchi@127.0.0.1:${port}/bench`,
    /** The cluster's data folder (its `postmaster.pid` names the server process). */
    dataDir: join(dir, 'data'),
    stop: () => {
      pg('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
