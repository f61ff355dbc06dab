/**
 * Imports never change the device's documents without saying so (issue 13, item 8): drafts merge per answer, a
 * locked copy is never replaced by a draft, plans, photos and facility records on the device are kept, and the
 * summary names every document with what became of it.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { mergeThreeWay, sha256Hex } from '@tieuchi/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyImport, planImport } from '../src/io/bundle.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { draft, smallSet } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

let n = 0;
async function device(assessments: ReturnType<typeof draft>[]) {
  const s = new Storage(openTieuChiDB(`merge-${n++}`));
  for (const a of assessments) await s.putAssessment(a);
  return s;
}
const plan = (s: Storage, bundle: object) =>
  s.listAssessments().then((list) => {
    const out = planImport(
      JSON.stringify({ schemaVersion: 1, kind: 'bundle', createdAt: '2026-01-01T00:00:00Z', ...bundle }),
      {
        sets: new Map([['test-small@1.0', smallSet]]),
        assessments: new Map(list.map((a) => [a.id, a])),
      },
    );
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    return out.plan;
  });
const opts = { merge: mergeThreeWay };

describe('applyImport with merging', () => {
  it('merges two drafts of one assessment per answer and records the item both answered differently', async () => {
    const mine = draft({ i1: { value: 'met' }, i2: { value: 'met' } }, 'a-1');
    const theirs = draft({ i1: { value: 'met' }, i2: { value: 'not-met' }, i3: { value: 'full' } }, 'a-1');
    const s = await device([mine]);
    const r = await applyImport(s, await plan(s, { assessments: [theirs] }), false, opts);
    const got = (await s.getAssessment('a-1'))!;
    expect(got.answers.i1?.value).toBe('met');
    expect(got.answers.i3?.value).toBe('full');
    expect(got.answers.i2).toBeUndefined();
    expect(got.conflicts?.map((c) => c.path)).toEqual(['/answers/i2']);
    expect(r.summary).toContainEqual(expect.objectContaining({ id: 'a-1', outcome: 'merged', conflicts: 1 }));
  });

  it('lists an assessment identical to the device copy as kept, with the reason', async () => {
    const mine = draft({ i1: { value: 'met' } }, 'a-1');
    const s = await device([mine]);
    const r = await applyImport(s, await plan(s, { assessments: [mine] }), false, opts);
    expect(r.summary).toEqual([expect.objectContaining({ kind: 'assessments', id: 'a-1', outcome: 'kept' })]);
    expect(r.summary[0]!.why?.vi).toContain('giống hệt');
  });

  it('never replaces a locked copy with a draft, even when asked to overwrite', async () => {
    const locked = { ...draft({ i1: { value: 'met' } }, 'a-1'), status: 'locked' as const };
    const s = await device([locked]);
    const r = await applyImport(
      s,
      await plan(s, { assessments: [draft({ i1: { value: 'not-met' } }, 'a-1')] }),
      true,
      opts,
    );
    expect((await s.getAssessment('a-1'))?.status).toBe('locked');
    expect(r.summary[0]).toMatchObject({ outcome: 'kept' });
    expect(r.summary[0]!.why?.vi).toContain('đã khoá');
  });

  it("keeps another assessment's plan that has the same plan id, and says so", async () => {
    const s = await device([draft({}, 'a-1'), draft({}, 'a-2')]);
    const theirs = {
      schemaVersion: 1 as const,
      kind: 'improvement-plan' as const,
      id: 'p-1',
      assessmentId: 'a-2',
      facilityId: 'f',
      actions: [],
    };
    await s.putPlan({ ...theirs, assessmentId: 'a-1', actions: [{ id: 'x', itemId: 'i1', status: 'planned' }] });
    const r = await applyImport(s, await plan(s, { assessments: [], plans: [theirs] }), true, opts);
    expect((await s.getPlan('p-1'))?.assessmentId).toBe('a-1');
    expect(r.summary).toContainEqual(expect.objectContaining({ kind: 'plans', id: 'p-1', outcome: 'refused' }));
  });

  it("keeps a photo's capture time and caption and a facility record already on the device", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const hash = sha256Hex(bytes);
    const s = await device([]);
    await s.putPhoto({
      hash,
      blob: new NodeBlob([bytes]) as unknown as Blob,
      mime: 'image/jpeg',
      width: 1,
      height: 1,
      capturedAt: '2026-01-01T08:00:00Z',
      caption: 'Tủ thuốc',
    });
    await s.putFacility({ id: 'f-local', name: 'Trạm Y tế xã A', kind: 'commune-station', provisional: true });
    const b = {
      assessments: [draft({ i1: { value: 'met', evidence: [hash] } }, 'a-photo')],
      photos: [
        {
          hash,
          mime: 'image/jpeg',
          width: 1,
          height: 1,
          capturedAt: '2030-01-01T00:00:00Z',
          caption: 'khác',
          dataBase64: Buffer.from(bytes).toString('base64'),
        },
      ],
      facilities: [{ id: 'f-local', name: 'Tên khác', kind: 'commune-station', provisional: true }],
    };
    const r = await applyImport(s, await plan(s, b), true, opts);
    expect(await s.getPhoto(hash)).toMatchObject({ capturedAt: '2026-01-01T08:00:00Z', caption: 'Tủ thuốc' });
    expect((await s.listFacilities())[0]?.name).toBe('Trạm Y tế xã A');
    expect(
      r.summary
        .filter((e) => e.outcome === 'kept')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['facilities', 'photos']);
    expect(r.summary).toContainEqual(expect.objectContaining({ id: 'a-photo', outcome: 'added' }));
    expect(r.summary.every((e) => e.outcome !== 'kept' || e.why)).toBe(true);
  });
});
