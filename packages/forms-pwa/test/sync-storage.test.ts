import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openTieuChiDB, Storage } from '../src/storage/db.js';
import fixture from './fixtures/db-v2.json';
import v3fixture from './fixtures/db-v3.json';
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
    expect(DB_VERSION).toBe(4);
    expect(await db.getAll('assessments')).toEqual(fixture.assessments);
    expect(await db.getAllFromIndex('plans', 'by-assessment', 'a-shipped')).toEqual(fixture.plans);
    expect(await db.getAll('facilities')).toEqual(fixture.facilities);
    expect(await db.getAll('setDrafts')).toEqual(fixture.setDrafts);
    expect(await db.get('settings', 'locale')).toBe('en');
    expect(await db.getAll('outbox')).toEqual([]);
    expect(await db.getAllKeys('sync')).toEqual([]);
    expect(await db.getAll('photoOutbox')).toEqual([]);
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

/** Writes the shipped version-3 database exactly as that version's upgrades made it, holding the v3 fixture. */
async function shippedV3(name: string): Promise<void> {
  await shippedV2(name);
  const v3 = await openDB(name, 3, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id' });
      db.createObjectStore('sync');
    },
  });
  await v3.clear('assessments');
  for (const a of v3fixture.assessments) await v3.put('assessments', a);
  for (const p of v3fixture.photos) {
    const { bytesBase64, ...rest } = p;
    const bytes = Uint8Array.from(Buffer.from(bytesBase64, 'base64'));
    await v3.put('photos', { ...rest, bytes: bytes.buffer });
  }
  for (const e of v3fixture.outbox) await v3.put('outbox', e);
  for (const [k, v] of Object.entries(v3fixture.sync)) await v3.put('sync', v, k);
  v3.close();
}

describe('IndexedDB version 4: photos upload on their own queue', () => {
  it('upgrades the shipped version-3 database keeping every record, and queues the photos already there', async () => {
    await shippedV3('shipped3');
    const db = await openTieuChiDB('shipped3');
    expect(db.version).toBe(4);
    expect(await db.getAll('assessments')).toEqual(v3fixture.assessments);
    expect(await db.getAll('outbox')).toEqual(v3fixture.outbox);
    expect(await db.get('sync', 'server')).toEqual(v3fixture.sync.server);
    expect(await db.get('sync', 'cursor')).toBe(12);
    expect(await db.getAll('facilities')).toEqual(fixture.facilities);
    db.close();
    const s = new Storage(openTieuChiDB('shipped3'));
    const hash = v3fixture.photos[0]!.hash;
    const photo = await s.getPhoto(hash);
    expect(new Uint8Array(await photo!.blob.arrayBuffer())).toEqual(
      Uint8Array.from(Buffer.from(v3fixture.photos[0]!.bytesBase64, 'base64')),
    );
    expect((await s.listPhotoOutbox()).map((e) => [e.hash, e.attempts])).toEqual([[hash, 0]]);
  });

  const photo = (hash: string) => ({
    hash,
    blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
    mime: 'image/jpeg' as const,
    width: 1,
    height: 1,
  });

  it('queues a photo in the same transaction that stores it, once, keeping an earlier failure count', async () => {
    const s = new Storage(openTieuChiDB('p1'));
    await s.putPhoto(photo('h1'));
    const [e] = await s.listPhotoOutbox();
    expect(e).toMatchObject({ hash: 'h1', attempts: 0 });
    await s.putPhotoOutbox('h1', { ...e!, attempts: 2, nextAt: '2099-01-01T00:00:00.000Z' });
    await s.putPhoto(photo('h1')); // stored again (same bytes): still one entry, its backoff kept
    expect(await s.listPhotoOutbox()).toEqual([{ ...e, attempts: 2, nextAt: '2099-01-01T00:00:00.000Z' }]);
    await s.putPhotoOutbox('h1', undefined);
    expect(await s.listPhotoOutbox()).toEqual([]);
  });

  it('queues imported photos in the import transaction; leaving a server keeps the photo queue', async () => {
    const s = new Storage(openTieuChiDB('p2'));
    await s.importAll({ assessments: [], photos: [photo('h2')], facilities: [], sets: [] });
    expect((await s.listPhotoOutbox()).map((e) => e.hash)).toEqual(['h2']);
    await s.clearSync();
    expect((await s.listPhotoOutbox()).map((e) => e.hash)).toEqual(['h2']);
  });
});
