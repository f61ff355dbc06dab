/**
 * Test harness: databases (PGlite folder or a PostgreSQL database made from the migrated template), real server
 * processes spawned from the build, and a small fetch client over real TCP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { openPostgres } from '../src/external/postgres.js';

/** The two engines every suite runs on. */
export const ENGINES = ['pglite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

const BIN = fileURLToPath(new URL('../bin/run-server.js', import.meta.url));
let dbCounter = 0;

/** A fresh PostgreSQL database (from the migrated template) for one test file; returns its URL. */
export async function newPostgresDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${++dbCounter}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = await openPostgres(`${inject('pgBase')}postgres`, 1);
  // A database name is an identifier (no parameters possible); it is checked above and built only here in tests.
  await admin.query(`CREATE DATABASE ${name} TEMPLATE tieuchi_template`);
  await admin.close();
  return `${inject('pgBase')}${name}`;
}

/** A temporary PGlite data folder; removed by the returned function. */
export function newDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-data-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A spawned server process. */
export interface Spawned {
  url: string;
  adminCode: string | null;
  proc: ChildProcess;
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
}

/** Environment for a server on an engine: DATABASE_URL for PostgreSQL, TIEUCHI_DATA_DIR for PGlite. */
export function engineEnv(engine: Engine, target: string): Record<string, string> {
  return engine === 'postgres' ? { DATABASE_URL: target } : { TIEUCHI_DATA_DIR: target };
}

/**
 * Spawns `bin/run-server.js` on a free port and waits for its "running at" line.
 * Rejects with the output when the process exits first.
 */
export function spawnServer(env: Record<string, string>, timeoutMs = 150_000): Promise<Spawned> {
  const proc = spawn(process.execPath, [BIN], {
    env: { ...process.env, DATABASE_URL: '', TIEUCHI_DATA_DIR: '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const spawned = (url: string): Spawned => ({
    url,
    adminCode: /quản trị viên đầu tiên: ([A-Z0-9-]+)/.exec(out)?.[1] ?? null,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve(spawned(m[1]!));
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${out}`), { code, output: out }));
    });
  });
}

/** An HTTP answer. */
export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

/** Calls the server over TCP with an optional JSON body (or raw bytes, sent as image/png) and bearer token. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  const raw = body instanceof Uint8Array;
  if (body !== undefined) headers['content-type'] = raw ? 'image/png' : 'application/json';
  const payload = (body === undefined ? undefined : raw ? body : JSON.stringify(body)) as BodyInit | undefined;
  const res = await fetch(
    new URL(path, base),
    payload === undefined ? { method, headers } : { method, headers, body: payload },
  );
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (the app's HTML)
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
