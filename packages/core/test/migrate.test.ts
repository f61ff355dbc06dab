/**
 * The migration rule (issue 18, decision 0005): a reader verifies a document as received, then migrates it
 * forward; migrating never changes what the content hash covers, so a stored version-1 assessment — submitted and
 * hashed — upgrades to the current version and still verifies.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  lockAssessment,
  SCHEMA_VERSIONS,
  upgradeAssessment,
  verifyAssessment,
  type Assessment,
  type CriteriaSet,
} from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const sets = new Map<string, CriteriaSet>();
for (const f of readdirSync(join(root, 'criteria')).filter((x) => x.endsWith('.json'))) {
  const s = read(join(root, 'criteria', f)) as CriteriaSet;
  sets.set(`${s.id}@${s.version}`, s);
}
const findSet = (id: string, version: string) => sets.get(`${id}@${version}`);

/** Every stored example assessment (all written as schemaVersion 1; some submitted, with their content hash). */
const stored: [string, Assessment][] = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, 'examples', d.name))
      .filter((f) => f.endsWith('.assessment.json'))
      .map((f): [string, Assessment] => [`${d.name}/${f}`, read(join(root, 'examples', d.name, f)) as Assessment]),
  );

describe('upgradeAssessment', () => {
  it('has version-1 fixtures to upgrade, some of them sealed by a content hash', () => {
    expect(stored.filter(([, a]) => a.schemaVersion === 1).length).toBeGreaterThan(10);
    expect(stored.filter(([, a]) => a.contentHash).length).toBeGreaterThan(3);
  });

  for (const [name, doc] of stored) {
    it(`${name}: verified as received, upgraded to the current version, still verifies with the same hash`, () => {
      const received = verifyAssessment(doc, { findSet });
      expect(received.ok).toBe(true);
      const before = JSON.stringify(doc);
      const up = upgradeAssessment(received.ok ? received.value : doc);
      expect(up.schemaVersion).toBe(SCHEMA_VERSIONS.assessment);
      expect(JSON.stringify(doc)).toBe(before); // the document as received is not changed
      const { schemaVersion: _a, ...restUp } = up;
      const { schemaVersion: _b, ...restDoc } = doc;
      expect(restUp).toEqual(restDoc); // version 2 only adds optional fields: nothing else moves
      const again = verifyAssessment(up, { findSet });
      expect(again.ok ? [] : again.errors).toEqual([]);
      if (doc.contentHash) expect(contentHash(up)).toBe(doc.contentHash);
    });
  }

  it('locks a version-1 assessment, upgrades it, and the lock holds; a changed answer after upgrading does not', () => {
    const [, doc] = stored.find(([, a]) => a.schemaVersion === 1 && Object.keys(a.answers).length > 0)!;
    const set = findSet(doc.criteriaSet.id, doc.criteriaSet.version)!;
    const locked = lockAssessment({ ...doc, schemaVersion: 1 }, set, '2026-05-14T08:00:00Z');
    const up = upgradeAssessment(locked);
    expect(up.schemaVersion).toBe(2);
    expect(verifyAssessment(up, { findSet }).ok).toBe(true);
    const [first] = Object.keys(up.answers);
    const tampered: Assessment = { ...up, answers: { ...up.answers, [first!]: { unassessed: 'đổi sau khi khoá' } } };
    const r = verifyAssessment(tampered, { findSet });
    expect(r.ok ? '' : r.errors.map((e) => e.code).join()).toContain('verify.hash-mismatch');
  });

  it('upgrades without a deep copy: the document as received may be frozen and stays as it was', () => {
    const [, doc] = stored.find(([, a]) => a.schemaVersion === 1 && a.contentHash)!;
    const received = structuredClone(doc);
    const freeze = (x: unknown): void => {
      if (x && typeof x === 'object') {
        Object.freeze(x);
        Object.values(x).forEach(freeze);
      }
    };
    freeze(received);
    const up = upgradeAssessment(received); // a migration writing into its input would throw here (strict mode)
    expect(up).not.toBe(received);
    expect(up.schemaVersion).toBe(SCHEMA_VERSIONS.assessment);
    expect(received).toEqual(doc);
    expect(up.answers).toBe(received.answers); // shared, not copied: nothing changed it
    expect(contentHash(up)).toBe(doc.contentHash);
  });

  it('returns a current-version document as it is (the same object)', () => {
    const [, doc] = stored[0]!;
    const current = { ...doc, schemaVersion: SCHEMA_VERSIONS.assessment } as Assessment;
    expect(upgradeAssessment(current)).toBe(current);
  });
});
