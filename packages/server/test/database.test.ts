/**
 * The database layer on both engines: migrations (ordered, one transaction, idempotent), the append-only audit
 * log trigger, identical value shapes, and the data-folder lock.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/external/database.js';
import { openPglite } from '../src/external/pglite.js';
import { openPostgres } from '../src/external/postgres.js';
import { FolderLockedError, lockDataFolder } from '../src/external/lock.js';
import { migrate, readMigrations } from '../src/model/migrate.js';
import { ENGINES, newDataDir, newPostgresDatabase, type Engine } from './harness.js';

const dbs = new Map<Engine, Database>();
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  const d = newDataDir();
  cleanups.push(d.remove);
  dbs.set('pglite', await openPglite(join(d.dir, 'pgdata')));
  // An empty database (not from the migrated template), to run the migrations from scratch.
  const url = await newPostgresDatabase('dbtest');
  const admin = await openPostgres(url, 1);
  const emptyName = `${url.split('/').pop()}_empty`;
  await admin.query(`CREATE DATABASE ${emptyName} TEMPLATE template0`);
  await admin.close();
  dbs.set('postgres', await openPostgres(url.replace(/[^/]+$/, emptyName), 4));
});

afterAll(async () => {
  for (const db of dbs.values()) await db.close();
  for (const c of cleanups) c();
});

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-mig-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('readMigrations', () => {
  it('reads the package migrations in order, numbered from 1 without gaps', () => {
    const ms = readMigrations();
    expect(ms.map((m) => m.id)).toEqual(ms.map((_, i) => i + 1));
    expect(ms[0]!.name).toBe('people-devices-campaigns');
  });
  it('refuses a gap or a badly named file', () => {
    expect(() => readMigrations(migrationsDir({ '0001-a.sql': '', '0003-c.sql': '' }))).toThrow(/should be number 2/);
    expect(() => readMigrations(migrationsDir({ '1-a.sql': '' }))).toThrow(/NNNN-words/);
  });
});

describe.each(ENGINES)('database layer on %s', (engine) => {
  it('rolls a failing migration run back completely, then applies the real migrations once', async () => {
    const db = dbs.get(engine)!;
    const broken = readMigrations(
      migrationsDir({
        '0001-ok.sql': 'CREATE TABLE would_exist (x int);',
        '0002-bad.sql': 'CREATE TABLE broken (x nosuchtype);',
      }),
    );
    await expect(migrate(db, broken)).rejects.toThrow();
    const left = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('would_exist', 'schema_migrations')",
    );
    expect(left.rows[0]!.n).toBe(0);

    expect(await migrate(db)).toEqual(readMigrations().map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
    const applied = await db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.rows.map((r) => r.id)).toEqual(readMigrations().map((m) => m.id));
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the trigger', async () => {
    const db = dbs.get(engine)!;
    await db.query("INSERT INTO audits (action, subject_kind, subject_id) VALUES ('test.action', 'test', 'x')");
    await expect(db.query("UPDATE audits SET action = 'changed'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audits')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audits')).rejects.toThrow(/append-only/);
    const rows = await db.query<{ action: string }>('SELECT action FROM audits');
    expect(rows.rows).toEqual([{ action: 'test.action' }]);
  });

  it('returns values in the same shapes on both engines', async () => {
    const db = dbs.get(engine)!;
    const r = await db.query<Record<string, unknown>>(
      "SELECT 9007199254740991::int8 AS big, '2026-12-31'::date AS day, '{\"a\":[1]}'::jsonb AS doc, $1::timestamptz AS at, $2::text AS t",
      [new Date('2026-12-01T17:30:00Z'), 'Trạm y tế'],
    );
    expect(r.rows[0]).toEqual({
      big: 9007199254740991,
      day: '2026-12-31',
      doc: { a: [1] },
      at: new Date('2026-12-01T17:30:00Z'),
      t: 'Trạm y tế',
    });
  });

  it('rolls a transaction back on a throw', async () => {
    const db = dbs.get(engine)!;
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO audits (action, subject_kind) VALUES ('in.tx', 'test')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.query("SELECT 1 FROM audits WHERE action = 'in.tx'");
    expect(rows.rows).toEqual([]);
  });
});

describe('data-folder lock', () => {
  it('refuses a folder held by a live process, naming its pid, and takes over a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tieuchi-lock-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'server.lock'), String(holder.pid));
      let caught: unknown;
      try {
        lockDataFolder(dir);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(FolderLockedError);
      expect((caught as FolderLockedError).pid).toBe(holder.pid);
      expect((caught as Error).message).toContain(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    // The holder is gone: its lock is stale and is taken over.
    const lock = lockDataFolder(dir);
    expect(readFileSync(join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
  });
});

describe.each(ENGINES)('migration 0005 on %s', (engine) => {
  it('records the photos that revisions stored before it reference, and their uploaders', async () => {
    let db: Database;
    if (engine === 'pglite') {
      const d = newDataDir();
      cleanups.push(d.remove);
      db = await openPglite(join(d.dir, 'pgdata'));
    } else {
      const url = await newPostgresDatabase('mig5');
      const admin = await openPostgres(url, 1);
      const name = `${url.split('/').pop()}_empty`;
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
      await admin.close();
      db = await openPostgres(url.replace(/[^/]+$/, name), 2);
    }
    try {
      const all = readMigrations();
      expect(await migrate(db, all.slice(0, 4))).toEqual([1, 2, 3, 4]);
      const [h1, h2, h3, h4] = ['1', '2', '3', '4'].map((c) => c.repeat(64));
      const body = {
        answers: { 't1.1': { value: 'met', evidence: [h1, h2] }, 't1.2': { value: 'met' } },
        signatures: [{ name: 'A', image: h3 }],
        attestations: [{ imageHash: h4 }],
      };
      await db.query(
        `INSERT INTO assessment_revisions (assessment_id, revision, body, change) VALUES ('a1', 'r1', $1, 1),
           ('a2', 'r1', '{"answers": {}}', 2)`,
        [JSON.stringify(body)],
      );
      const user = '00000000-0000-4000-8000-000000000001';
      await db.query(`INSERT INTO users (id, login, display_name, role) VALUES ($1, 'u', 'u', 'admin')`, [user]);
      await db.query(
        `INSERT INTO photos (sha256, media_type, size, bytes, uploaded_by) VALUES ($1, 'image/png', 1, '\\x00'::bytea, $2)`,
        [h1, user],
      );
      expect(await migrate(db, all)).toEqual(all.slice(4).map((m) => m.id));
      const refs = await db.query<{ sha256: string; assessment_id: string }>(
        'SELECT sha256, assessment_id FROM photo_refs ORDER BY sha256',
      );
      expect(refs.rows).toEqual([h1, h2, h3, h4].map((sha256) => ({ sha256, assessment_id: 'a1' })));
      const uploads = await db.query<{ sha256: string; user_id: string }>('SELECT sha256, user_id FROM photo_uploads');
      expect(uploads.rows).toEqual([{ sha256: h1, user_id: user }]);
    } finally {
      await db.close();
    }
  });
});
