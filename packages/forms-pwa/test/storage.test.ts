import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { AppStore } from '../src/state/store.js';
import { createDraft, draft, smallSet } from './helpers.js';

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

const photo = (hash: string) => ({
  hash,
  blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
  mime: 'image/jpeg' as const,
  width: 1,
  height: 1,
  capturedAt: '2025-01-02T03:04:05.000Z',
});

describe('Storage', () => {
  it('creates every store on first open', async () => {
    const db = await openTieuChiDB('t1');
    expect([...db.objectStoreNames].sort()).toEqual([
      'assessments',
      'criteriaSets',
      'facilities',
      'outbox',
      'photoOutbox',
      'photos',
      'plans',
      'setDrafts',
      'settings',
      'sync',
    ]);
    db.close();
  });

  it('upgrades a version-1 database (as tablets have it) without losing a draft', async () => {
    const { openDB } = await import('idb');
    const v1 = await openDB('old', 1, {
      upgrade(db) {
        const a = db.createObjectStore('assessments', { keyPath: 'id' });
        a.createIndex('by-updated', 'updatedAt');
        for (const n of ['photos', 'facilities']) db.createObjectStore(n, { keyPath: n === 'photos' ? 'hash' : 'id' });
        db.createObjectStore('criteriaSets', { keyPath: 'key' });
        db.createObjectStore('settings');
      },
    });
    const a = draft();
    await v1.put('assessments', a);
    v1.close();
    const db = await openTieuChiDB('old');
    expect(db.version).toBe(4);
    expect(await db.get('assessments', a.id)).toEqual(a);
    expect([...db.objectStoreNames]).toContain('plans');
    db.close();
  });

  it('keeps an assessment across connections', async () => {
    await new Storage(openTieuChiDB('t2')).putAssessment(draft({ i1: { value: 'met', note: 'ổn' } }));
    const again = await new Storage(openTieuChiDB('t2')).getAssessment('a-test');
    expect(again?.answers.i1).toEqual({ value: 'met', note: 'ổn' });
  });

  it('stores photos with their capture time', async () => {
    const s = new Storage(openTieuChiDB('t3'));
    await s.putPhoto(photo('a'.repeat(64)));
    const p = await s.getPhoto('a'.repeat(64));
    expect(p?.capturedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(p?.mime).toBe('image/jpeg');
  });

  it('keeps photos as bytes where the engine refuses Blobs in IndexedDB (WebKit ephemeral stores), for puts and imports', async () => {
    // WebKit's refusal, reproduced: any value carrying a Blob throws as WebKitGTK under WebDriver does.
    const proto =
      (globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } }).IDBObjectStore
        ?.prototype ??
      Object.getPrototypeOf((await openTieuChiDB('probe')).transaction('photos', 'readwrite').objectStore('photos'));
    const put = proto.put;
    let refused = 0;
    proto.put = function (this: unknown, ...args: unknown[]) {
      const v = args[0] as { blob?: unknown } | undefined;
      if (v instanceof Blob || v?.blob instanceof Blob) {
        refused++;
        throw new DOMException('Error preparing Blob/File data to be stored in object store', 'UnknownError');
      }
      return put.apply(this, args);
    };
    try {
      const s = new Storage(openTieuChiDB('t-bytes'));
      await s.putPhoto(photo('c'.repeat(64)));
      const p = await s.getPhoto('c'.repeat(64));
      expect(refused).toBe(1);
      expect(p?.blob.type).toBe('image/jpeg');
      expect([...new Uint8Array(await p!.blob.arrayBuffer())]).toEqual([1, 2, 3]);
      expect(p?.capturedAt).toBe('2025-01-02T03:04:05.000Z');
      await s.importAll({
        assessments: [draft({}, 'a-imp')],
        photos: [photo('d'.repeat(64))],
        facilities: [],
        sets: [],
      });
      expect(refused).toBe(1); // found out once (the probe): written as bytes straight away since
      expect((await s.listPhotos()).map((x) => [x.hash[0], x.blob.size]).sort()).toEqual([
        ['c', 3],
        ['d', 3],
      ]);
      expect((await s.getAssessment('a-imp'))?.id).toBe('a-imp');
    } finally {
      proto.put = put;
    }
  });

  it('writes an import all or nothing', async () => {
    const s = new Storage(openTieuChiDB('t4'));
    const bad = { ...draft(), id: undefined } as unknown as ReturnType<typeof draft>; // no key: the put fails
    await expect(
      s.importAll({ assessments: [draft({}, 'a-ok'), bad], photos: [], facilities: [], sets: [] }),
    ).rejects.toBeTruthy();
    expect(await s.listAssessments()).toEqual([]);
  });

  it('deletes only photos no assessment uses', async () => {
    const s = new Storage(openTieuChiDB('t5'));
    await s.putPhoto(photo('a'.repeat(64)));
    await s.putPhoto(photo('b'.repeat(64)));
    await s.putAssessment(draft({ i1: { value: 'met', evidence: ['a'.repeat(64)] } }));
    expect(await s.deleteOrphanPhotos()).toBe(1);
    expect((await s.listPhotos()).map((p) => p.hash)).toEqual(['a'.repeat(64)]);
  });
});

describe('AppStore', () => {
  it('writes every answer at once and restores it in a new store', async () => {
    const store = new AppStore(new Storage(openTieuChiDB('t6')));
    const id = await createDraft(store, ['Nguyễn Văn A']);
    store.answer(id, 'i1', { value: 'met' });
    store.answer(id, 'i2', { na: true });
    await store.flush();
    expect(store.saveState).toBe('saved');
    const again = await new Storage(openTieuChiDB('t6')).getAssessment(id);
    expect(again?.answers.i1?.value).toBe('met');
    expect(again?.answers.i2?.na).toBe(true);
    expect(again?.answers.i1?.by).toBe('Nguyễn Văn A');
  });

  it('locks on submit and makes a linked revision', async () => {
    const store = new AppStore(new Storage(openTieuChiDB('t7')));
    store.sets.set('test-small@1.0', smallSet);
    const a = draft({ i1: { value: 'met' } });
    store.assessments.set(a.id, a);
    await store.submit(a.id);
    const locked = store.assessments.get(a.id)!;
    expect(locked.status).toBe('locked');
    expect(locked.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(() => store.answer(a.id, 'i2', { value: 'met' })).toThrow(/revision/);
    const revId = await store.revise(a.id);
    const rev = store.assessments.get(revId)!;
    expect(rev.status).toBe('draft');
    expect(rev.revisionOf).toEqual({ id: a.id, contentHash: locked.contentHash });
    expect(rev.answers.i1?.value).toBe('met');
  });
});

describe('storage version 2: plans and builder drafts', () => {
  it('keeps plans by assessment and facility, and drafts by draft id', async () => {
    const { Storage, openTieuChiDB } = await import('../src/storage/db.js');
    const s = new Storage(openTieuChiDB(`v2-${Math.random()}`));
    const plan = {
      schemaVersion: 1 as const,
      kind: 'improvement-plan' as const,
      id: 'p1',
      assessmentId: 'a1',
      facilityId: 'f1',
      actions: [],
    };
    await s.putPlan(plan);
    expect(await s.getPlanForAssessment('a1')).toEqual(plan);
    expect((await s.listPlansForFacility('f1')).map((p) => p.id)).toEqual(['p1']);
    await s.putSetDraft({ draftId: 'd1', set: { id: 'x' } as never, updatedAt: '2026-11-22T00:00:00Z' });
    expect((await s.listSetDrafts()).map((d) => d.draftId)).toEqual(['d1']);
    await s.deleteSetDraft('d1');
    expect(await s.getSetDraft('d1')).toBeUndefined();
  });
});

describe('persistent storage request', () => {
  const setStorage = (value: unknown) =>
    Object.defineProperty(globalThis.navigator, 'storage', { value, configurable: true });
  const original = Object.getOwnPropertyDescriptor(globalThis.navigator, 'storage');
  const restore = () =>
    original
      ? Object.defineProperty(globalThis.navigator, 'storage', original)
      : Reflect.deleteProperty(globalThis.navigator, 'storage');

  it("does not hold up loading or an import's reload while the browser's prompt is unanswered (Firefox)", async () => {
    let asked = 0;
    setStorage({ persisted: async () => false, persist: () => (asked++, new Promise<boolean>(() => undefined)) });
    try {
      const store = new AppStore(new Storage(openTieuChiDB('t-persist')));
      const never = new Promise<string>((r) => setTimeout(() => r('still waiting'), 2000));
      expect(await Promise.race([store.init().then(() => 'loaded'), never])).toBe('loaded');
      expect(await Promise.race([store.reload().then(() => 'reloaded'), never])).toBe('reloaded');
      expect(store.ready).toBe(true);
      expect(store.persisted).toBeUndefined(); // no answer yet: no banner either way
      expect(store.persistSupported).toBe(true);
      await Promise.resolve();
      expect(asked).toBe(1); // asked once per page, not again on reload
    } finally {
      restore();
    }
  });

  it('knows when the browser cannot be asked at all (WebKitGTK): persisted false, not supported', async () => {
    setStorage({});
    try {
      const store = new AppStore(new Storage(openTieuChiDB('t-nopersist')));
      await store.init();
      await new Promise((r) => setTimeout(r, 0));
      expect(store.persistSupported).toBe(false);
      expect(store.persisted).toBe(false);
    } finally {
      restore();
    }
  });
});
