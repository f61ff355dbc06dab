import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/core.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { mergePulled, SyncEngine, type SyncBase } from '../src/sync/engine.js';
import { FakeCouncil } from './fake-council.js';
import { draft } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const URL_ = 'http://council.test/';

/** One tablet: its own database and engine, enrolled with the council. */
async function tablet(council: FakeCouncil, name: string, pageSize = 100) {
  const storage = new Storage(openTieuChiDB(name));
  const adopted: string[] = [];
  const engine = new SyncEngine({ storage, adoptStored: (id) => void adopted.push(id) }, council.fetch, pageSize);
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
    const engine = new SyncEngine({ storage, adoptStored: () => undefined }, council.fetch);
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
