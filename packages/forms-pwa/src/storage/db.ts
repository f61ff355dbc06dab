/**
 * The only module that touches IndexedDB. Typed with idb's `DBSchema`; upgrades run by `oldVersion` so a
 * tablet with an old database moves forward one step at a time and never loses a draft.
 *
 * Answer writes use `durability: 'strict'`: the promise resolves only once the browser has flushed the
 * transaction, so "saved" in the UI survives a crash or a killed browser.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Assessment, CriteriaSet, Facility, ImprovementPlan, PublicKeyJwk } from '../core.js';

/**
 * This device's signing key (docs/signatures.md): ECDSA P-256 made by WebCrypto on first use. The private half is
 * non-extractable: the browser can sign with it but never hands its bytes to anyone, this app included; it is
 * kept (as a CryptoKey) in the `settings` store. The public half travels with every signed statement.
 */
export interface DeviceKey {
  privateKey: CryptoKey;
  publicKey: PublicKeyJwk;
  /** SHA-256 (hex) of the public key's RFC 7638 thumbprint input: what the council registers. */
  keyId: string;
  createdAt: string;
}

/** The settings key the device key is stored under. */
export const DEVICE_KEY = 'deviceKey';

/** A photo kept as evidence: the JPEG bytes and what re-encoding would otherwise lose. */
export interface StoredPhoto {
  /** SHA-256 (hex) of the stored bytes; the key, and what answers reference. */
  hash: string;
  blob: Blob;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  /** When the photo was taken (from the file), kept beside it because re-encoding drops EXIF. */
  capturedAt?: string;
  caption?: string;
}

/**
 * A photo as it lies in IndexedDB: normally with its Blob; where the engine refuses Blob values (WebKit's
 * ephemeral data stores throw "UnknownError: Error preparing Blob/File data to be stored in object store") with
 * the same bytes as an ArrayBuffer instead. Reads turn either back into a {@link StoredPhoto}.
 */
export type StoredPhotoRecord = Omit<StoredPhoto, 'blob'> & { blob?: Blob; bytes?: ArrayBuffer };

/** True for the error an engine raises when it cannot keep a Blob in IndexedDB. */
export function isBlobRefused(e: unknown): boolean {
  const err = e as { name?: string; message?: string } | null;
  return (
    !!err && (err.name === 'UnknownError' || err.name === 'DataCloneError') && /blob|file/i.test(err.message ?? '')
  );
}

/** The record keeping a photo's bytes without a Blob. */
export async function photoAsBytes(p: StoredPhoto | StoredPhotoRecord): Promise<StoredPhotoRecord> {
  if (!p.blob) return p as StoredPhotoRecord;
  const { blob, ...rest } = p;
  return { ...rest, bytes: await blob.arrayBuffer() };
}

/** The photo of a stored record, its Blob made again from the bytes where needed. */
export function photoFromRecord(r: StoredPhotoRecord): StoredPhoto {
  if (r.blob) return r as StoredPhoto;
  const { bytes, ...rest } = r;
  return { ...rest, blob: new Blob([bytes ?? new ArrayBuffer(0)], { type: r.mime }) };
}

const BLOB_PROBE_KEY = '__blob-probe';

/** A criteria set imported or edited on this device (built-in sets ship with the app). */
export interface StoredSet {
  /** `${id}@${version}` */
  key: string;
  set: CriteriaSet;
  importedAt: string;
}

/** A criteria set being authored in the builder: not yet published, so never used by an assessment. */
export interface SetDraft {
  /** A local id for the draft (not the set's id: two drafts may edit the same set). */
  draftId: string;
  set: CriteriaSet;
  /** Test answer sets with the result their author expects (builder test cases). */
  testCases?: unknown[];
  updatedAt: string;
}

export interface TieuChiDB extends DBSchema {
  assessments: { key: string; value: Assessment; indexes: { 'by-updated': string } };
  photos: { key: string; value: StoredPhotoRecord };
  facilities: { key: string; value: Facility };
  criteriaSets: { key: string; value: StoredSet };
  settings: { key: string; value: unknown };
  /** Improvement plans, one per assessment (keyPath id; index by assessment). Since version 2. */
  plans: { key: string; value: ImprovementPlan; indexes: { 'by-assessment': string; 'by-facility': string } };
  /** Criteria sets being authored in the builder. Since version 2. */
  setDrafts: { key: string; value: SetDraft };
  /** Assessments (key: id) and improvement plans (key `plan:<id>`, ADR 0021) changed on this device and not yet
   * accepted by the council server (ADR 0013). Since version 3. */
  outbox: { key: string; value: OutboxEntry };
  /** The council server: address, device token, change cursor, last sync, and per assessment the last revision
   * both sides share (keys `server`, `cursor`, `lastSync`, `base:<id>`; see src/sync/state.ts). Since version 3. */
  sync: { key: string; value: unknown };
  /** Photos stored on this device and not yet uploaded to the council server (ADR 0013). Since version 4. */
  photoOutbox: { key: string; value: PhotoOutboxEntry };
}

/**
 * One photo waiting to be uploaded, by its SHA-256 (the bytes stay in `photos`). Uploaded on its own, apart from
 * the answers' push; after a failure it waits `nextAt` (growing backoff) unless someone presses "Đồng bộ" or the
 * device comes back online.
 */
export interface PhotoOutboxEntry {
  hash: string;
  queuedAt: string;
  /** Failed uploads so far. */
  attempts: number;
  /** Not tried again by itself before this time (ISO UTC); absent: at the next sync. */
  nextAt?: string | undefined;
  /** What the last failure was, as the server or the network said it. */
  lastError?: string | undefined;
  /**
   * The server refused the photo for good (a 4xx other than 401/408/429: too large, wrong type…): not tried again
   * by itself, and on "Đồng bộ" only once the stored photo changed (its size or type differs from `bytes`/`mime`).
   */
  refused?: PhotoRefusal | undefined;
}

/** Why the server refused a photo for good, and what the photo was then. */
export interface PhotoRefusal {
  status: number;
  code: string;
  text: { vi: string; en: string };
  at: string;
  bytes: number;
  mime: string;
}

/**
 * One assessment waiting to be sent to the council server. Only the id is queued: the latest stored copy is read
 * when it is sent. `seq` grows with every change, so a send removes the entry only if nothing changed meanwhile.
 */
export interface OutboxEntry {
  id: string;
  seq: number;
  queuedAt: string;
}

export const DB_NAME = 'tieuchi';
export const DB_VERSION = 4;

/** Opens (and upgrades) the database. One connection per page is enough; see {@link Storage}. */
export function openTieuChiDB(name = DB_NAME): Promise<IDBPDatabase<TieuChiDB>> {
  const p: Promise<IDBPDatabase<TieuChiDB>> = openDB<TieuChiDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const a = db.createObjectStore('assessments', { keyPath: 'id' });
        a.createIndex('by-updated', 'updatedAt');
        db.createObjectStore('photos', { keyPath: 'hash' });
        db.createObjectStore('facilities', { keyPath: 'id' });
        db.createObjectStore('criteriaSets', { keyPath: 'key' });
        db.createObjectStore('settings');
      }
      if (oldVersion < 2) {
        const p = db.createObjectStore('plans', { keyPath: 'id' });
        p.createIndex('by-assessment', 'assessmentId');
        p.createIndex('by-facility', 'facilityId');
        db.createObjectStore('setDrafts', { keyPath: 'draftId' });
      }
      if (oldVersion < 3) {
        db.createObjectStore('outbox', { keyPath: 'id' });
        db.createObjectStore('sync');
      }
      if (oldVersion < 4) {
        // Photos upload on their own queue: every photo already here is queued (the server skips the ones it has).
        const queue = db.createObjectStore('photoOutbox', { keyPath: 'hash' });
        const queuedAt = new Date().toISOString();
        void tx
          .objectStore('photos')
          .getAllKeys()
          .then((keys) => Promise.all(keys.map((hash) => queue.put({ hash, queuedAt, attempts: 0 }))));
      }
      // Future versions: `if (oldVersion < 5) { ... }` — never edit a past step.
    },
    blocked() {
      // A tab still running an older version holds the database open and does not let go: the open
      // resumes once that tab closes; meanwhile the app says so instead of loading forever.
      storageEvents.dispatchEvent(new Event('blocked'));
    },
    blocking() {
      // Another tab opened a newer version: let it upgrade. The shared storage reopens on its next use.
      void p.then((d) => d.close());
      if (name === DB_NAME) dbPromise = undefined;
    },
    terminated() {
      // The browser closed the connection (storage cleared, disk error): reopen on next use.
      if (name === DB_NAME) dbPromise = undefined;
    },
  });
  return p;
}

/**
 * What the shared connection tells the app: `blocked` (an older tab keeps the database open, so this
 * newer version cannot upgrade yet), `upgraded` (a newer version in another tab upgraded it: this page
 * keeps working on it but should be reloaded), `ready` (opened normally).
 */
export const storageEvents = new EventTarget();

let dbPromise: Promise<IDBPDatabase<TieuChiDB>> | undefined;

/**
 * Opens the default database for this page. If a newer app version in another tab has already upgraded
 * it, opens it at that version: upgrades only ever add stores, so this version's reads and writes work.
 */
async function openShared(): Promise<IDBPDatabase<TieuChiDB>> {
  try {
    const db = await openTieuChiDB();
    storageEvents.dispatchEvent(new Event('ready'));
    return db;
  } catch (e) {
    if ((e as DOMException | undefined)?.name !== 'VersionError') throw e;
    const p: Promise<IDBPDatabase<TieuChiDB>> = openDB<TieuChiDB>(DB_NAME, undefined, {
      blocking() {
        void p.then((d) => d.close());
        dbPromise = undefined;
      },
    });
    const db = await p;
    storageEvents.dispatchEvent(new Event('upgraded'));
    return db;
  }
}

/** The page's shared connection, (re)opened on demand: after another tab's upgrade closed it, or a failed open. */
function sharedDb(): Promise<IDBPDatabase<TieuChiDB>> {
  if (!dbPromise) {
    const p = openShared();
    dbPromise = p;
    p.catch(() => {
      if (dbPromise === p) dbPromise = undefined;
    });
  }
  return dbPromise;
}

/** Everything the app stores, behind small typed functions. */
export class Storage {
  private readonly _open: () => Promise<IDBPDatabase<TieuChiDB>>;

  /** @param db a connection, or a function returning the current one (the shared storage reopens). */
  constructor(db: Promise<IDBPDatabase<TieuChiDB>> | (() => Promise<IDBPDatabase<TieuChiDB>>)) {
    this._open = typeof db === 'function' ? db : () => db;
  }

  private get _db(): Promise<IDBPDatabase<TieuChiDB>> {
    return this._open();
  }

  /** The app's shared storage on the default database. */
  static shared(): Storage {
    return new Storage(sharedDb);
  }

  async listAssessments(): Promise<Assessment[]> {
    return (await this._db).getAll('assessments');
  }

  async getAssessment(id: string): Promise<Assessment | undefined> {
    return (await this._db).get('assessments', id);
  }

  /**
   * Writes one assessment and resolves, once the write is durable, to what was written. With `merge`, the copy in
   * storage is read in the SAME transaction and, when there is one, `merge.fn(base, ours, stored)` is written
   * instead of `a` (another tab's changes since `base`, the revision this tab last saw, are kept, not
   * overwritten). No other tab can write between the read and the write.
   */
  async putAssessment(
    a: Assessment,
    merge?: {
      base: Assessment | undefined;
      fn: (base: Assessment | undefined, ours: Assessment, stored: Assessment) => Assessment;
    },
    options: {
      /** Queue the written copy for the council server (default true); a function decides from what is written. */
      outbox?: boolean | ((written: Assessment) => boolean);
      /** Values for the `sync` store written in the same transaction (sync's base revision; `undefined` deletes). */
      sync?: Record<string, unknown>;
    } = {},
  ): Promise<Assessment> {
    const db = await this._db;
    const tx = db.transaction(['assessments', 'outbox', 'sync'], 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('assessments');
    let out = a;
    if (merge) {
      const stored = await store.get(a.id);
      if (stored) out = merge.fn(merge.base, a, stored);
    }
    const ops: Promise<unknown>[] = [store.put(out), tx.done];
    // Every stored change is queued for the council server in the same transaction (ADR 0013); sync's own
    // writes of what the server already holds pass `outbox: false`.
    const queue = typeof options.outbox === 'function' ? options.outbox(out) : options.outbox !== false;
    if (queue) ops.push(enqueue(tx.objectStore('outbox'), [out.id]));
    if (options.sync) {
      const sync = tx.objectStore('sync');
      for (const [k, v] of Object.entries(options.sync)) ops.push(v === undefined ? sync.delete(k) : sync.put(v, k));
    }
    await Promise.all(ops);
    return out;
  }

  /** The assessments waiting to be sent to the council server, oldest first. */
  async listOutbox(): Promise<OutboxEntry[]> {
    const all = await (await this._db).getAll('outbox');
    return all.sort((x, y) => x.seq - y.seq);
  }

  /** Queues assessments for the council server (e.g. everything already on the device, at enrolment). */
  async enqueue(ids: string[]): Promise<void> {
    const db = await this._db;
    const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
    await Promise.all([enqueue(tx.store, ids), tx.done]);
  }

  /**
   * Takes an assessment out of the outbox once the server accepted it, unless it changed again meanwhile (its `seq`
   * moved on): such an entry stays and is sent again. Resolves to whether it was removed.
   */
  async dequeue(id: string, seq: number): Promise<boolean> {
    const db = await this._db;
    const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
    const e = await tx.store.get(id);
    const remove = !!e && e.seq === seq;
    if (remove) await tx.store.delete(id);
    await tx.done;
    return remove;
  }

  /** A value of the `sync` store (server, cursor, last sync, base revisions). */
  async getSync<T>(key: string): Promise<T | undefined> {
    return (await (await this._db).get('sync', key)) as T | undefined;
  }

  /** Writes values of the `sync` store in one durable transaction (`undefined` deletes the key). */
  async putSync(values: Record<string, unknown>): Promise<void> {
    const db = await this._db;
    const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
    const ops: Promise<unknown>[] = [tx.done];
    for (const [k, v] of Object.entries(values)) ops.push(v === undefined ? tx.store.delete(k) : tx.store.put(v, k));
    await Promise.all(ops);
  }

  /** Empties the `sync` store (leaving a server); the outbox stays, so nothing waiting is lost. */
  async clearSync(): Promise<void> {
    const db = await this._db;
    const tx = db.transaction('sync', 'readwrite', { durability: 'strict' });
    await Promise.all([tx.store.clear(), tx.done]);
  }

  async deleteAssessment(id: string): Promise<void> {
    await (await this._db).delete('assessments', id);
  }

  async getPhoto(hash: string): Promise<StoredPhoto | undefined> {
    const r = await (await this._db).get('photos', hash);
    return r && photoFromRecord(r);
  }

  /**
   * Whether this engine keeps Blobs in IndexedDB, found out once per page with a tiny probe in a transaction of
   * its own. (Where it does not, a failed Blob put inside a bigger transaction left WebKitGTK's transaction
   * neither committed nor aborted, and every later write to those stores waited behind it for ever.)
   */
  private _blobsWork(): Promise<boolean> {
    this._blobs ??= (async () => {
      const db = await this._db;
      try {
        const tx = db.transaction('settings', 'readwrite');
        const put = tx.store.put(new Blob([new Uint8Array([0])]), BLOB_PROBE_KEY);
        put.catch(() => undefined);
        await put;
        await tx.store.delete(BLOB_PROBE_KEY);
        await tx.done;
        return true;
      } catch (e) {
        if (isBlobRefused(e)) return false;
        this._blobs = undefined; // another failure: ask again next time
        throw e;
      }
    })();
    return this._blobs;
  }
  private _blobs: Promise<boolean> | undefined;

  /** Stores a photo durably; as bytes where the engine refuses Blobs in IndexedDB (see {@link StoredPhotoRecord}). */
  async putPhoto(p: StoredPhoto): Promise<void> {
    const rec: StoredPhotoRecord = (await this._blobsWork()) ? p : await photoAsBytes(p);
    const db = await this._db;
    // Queued for upload in the same transaction, so a stored photo is never forgotten by sync.
    const tx = db.transaction(['photos', 'photoOutbox'], 'readwrite', { durability: 'strict' });
    await Promise.all([
      tx.objectStore('photos').put(rec),
      queuePhotos(tx.objectStore('photoOutbox'), [p.hash]),
      tx.done,
    ]);
  }

  /** Photos waiting to be uploaded to the council server, oldest first. */
  async listPhotoOutbox(): Promise<PhotoOutboxEntry[]> {
    const all = await (await this._db).getAll('photoOutbox');
    return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.hash.localeCompare(b.hash));
  }

  /** Records a photo's upload attempt: `undefined` removes it from the queue (uploaded, or the photo is gone). */
  async putPhotoOutbox(hash: string, entry: PhotoOutboxEntry | undefined): Promise<void> {
    const db = await this._db;
    const tx = db.transaction('photoOutbox', 'readwrite', { durability: 'strict' });
    await Promise.all([entry ? tx.store.put(entry) : tx.store.delete(hash), tx.done]);
  }

  /** Stores several photos in one transaction (a batch of a streamed restore); as bytes where Blobs are refused. */
  async putPhotos(photos: StoredPhoto[]): Promise<void> {
    const recs: StoredPhotoRecord[] = (await this._blobsWork()) ? photos : await Promise.all(photos.map(photoAsBytes));
    const db = await this._db;
    // Queued for upload in the same transaction, as {@link putPhoto} does.
    const tx = db.transaction(['photos', 'photoOutbox'], 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('photos');
    await Promise.all([
      ...recs.map((r) => store.put(r)),
      queuePhotos(
        tx.objectStore('photoOutbox'),
        photos.map((p) => p.hash),
      ),
      tx.done,
    ]);
  }

  /** Which of these photo hashes are stored, without reading any photo. */
  async photosPresent(hashes: readonly string[]): Promise<Set<string>> {
    const db = await this._db;
    const tx = db.transaction('photos', 'readonly');
    const found = await Promise.all(hashes.map((h) => tx.store.getKey(h)));
    await tx.done;
    return new Set(found.filter((k): k is string => typeof k === 'string'));
  }

  /** Deletes these photos (those a streamed restore wrote ahead of a commit that did not happen). */
  async deletePhotos(hashes: readonly string[]): Promise<void> {
    const db = await this._db;
    const tx = db.transaction(['photos', 'photoOutbox'], 'readwrite', { durability: 'strict' });
    const photos = tx.objectStore('photos');
    const queue = tx.objectStore('photoOutbox');
    await Promise.all([...hashes.flatMap((h) => [photos.delete(h), queue.delete(h)]), tx.done]);
  }

  async listPhotos(): Promise<StoredPhoto[]> {
    return (await (await this._db).getAll('photos')).map(photoFromRecord);
  }

  /** Deletes photos no assessment or plan references any more. Returns how many went. */
  async deleteOrphanPhotos(): Promise<number> {
    const db = await this._db;
    const used = new Set<string>();
    for (const a of await db.getAll('assessments')) {
      for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) used.add(h);
      for (const s of a.signatures ?? []) if (s.image) used.add(s.image); // signature PNGs live here too
    }
    // Archived (deleted, restorable) assessments keep their photos until deleted for good.
    const archived = ((await db.get('settings', ARCHIVE_KEY)) as ArchivedAssessment[] | undefined) ?? [];
    for (const { assessment: a } of archived) {
      for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) used.add(h);
      for (const s of a.signatures ?? []) if (s.image) used.add(s.image);
    }
    // Photos proving an improvement action was done belong to plans, not to answers.
    for (const p of await db.getAll('plans'))
      for (const act of p.actions) for (const h of act.completionEvidence ?? []) used.add(h);
    const tx = db.transaction('photos', 'readwrite');
    let n = 0;
    for (const key of await tx.store.getAllKeys())
      if (!used.has(key)) {
        await tx.store.delete(key);
        n++;
      }
    await tx.done;
    return n;
  }

  async listFacilities(): Promise<Facility[]> {
    return (await this._db).getAll('facilities');
  }

  async putFacility(f: Facility): Promise<void> {
    await (await this._db).put('facilities', f);
  }

  async listSets(): Promise<StoredSet[]> {
    return (await this._db).getAll('criteriaSets');
  }

  async putSet(set: CriteriaSet, importedAt: string): Promise<void> {
    await (await this._db).put('criteriaSets', { key: `${set.id}@${set.version}`, set, importedAt });
  }

  /** A plan by its own id. */
  async getPlan(id: string): Promise<ImprovementPlan | undefined> {
    return (await this._db).get('plans', id);
  }

  async getPlanForAssessment(assessmentId: string): Promise<ImprovementPlan | undefined> {
    return (await this._db).getFromIndex('plans', 'by-assessment', assessmentId);
  }

  async listPlansForFacility(facilityId: string): Promise<ImprovementPlan[]> {
    return (await this._db).getAllFromIndex('plans', 'by-facility', facilityId);
  }

  /**
   * Writes a plan and resolves once the write is durable. Like an assessment, it is queued for the council server
   * in the same transaction (outbox key {@link planOutboxKey}; ADR 0021) unless `outbox` is false (sync's own
   * writes of what the server holds); `sync` values are written in the same transaction (`undefined` deletes).
   */
  async putPlan(
    plan: ImprovementPlan,
    options: { outbox?: boolean; sync?: Record<string, unknown> } = {},
  ): Promise<void> {
    const db = await this._db;
    const tx = db.transaction(['plans', 'outbox', 'sync'], 'readwrite', { durability: 'strict' });
    const ops: Promise<unknown>[] = [tx.objectStore('plans').put(plan), tx.done];
    if (options.outbox !== false) ops.push(enqueue(tx.objectStore('outbox'), [planOutboxKey(plan.id)]));
    const sync = tx.objectStore('sync');
    for (const [k, v] of Object.entries(options.sync ?? {}))
      ops.push(v === undefined ? sync.delete(k) : sync.put(v, k));
    await Promise.all(ops);
  }

  /** Every stored plan (enrolment queues them all for the council server). */
  async listPlans(): Promise<ImprovementPlan[]> {
    return (await this._db).getAll('plans');
  }

  async listSetDrafts(): Promise<SetDraft[]> {
    return (await this._db).getAll('setDrafts');
  }

  async getSetDraft(draftId: string): Promise<SetDraft | undefined> {
    return (await this._db).get('setDrafts', draftId);
  }

  /** Writes a builder draft and resolves once the write is durable. */
  async putSetDraft(d: SetDraft): Promise<void> {
    const db = await this._db;
    const tx = db.transaction('setDrafts', 'readwrite', { durability: 'strict' });
    await Promise.all([tx.store.put(d), tx.done]);
  }

  async deleteSetDraft(draftId: string): Promise<void> {
    await (await this._db).delete('setDrafts', draftId);
  }

  /**
   * Moves an assessment to the archive (deleted from the list, restorable), in one transaction: it is in exactly
   * one of the two places at any time. Its plan and photos stay.
   */
  async archiveAssessment(id: string, archivedAt: string): Promise<void> {
    const db = await this._db;
    const tx = db.transaction(['assessments', 'settings'], 'readwrite', { durability: 'strict' });
    const a = await tx.objectStore('assessments').get(id);
    if (a) {
      const settings = tx.objectStore('settings');
      const list = ((await settings.get(ARCHIVE_KEY)) as ArchivedAssessment[] | undefined) ?? [];
      await settings.put([...list.filter((x) => x.assessment.id !== id), { assessment: a, archivedAt }], ARCHIVE_KEY);
      await tx.objectStore('assessments').delete(id);
    }
    await tx.done;
  }

  /** Archived assessments, most recently deleted first. */
  async listArchive(): Promise<ArchivedAssessment[]> {
    const list = ((await (await this._db).get('settings', ARCHIVE_KEY)) as ArchivedAssessment[] | undefined) ?? [];
    return [...list].sort((a, b) => b.archivedAt.localeCompare(a.archivedAt));
  }

  /**
   * Takes an assessment out of the archive, in one transaction: `restore` puts it back among the assessments;
   * otherwise it is deleted for good. Resolves to the assessment, or undefined when it was not archived.
   */
  async unarchive(id: string, restore: boolean): Promise<Assessment | undefined> {
    const db = await this._db;
    const tx = db.transaction(['assessments', 'settings'], 'readwrite', { durability: 'strict' });
    const settings = tx.objectStore('settings');
    const list = ((await settings.get(ARCHIVE_KEY)) as ArchivedAssessment[] | undefined) ?? [];
    const hit = list.find((x) => x.assessment.id === id);
    if (hit) {
      await settings.put(
        list.filter((x) => x !== hit),
        ARCHIVE_KEY,
      );
      if (restore) await tx.objectStore('assessments').put(hit.assessment);
    }
    await tx.done;
    return hit?.assessment;
  }

  /** Documents refused by earlier imports, kept aside (oldest first). */
  async listRefused(): Promise<RefusedDocument[]> {
    return ((await (await this._db).get('settings', REFUSED_KEY)) as RefusedDocument[] | undefined) ?? [];
  }

  /** Keeps documents aside with their reasons (a pulled document core refused), after those already kept. */
  async keepRefused(docs: RefusedDocument[]): Promise<void> {
    const db = await this._db;
    const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
    const kept = ((await tx.store.get(REFUSED_KEY)) as RefusedDocument[] | undefined) ?? [];
    const have = new Set(kept.map((r) => r.key));
    await Promise.all([tx.store.put([...kept, ...docs.filter((d) => !have.has(d.key))], REFUSED_KEY), tx.done]);
  }

  /** Forgets refused documents (after the person fixed and imported them again, or chose to discard them). */
  async dropRefused(keys: string[]): Promise<void> {
    const db = await this._db;
    const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
    const kept = ((await tx.store.get(REFUSED_KEY)) as RefusedDocument[] | undefined) ?? [];
    const drop = new Set(keys);
    await Promise.all([
      tx.store.put(
        kept.filter((r) => !drop.has(r.key)),
        REFUSED_KEY,
      ),
      tx.done,
    ]);
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await (await this._db).get('settings', key)) as T | undefined;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await (await this._db).put('settings', value, key);
  }

  /**
   * This device's signing key, made and stored on first use (two tabs making one at once keep the first stored).
   * @throws where WebCrypto is missing (a page not served over HTTPS or localhost): the caller locks unsigned
   */
  async deviceKey(subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<DeviceKey> {
    const have = await this.getSetting<DeviceKey>(DEVICE_KEY);
    if (have?.privateKey && have.publicKey) return have;
    const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', pair.publicKey);
    const publicKey: PublicKeyJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
    const key: DeviceKey = {
      privateKey: pair.privateKey,
      publicKey,
      // Loaded here: the key id's SHA-256 stays off the start-up path (issue 20, ADR 0017).
      keyId: (await import('./key-id.js')).attestationKeyId(publicKey),
      createdAt: new Date().toISOString(),
    };
    const db = await this._db;
    const tx = db.transaction('settings', 'readwrite', { durability: 'strict' });
    const again = (await tx.store.get(DEVICE_KEY)) as DeviceKey | undefined;
    if (again?.privateKey) {
      await tx.done;
      return again;
    }
    await Promise.all([tx.store.put(key, DEVICE_KEY), tx.done]);
    return key;
  }

  /**
   * Writes an import in ONE transaction: either everything lands or nothing does.
   * The caller has validated every document and decided about conflicts beforehand.
   */
  async importAll(data: {
    assessments: Assessment[];
    photos: StoredPhoto[];
    facilities: Facility[];
    sets: StoredSet[];
    plans?: ImprovementPlan[];
    /** Documents of the file that were refused: kept aside (setting `import.refused`) in the same transaction. */
    refused?: RefusedDocument[];
  }): Promise<void> {
    const photos =
      (await this._blobsWork()) || !data.photos.length ? data.photos : await Promise.all(data.photos.map(photoAsBytes));
    await this._importAll({ ...data, photos });
  }

  private async _importAll(data: {
    assessments: Assessment[];
    photos: StoredPhotoRecord[];
    facilities: Facility[];
    sets: StoredSet[];
    plans?: ImprovementPlan[];
    refused?: RefusedDocument[];
  }): Promise<void> {
    const db = await this._db;
    const stores = ['assessments', 'photos', 'facilities', 'criteriaSets', 'plans', 'outbox', 'photoOutbox'] as const;
    const tx = db.transaction(data.refused?.length ? [...stores, 'settings'] : [...stores], 'readwrite', {
      durability: 'strict',
    });
    const ops: Promise<unknown>[] = [];
    try {
      // A request may throw synchronously (a bad key) or reject later; every one gets a handler so
      // the requests rejected by the abort below are not reported as unhandled.
      const add = (p: Promise<unknown>) => {
        p.catch(() => undefined);
        ops.push(p);
      };
      for (const a of data.assessments) add(tx.objectStore('assessments').put(a));
      if (data.assessments.length)
        add(
          enqueue(
            tx.objectStore('outbox'),
            data.assessments.map((a) => a.id),
          ),
        );
      for (const p of data.photos) add(tx.objectStore('photos').put(p));
      if (data.photos.length)
        add(
          queuePhotos(
            tx.objectStore('photoOutbox'),
            data.photos.map((p) => p.hash),
          ),
        );
      for (const f of data.facilities) add(tx.objectStore('facilities').put(f));
      for (const s of data.sets) add(tx.objectStore('criteriaSets').put(s));
      for (const p of data.plans ?? []) add(tx.objectStore('plans').put(p));
      // Imported plans reach the council server like imported assessments (ADR 0021).
      if (data.plans?.length)
        add(
          enqueue(
            tx.objectStore('outbox'),
            data.plans.map((p) => planOutboxKey(p.id)),
          ),
        );
      if (data.refused?.length) {
        const settings = tx.objectStore('settings');
        const kept = ((await settings.get(REFUSED_KEY)) as RefusedDocument[] | undefined) ?? [];
        add(settings.put([...kept, ...data.refused], REFUSED_KEY));
      }
      await Promise.all(ops);
    } catch (e) {
      // A failed put does not abort the transaction by itself: abort so nothing lands.
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
      await tx.done.catch(() => undefined);
      throw e;
    }
    await tx.done;
  }
}

/** Outbox sequence numbers: milliseconds since 1970 times 1000 plus a counter, so they grow across page loads. */
let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/** Queues photos for upload in the photo outbox of a running transaction (one already queued keeps its entry). */
async function queuePhotos(
  store: { put(v: PhotoOutboxEntry): Promise<unknown>; get(k: string): Promise<PhotoOutboxEntry | undefined> },
  hashes: string[],
): Promise<void> {
  const queuedAt = new Date().toISOString();
  await Promise.all(
    hashes.map(async (hash) => {
      if (!(await store.get(hash))) await store.put({ hash, queuedAt, attempts: 0 });
    }),
  );
}

/**
 * The outbox key of an improvement plan waiting for the council server: `plan:<id>` (ids never hold ':', so it
 * never meets an assessment id). Plans share the assessments' outbox: no new store, no version bump.
 */
export function planOutboxKey(planId: string): string {
  return `plan:${planId}`;
}

/** The plan id of an outbox key made by {@link planOutboxKey}, or undefined for an assessment's. */
export function planIdOfOutboxKey(key: string): string | undefined {
  return key.startsWith('plan:') ? key.slice(5) : undefined;
}

/** Queues (or re-queues, with a new `seq`) assessments in the outbox store of a running transaction. */
async function enqueue(
  store: { put(v: OutboxEntry): Promise<unknown>; get(k: string): Promise<OutboxEntry | undefined> },
  ids: string[],
): Promise<void> {
  const queuedAt = new Date().toISOString();
  await Promise.all(
    ids.map(async (id) => {
      const had = await store.get(id);
      await store.put({ id, seq: nextSeq(), queuedAt: had?.queuedAt ?? queuedAt });
    }),
  );
}

/** Where deleted assessments wait, restorable (in the `settings` store: no new store, no version bump). */
const ARCHIVE_KEY = 'archive.assessments';

/** A deleted assessment in the archive, with when it was deleted. */
export interface ArchivedAssessment {
  assessment: Assessment;
  archivedAt: string;
}

/** The `file` of a document the sync engine refused (it came from the council server, not from a file). */
export const SYNC_FILE = 'sync';

/** Where refused import documents are kept aside (in the `settings` store: no new store, no version bump). */
const REFUSED_KEY = 'import.refused';

/**
 * A document an import refused (a draft with a value its set does not allow, a photo whose bytes do not match
 * its hash...), kept aside with the reasons so a person can fix it: never dropped, never blocking the rest.
 */
export interface RefusedDocument {
  /** A local id for this entry. */
  key: string;
  /** Which list of the bundle it came from. */
  kind: 'assessments' | 'photos' | 'plans' | 'criteriaSets' | 'facilities';
  /** The document's own id (or a photo's hash). */
  id: string;
  /** What a person recognises: facility and kind of an assessment, a plan's or set's id. */
  label: string;
  /** The file it came from and when it was imported. */
  file: string;
  refusedAt: string;
  /** Why it was refused (core's and the import's problems, pointers relative to the document). */
  reasons: { code: string; pointer: string; message: { vi: string; en?: string } }[];
  /** The document as it was in the file, with the photos it references, as a bundle that can be fixed and imported again. */
  bundle: unknown;
}

/**
 * Whether this browser can be asked to keep the site's data (`navigator.storage.persist`). WebKitGTK (and so
 * possibly Safari on an iPad) has no such call: the app then tells the user what keeps data safe on that device.
 */
export function persistenceSupported(): boolean {
  return typeof globalThis.navigator?.storage?.persist === 'function';
}

/**
 * Asks the browser to keep this site's data even under storage pressure.
 * @returns true when granted (or already persisted), false when refused or unsupported.
 */
export async function requestPersistence(): Promise<boolean> {
  const s = globalThis.navigator?.storage;
  if (!s?.persist) return false;
  try {
    if (await s.persisted()) return true;
    return await s.persist();
  } catch {
    return false;
  }
}
