import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '@tieuchi/core';
import type { Assessment, CriteriaSet, ImprovementPlan } from '../src/core.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import {
  mergePulled,
  photoBackoffMs,
  refusedForGood,
  SyncEngine,
  type PlanBase,
  type SyncBase,
} from '../src/sync/engine.js';
import { FakeCouncil } from './fake-council.js';
import { draft, smallSet } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const URL_ = 'http://council.test/';

/** One tablet: its own database and engine, enrolled with the council. */
async function tablet(council: FakeCouncil, name: string, pageSize = 100) {
  const storage = new Storage(openTieuChiDB(name));
  const adopted: string[] = [];
  const engine = new SyncEngine(
    { storage, adoptStored: (id) => void adopted.push(id), setOf: async () => smallSet },
    council.fetch,
    pageSize,
  );
  await engine.enrol(URL_, 'ABCDE-FGHJK');
  return { storage, engine, adopted };
}

const answer = (a: Assessment, item: string, value: string, by: string): Assessment => ({
  ...a,
  answers: { ...a.answers, [item]: { value, by, at: '2026-12-01T01:00:00.000Z' } },
});

describe('SyncEngine', () => {
  it('pushes a draft made offline, empties the outbox and records the shared revision', async () => {
    const council = new FakeCouncil();
    const t = await tablet(council, 'one');
    await t.storage.putAssessment(draft({ i1: { value: 'met' } }, 'a1'));
    expect(t.engine.status.waiting).toBe(0); // status is read again on refresh
    expect((await t.engine.refresh()).waiting).toBe(1);
    const r = await t.engine.sync();
    expect(r).toMatchObject({ pushed: 1, refused: 0 });
    expect(r.problem).toBeUndefined();
    expect(council.docs.get('a1')?.body.answers.i1?.value).toBe('met');
    expect(t.engine.status.waiting).toBe(0);
    expect(t.engine.status.lastSync).toBeDefined();
    const base = await t.storage.getSync<SyncBase>('base:a1');
    expect(base?.revision).toBe(council.docs.get('a1')!.head);
  });

  it('queues what was on the device before enrolment', async () => {
    const council = new FakeCouncil();
    const storage = new Storage(openTieuChiDB('before'));
    await storage.putAssessment(draft({}, 'old'), undefined, { outbox: false });
    const engine = new SyncEngine(
      { storage, adoptStored: () => undefined, setOf: async () => smallSet },
      council.fetch,
    );
    await engine.enrol(URL_, 'ABCDE-FGHJK');
    expect(engine.status.waiting).toBe(1);
    await engine.sync();
    expect(council.docs.has('old')).toBe(true);
  });

  it('two tablets of one team editing different items offline both keep both answers, in either order', async () => {
    for (const order of [
      ['A', 'B'],
      ['B', 'A'],
    ] as const) {
      globalThis.indexedDB = new IDBFactory();
      const council = new FakeCouncil();
      const A = await tablet(council, 'A');
      const B = await tablet(council, 'B');
      await A.storage.putAssessment(draft({}, 'team'));
      await A.engine.sync();
      await B.engine.sync();
      const shared = (await B.storage.getAssessment('team'))!;
      expect(shared).toBeDefined();
      // Offline: Lan answers i1 on A, Minh answers i2 on B.
      await A.storage.putAssessment(answer((await A.storage.getAssessment('team'))!, 'i1', 'met', 'Lan'));
      await B.storage.putAssessment(answer(shared, 'i2', 'not-met', 'Minh'));
      const first = order[0] === 'A' ? A : B;
      const second = order[0] === 'A' ? B : A;
      await first.engine.sync();
      await second.engine.sync();
      await first.engine.sync();
      for (const t of [A, B]) {
        const a = (await t.storage.getAssessment('team'))!;
        expect(a.answers.i1?.value, `${order.join('')}`).toBe('met');
        expect(a.answers.i2?.value).toBe('not-met');
        expect(a.conflicts ?? []).toEqual([]);
        expect(t.engine.status.waiting).toBe(0);
      }
      expect(council.docs.get('team')!.body.answers).toMatchObject({ i1: { value: 'met' }, i2: { value: 'not-met' } });
    }
  });

  it('the same item answered differently on two tablets becomes one conflict with both values and who, on both', async () => {
    const council = new FakeCouncil();
    const A = await tablet(council, 'A');
    const B = await tablet(council, 'B');
    await A.storage.putAssessment(draft({}, 'team'));
    await A.engine.sync();
    await B.engine.sync();
    await A.storage.putAssessment(answer((await A.storage.getAssessment('team'))!, 'i1', 'met', 'Lan'));
    await B.storage.putAssessment(answer((await B.storage.getAssessment('team'))!, 'i1', 'not-met', 'Minh'));
    await A.engine.sync();
    await B.engine.sync();
    await A.engine.sync();
    for (const t of [A, B]) {
      const a = (await t.storage.getAssessment('team'))!;
      expect(a.conflicts).toHaveLength(1);
      const c = a.conflicts![0]!;
      expect(c.path).toContain('i1');
      const values = c.candidates.map((x) => JSON.stringify(x)).join(' ');
      expect(values).toContain('met');
      expect(values).toContain('not-met');
      expect(values).toContain('Lan');
      expect(values).toContain('Minh');
      expect(a.answers.i1?.value).toBeUndefined(); // left unset until a person chooses
    }
  });

  it('a revoked device (401) keeps its outbox and says to enrol again', async () => {
    const council = new FakeCouncil();
    const t = await tablet(council, 'rev');
    const link = t.engine.status.link!;
    await t.storage.putAssessment(draft({}, 'a1'));
    council.revoked.add(link.token);
    const r = await t.engine.sync();
    expect(r.problem?.kind).toBe('signInAgain');
    expect(t.engine.status.problem?.kind).toBe('signInAgain');
    expect(t.engine.status.waiting).toBe(1);
    expect((await t.storage.listOutbox()).map((e) => e.id)).toEqual(['a1']);
    expect(await t.storage.getAssessment('a1')).toBeDefined();
    council.revoked.clear();
    await t.engine.sync();
    expect(t.engine.status.waiting).toBe(0);
  });

  it("a refused document keeps the server's message, stays queued, and is not sent again until it changes", async () => {
    const council = new FakeCouncil();
    const t = await tablet(council, 'ref');
    await t.storage.putAssessment(draft({}, 'bad'));
    await t.storage.putAssessment(draft({}, 'good'));
    council.refuse.add('bad');
    const r = await t.engine.sync();
    expect(r).toMatchObject({ pushed: 1, refused: 1 });
    expect(t.engine.status.refused).toHaveLength(1);
    expect(t.engine.status.refused[0]).toMatchObject({ id: 'bad', code: 'invalidDocument' });
    expect(t.engine.status.refused[0]!.text.vi).toBe('Phiếu không hợp lệ; không có gì được lưu.');
    expect(t.engine.status.waiting).toBe(1);
    const before = council.pushes;
    await t.engine.sync();
    expect(council.pushes).toBe(before); // unchanged: not sent again
    council.refuse.clear();
    await t.storage.putAssessment(draft({ i1: { value: 'met' } }, 'bad')); // fixed
    await t.engine.sync();
    expect(t.engine.status.refused).toEqual([]);
    expect(t.engine.status.waiting).toBe(0);
    expect(council.docs.get('bad')?.body.answers.i1?.value).toBe('met');
  });

  it('a pull dropped mid-way resumes from the last page it stored', async () => {
    const council = new FakeCouncil();
    const A = await tablet(council, 'A');
    for (let i = 0; i < 25; i++) await A.storage.putAssessment(draft({}, `a${String(i).padStart(3, '0')}`));
    await A.engine.sync();
    expect(council.docs.size).toBe(25);
    const B = await tablet(council, 'B', 10);
    council.dropPullAfter = 2; // two pages of 10, then the connection drops
    const r = await B.engine.sync();
    expect(r.problem?.kind).toBe('unreachable');
    expect(await B.storage.getSync('cursor')).toBe(20);
    expect((await B.storage.listAssessments()).length).toBe(20);
    council.dropPullAfter = -1;
    await B.engine.sync();
    expect((await B.storage.listAssessments()).length).toBe(25);
    expect(await B.storage.getSync('cursor')).toBe(25);
  });

  it('a pulled document core refuses (a sealed one altered after its hash) is kept aside with why, never stored', async () => {
    const council = new FakeCouncil();
    const A = await tablet(council, 'A');
    await A.storage.putAssessment(draft({}, 'good'));
    await A.engine.sync();
    // On the server, a locked copy whose answers no longer match its content hash.
    const honest = { ...draft({}, 'tampered'), status: 'locked' as const };
    const sealed = { ...honest, contentHash: contentHash(honest), note: 'changed after sealing' };
    council.docs.set('tampered', { head: 'r1', change: ++council.change, body: sealed, revisions: new Map() });
    const B = await tablet(council, 'B');
    await B.engine.sync();
    expect((await B.storage.listAssessments()).map((a) => a.id)).toEqual(['good']);
    const kept = await B.storage.listRefused();
    expect(kept.map((r) => [r.id, r.file])).toEqual([['tampered', 'sync']]);
    expect(kept[0]!.reasons.map((r) => r.code)).toContain('verify.hash-mismatch');
    // The next sync does not keep it twice.
    await B.engine.sync();
    expect(await B.storage.listRefused()).toHaveLength(1);
  });

  it('leaving the server keeps the assessments and the outbox', async () => {
    const council = new FakeCouncil();
    const t = await tablet(council, 'leave');
    await t.storage.putAssessment(draft({}, 'a1'));
    await t.engine.leave();
    expect(t.engine.status.link).toBeUndefined();
    expect(t.engine.status.waiting).toBe(1);
    expect((await t.engine.sync()).pushed).toBe(0); // not enrolled: nothing sent
  });
});

describe('mergePulled', () => {
  const base = draft({ i1: { value: 'met' } }, 'm');
  it('takes the server copy when nothing changed here', () => {
    const server = answer(base, 'i2', 'met', 'X');
    expect(mergePulled(base, base, server)).toBe(server);
    expect(mergePulled(undefined, undefined, server)).toBe(server);
  });
  it('keeps a copy locked here; takes a copy locked on the server', () => {
    const server = answer(base, 'i2', 'met', 'X');
    const locked = { ...answer(base, 'i3', 'met', 'Y'), status: 'locked' as const };
    expect(mergePulled(base, locked, server)).toBe(locked);
    const local = answer(base, 'i3', 'met', 'Y');
    expect(mergePulled(base, local, { ...server, status: 'locked' })).toMatchObject({ status: 'locked' });
  });
  it('merges both drafts answer by answer', () => {
    const m = mergePulled(base, answer(base, 'i3', 'met', 'Y'), answer(base, 'i2', 'not-met', 'X'));
    expect(m.answers).toMatchObject({ i1: { value: 'met' }, i2: { value: 'not-met' }, i3: { value: 'met' } });
  });
});

/**
 * The fake council with photo routes that fail `failures` times (the network down, or a server error), then
 * store what is sent, recording every photo request.
 */
function withPhotos(council: FakeCouncil, failures: number, how: 'down' | 500 | 401 | 413 | 415 | 429) {
  const stored = new Set<string>();
  const requests: string[] = [];
  let left = failures;
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const m = /^\/api\/v1\/photos\/([0-9a-z]+)(\/exists)?$/.exec(url.pathname);
    if (!m) return council.fetch(input, init);
    requests.push(`${init.method ?? 'GET'} ${m[1]}${m[2] ?? ''}`);
    if (left > 0) {
      left--;
      if (how === 'down') throw new TypeError('Failed to fetch');
      return json(how, {
        error: {
          code: how === 401 ? 'unauthenticated' : how === 413 ? 'tooLarge' : 'internal',
          message: how === 413 ? { vi: 'Tệp quá lớn.', en: 'The file is too large.' } : { vi: 'lỗi', en: 'error' },
        },
      });
    }
    if (m[2]) return json(200, { stored: stored.has(m[1]!) });
    stored.add(m[1]!);
    return json(201, { stored: true });
  }) as typeof globalThis.fetch;
  return { fetch, stored, requests };
}

const photo = (hash: string) => ({
  hash,
  // Node's Blob: it survives fake-indexeddb's structured clone (happy-dom's does not keep its methods).
  blob: new NodeBlob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }) as unknown as Blob,
  mime: 'image/jpeg' as const,
  width: 1,
  height: 1,
});

async function photoTablet(server: { fetch: typeof globalThis.fetch }, name: string) {
  const storage = new Storage(openTieuChiDB(name));
  const engine = new SyncEngine({ storage, adoptStored: () => undefined, setOf: async () => smallSet }, server.fetch);
  await engine.enrol(URL_, 'ABCDE-FGHJK');
  return { storage, engine };
}

describe('photos upload on their own queue', () => {
  it('waits 30 s after a first failure, doubling each time, at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(photoBackoffMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('a stored photo is uploaded apart from its assessment, even when the server refuses the assessment', async () => {
    const council = new FakeCouncil();
    const server = withPhotos(council, 0, 500);
    const t = await photoTablet(server, 'ph1');
    council.refuse.add('a1');
    await t.storage.putPhoto(photo('aa11'));
    await t.storage.putAssessment(draft({ i1: { value: 'met', evidence: ['aa11'] } }, 'a1'));
    expect((await t.engine.refresh()).photosWaiting).toBe(1);
    const r = await t.engine.sync();
    expect(r).toMatchObject({ pushed: 0, refused: 1 });
    expect(await t.engine.syncPhotos()).toMatchObject({ uploaded: 1, failed: 0 });
    expect([...server.stored]).toEqual(['aa11']);
    expect(await t.storage.listPhotoOutbox()).toEqual([]);
    expect(t.engine.status.photosWaiting).toBe(0);
  });

  it('after a failure the photo waits its backoff; "Đồng bộ" (now) tries it at once and it is uploaded', async () => {
    const council = new FakeCouncil();
    const server = withPhotos(council, 1, 500);
    const t = await photoTablet(server, 'ph2');
    await t.storage.putPhoto(photo('bb22'));
    const before = Date.now();
    expect(await t.engine.syncPhotos()).toEqual({ uploaded: 0, failed: 1, deferred: 0 });
    const [e] = await t.storage.listPhotoOutbox();
    expect(e).toMatchObject({ hash: 'bb22', attempts: 1, lastError: 'error' });
    const wait = Date.parse(e!.nextAt!) - before;
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThan(40_000);
    expect(t.engine.status.photosWaiting).toBe(1);
    const asked = server.requests.length;
    expect(await t.engine.syncPhotos(false)).toEqual({ uploaded: 0, failed: 0, deferred: 1 }); // a timer's run
    expect(server.requests.length).toBe(asked);
    expect(await t.engine.syncPhotos(true)).toEqual({ uploaded: 1, failed: 0, deferred: 0 }); // the button
    expect([...server.stored]).toEqual(['bb22']);
    expect(t.engine.status.photosWaiting).toBe(0);
  });

  it('with the photo route down, answers are still pushed and the photo stays queued with a growing wait', async () => {
    const council = new FakeCouncil();
    const server = withPhotos(council, 3, 'down');
    const t = await photoTablet(server, 'ph3');
    await t.storage.putPhoto(photo('cc33'));
    await t.storage.putAssessment(draft({ i1: { value: 'met', evidence: ['cc33'] } }, 'a3'));
    const r = await t.engine.sync();
    expect(r).toMatchObject({ pushed: 1 });
    expect(r.problem).toBeUndefined();
    expect(council.docs.get('a3')?.body.answers.i1?.evidence).toEqual(['cc33']);
    await t.engine.syncPhotos();
    await t.engine.syncPhotos(true);
    const [e] = await t.storage.listPhotoOutbox();
    expect(e!.attempts).toBe(2);
    expect(Date.parse(e!.nextAt!) - Date.now()).toBeGreaterThan(50_000); // 60 s after the second failure
    await t.engine.syncPhotos(true); // third failure
    expect(await t.engine.syncPhotos(true)).toMatchObject({ uploaded: 1 }); // back up
    expect(await t.storage.listPhotoOutbox()).toEqual([]);
  });

  it('a revoked device (401) stops the photo run and keeps the queue', async () => {
    const council = new FakeCouncil();
    const server = withPhotos(council, 1, 401);
    const t = await photoTablet(server, 'ph4');
    await t.storage.putPhoto(photo('dd44'));
    await t.storage.putPhoto(photo('ee55'));
    expect(await t.engine.syncPhotos(true)).toEqual({ uploaded: 0, failed: 0, deferred: 0 });
    expect((await t.storage.listPhotoOutbox()).map((e) => [e.hash, e.attempts])).toEqual([
      ['dd44', 0],
      ['ee55', 0],
    ]);
  });

  it('only a 4xx other than 401, 408 and 429 is a refusal for good', () => {
    expect([400, 403, 404, 413, 415, 422].every(refusedForGood)).toBe(true);
    expect([401, 408, 429, 500, 503, 200].some(refusedForGood)).toBe(false);
  });

  it('a photo refused for good (413) keeps the reason and its place, is not retried by itself nor unchanged on "Đồng bộ"', async () => {
    const council = new FakeCouncil();
    const server = withPhotos(council, 1, 413);
    const t = await photoTablet(server, 'ph6');
    await t.storage.putPhoto(photo('ab12'));
    await t.storage.putAssessment(draft({ i1: { value: 'met', evidence: ['ab12'] } }, 'a6'));
    expect(await t.engine.syncPhotos(true)).toMatchObject({ uploaded: 0, failed: 1 });
    const [e] = await t.storage.listPhotoOutbox();
    expect(e?.refused).toMatchObject({ status: 413, code: 'tooLarge', bytes: 4, mime: 'image/jpeg' });
    expect(e?.nextAt).toBeUndefined();
    expect(t.engine.status.photosWaiting).toBe(0);
    expect(t.engine.status.photosRefused).toEqual([
      expect.objectContaining({
        hash: 'ab12',
        status: 413,
        text: { vi: 'Tệp quá lớn.', en: 'The file is too large.' },
        places: [{ assessmentId: 'a6', facility: 'Trạm Y tế phường An Khánh', itemId: 'i1' }],
      }),
    ]);
    const asked = server.requests.length;
    // The server would accept it now, but nothing changed: neither a timer's run nor the button sends it again.
    expect(await t.engine.syncPhotos(false)).toEqual({ uploaded: 0, failed: 0, deferred: 0 });
    expect(await t.engine.syncPhotos(true)).toEqual({ uploaded: 0, failed: 0, deferred: 0 });
    expect(server.requests.length).toBe(asked);
    // The photo retaken: the old one, no longer used, leaves the queue; the new one is sent.
    await t.storage.putPhoto(photo('cd34'));
    await t.storage.putAssessment(draft({ i1: { value: 'met', evidence: ['cd34'] } }, 'a6'));
    await t.engine.refresh();
    expect(t.engine.status.photosRefused).toEqual([]);
    expect(await t.engine.syncPhotos(true)).toMatchObject({ uploaded: 1 });
    expect(await t.storage.listPhotoOutbox()).toEqual([]);
  });

  it('a 429 (too many requests) is not a refusal: the photo waits its backoff and is tried again', async () => {
    const council = new FakeCouncil();
    const server = withPhotos(council, 1, 429);
    const t = await photoTablet(server, 'ph7');
    await t.storage.putPhoto(photo('ef56'));
    await t.engine.syncPhotos(true);
    const [e] = await t.storage.listPhotoOutbox();
    expect(e?.refused).toBeUndefined();
    expect(e?.nextAt).toBeDefined();
    expect(await t.engine.syncPhotos(true)).toMatchObject({ uploaded: 1 });
  });

  it('a photo deleted since it was queued leaves the queue without a request', async () => {
    const council = new FakeCouncil();
    const server = withPhotos(council, 0, 500);
    const t = await photoTablet(server, 'ph5');
    await t.storage.putPhotoOutbox('ff66', { hash: 'ff66', queuedAt: new Date().toISOString(), attempts: 0 });
    await t.engine.syncPhotos(true);
    expect(await t.storage.listPhotoOutbox()).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe('improvement plans sync (ADR 0021)', () => {
  type Action = ImprovementPlan['actions'][number];
  const plan = (actions: Partial<Action>[], assessmentId = 'pa'): ImprovementPlan => ({
    schemaVersion: 1,
    kind: 'improvement-plan',
    id: `${assessmentId}-plan`,
    assessmentId,
    facilityId: 'f1',
    actions: actions.map((a, i) => ({ id: `act-i${i + 1}`, itemId: `i${i + 1}`, status: 'planned', ...a })),
  });

  it('a saved plan is queued, pushed after its assessment, and reaches another tablet', async () => {
    const council = new FakeCouncil();
    const A = await tablet(council, 'plA');
    const B = await tablet(council, 'plB');
    await A.storage.putAssessment(draft({}, 'pa'));
    await A.storage.putPlan(plan([{ owner: 'Chị Lan' }]));
    expect((await A.engine.refresh()).waiting).toBe(2);
    expect(await A.engine.sync()).toMatchObject({ pushed: 2, refused: 0 });
    expect(council.plans.get('pa-plan')?.body.actions[0]?.owner).toBe('Chị Lan');
    expect(A.engine.status.waiting).toBe(0);
    expect((await A.storage.getSync<PlanBase>('planBase:pa-plan'))?.revision).toBe(council.plans.get('pa-plan')!.head);
    await B.engine.sync();
    expect((await B.storage.getPlan('pa-plan'))?.actions[0]?.owner).toBe('Chị Lan');
    expect(B.engine.status.waiting).toBe(0); // a pulled plan is not sent back
  });

  it('a plan whose assessment the server lacks stays queued without a refusal, and goes once the assessment has', async () => {
    const council = new FakeCouncil();
    const t = await tablet(council, 'plOrphan');
    council.refuse.add('pa');
    await t.storage.putAssessment(draft({}, 'pa'));
    await t.storage.putPlan(plan([{}]));
    expect(await t.engine.sync()).toMatchObject({ pushed: 0, refused: 1 }); // the assessment's refusal only
    expect(t.engine.status.refused.map((r) => r.id)).toEqual(['pa']);
    expect(t.engine.status.waiting).toBe(2);
    council.refuse.delete('pa');
    await t.storage.putAssessment(draft({ i1: { value: 'met' } }, 'pa')); // fixed: queued again
    expect(await t.engine.sync()).toMatchObject({ pushed: 2, refused: 0 });
    expect(council.plans.has('pa-plan')).toBe(true);
  });

  it('two tablets changing different actions keep both; the same field becomes a conflict shown on both', async () => {
    const council = new FakeCouncil();
    const A = await tablet(council, 'plmA');
    const B = await tablet(council, 'plmB');
    await A.storage.putAssessment(draft({}, 'pa'));
    await A.storage.putPlan(plan([{}, {}, {}]));
    await A.engine.sync();
    await B.engine.sync();
    const shared = (await B.storage.getPlan('pa-plan'))!;
    const edit = (p: ImprovementPlan, i: number, patch: Partial<Action>): ImprovementPlan => ({
      ...p,
      actions: p.actions.map((x, j) => (j === i ? { ...x, ...patch } : x)),
    });
    // Offline: A marks action 1 done and sets action 3 to in progress; B sets an owner on action 2 and action 3 done.
    await A.storage.putPlan(edit(edit(shared, 0, { status: 'done' }), 2, { status: 'in-progress' }));
    await B.storage.putPlan(edit(edit(shared, 1, { owner: 'Anh Minh' }), 2, { status: 'done' }));
    await A.engine.sync();
    await B.engine.sync();
    await A.engine.sync();
    const a = (await A.storage.getPlan('pa-plan'))!;
    const b = (await B.storage.getPlan('pa-plan'))!;
    expect(b).toEqual(a);
    expect(a.actions.map((x) => [x.status, x.owner])).toEqual([
      ['done', undefined],
      ['planned', 'Anh Minh'],
      ['in-progress', undefined], // A reached the server first: its value is kept…
    ]);
    for (const t of [A, B]) {
      const [c] = t.engine.status.planConflicts;
      expect(c?.conflicts.map((x) => [x.actionId, x.field, x.ours, x.theirs])).toEqual([
        ['act-i3', 'status', 'done', 'in-progress'], // …and B's is listed, not dropped
      ]);
    }
    expect(A.engine.status.waiting + B.engine.status.waiting).toBe(0);
  });
});

describe('a pulled document whose set is not on the device (ADR 0021)', () => {
  /** A tablet that knows only the sets it stored (none at first), as a device that never had this set. */
  async function bare(council: FakeCouncil, name: string) {
    const storage = new Storage(openTieuChiDB(name));
    const known = new Map<string, CriteriaSet>();
    const engine = new SyncEngine(
      {
        storage,
        adoptStored: () => undefined,
        setOf: async (a) => known.get(`${a.criteriaSet.id}@${a.criteriaSet.version}`),
        addSet: (set) => void known.set(`${set.id}@${set.version}`, set),
      },
      council.fetch,
    );
    await engine.enrol(URL_, 'ABCDE-FGHJK');
    return { storage, engine, known };
  }
  const key = `${smallSet.id}@${smallSet.version}`;

  it('is kept aside, then comes back once the server serves its set: fetched, checked, stored', async () => {
    const council = new FakeCouncil();
    const A = await tablet(council, 'setA');
    await A.storage.putAssessment(draft({ i1: { value: 'met' } }, 'far'));
    await A.engine.sync();
    const B = await bare(council, 'setB');
    await B.engine.sync();
    expect(await B.storage.getAssessment('far')).toBeUndefined();
    expect((await B.storage.listRefused()).map((r) => r.id)).toEqual(['far']);
    // A set that is not the one asked for (another id) is refused: the document stays aside.
    council.sets.set(key, { ...smallSet, id: 'something-else' });
    await B.engine.sync();
    expect(await B.storage.getAssessment('far')).toBeUndefined();
    expect(await B.storage.listSets()).toEqual([]);
    council.sets.set(key, smallSet);
    await B.engine.sync();
    expect((await B.storage.getAssessment('far'))?.answers.i1?.value).toBe('met');
    expect(await B.storage.listRefused()).toEqual([]);
    expect((await B.storage.listSets()).map((s) => s.key)).toEqual([key]);
    expect(B.known.has(key)).toBe(true);
    expect(B.engine.status.waiting).toBe(0); // stored as pulled, not sent back
  });

  it('a set imported by hand brings the kept-aside documents of that set back', async () => {
    const council = new FakeCouncil();
    const A = await tablet(council, 'hA');
    await A.storage.putAssessment(draft({}, 'hand'));
    await A.engine.sync();
    const B = await bare(council, 'hB');
    await B.engine.sync();
    expect((await B.storage.listRefused()).map((r) => r.id)).toEqual(['hand']);
    B.known.set(key, smallSet); // the person imported the set file
    expect(await B.engine.recheckKeptAside()).toBe(1);
    expect(await B.storage.getAssessment('hand')).toBeDefined();
    expect(await B.storage.listRefused()).toEqual([]);
  });
});
