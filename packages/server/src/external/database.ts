/**
 * One small query interface over both database engines, so every query module runs unchanged on a real
 * PostgreSQL server (node-postgres) and on embedded PGlite (PostgreSQL compiled to WASM).
 *
 * Rules every query module follows:
 * - SQL text is a constant; values go in `params` ($1, $2, …), never into the text.
 * - SQL stays within PostgreSQL 15 (Debian's server); PGlite is PostgreSQL 18.
 * - Values come back the same on both engines: int8 as a JS number, `date` as 'YYYY-MM-DD' text,
 *   timestamptz as a JS Date, jsonb parsed, bytea as a Uint8Array/Buffer.
 */

/** Something queries can run on: the database itself, or one open transaction. */
export interface Queryable {
  /**
   * Runs one parameterised statement.
   * @param text SQL with $1, $2, … placeholders (a constant: never built from values).
   * @param params the values, in placeholder order.
   */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

/** A database: run queries, run a function inside one transaction, close. */
export interface Database extends Queryable {
  /** `postgres` (node-postgres) or `pglite` (embedded). */
  readonly engine: 'postgres' | 'pglite';
  /**
   * Runs `fn` inside BEGIN … COMMIT; any throw rolls everything back and is re-thrown.
   * @template T what `fn` returns.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations only). */
  execScript(tx: Queryable, sql: string): Promise<void>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/** PostgreSQL type ids whose parsing both adapters pin down so both engines answer alike. */
export const TYPE_IDS = { int8: 20, date: 1082 } as const;
