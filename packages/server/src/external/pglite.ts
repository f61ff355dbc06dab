import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { TYPE_IDS, type Database, type Queryable } from './database.js';

/**
 * Opens (creating when missing) an embedded PGlite database in a folder.
 * PGlite is one connection: its `transaction` queues other work until the transaction ends, which gives the same
 * isolation a PostgreSQL transaction gives. It runs with fsync off: for trials and one-machine use only
 * (docs/deploy.md).
 * @param dataDir the folder PGlite keeps its files in; `undefined` keeps everything in memory.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    parsers: { [TYPE_IDS.int8]: (v: string) => Number(v), [TYPE_IDS.date]: (v: string) => v },
  });
  await db.query("SET TIME ZONE 'UTC'");
  const wrap = (q: PGlite | Transaction): Queryable => ({
    query: async <T>(text: string, params: readonly unknown[] = []) => {
      const r = await q.query<T>(text, params as unknown[]);
      return { rows: r.rows };
    },
  });
  const execs = new WeakMap<Queryable, PGlite | Transaction>();
  const top = wrap(db);
  execs.set(top, db);
  return {
    engine: 'pglite',
    query: top.query,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction(async (t) => {
        const tx = wrap(t);
        execs.set(tx, t);
        return fn(tx);
      }),
    async execScript(tx, sql) {
      const target = execs.get(tx) ?? db;
      await target.exec(sql);
    },
    close: () => db.close(),
  };
}
