/**
 * Storage faults: the device is full while saving a photo or an answer, another tab upgrades the
 * database (or an old tab blocks our upgrade). Each gets a clear message and loses nothing.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../src/i18n.js';
import { AppStore } from '../src/state/store.js';
import { DB_NAME, DB_VERSION, openTieuChiDB, Storage, type StoredPhoto } from '../src/storage/db.js';
import { createDraft } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const photo = (n: number): StoredPhoto => ({
  hash: String(n).repeat(64).slice(0, 64),
  blob: new Blob([new Uint8Array([n])]),
  mime: 'image/jpeg',
  width: 1,
  height: 1,
});

async function storeWithDraft(storage: Storage): Promise<{ store: AppStore; id: string }> {
  const store = new AppStore(storage);
  const id = await createDraft(store);
  return { store, id };
}

describe('storage full (QuotaExceededError)', () => {
  it('keeps a photo in memory, says "Bộ nhớ đầy", and stores and links it on retry', async () => {
    const storage = new Storage(openTieuChiDB('q1'));
    const { store, id } = await storeWithDraft(storage);
    const real = storage.putPhoto.bind(storage);
    let full = true;
    storage.putPhoto = (p) => (full ? Promise.reject(quota()) : real(p));
    await expect(store.addPhoto(id, 'i1', photo(7))).resolves.toBeUndefined(); // no uncaught rejection
    expect(store.problem).toBe('quota');
    expect(store.saveState).toBe('error');
    expect(store.unsavedCount).toBe(1);
    expect(t(`storage.${store.problem!}`)).toMatch(/^Bộ nhớ đầy — hãy xuất bản sao lưu/);
    // Not linked yet: an answer never points at a photo that is not stored.
    expect(store.assessments.get(id)?.answers.i1?.evidence).toBeUndefined();
    expect(await store.retry()).toBe(false); // still full: kept
    expect(store.pendingPhotos.size).toBe(1);
    // Space freed: the automatic retry (2 s, then backing off) stores the photo and links it.
    full = false;
    await vi.waitFor(() => expect(store.pendingPhotos.size).toBe(0), { timeout: 6000, interval: 100 });
    await store.flush();
    expect(store.problem).toBeUndefined();
    expect(store.saveState).toBe('saved');
    expect(store.unsavedCount).toBe(0);
    expect((await storage.getPhoto(photo(7).hash))?.mime).toBe('image/jpeg');
    expect((await storage.getAssessment(id))?.answers.i1?.evidence).toEqual([photo(7).hash]);
  });

  it('keeps answers in memory when their write fails, and writes the latest state on retry', async () => {
    const storage = new Storage(openTieuChiDB('q2'));
    const { store, id } = await storeWithDraft(storage);
    const real = storage.putAssessment.bind(storage);
    let full = true;
    storage.putAssessment = (a) => (full ? Promise.reject(quota()) : real(a));
    store.answer(id, 'i1', { value: 'met' });
    store.answer(id, 'i2', { value: 'partial', note: 'ghi chú' });
    await store.flush();
    expect(store.problem).toBe('quota');
    expect(store.saveState).toBe('error');
    expect(store.unsavedCount).toBe(1);
    expect(store.assessments.get(id)?.answers.i2?.note).toBe('ghi chú'); // still on screen
    expect((await storage.getAssessment(id))?.answers).toEqual({}); // not durable yet
    expect(await store.retry()).toBe(false);
    full = false;
    expect(await store.retry()).toBe(true);
    expect(store.problem).toBeUndefined();
    expect((await storage.getAssessment(id))?.answers).toMatchObject({
      i1: { value: 'met' },
      i2: { value: 'partial', note: 'ghi chú' },
    });
  });
});

describe('deletes and the archive go through the one write path', () => {
  it('a delete whose write fails keeps the latest answers, says why, and archives them on retry', async () => {
    const storage = new Storage(openTieuChiDB('q-del'));
    const { store, id } = await storeWithDraft(storage);
    const realPut = storage.putAssessment.bind(storage);
    const realArchive = storage.archiveAssessment.bind(storage);
    let full = true;
    storage.putAssessment = (a, m) => (full ? Promise.reject(quota()) : realPut(a, m));
    storage.archiveAssessment = (x, at) => (full ? Promise.reject(quota()) : realArchive(x, at));
    store.answer(id, 'i1', { value: 'met' }); // this write fails: the device is full
    await store.flush();
    expect(await store.remove(id)).toBe(false);
    expect(store.assessments.has(id)).toBe(false); // gone from the list at once
    expect(store.problem).toBe('quota');
    expect(store.unsavedCount).toBe(1); // one retry under the assessment's key: the delete, holding the answers
    expect(await storage.listArchive()).toEqual([]);
    full = false;
    expect(await store.retry()).toBe(true);
    const archived = await storage.listArchive();
    expect(archived.map((x) => x.assessment.id)).toEqual([id]);
    expect(archived[0]!.assessment.answers.i1).toMatchObject({ value: 'met' }); // the failed change was not lost
    expect(await storage.getAssessment(id)).toBeUndefined();
  });

  it('restore and purge are retried after a failure too', async () => {
    const storage = new Storage(openTieuChiDB('q-arch'));
    const { store, id } = await storeWithDraft(storage);
    await store.flush();
    expect(await store.remove(id)).toBe(true);
    const realUnarchive = storage.unarchive.bind(storage);
    let full = true;
    storage.unarchive = (x, r) => (full ? Promise.reject(quota()) : realUnarchive(x, r));
    expect(await store.restore(id)).toBe(false);
    expect(store.problem).toBe('quota');
    expect(store.assessments.has(id)).toBe(false);
    full = false;
    expect(await store.retry()).toBe(true);
    expect(store.assessments.has(id)).toBe(true); // back in the list
    expect(await store.remove(id)).toBe(true);
    full = true;
    expect(await store.purge(id)).toBe(false);
    expect((await storage.listArchive()).length).toBe(1); // still restorable
    full = false;
    expect(await store.retry()).toBe(true);
    expect(await storage.listArchive()).toEqual([]);
  });
});

describe('another tab and the database version', () => {
  it('a newer version in another tab upgrades the database: this page reopens it and keeps saving', async () => {
    vi.resetModules();
    const db = await import('../src/storage/db.js');
    const { AppStore: Store } = await import('../src/state/store.js');
    const storage = db.Storage.shared();
    const store = new Store(storage);
    const id = await createDraft(store);
    store.answer(id, 'i1', { value: 'met' });
    await store.flush();
    // The other tab: version + 1 with a new store. Our connection lets go, so it is not blocked.
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade(d) {
        d.createObjectStore('future');
      },
      blocked() {
        throw new Error('the old page did not let the upgrade through');
      },
    });
    store.answer(id, 'i2', { value: 'not-met' });
    await store.flush();
    expect(store.saveState).toBe('saved');
    expect(store.problem).toBe('upgraded');
    expect(t('storage.upgraded')).toContain('tải lại trang');
    expect((await newer.get('assessments', id))?.answers).toMatchObject({
      i1: { value: 'met' },
      i2: { value: 'not-met' },
    });
    newer.close();
  });

  it('an old tab that keeps the database open blocks the upgrade: the app says so, then opens once it closes', async () => {
    vi.resetModules();
    // The old tab: version 1, with a draft, and no handler that would let go.
    const old = await openDB(DB_NAME, 1, {
      upgrade(d) {
        d.createObjectStore('assessments', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
        for (const n of ['photos', 'facilities', 'criteriaSets'])
          d.createObjectStore(n, { keyPath: n === 'photos' ? 'hash' : n === 'criteriaSets' ? 'key' : 'id' });
        d.createObjectStore('settings');
      },
    });
    await old.put('assessments', { ...(await import('./helpers.js')).draft({ i1: { value: 'met' } }), id: 'a-old' });
    const db = await import('../src/storage/db.js');
    const { AppStore: Store } = await import('../src/state/store.js');
    const store = new Store(db.Storage.shared());
    const listing = store.storage.listAssessments();
    await vi.waitFor(() => expect(store.problem).toBe('blocked'));
    expect(t('storage.blocked')).toContain('đóng tab');
    old.close();
    expect((await listing).map((a) => a.id)).toEqual(['a-old']); // nothing lost in the upgrade
    expect(store.problem).toBeUndefined();
  });
});
