/**
 * The schema step every validator shares: the document is an object, its schemaVersion is one this software
 * knows, and the generated validator accepts it (its errors turned into problems).
 */
import { message } from './all-messages.js';
import { type Outcome, fail, ok } from './outcome.js';
import { fromAjvErrors } from './schema-errors.js';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions.js';

export { SCHEMA_VERSION, SCHEMA_VERSIONS };

/** A generated validator. */
export type SchemaFn = { (data: unknown): boolean; errors?: unknown };

/** A plain object (not null, not an array). */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks `data` with a generated validator `fn`, refusing a newer schemaVersion than `known`. */
export function bySchema<T>(fn: SchemaFn, data: unknown, known: number = SCHEMA_VERSION): Outcome<T> {
  if (!isObject(data)) return fail([{ code: 'schema.not-object', pointer: '', message: message('schema.not-object') }]);
  const v = data.schemaVersion;
  if (typeof v === 'number' && v > known) {
    return fail([
      {
        code: 'schema.version-newer',
        pointer: '/schemaVersion',
        message: message('schema.version-newer', { found: v, known }),
      },
    ]);
  }
  if (fn(data)) return ok(data as T);
  return fail(fromAjvErrors(fn.errors as Parameters<typeof fromAjvErrors>[0]));
}
