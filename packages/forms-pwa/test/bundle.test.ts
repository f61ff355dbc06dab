import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { lockAssessment, sha256Hex } from '@tieuchi/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyImport, buildBundle, planImport } from '../src/io/bundle.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { draft, smallSet } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  // happy-dom's Blob does not survive fake-indexeddb's structuredClone; Node's (like a browser's) does.
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

const known = (assessments: ReturnType<typeof draft>[] = []) => ({
  sets: new Map([['test-small@1.0', smallSet]]),
  assessments: new Map(assessments.map((a) => [a.id, a])),
});
const bundleOf = (assessments: unknown[], extra: object = {}) =>
  JSON.stringify({ schemaVersion: 1, kind: 'bundle', createdAt: '2025-01-01T00:00:00Z', assessments, ...extra });

describe('planImport', () => {
  it('rejects text that is not JSON', () => {
    const r = planImport('{"kind": "bundle", ', known());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('io.not-json');
  });

  it('rejects an unknown kind of file', () => {
    const r = planImport('[1,2,3]', known());
    expect(r.ok).toBe(false);
  });

  it('rejects hostile extra fields and prototype keys with a pointer', () => {
    const a = { ...draft(), answers: { __proto__: { value: 'met' } }, evil: '<script>' };
    const r = planImport(bundleOf([a]).replace('"answers":{}', '"answers":{"__proto__":{"value":"met"}}'), known());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  });

  it('rejects an answer to an item the set does not have', () => {
    const r = planImport(bundleOf([draft({ nope: { value: 'met' } })]), known());
    expect(r.ok).toBe(false);
  });

  it('rejects an assessment whose set is unknown', () => {
    const a = { ...draft(), criteriaSet: { id: 'other', version: '9' } };
    const r = planImport(bundleOf([a]), known());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('verify.no-set');
  });

  it('rejects a locked assessment changed after locking', () => {
    const locked = lockAssessment(draft({ i1: { value: 'met' } }), smallSet, '2025-01-01T00:00:00Z');
    const tampered = { ...locked, answers: { i1: { value: 'not-met' } } };
    const r = planImport(bundleOf([tampered]), known());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('verify.hash-mismatch');
  });

  it('rejects a photo whose bytes do not match its hash', () => {
    const photos = [{ hash: 'a'.repeat(64), mime: 'image/jpeg', dataBase64: 'AQID' }];
    const r = planImport(bundleOf([draft({ i1: { value: 'met', evidence: ['a'.repeat(64)] } })], { photos }), known());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('verify.photo-hash');
  });

  it('refuses, and says so, a photo that nothing in the file references (40 MB nobody asked for)', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const photos = [{ hash: sha256Hex(bytes), mime: 'image/jpeg', dataBase64: 'AQID' }];
    const r = planImport(bundleOf([draft()], { photos }), known());
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        expect.objectContaining({ code: 'verify.photo-unreferenced', pointer: '/photos/0/hash' }),
      ]);
    // Referenced, the same photo imports.
    expect(
      planImport(bundleOf([draft({ i1: { value: 'met', evidence: [sha256Hex(bytes)] } })], { photos }), known()).ok,
    ).toBe(true);
  });

  it('refuses a submitted assessment whose content hash was deleted (it used to import as "Đã khoá")', () => {
    const locked = lockAssessment(draft({ i1: { value: 'met' } }), smallSet, '2025-01-01T00:00:00Z');
    const { contentHash: _gone, ...noHash } = { ...locked, answers: { i1: { value: 'not-met' } } };
    const r = planImport(bundleOf([noHash]), known());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(['verify.hash-missing']);
  });

  it('reports a changed assessment already on the device as a conflict, and skips an identical one', () => {
    const mine = draft({ i1: { value: 'met' } });
    expect(planImport(bundleOf([mine]), known([mine]))).toMatchObject({
      ok: true,
      plan: { conflicts: [], assessments: [] },
    });
    const theirs = draft({ i1: { value: 'not-met' } });
    expect(planImport(bundleOf([theirs]), known([mine]))).toMatchObject({ ok: true, plan: { conflicts: ['a-test'] } });
  });
});

describe('export then import', () => {
  it('round-trips an assessment with its photo', async () => {
    const s = new Storage(openTieuChiDB('rt'));
    const bytes = new Uint8Array([255, 216, 255, 1, 2, 3]);
    const hash = sha256Hex(bytes);
    await s.putPhoto({
      hash,
      blob: new NodeBlob([bytes]) as unknown as Blob,
      mime: 'image/jpeg',
      width: 10,
      height: 8,
      capturedAt: '2025-02-03T04:05:06.000Z',
    });
    const a = draft({ i1: { value: 'met', evidence: [hash] } });
    const bundle = await buildBundle(s, [a], { importedSets: [] });
    expect(bundle.photos?.[0]?.hash).toBe(hash);

    const other = new Storage(openTieuChiDB('rt2'));
    const plan = planImport(JSON.stringify(bundle), known());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    await applyImport(other, plan.plan, false);
    expect((await other.getAssessment('a-test'))?.answers.i1?.evidence).toEqual([hash]);
    expect((await other.getPhoto(hash))?.capturedAt).toBe('2025-02-03T04:05:06.000Z');
  });

  it('carries the improvement plan of an assessment, with its completion photos, and never overwrites a different one silently', async () => {
    const s = new Storage(openTieuChiDB('rt-plan'));
    const bytes = new Uint8Array([255, 216, 255, 9, 9]);
    const hash = sha256Hex(bytes);
    await s.putPhoto({ hash, blob: new NodeBlob([bytes]) as unknown as Blob, mime: 'image/jpeg', width: 4, height: 4 });
    const a = draft({ i1: { value: 'not-met' } }, 'a-plan');
    await s.putAssessment(a);
    const plan = {
      schemaVersion: 1 as const,
      kind: 'improvement-plan' as const,
      id: 'a-plan-plan',
      assessmentId: 'a-plan',
      facilityId: a.facility.id,
      actions: [
        { id: 'act-i1', itemId: 'i1', status: 'done' as const, action: 'Mua tủ thuốc', completionEvidence: [hash] },
      ],
    };
    await s.putPlan(plan);
    const bundle = await buildBundle(s, [a], { importedSets: [] });
    expect(bundle.plans).toEqual([plan]);
    expect(bundle.photos?.map((p) => p.hash)).toEqual([hash]);

    const council = new Storage(openTieuChiDB('rt-plan-2'));
    const out = planImport(JSON.stringify(bundle), known());
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    await applyImport(council, out.plan, false);
    expect(await council.getPlanForAssessment('a-plan')).toEqual(plan);
    expect(await council.getPhoto(hash)).toBeDefined();

    // The council edits its copy; a later import of the station's (different) plan does not replace it unasked.
    const edited = { ...plan, actions: [{ ...plan.actions[0]!, status: 'verified' as const }] };
    await council.putPlan(edited);
    await applyImport(council, out.plan, false);
    expect((await council.getPlanForAssessment('a-plan'))?.actions[0]?.status).toBe('verified');
    await applyImport(council, out.plan, true);
    expect((await council.getPlanForAssessment('a-plan'))?.actions[0]?.status).toBe('done');
  });

  it('refuses a plan for an assessment that is neither in the file nor on the device', () => {
    const bundle = {
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2026-01-01T00:00:00Z',
      assessments: [],
      plans: [
        { schemaVersion: 1, kind: 'improvement-plan', id: 'p', assessmentId: 'ghost', facilityId: 'f', actions: [] },
      ],
    };
    const out = planImport(JSON.stringify(bundle), known());
    expect(out.ok ? '' : out.errors[0]!.pointer).toBe('/plans/0/assessmentId');
  });
});
