/**
 * The app's state: sets, facilities, assessments and the live score. Every change goes to memory first
 * (so the UI answers at once) and then to IndexedDB through a queue that keeps writes in order.
 * `saving`/`savedAt` tell the UI when the last change is durable. The store fires `change` when what the views show
 * changed and `save` when the save state did.
 */
import {
  loadSetHashing,
  scoreTrusted,
  trustedSetHash,
  upgradeAssessment,
  type Assessment,
  type Attestation,
  type CriteriaSet,
  type Facility,
  type ImprovementPlan,
  type Problem,
  type ScoreResult,
} from '../core.js';
import { builtinSetIds, loadBuiltinFacilities, loadBuiltinSets } from '../data/builtin.js';
import {
  newAssessment,
  newRevision,
  setKey,
  withAnswer,
  type AnswerPatch,
  type NewAssessmentInput,
} from '../model/assessment.js';
import {
  persistenceSupported,
  requestPersistence,
  Storage,
  storageEvents,
  type SetDraft,
  type StoredPhoto,
} from '../storage/db.js';

/**
 * Why changes are not reaching storage, for the app's banner: the device is full (`quota`), a tab with
 * an older version blocks the database upgrade (`blocked`), a newer version in another tab upgraded it
 * (`upgraded`: this page keeps saving but should be reloaded), or a write failed otherwise (`failed`).
 */
export type StorageProblem = 'quota' | 'blocked' | 'upgraded' | 'failed';

const problemOf = (e: unknown): StorageProblem =>
  (e as DOMException | undefined)?.name === 'QuotaExceededError' ? 'quota' : 'failed';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** A stored answer its set refuses: which item, the value kept, and core's reason. */
export interface InvalidAnswer {
  itemId: string;
  value: unknown;
  problem: Problem;
}

/** The answers core's problems point at (`/answers/<item>/...`); empty when any problem is about something else. */
export function invalidAnswersOf(a: Assessment, problems: Problem[]): InvalidAnswer[] {
  const out = new Map<string, InvalidAnswer>();
  for (const p of problems) {
    const m = /^\/answers\/([^/]+)/.exec(p.pointer);
    if (!m) return [];
    const itemId = m[1]!.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!out.has(itemId)) out.set(itemId, { itemId, value: a.answers[itemId]?.value, problem: p });
  }
  return [...out.values()];
}

export class AppStore extends EventTarget {
  ready = false;
  /** Built-in and imported sets by `${id}@${version}`. */
  sets = new Map<string, CriteriaSet>();
  /** Which sets shipped with the app (of those loaded so far). */
  builtinKeys = new Set<string>();
  /** Whether every built-in set has loaded ({@link loadAllSets}). */
  allSetsLoaded = false;
  /** Registry facilities plus those added or imported on this device. */
  facilities: Facility[] = [];
  assessments = new Map<string, Assessment>();
  /** true granted, false refused, undefined not asked yet. */
  persisted: boolean | undefined;
  /** false when the browser cannot be asked to keep the data at all (no `navigator.storage.persist`). */
  persistSupported = true;
  saveState: SaveState = 'idle';
  savedAt: string | undefined;
  lastError: string | undefined;
  /** Set while changes cannot reach storage; cleared once everything is durable again. */
  problem: StorageProblem | undefined;
  /** Photos not stored yet (storage full...), with the answer they belong to; linked once stored. */
  readonly pendingPhotos = new Map<string, { id: string; itemId: string; photo: StoredPhoto }>();
  /**
   * Writes that failed (an assessment, a plan, a builder draft, a photo...), by key: the latest write queued under
   * each key, run again by {@link retry}. The change itself stays in memory with its owner.
   */
  private readonly _unsaved = new Map<string, () => Promise<unknown>>();
  private _retryTimer: ReturnType<typeof setTimeout> | undefined;
  private _retryDelay = 2000;
  private _persistAsked = false;

  private _queue: Promise<void> = Promise.resolve();
  /** Per assessment, the stored revision this tab last read or wrote: the base of its next merge. */
  private readonly _base = new Map<string, Assessment>();
  /** Tells other tabs of this app which assessment was written (and hears theirs). */
  private readonly _channel: BroadcastChannel | undefined =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('tieuchi-assessments') : undefined;
  private _pending = 0;
  private readonly _results = new WeakMap<Assessment, ScoreResult | null>();
  private readonly _invalid = new WeakMap<Assessment, InvalidAnswer[]>();

  constructor(readonly storage: Storage) {
    super();
    storageEvents.addEventListener('blocked', () => this._setProblem('blocked'));
    storageEvents.addEventListener('upgraded', () => this._setProblem('upgraded'));
    storageEvents.addEventListener('ready', () => this.problem === 'blocked' && this._setProblem(undefined));
    this._channel?.addEventListener('message', (e: MessageEvent<{ id?: unknown }>) => {
      const id = e.data?.id;
      // In the write queue: a notice is never handled halfway through this tab's own write.
      if (typeof id === 'string')
        this._queue = this._queue.then(() => this._onOtherTab(id)).catch((x: unknown) => console.warn('other tab', x));
    });
  }

  /** Loads sets, facilities and assessments; asks for persistent storage. */
  async init(): Promise<void> {
    const [stored, regFacilities, localFacilities, assessments] = await Promise.all([
      this.storage.listSets(),
      loadBuiltinFacilities(),
      this.storage.listFacilities(),
      this.storage.listAssessments(),
    ]);
    // Only the built-in sets the stored assessments use are loaded now; the others when a view lists sets
    // (loadAllSets). A set no built-in file is named after (an imported one, or a file named otherwise) loads all.
    // By id@version (issue 20): an assessment made with an earlier version kept as `<id>@<version>.json` loads that
    // file, not the current one and then, missing its set, every built-in set.
    const needed = new Set(assessments.map((a) => setKey(a.criteriaSet)));
    const unknown = [...needed]
      .map((k) => k.split('@')[0]!)
      .some((id) => !builtinSetIds.includes(id) && !stored.some((s) => s.set.id === id));
    this._addBuiltin(await loadBuiltinSets(unknown ? undefined : needed));
    for (const s of stored) if (!this.sets.has(s.key)) this.sets.set(s.key, s.set);
    const byId = new Map<string, Facility>();
    for (const f of [...regFacilities, ...localFacilities]) byId.set(f.id, f);
    this.facilities = [...byId.values()];
    // A submitted or locked assessment pins its set's content hash; the build records the built-in sets' hashes, so
    // only a set it did not (imported, published, or any on a development server) needs the hashing code, before
    // such an assessment is scored (ADR 0017).
    if (assessments.some((a) => this._needsHashing(a))) await loadSetHashing().catch((e: unknown) => console.warn(e));
    for (const a of assessments) {
      // Migrated forward in memory (written as the current version with its next change); the base stays the
      // copy as stored, which is what the next write's merge compares with. Hashes are unaffected (decision 0005).
      this.assessments.set(a.id, upgradeAssessment(a));
      this._base.set(a.id, a);
    }
    this.ready = true;
    this._changed();
    this._askPersistence();
  }

  /**
   * Asks for persistent storage once per page, without waiting for the answer: Firefox shows the user a prompt
   * and its promise stays pending until they answer, which must not hold up loading or an import's reload.
   */
  private _askPersistence(): void {
    if (this._persistAsked) return;
    this._persistAsked = true;
    this.persistSupported = persistenceSupported();
    void requestPersistence().then((p) => {
      this.persisted = p;
      this._changed();
    });
  }

  /** Reloads assessments, sets and facilities from storage (after an import). */
  async reload(): Promise<void> {
    this.sets = new Map([...this.sets].filter(([k]) => this.builtinKeys.has(k)));
    this.assessments.clear();
    await this.init();
  }

  /**
   * Maps a facility added on this device (a provisional id) to its registry entry, so that its rounds match the
   * registry facility's: the provisional facility record and every assessment of it, locked ones included, get
   * `facility.registryId` (the content hash leaves it out, so a lock still verifies). Written at once.
   */
  async mapFacility(provisionalId: string, registryId: string): Promise<void> {
    const f = this.facilities.find((x) => x.id === provisionalId);
    if (!f?.provisional) throw new Error(`"${provisionalId}" is not a provisional facility`);
    if (!this.facilities.some((x) => x.id === registryId && !x.provisional))
      throw new Error(`No registry facility "${registryId}"`);
    const mapped: Facility = { ...f, registryId };
    this.facilities = this.facilities.map((x) => (x.id === provisionalId ? mapped : x));
    void this.persist(`facility:${mapped.id}`, () => this.storage.putFacility(mapped));
    for (const a of [...this.assessments.values()]) {
      if (a.facility.id === provisionalId && a.facility.registryId !== registryId)
        void this._put({ ...a, facility: { ...a.facility, registryId } });
    }
    await this.flush();
  }

  private _allSets: Promise<void> | undefined;

  private _addBuiltin(sets: readonly CriteriaSet[]): void {
    for (const s of sets) {
      this.sets.set(setKey(s), s);
      this.builtinKeys.add(setKey(s));
    }
  }

  /**
   * Loads every built-in set (once; each is its own chunk): views that list or choose among sets call it, and
   * imports wait for it, so an import that arrives before the built-in sets have loaded finds them all.
   */
  loadAllSets(): Promise<void> {
    this._allSets ??= loadBuiltinSets().then((sets) => {
      this._addBuiltin(sets);
      this.allSetsLoaded = true;
      this._changed();
    });
    return this._allSets;
  }

  /** Adds a set written to storage (published in the builder) so every view finds it by id@version. */
  addSet(set: CriteriaSet): void {
    this.sets.set(setKey(set), set);
    this._changed();
  }

  /**
   * The set an assessment was made with. When it is not loaded yet (an assessment from another tab or an import
   * whose built-in set this page has not needed so far), the built-in sets are loaded and every view re-renders.
   */
  setFor(a: Assessment): CriteriaSet | undefined {
    const set = this.sets.get(setKey(a.criteriaSet));
    if (!set && !this.allSetsLoaded) void this.loadAllSets();
    return set;
  }

  /**
   * core's score for the assessment, computed once per assessment object (objects are immutable). A stored
   * answer the set refuses (a number out of range from an older version, another tab or an import) never makes
   * a view fail: the assessment is scored as if that item were unanswered, and {@link invalidAnswers} lists it.
   */
  resultFor(a: Assessment): ScoreResult | undefined {
    const cached = this._results.get(a);
    if (cached !== undefined) return cached ?? undefined;
    const set = this.setFor(a);
    let r: ScoreResult | null = null;
    let invalid: InvalidAnswer[] = [];
    if (set) {
      const out = trustedScore(set, a);
      if (!out.ok && out.errors.some((e) => e.code === 'verify.set-pin-unchecked')) {
        this._loadHashing();
        return undefined; // not kept: scored once the hashing code is there
      }
      if (out.ok) r = out.value;
      else {
        invalid = invalidAnswersOf(a, out.errors);
        if (invalid.length) {
          const answers = { ...a.answers };
          for (const x of invalid) {
            // Keep the note and photos (evidence still counts); leave out only what the set refuses.
            const { value: _v, na: _n, unassessed: _u, ...keep } = answers[x.itemId] ?? {};
            if (x.problem.code === 'answer.unknown-item') delete answers[x.itemId];
            else answers[x.itemId] = keep;
          }
          const again = trustedScore(set, { ...a, answers });
          if (again.ok) r = again.value;
          else console.warn('score failed', a.id, again.errors);
        } else console.warn('score failed', a.id, out.errors);
      }
    }
    this._results.set(a, r);
    this._invalid.set(a, invalid);
    return r ?? undefined;
  }

  private _hashing: Promise<void> | undefined;

  /** Whether `a` pins a set hash and its set (loaded) has none known yet: see {@link _loadHashing}. */
  private _needsHashing(a: Assessment): boolean {
    if ((a.status !== 'locked' && a.status !== 'submitted') || typeof a.criteriaSet.contentHash !== 'string')
      return false;
    const set = this.sets.get(setKey(a.criteriaSet));
    return set !== undefined && trustedSetHash(set) === undefined;
  }

  /**
   * Loads core's hashing code (once), then re-renders: a submitted or locked assessment pins its set's content hash,
   * and a set whose hash the build did not record (imported, published, or any set on a development server) is
   * hashed before that assessment is scored (ADR 0017). Until then its views show no score, never an unchecked one.
   */
  private _loadHashing(): void {
    this._hashing ??= loadSetHashing().then(
      () => this._changed(),
      (e: unknown) => {
        this._hashing = undefined; // tried again with the next render
        console.warn('hashing code failed to load', e);
      },
    );
  }

  /**
   * The answers of `a` its set refuses (left out of the score until someone fixes them), with core's reason.
   * Empty for a valid assessment. A draft with any cannot be locked.
   */
  invalidAnswers(a: Assessment): InvalidAnswer[] {
    if (!this._invalid.has(a)) this.resultFor(a);
    return this._invalid.get(a) ?? [];
  }

  /** Creates a draft (and stores a new provisional facility); resolves to its id. */
  async create(input: Omit<NewAssessmentInput, 'now'>): Promise<string> {
    const now = new Date().toISOString();
    const a = newAssessment({ ...input, now });
    if (input.facility.provisional && !this.facilities.some((f) => f.id === input.facility.id)) {
      this.facilities = [...this.facilities, input.facility];
      const f = input.facility;
      void this.persist(`facility:${f.id}`, () => this.storage.putFacility(f));
    }
    void this._put(a);
    await this.flush();
    return a.id;
  }

  /** Changes one answer; written to storage at once. */
  answer(id: string, itemId: string, patch: AnswerPatch): void {
    const a = this.assessments.get(id);
    if (!a) throw new Error(`No assessment "${id}"`);
    void this._put(withAnswer(a, itemId, patch, new Date().toISOString(), a.assessors?.[0]?.name));
  }

  /** Settles a conflict two copies left (core's `resolveConflict`): the chosen candidate is written at once. */
  resolve(id: string, path: string, index: number): void {
    void mergeReady().then((m) => {
      const a = this.assessments.get(id);
      if (!a || a.status !== 'draft') return;
      const r = m.resolveConflict(a, path, index);
      if (r.ok) void this._put({ ...r.value, updatedAt: new Date().toISOString() });
    });
  }

  /** Stores a photo and links it to the item's answer. */
  async addPhoto(id: string, itemId: string, photo: StoredPhoto): Promise<void> {
    try {
      await this.storage.putPhoto(photo);
    } catch (e) {
      // Storage full (or failing): keep the photo in memory, say so, and link it once a retry stores it,
      // so an answer never points at a photo that is not there.
      this.pendingPhotos.set(photo.hash, { id, itemId, photo });
      this._failed(e);
      return;
    }
    this._link(id, itemId, photo.hash);
  }

  /** Links a stored photo to an answer. */
  private _link(id: string, itemId: string, hash: string): void {
    const a = this.assessments.get(id);
    if (!a || a.status !== 'draft') return;
    const ev = a.answers[itemId]?.evidence ?? [];
    if (!ev.includes(hash)) this.answer(id, itemId, { evidence: [...ev, hash] });
  }

  /** Whether the write queued under `key` (see {@link persist}) failed and waits for a retry. */
  isUnsaved(key: string): boolean {
    return this._unsaved.has(key);
  }

  /** How many changes (photos, assessments) are only in memory because a write failed. */
  get unsavedCount(): number {
    return this.pendingPhotos.size + this._unsaved.size;
  }

  /**
   * Writes again what failed: pending photos first, then the latest state of each unsaved assessment.
   * @returns true when everything is durable
   */
  async retry(): Promise<boolean> {
    clearTimeout(this._retryTimer);
    this._retryTimer = undefined;
    for (const [hash, p] of [...this.pendingPhotos]) {
      try {
        await this.storage.putPhoto(p.photo);
      } catch (e) {
        this._failed(e);
        return false;
      }
      this.pendingPhotos.delete(hash);
      this._link(p.id, p.itemId, hash);
    }
    for (const [key, write] of [...this._unsaved]) void this.persist(key, write);
    await this.flush();
    if (this.unsavedCount === 0) {
      this._retryDelay = 2000;
      if (this.problem === 'quota' || this.problem === 'failed') this._setProblem(undefined);
    }
    return this.unsavedCount === 0;
  }

  /** A write failed: keep the change in memory, tell the user, try again later (backing off to 30 s). */
  private _failed(e: unknown): void {
    this.saveState = 'error';
    this.lastError = String(e);
    this._setProblem(problemOf(e));
    this._saveChanged();
    if (this._retryTimer === undefined) {
      this._retryTimer = setTimeout(() => {
        this._retryTimer = undefined;
        void this.retry();
      }, this._retryDelay);
      this._retryDelay = Math.min(this._retryDelay * 2, 30_000);
    }
  }

  private _setProblem(p: StorageProblem | undefined): void {
    this.problem = p;
    this._changed();
  }

  /** Unlinks a photo from an answer (the bytes stay until no assessment uses them). */
  removePhoto(id: string, itemId: string, hash: string): void {
    const a = this.assessments.get(id);
    const ev = a?.answers[itemId]?.evidence ?? [];
    this.answer(id, itemId, { evidence: ev.filter((h) => h !== hash) });
  }

  /**
   * Records the signatures of a draft, before it is locked (they are outside the content hash). Their
   * images must already be in the photo store.
   */
  sign(id: string, signatures: NonNullable<Assessment['signatures']>): void {
    const a = this.assessments.get(id);
    if (!a) throw new Error(`No assessment "${id}"`);
    if (a.status !== 'draft')
      throw new Error(`Cannot sign "${id}": it is ${a.status}, signatures are taken before locking`);
    const { signatures: _old, ...rest } = a;
    void this._put({ ...rest, ...(signatures.length ? { signatures } : {}), updatedAt: new Date().toISOString() });
  }

  /**
   * Locks a draft: read-only from now on, content hash recorded, and signed by this device (a statement per
   * signer, docs/signatures.md). Without WebCrypto (a page not served over HTTPS) it is locked unsigned ("chưa ký").
   */
  async submit(id: string): Promise<void> {
    const a = this.assessments.get(id);
    const set = a && this.setFor(a);
    if (!a || !set) throw new Error(`Cannot submit "${id}": assessment or its set is missing`);
    const now = new Date().toISOString();
    // Locking validates everything once more (core's validating scorer): loaded here, not at start-up.
    const { lockAssessment, signLocked } = await import('../model/attest.js');
    const locked = lockAssessment({ ...a, submittedAt: now, updatedAt: now }, set, now);
    let attestations: Attestation[] = [];
    try {
      attestations = await signLocked(locked, set, await this.storage.deviceKey(), now);
    } catch {
      attestations = []; // no WebCrypto or no key storage: the lock (content hash) still holds
    }
    void this._put(attestations.length ? { ...locked, attestations } : locked);
    await this.flush();
  }

  /** Makes an editable revision of a locked assessment; resolves to the new id. */
  async revise(id: string): Promise<string> {
    const a = this.assessments.get(id);
    if (!a) throw new Error(`No assessment "${id}"`);
    const rev = newRevision(a, new Date().toISOString());
    void this._put(rev);
    await this.flush();
    return rev.id;
  }

  /**
   * Deletes an assessment from the list by moving it to the archive (restorable with {@link restore}); its
   * photos and plan stay. Nothing is lost by one tap. Written through {@link persist} under the assessment's own
   * key: a change whose write had failed is stored first (archived, not lost), then the assessment is moved; a failure is retried like any other write.
   * @returns true once durable, false when it failed (kept for retry, the banner says why)
   */
  async remove(id: string): Promise<boolean> {
    const latest = this.assessments.get(id);
    this.assessments.delete(id);
    this._base.delete(id);
    this._changed();
    const now = new Date().toISOString();
    const key = `assessment:${id}`;
    // A change whose write failed (waiting for retry under this key) is stored first, so it is archived too.
    const unsaved = this._unsaved.has(key) && latest;
    return this.persist(key, async () => {
      if (unsaved) await this.storage.putAssessment(unsaved);
      await this.storage.archiveAssessment(id, now);
    });
  }

  /**
   * Puts an archived assessment back in the list, through {@link persist}.
   * @returns true once durable, false when it failed (kept for retry)
   */
  restore(id: string): Promise<boolean> {
    return this.persist(`assessment:${id}`, async () => {
      const a = await this.storage.unarchive(id, true);
      if (a) {
        this.assessments.set(a.id, upgradeAssessment(a));
        this._base.set(a.id, a);
      }
    });
  }

  /**
   * Deletes an archived assessment for good (and the photos nothing else uses). A locked one needs its facility's
   * name typed back (`confirmName`): a deliberate step that names what is destroyed.
   */
  async purge(id: string, confirmName?: string): Promise<boolean> {
    const hit = (await this.storage.listArchive()).find((x) => x.assessment.id === id);
    if (!hit) return true;
    if (hit.assessment.status !== 'draft' && confirmName?.trim() !== hit.assessment.facility.name.trim())
      throw new Error(`Deleting the locked assessment "${id}" for good needs its facility's name`);
    // Through the one write path (retried on failure like every write).
    return this.persist(`purge:${id}`, async () => {
      await this.storage.unarchive(id, false);
      await this.storage.deleteOrphanPhotos();
    });
  }

  /** Resolves when every queued write is durable. */
  flush(): Promise<void> {
    return this._queue;
  }

  /**
   * The app's one write path. Every write to IndexedDB (assessments, plans, builder drafts, merged assessments,
   * signature images) goes through here: queued behind every earlier write so they land in order, `saveState`
   * says "saving" until it is durable, and a failure loses nothing — the change stays in memory with its owner,
   * the banner says why (`problem`: storage full or failed), and the latest write queued under `key` runs again
   * on {@link retry} (automatic, backing off from 2 s to 30 s, or the banner's button). A later write under the
   * same key replaces an earlier one, so each write must hold the whole state of what it writes.
   * @param key what is written, e.g. `plan:<id>` (one retry per key)
   * @param write the write; it must not throw synchronously
   * @returns true once the write is durable, false when it failed (it is then kept for retry); never rejects
   */
  persist(key: string, write: () => Promise<unknown>): Promise<boolean> {
    this._pending++;
    this.saveState = 'saving';
    this._changed();
    this._saveChanged();
    const done = this._queue.then(write).then(
      () => {
        // Writes are in order: this one holds every earlier change under its key.
        const retried = this._unsaved.delete(key);
        if (--this._pending === 0) {
          this.saveState = this.unsavedCount ? 'error' : 'saved';
          if (!this.unsavedCount) this.savedAt = new Date().toISOString();
        }
        // A write becoming durable changes only the save state: `save` alone, so that no view but the header's
        // indicator renders again (issue 20: each answer tap cost a second frame laid out from the page's root).
        // A failed write's retry landing changes the count of unsaved changes the views show: `change` too.
        if (retried) this._changed();
        this._saveChanged();
        return true;
      },
      (e: unknown) => {
        this._pending--;
        this._unsaved.set(key, write);
        this._failed(e);
        return false;
      },
    );
    this._queue = done.then(() => undefined);
    return done;
  }

  /**
   * Drops a failed write queued under `key` from the retries: for a write that belongs to an operation given up as a
   * whole (a streamed restore whose commit failed undoes the photos it wrote ahead instead of retrying them).
   */
  forget(key: string): void {
    if (this._unsaved.delete(key)) {
      if (this._pending === 0 && !this.unsavedCount) this.saveState = 'saved';
      this._changed();
      this._saveChanged();
    }
  }

  /**
   * Stores a photo that is not an answer's evidence (a signature image, a plan action's proof) through
   * {@link persist}. Queue the record that points at it after this: the photo is then written (and, after a
   * failure, written again) first.
   * @returns true once durable, false when it failed (kept for retry, the banner says why)
   */
  savePhoto(photo: StoredPhoto): Promise<boolean> {
    return this.persist(`photo:${photo.hash}`, () => this.storage.putPhoto(photo));
  }

  /** Writes an improvement plan through {@link persist}; resolves true once durable. */
  savePlan(plan: ImprovementPlan): Promise<boolean> {
    return this.persist(`plan:${plan.id}`, () => this.storage.putPlan(plan));
  }

  /** Writes a builder draft through {@link persist}; resolves true once durable. */
  saveSetDraft(draft: SetDraft): Promise<boolean> {
    return this.persist(`draft:${draft.draftId}`, () => this.storage.putSetDraft(draft));
  }

  /**
   * Deletes a builder draft through {@link persist}, under the draft's own key: a save of it still waiting for a
   * retry is replaced by the delete, so it cannot bring the draft back.
   */
  deleteSetDraft(draftId: string): Promise<boolean> {
    return this.persist(`draft:${draftId}`, () => this.storage.deleteSetDraft(draftId));
  }

  /**
   * Stores a set published on this device through {@link persist} and makes it usable at once.
   * @returns true once durable, false when it failed (kept for retry; the set is usable meanwhile)
   */
  publishSet(set: CriteriaSet, at: string): Promise<boolean> {
    this.addSet(set);
    return this.persist(`set:${set.id}@${set.version}`, () => this.storage.putSet(set, at));
  }

  /**
   * Adds a whole assessment made elsewhere on this device (a team merge) to memory and writes it through
   * {@link persist}; resolves true once durable (false: kept in memory and written again on retry).
   */
  add(a: Assessment): Promise<boolean> {
    return this._put(a);
  }

  /**
   * Records (or, with `undefined`, removes) the agreed result of a reconciliation on an inspection (decision 0019)
   * through {@link persist}. Allowed on a locked inspection: `agreedResult` is outside the content hash, so its hash
   * and signatures still verify. Resolves true once durable (false: kept in memory and written again on retry).
   */
  saveAgreedResult(id: string, agreed: Assessment['agreedResult']): Promise<boolean> {
    const a = this.assessments.get(id);
    if (!a) return Promise.resolve(false);
    const { agreedResult: _old, ...rest } = a;
    return this._put(agreed ? { ...rest, agreedResult: agreed } : rest);
  }

  private _put(a: Assessment): Promise<boolean> {
    this.assessments.set(a.id, a);
    const id = a.id;
    return this.persist(`assessment:${id}`, () => this._write(id));
  }

  /**
   * Writes this tab's latest copy of an assessment, merged inside the write's transaction with what another tab
   * stored since the revision this tab last saw (its base): each tab only changes the answers it changed. What
   * was written becomes the new base; edits made meanwhile are replayed on top of it.
   */
  private async _write(id: string): Promise<void> {
    await mergeReady();
    const ours = this.assessments.get(id);
    if (!ours) return;
    const written = await this.storage.putAssessment(ours, { base: this._base.get(id), fn: mergeCopies });
    this._base.set(id, written);
    const now = this.assessments.get(id);
    if (now === ours) {
      if (written !== ours) this._adopt(written);
    } else if (now) this._adopt(mergeCopies(ours, now, written));
    this._channel?.postMessage({ id });
  }

  /** Shows a merged copy without writing it (it is stored already, or will be by the queued write). */
  private _adopt(a: Assessment): void {
    this.assessments.set(a.id, a);
    this._changed();
  }

  /**
   * Sync (src/sync/engine.ts) stored a copy from the council server: show it here and in other tabs, keeping
   * this tab's unsaved changes (merged against the revision this tab last saw, as for another tab's write).
   */
  /** The set `a` names, after the built-in sets have loaded (sync verifies what it pulls against it). */
  async setOf(a: Assessment): Promise<CriteriaSet | undefined> {
    await this.loadAllSets();
    return this.setFor(a);
  }

  adoptStored(id: string): Promise<void> {
    this._queue = this._queue.then(() => this._onOtherTab(id)).catch((x: unknown) => console.warn('sync adopt', x));
    this._channel?.postMessage({ id });
    return this._queue;
  }

  /** Another tab wrote an assessment: show its changes here, keeping this tab's own unsaved ones. */
  private async _onOtherTab(id: string): Promise<void> {
    const stored = await this.storage.getAssessment(id);
    if (!stored) return;
    await mergeReady();
    const mine = this.assessments.get(id);
    const base = this._base.get(id);
    this._base.set(id, stored);
    this._adopt(mine ? mergeCopies(base, mine, stored) : stored);
  }

  private _changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  /** `saveState` or `savedAt` may have changed (the header's `tc-save-status` follows this event only). */
  private _saveChanged(): void {
    this.dispatchEvent(new Event('save'));
  }
}

/**
 * Two copies of one assessment, merged answer by answer against the revision both last shared (core's
 * `mergeThreeWay`): another tab's changes and this tab's both stay; a part both changed differently becomes a
 * conflict kept in the document for a person to settle. A locked copy is never replaced by a draft, and a lock
 * made here is written as it is.
 */
export function mergeCopies(base: Assessment | undefined, ours: Assessment, stored: Assessment): Assessment {
  if (ours.status !== 'draft') return ours;
  if (stored.status !== 'draft') return stored;
  // Nobody else wrote since this tab's base (the common case): nothing to merge.
  if (base && JSON.stringify(base) === JSON.stringify(stored)) return ours;
  if (!merge) throw new Error('mergeCopies needs mergeReady() first');
  const m = merge.mergeThreeWay(base ?? null, ours, stored);
  return m.ok ? m.value.merged : ours;
}

let merge: typeof import('./merge.js') | undefined;
let mergeLoading: Promise<typeof import('./merge.js')> | undefined;

/**
 * Loads core's three-way merge (not on the start-up path, ADR 0017). Every write and every adoption of another
 * tab's copy awaits it before it may merge, so {@link mergeCopies} always has it; a rejected load is retried next
 * time (the write fails and the store's retry writes it again).
 */
export function mergeReady(): Promise<typeof import('./merge.js')> {
  mergeLoading ??= import('./merge.js').then(
    (m) => (merge = m),
    (e: unknown) => {
      mergeLoading = undefined;
      throw e;
    },
  );
  return mergeLoading;
}

let shared: AppStore | undefined;

/** The page's store on the default database. */
export function appStore(): AppStore {
  shared ??= new AppStore(Storage.shared());
  return shared;
}

/**
 * core's `scoreTrusted` (no schema validators on the start-up path, ADR 0017): what the store holds was verified
 * before it was stored, and built-in sets at build time. Should a stored document be broken anyway (edited by
 * hand in the browser's tools), the view shows no score instead of failing.
 */
function trustedScore(set: CriteriaSet, a: Assessment): ReturnType<typeof scoreTrusted> {
  try {
    return scoreTrusted(set, a);
  } catch (e) {
    const message = { vi: 'Không tính được điểm của phiếu đã lưu', en: 'The stored assessment could not be scored' };
    console.warn('score failed', a.id, e);
    return { ok: false, errors: [{ code: 'stored.unreadable', pointer: '', message }] };
  }
}
