import pg from 'pg';
import { TYPE_IDS, type Database, type Queryable } from './database.js';

/** Parses int8 as a number (cursors and counts stay far below 2^53) and keeps dates as 'YYYY-MM-DD'. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TYPE_IDS.int8) return (v: string) => Number(v);
    if (oid === TYPE_IDS.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * Opens a pool on a real PostgreSQL server.
 * @param connectionString a `postgres://user:password@host:port/database` URL (DATABASE_URL).
 * @param max how many connections the pool may open.
 */
export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max, types: types as pg.CustomTypesConfig });
  pool.on('connect', (client) => {
    // Same session settings as PGlite, whatever the server's defaults are.
    client.query("SET TIME ZONE 'UTC'").catch(() => undefined);
  });
  // Fail early and clearly when the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgres',
    query: <T>(text: string, params: readonly unknown[] = []) =>
      pool.query(text, params as unknown[]) as unknown as Promise<{ rows: T[] }>,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          query: <R>(text: string, params: readonly unknown[] = []) =>
            client.query(text, params as unknown[]) as unknown as Promise<{ rows: R[] }>,
        };
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async execScript(tx, sql) {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await tx.query(sql);
    },
    close: () => pool.end(),
  };
}
