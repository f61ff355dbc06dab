/**
 * Restoring a backup with a bad document (issue 13, item 1): everything is checked before anything is written;
 * the valid documents commit in one transaction, the refused ones are kept aside with their reasons.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { sha256Hex } from '@tieuchi/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyImport, planRestore } from '../src/io/bundle.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { AppStore, invalidAnswersOf } from '../src/state/store.js';
import { draft, smallSet } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

const known = () => ({ sets: new Map([['test-small@1.0', smallSet]]), assessments: new Map() });
const bundleOf = (o: object) =>
  JSON.stringify({ schemaVersion: 1, kind: 'bundle', createdAt: '2025-01-01T00:00:00Z', ...o });
const photo = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return {
    hash: sha256Hex(bytes),
    mime: 'image/jpeg',
    width: 1,
    height: 1,
    dataBase64: Buffer.from(bytes).toString('base64'),
  };
};

describe('planRestore', () => {
  it('takes out a draft its set refuses and keeps the rest, with the photos the refused one references', () => {
    const p = photo('ảnh của phiếu hỏng');
    const good = draft({ i1: { value: 'met' } }, 'a-good');
    const bad = {
      ...draft({ i4: { value: -5, evidence: [p.hash] }, i1: { value: 'met' } }, 'a-bad'),
      facility: { ...draft().facility, name: 'Trạm hỏng' },
    };
    const r = planRestore(bundleOf({ assessments: [good, bad], photos: [p] }), known(), 'backup.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.assessments.map((a) => a.id)).toEqual(['a-good']);
    // The photo only the refused draft used is then unreferenced: refused too (it also travels with the draft).
    expect(r.plan.refused!.map((d) => d.kind)).toEqual(['assessments', 'photos']);
    expect(r.plan.photos).toHaveLength(0);
    const x = r.plan.refused![0]!;
    expect(x).toMatchObject({ kind: 'assessments', id: 'a-bad', file: 'backup.json' });
    expect(x.label).toContain('Trạm hỏng');
    expect(x.reasons[0]).toMatchObject({ code: 'answer.bad-value', pointer: '/answers/i4/value' });
    expect((x.bundle as { photos: unknown[] }).photos).toEqual([p]);
  });

  it('refuses a photo whose bytes do not match its hash, and a plan whose draft was refused', () => {
    const good = draft({}, 'a-good');
    const bad = draft({ i4: { value: -1 } }, 'a-bad');
    const wrong = { ...photo('x'), hash: 'a'.repeat(64) };
    const plan = {
      schemaVersion: 1,
      kind: 'improvement-plan',
      id: 'p1',
      assessmentId: 'a-bad',
      facilityId: 'f',
      actions: [],
    };
    const r = planRestore(bundleOf({ assessments: [good, bad], photos: [wrong], plans: [plan] }), known(), 'b.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.refused!.map((d) => `${d.kind}:${d.id}`).sort()).toEqual([
      'assessments:a-bad',
      'photos:' + 'a'.repeat(64),
      'plans:p1',
    ]);
    expect(r.plan.photos).toHaveLength(0);
    expect(r.plan.plans).toHaveLength(0);
  });

  it('still refuses the whole file when the file itself is wrong', () => {
    expect(planRestore('{"kind":"bundle"', known(), 'x.json').ok).toBe(false);
    expect(planRestore(bundleOf({ assessments: [draft()], extra: 1 }), known(), 'x.json').ok).toBe(false);
    expect(planRestore(bundleOf({ assessments: 'no' }), known(), 'x.json').ok).toBe(false);
  });

  it('writes the valid documents and keeps the refused ones aside in one transaction', async () => {
    const storage = new Storage(openTieuChiDB('restore-test'));
    const r = planRestore(
      bundleOf({ assessments: [draft({}, 'a-good'), draft({ i4: { value: -5 } }, 'a-bad')] }),
      known(),
      'b.json',
    );
    if (!r.ok) throw new Error('plan failed');
    const n = await applyImport(storage, r.plan, false);
    expect(n).toMatchObject({ a: 1, refused: 1 });
    expect(await storage.getAssessment('a-good')).toBeTruthy();
    expect(await storage.getAssessment('a-bad')).toBeUndefined();
    const kept = await storage.listRefused();
    expect(kept.map((k) => k.id)).toEqual(['a-bad']);
    await storage.dropRefused([kept[0]!.key]);
    expect(await storage.listRefused()).toEqual([]);
  });
});

describe('a stored draft with a value its set refuses', () => {
  it('is scored without that value, which is listed with its reason; the note and photos stay', async () => {
    const storage = new Storage(openTieuChiDB('invalid-test'));
    const store = new AppStore(storage);
    store.sets.set('test-small@1.0', smallSet);
    const a = draft({ i1: { value: 'met' }, i4: { value: 150.5, note: 'ghi chú' } });
    a.answers.i4!.value = -3;
    const r = store.resultFor(a);
    expect(r).toBeDefined();
    const inv = store.invalidAnswers(a);
    expect(inv.map((x) => [x.itemId, x.value, x.problem.code])).toEqual([['i4', -3, 'answer.bad-value']]);
    const i4 = r!.sections.flatMap((s) => s.criteria.flatMap((c) => c.items)).find((x) => x.id === 'i4');
    expect(i4?.status).toBe('unanswered');
    expect(r!.unanswered).toContain('i4');
  });

  it('lists nothing when a problem is not about one answer', () => {
    expect(invalidAnswersOf(draft(), [{ code: 'x', pointer: '/facility', message: { vi: '', en: '' } }])).toEqual([]);
    expect(
      invalidAnswersOf(draft({ 'a/b': { value: 1 } }), [
        { code: 'x', pointer: '/answers/a~1b/value', message: { vi: '', en: '' } },
      ])[0]?.itemId,
    ).toBe('a/b');
  });
});

describe('the archive (issue 13, item 7)', () => {
  it('moves a deleted assessment aside with its photos, restores it, and deletes a locked one for good only by name', async () => {
    const storage = new Storage(openTieuChiDB('archive-test'));
    const store = new AppStore(storage);
    const bytes = new Uint8Array([7, 7, 7]);
    const hash = sha256Hex(bytes);
    await storage.putPhoto({ hash, blob: new Blob([bytes]), mime: 'image/jpeg', width: 1, height: 1 });
    const a = { ...draft({ i1: { value: 'met', evidence: [hash] } }, 'a-arch'), status: 'locked' as const };
    await storage.putAssessment(a);
    await store.init();
    await store.remove('a-arch');
    expect(await storage.getAssessment('a-arch')).toBeUndefined();
    expect((await storage.listArchive()).map((x) => x.assessment.id)).toEqual(['a-arch']);
    expect(await storage.deleteOrphanPhotos()).toBe(0); // the archived one still holds its photo
    await store.restore('a-arch');
    expect(await storage.getAssessment('a-arch')).toEqual(a);
    expect(store.assessments.get('a-arch')).toEqual({ ...a, schemaVersion: 2 }); // migrated forward in memory only
    await store.remove('a-arch');
    await expect(store.purge('a-arch', 'wrong name')).rejects.toThrow(/name/);
    expect(await storage.listArchive()).toHaveLength(1);
    await store.purge('a-arch', a.facility.name);
    expect(await storage.listArchive()).toHaveLength(0);
    expect(await storage.getPhoto(hash)).toBeUndefined();
  });
});

describe('planRestore with nothing good left', () => {
  it('refuses the whole file when every document is refused', () => {
    const r = planRestore(
      JSON.stringify({
        schemaVersion: 1,
        kind: 'bundle',
        createdAt: '2025-01-01T00:00:00Z',
        assessments: [draft({ i4: { value: -5 } }, 'a-bad')],
      }),
      known(),
      'x.json',
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({ code: 'answer.bad-value', pointer: '/assessments/0/answers/i4/value' });
  });
});
