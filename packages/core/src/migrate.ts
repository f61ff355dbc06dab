/**
 * Stored documents carry `schemaVersion`; readers migrate them forward with an ordered list of pure
 * migrations. Hashes and signatures are checked on the document as received, before migrating; a migration
 * never changes what a content hash covers (decision 0005).
 */
import { message } from './messages.js';
import { type Outcome, fail, ok } from './outcome.js';
import type { Assessment } from './generated/types.js';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions.js';

/** A pure function from a document of version `from` to one of version `from + 1`. */
export interface Migration {
  from: number;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

export type DocumentKind = 'criteria-set' | 'assessment' | 'facility-registry' | 'bundle' | 'improvement-plan';

/** Migrations per document kind, in order. */
export const MIGRATIONS: Readonly<Record<DocumentKind, readonly Migration[]>> = {
  'criteria-set': [],
  // Version 2 only adds optional fields (campaign, baseRevision, conflicts): nothing to change but the number,
  // which the content hash does not depend on (decision 0005).
  assessment: [{ from: 1, up: (doc) => doc }],
  'facility-registry': [],
  bundle: [],
  'improvement-plan': [],
};

/**
 * Brings `doc` forward to `target` by applying `migrations` in order; the input is not changed. A document
 * newer than `target` is refused (it was written by a newer release).
 */
export function migrateForward(
  doc: Record<string, unknown>,
  migrations: readonly Migration[],
  target: number = SCHEMA_VERSION,
): Outcome<Record<string, unknown>> {
  const found = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  if (found > target) {
    return fail([
      {
        code: 'schema.version-newer',
        pointer: '/schemaVersion',
        message: message('schema.version-newer', { found, known: target }),
      },
    ]);
  }
  let cur = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>; // documents are JSON
  for (let v = found; v < target; v++) {
    const m = migrations.find((x) => x.from === v);
    if (!m) throw new Error(`No migration from schemaVersion ${v}`);
    cur = { ...m.up(cur), schemaVersion: v + 1 };
  }
  return ok(cur);
}

/**
 * An assessment as this release writes it: {@link migrateForward} with the assessment migrations, up to
 * `SCHEMA_VERSIONS.assessment`. Every reader calls it on a document it has ALREADY verified as received
 * (schema, content hash, signatures: decision 0005); a migration never changes what the content hash covers, so
 * the upgraded copy verifies too. A document already at the current version is returned as it is (same object).
 */
export function upgradeAssessment(a: Assessment): Assessment {
  if (a.schemaVersion === SCHEMA_VERSIONS.assessment) return a;
  const r = migrateForward(a as unknown as Record<string, unknown>, MIGRATIONS.assessment, SCHEMA_VERSIONS.assessment);
  // Only a newer version fails, and verification refused those already: keep the document as received then.
  return r.ok ? (r.value as unknown as Assessment) : a;
}
