/**
 * Starts ONE throwaway PostgreSQL cluster for the test run (Debian's postgresql; scripts/test-all.mjs installs it
 * when missing): initdb as the `postgres` user (initdb refuses root) in a temporary folder it owns, pg_ctl on a
 * free port, a template database with the migrations, and `pg_ctl -m immediate stop` at the end.
 * Test files create their own database from the template (test/harness.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/model/migrate.js';
import { openPostgres } from '../src/external/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://tieuchi@127.0.0.1:PORT/` — append a database name. */
    pgBase: string;
  }
}

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length) throw new Error('PostgreSQL is not installed (Debian: apt-get install -y postgresql); scripts/test-all.mjs installs it.');
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

export default async function setup(project: TestProject) {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' })
      : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout || r.error}`);
  };
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'tieuchi', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  // fsync stays on: the fault tests rely on committed data surviving a SIGKILL of the server.
  run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start']);
  const base = `postgres://tieuchi@127.0.0.1:${port}/`;
  const admin = await openPostgres(`${base}postgres`, 1);
  await admin.query('CREATE DATABASE tieuchi_template');
  await admin.close();
  const tpl = await openPostgres(`${base}tieuchi_template`, 1);
  await migrate(tpl);
  await tpl.close();
  project.provide('pgBase', base);

  return () => {
    spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'] : ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
}
