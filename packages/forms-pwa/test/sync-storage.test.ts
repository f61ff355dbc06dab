import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openTieuChiDB, Storage } from '../src/storage/db.js';
import fixture from './fixtures/db-v2.json';
import { draft } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** Writes the shipped version-2 database exactly as that version's upgrade made it, holding the fixture's records. */
async function shippedV2(name: string): Promise<void> {
  const v2 = await openDB(name, 2, {
    upgrade(db) {
      const a = db.createObjectStore('assessments', { keyPath: 'id' });
      a.createIndex('by-updated', 'updatedAt');
      db.createObjectStore('photos', { keyPath: 'hash' });
      db.createObjectStore('facilities', { keyPath: 'id' });
      db.createObjectStore('criteriaSets', { keyPath: 'key' });
      db.createObjectStore('settings');
      const p = db.createObjectStore('plans', { keyPath: 'id' });
      p.createIndex('by-assessment', 'assessmentId');
      p.createIndex('by-facility', 'facilityId');
      db.createObjectStore('setDrafts', { keyPath: 'draftId' });
    },
  });
  for (const a of fixture.assessments) await v2.put('assessments', a);
  for (const p of fixture.plans) await v2.put('plans', p);
  for (const f of fixture.facilities) await v2.put('facilities', f);
  for (const d of fixture.setDrafts) await v2.put('setDrafts', d);
  for (const [k, v] of Object.entries(fixture.settings)) await v2.put('settings', v, k);
  v2.close();
}

describe('IndexedDB version 3: outbox and sync stores', () => {
  it('upgrades the shipped version-2 database keeping every record, with an empty outbox and sync store', async () => {
    await shippedV2('shipped');
    const db = await openTieuChiDB('shipped');
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(3);
    expect(await db.getAll('assessments')).toEqual(fixture.assessments);
    expect(await db.getAllFromIndex('plans', 'by-assessment', 'a-shipped')).toEqual(fixture.plans);
    expect(await db.getAll('facilities')).toEqual(fixture.facilities);
    expect(await db.getAll('setDrafts')).toEqual(fixture.setDrafts);
    expect(await db.get('settings', 'locale')).toBe('en');
    expect(await db.getAll('outbox')).toEqual([]);
    expect(await db.getAllKeys('sync')).toEqual([]);
    db.close();
  });

  it('queues every stored change of an assessment in the same transaction, once per assessment', async () => {
    const s = new Storage(openTieuChiDB('q'));
    await s.putAssessment(draft({}, 'a1'));
    await s.putAssessment(draft({ i1: { value: 'met' } }, 'a1'));
    await s.putAssessment(draft({}, 'a2'));
    const box = await s.listOutbox();
    expect(box.map((e) => e.id)).toEqual(['a1', 'a2']);
    expect(box[0]!.seq).toBeLessThan(box[1]!.seq);
  });

  it('does not queue a copy written with outbox: false, and decides by what was written when given a function', async () => {
    const s = new Storage(openTieuChiDB('q2'));
    await s.putAssessment(draft({}, 'a1'), undefined, { outbox: false, sync: { 'base:a1': { revision: 'r1' } } });
    expect(await s.listOutbox()).toEqual([]);
    expect(await s.getSync('base:a1')).toEqual({ revision: 'r1' });
    await s.putAssessment(draft({}, 'a2'), undefined, { outbox: (w) => w.id === 'a2' });
    expect((await s.listOutbox()).map((e) => e.id)).toEqual(['a2']);
  });

  it('dequeues only the change that was sent: a change made meanwhile stays queued', async () => {
    const s = new Storage(openTieuChiDB('q3'));
    await s.putAssessment(draft({}, 'a1'));
    const [sent] = await s.listOutbox();
    await s.putAssessment(draft({ i1: { value: 'met' } }, 'a1')); // edited while the push was under way
    expect(await s.dequeue('a1', sent!.seq)).toBe(false);
    const [again] = await s.listOutbox();
    expect(await s.dequeue('a1', again!.seq)).toBe(true);
    expect(await s.listOutbox()).toEqual([]);
  });

  it('queues imported assessments in the import transaction', async () => {
    const s = new Storage(openTieuChiDB('q4'));
    await s.importAll({ assessments: [draft({}, 'imp')], photos: [], facilities: [], sets: [] });
    expect((await s.listOutbox()).map((e) => e.id)).toEqual(['imp']);
  });

  it('leaving a server empties the sync store and keeps the outbox', async () => {
    const s = new Storage(openTieuChiDB('q5'));
    await s.putAssessment(draft({}, 'a1'));
    await s.putSync({ server: { baseUrl: 'http://x/' }, cursor: 7 });
    await s.clearSync();
    expect(await s.getSync('server')).toBeUndefined();
    expect(await s.getSync('cursor')).toBeUndefined();
    expect((await s.listOutbox()).map((e) => e.id)).toEqual(['a1']);
  });
});
