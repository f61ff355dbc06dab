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

/**
 * Migrations per document kind, in order. Each returns a new object for whatever it changes and never changes its
 * input (so {@link upgradeAssessment} need not copy a document first; test/migrate.test.ts upgrades a frozen one).
 */
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
  // Any migration may be given here, so each works on a copy of its own (documents are JSON).
  return ok(applyMigrations(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>, migrations, found, target));
}

/** Applies `migrations` from version `found` up to `target`, each step on a new top-level object. */
function applyMigrations(
  doc: Record<string, unknown>,
  migrations: readonly Migration[],
  found: number,
  target: number,
): Record<string, unknown> {
  let cur = doc;
  for (let v = found; v < target; v++) {
    const m = migrations.find((x) => x.from === v);
    if (!m) throw new Error(`No migration from schemaVersion ${v}`);
    cur = { ...m.up(cur), schemaVersion: v + 1 };
  }
  return cur;
}

/**
 * An assessment as this release writes it: {@link migrateForward} with the assessment migrations, up to
 * `SCHEMA_VERSIONS.assessment`. Every reader calls it on a document it has ALREADY verified as received
 * (schema, content hash, signatures: decision 0005); a migration never changes what the content hash covers, so
 * the upgraded copy verifies too. A document already at the current version is returned as it is (same object).
 * An older one is not deep-copied first (a council's 20,000 files paid ~10 % of their CPU for it): core's own
 * migrations never change their input, so the result is a new top-level object that shares with the document as
 * received every part no migration changed — less than a current-version document shares (all of it). The
 * document as received is left as it was.
 */
export function upgradeAssessment(a: Assessment): Assessment {
  const target = SCHEMA_VERSIONS.assessment;
  if (a.schemaVersion === target) return a;
  const found = typeof a.schemaVersion === 'number' ? a.schemaVersion : 1;
  // Only a newer version is refused, and verification refused those already: keep the document as received then.
  if (found > target) return a;
  return applyMigrations(
    a as unknown as Record<string, unknown>,
    MIGRATIONS.assessment,
    found,
    target,
  ) as unknown as Assessment;
}
