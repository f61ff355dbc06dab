import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../external/database.js';

/** One numbered migration file, e.g. `0001-people-devices-campaigns.sql`. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/** The package's migrations folder (next to dist/ and src/). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * Reads the migration files in order. File names are `NNNN-words.sql`; numbers run 1, 2, 3 … without gaps,
 * so a missing or duplicated file is a programming error and throws.
 * @param dir the folder to read (defaults to the package's own).
 */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((file, i) => {
    const m = /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!m) throw new Error(`Migration file name "${file}" is not NNNN-words.sql`);
    const id = Number(m[1]);
    if (id !== i + 1) throw new Error(`Migration "${file}" should be number ${i + 1}`);
    return { id, name: m[2]!, sql: readFileSync(`${dir}/${file}`, 'utf8') };
  });
}

/** An arbitrary fixed key for the advisory lock that keeps two starting servers from migrating at once. */
const MIGRATION_LOCK = 80081;

/**
 * Applies every migration not yet applied, all in ONE transaction: either the database moves to the newest
 * schema or it stays exactly as it was. Safe when several servers start at once (advisory lock).
 * @returns the ids applied now (empty when already up to date).
 */
export async function migrate(db: Database, migrations: readonly Migration[] = readMigrations()): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await db.execScript(tx, m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    return applied;
  });
}
