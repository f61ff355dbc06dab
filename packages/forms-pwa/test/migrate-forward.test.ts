/**
 * The migration rule in the app (issue 18): the store's load and the import verify what they read as it is, then
 * migrate it forward with core's `upgradeAssessment`. A locked version-1 assessment as stored by the shipped app
 * comes back as the current version and still verifies with its own hash; the stored copy is not rewritten.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { lockAssessment, SCHEMA_VERSIONS, verifyAssessment } from '@tieuchi/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { planImport } from '../src/io/bundle.js';
import { AppStore } from '../src/state/store.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { draft, smallSet } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

/** A locked assessment written as the shipped app wrote it: schemaVersion 1, content hash over that. */
const lockedV1 = () =>
  lockAssessment(
    { ...draft({ i1: { value: 'met' }, i2: { value: 'partial', note: 'Thiếu sổ' } }, 'a-v1'), schemaVersion: 1 },
    smallSet,
    '2025-05-14T16:30:00Z',
  );
const findSet = (id: string, version: string) =>
  id === smallSet.id && version === smallSet.version ? smallSet : undefined;

describe('migrating forward in the app', () => {
  it('the store loads a stored version-1 locked assessment as the current version, still verifying', async () => {
    const v1 = lockedV1();
    const db = openTieuChiDB('migrate-1');
    await (await db).put('assessments', v1);
    const store = new AppStore(new Storage(db));
    await store.init();
    store.sets.set('test-small@1.0', smallSet); // a set imported earlier, in the test's own words
    const loaded = store.assessments.get(v1.id)!;
    expect(loaded.schemaVersion).toBe(SCHEMA_VERSIONS.assessment);
    expect(loaded.contentHash).toBe(v1.contentHash);
    const r = verifyAssessment(loaded, { findSet });
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(store.resultFor(loaded)).toBeDefined();
    expect((await (await db).get('assessments', v1.id))?.schemaVersion).toBe(1); // not rewritten by loading
  });

  it('an imported version-1 bundle is verified as received and planned as the current version', () => {
    const v1 = lockedV1();
    const text = JSON.stringify({
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2025-05-15T00:00:00Z',
      assessments: [v1],
    });
    const out = planImport(text, { sets: new Map([['test-small@1.0', smallSet]]), assessments: new Map() });
    expect(out.ok).toBe(true);
    const a = out.ok ? out.plan.assessments[0]! : v1;
    expect(a.schemaVersion).toBe(SCHEMA_VERSIONS.assessment);
    expect(verifyAssessment(a, { findSet }).ok).toBe(true);
    // A version-1 copy whose hashed content was changed is still refused: the hash is checked before migrating.
    const bad = JSON.stringify({
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2025-05-15T00:00:00Z',
      assessments: [{ ...v1, answers: { ...v1.answers, i1: { value: 'not-met' } } }],
    });
    const refused = planImport(bad, { sets: new Map([['test-small@1.0', smallSet]]), assessments: new Map() });
    expect(refused.ok ? '' : refused.errors.map((e) => e.code).join()).toContain('hash-mismatch');
  });
});
