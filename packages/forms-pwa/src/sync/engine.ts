/**
 * Sync with the council server, offline first (ADR 0013): the outbox in IndexedDB holds every assessment changed
 * on this device (queued by `Storage.putAssessment` in the same transaction as the change); {@link SyncEngine.sync}
 * pulls what changed on the server since the saved cursor, merges it answer by answer with core's `mergeThreeWay`
 * against the revision both sides last shared, then pushes the outbox. A 401 (token expired or device revoked)
 * stops the run and keeps the outbox; a refused document keeps the server's message and stays queued. Photos have
 * a queue of their own (`photoOutbox`, filled when a photo is stored) and upload after the answers, each retried
 * with a growing backoff, so a slow or failing photo never holds an answer back.
 */
import {
  mergePlans,
  mergeThreeWay,
  type Assessment,
  type CriteriaSet,
  type ImprovementPlan,
  type Outcome,
  type Problem,
} from '../core.js';
import {
  planIdOfOutboxKey,
  planOutboxKey,
  SYNC_FILE,
  type PhotoOutboxEntry,
  type PhotoRefusal,
  type Storage,
} from '../storage/db.js';
import {
  createSyncClient,
  enrol as enrolDevice,
  SyncError,
  type PlanConflictRecord,
  type ServerPlan,
  type ServerUser,
  type SyncClient,
} from './client.js';

/** The server this device is enrolled with (key `server` of the `sync` store). */
export interface ServerLink {
  baseUrl: string;
  token: string;
  deviceId: string;
  user: ServerUser;
  enrolledAt: string;
  /** When the device's signing key was registered (undefined: not yet, e.g. no WebCrypto). */
  keyRegisteredAt?: string;
}

/** The revision of one assessment both sides last shared (key `base:<id>`): the base of the next merge. */
export interface SyncBase {
  revision: string;
  document: Assessment;
}

/** The revision of one improvement plan both sides last shared (key `planBase:<id>`; ADR 0021). */
export interface PlanBase {
  revision: string;
  plan: ImprovementPlan;
}

/** A plan's fields two devices changed differently, as the server keeps them (key `planConflicts:<id>`). */
export interface PlanConflicts {
  planId: string;
  assessmentId: string;
  conflicts: PlanConflictRecord[];
}

/** A document the server refused (key `refused:<id>`), with its message; sent again once it changes. */
export interface RefusedPush {
  id: string;
  seq: number;
  code: string;
  text: { vi: string; en: string };
  at: string;
}

/** Where a refused photo is used, so a person can find it: an answer's item, a signature, or a plan action. */
export interface PhotoPlace {
  assessmentId: string;
  facility: string;
  /** The item whose evidence (or plan action's proof) it is; undefined: a signature. */
  itemId?: string | undefined;
  plan?: boolean | undefined;
}

/** A photo the server refused for good, with its reason and where it is used. */
export interface RefusedPhoto extends PhotoRefusal {
  hash: string;
  places: PhotoPlace[];
}

/**
 * True when an upload's HTTP status means the server will refuse the same bytes again (too large, wrong type…):
 * any 4xx except 401 (sign in again), 408 (timeout) and 429 (too many requests), which are worth retrying.
 */
export function refusedForGood(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

/** Why the last run stopped: sign in or enrol again (401), the server cannot be reached, or it failed. */
export type SyncProblem =
  | { kind: 'signInAgain'; text: { vi: string; en: string } }
  | { kind: 'unreachable' }
  | { kind: 'server'; text: { vi: string; en: string } };

/** What the shell shows at a glance. */
export interface SyncStatus {
  link: ServerLink | undefined;
  /** Assessments waiting in the outbox. */
  waiting: number;
  /** When the last complete run finished (ISO UTC). */
  lastSync: string | undefined;
  running: boolean;
  problem: SyncProblem | undefined;
  /** Documents the server refused, with its message. */
  refused: RefusedPush[];
  /** Improvement plans with fields two devices changed differently (the server kept one value; ADR 0021). */
  planConflicts: PlanConflicts[];
  /** Photos waiting to be uploaded (their own queue: they never hold answers back), not counting refused ones. */
  photosWaiting: number;
  /** Photos the server refused for good: not retried by themselves; shown with why and where they are used. */
  photosRefused: RefusedPhoto[];
  /** True while photos are being uploaded. */
  photosRunning: boolean;
}

/** What one photo run did. */
export interface PhotoReport {
  uploaded: number;
  /** Uploads that failed this run (each waits its backoff before the next automatic try). */
  failed: number;
  /** Waiting their backoff, not tried this run. */
  deferred: number;
}

/**
 * How long a photo waits after its `attempts`-th failed upload before sync tries it again by itself: 30 s, doubled
 * each time, at most one hour. "Đồng bộ" and coming back online try at once.
 */
export function photoBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** What one run did. */
export interface SyncReport {
  pulled: number;
  pushed: number;
  refused: number;
  problem?: SyncProblem;
}

/** What the engine needs from the app: storage, and a way to show a copy sync stored. */
export interface SyncHost {
  storage: Storage;
  /** The criteria set an assessment names, once the device's sets are loaded (undefined: not on this device). */
  setOf(a: Assessment): Promise<CriteriaSet | undefined>;
  /** Called after sync stored an assessment, so open views (and other tabs) show it. */
  adoptStored(id: string): Promise<void> | void;
  /** Called after sync stored a criteria set fetched from the server, so every view finds it (ADR 0021). */
  addSet?(set: CriteriaSet): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The copy pushed: without the local-only `baseRevision` (the client adds the shared one). */
function forPush(a: Assessment): Assessment {
  const { baseRevision: _b, ...rest } = a;
  return rest as Assessment;
}

/**
 * The copy to keep when the server sends `server` and this device holds `local`, both descended from `base` (the
 * revision both last shared). Unchanged here: the server's. Locked here: ours (it is queued; the server decides).
 * Locked on the server: the server's. Both drafts: core's three-way merge, answer by answer; a part changed
 * differently on both sides becomes a conflict in the document for a person to settle.
 */
export function mergePulled(
  base: Assessment | undefined,
  local: Assessment | undefined,
  server: Assessment,
): Assessment {
  if (!local || same(local, server)) return server;
  if (base && same(local, base)) return server;
  if (local.status !== 'draft') return local;
  if (server.status !== 'draft') return server;
  const m = mergeThreeWay(base ?? null, local, server);
  return m.ok ? m.value.merged : local;
}

/**
 * The sync engine of one page. Runs are serialised (one at a time in this page, and across tabs through the Web
 * Locks API where there is one). Status changes fire a `change` event.
 */
export class SyncEngine extends EventTarget {
  status: SyncStatus = {
    link: undefined,
    waiting: 0,
    lastSync: undefined,
    running: false,
    problem: undefined,
    refused: [],
    planConflicts: [],
    photosWaiting: 0,
    photosRefused: [],
    photosRunning: false,
  };
  private _run: Promise<SyncReport> | undefined;
  private _photoRun: Promise<PhotoReport> | undefined;
  /** A forced photo run was asked for while one was under way: run again after it. */
  private _photosAgain = false;

  constructor(
    private readonly _host: SyncHost,
    private readonly _fetch: typeof fetch = (...a) => fetch(...a),
    /** Changes per pull request. */
    private readonly _pageSize = 100,
  ) {
    super();
  }

  private get _storage(): Storage {
    return this._host.storage;
  }

  /** Reads the link, the outbox size, the last sync and the refusals from storage. */
  async refresh(): Promise<SyncStatus> {
    const [link, outbox, lastSync, photos] = await Promise.all([
      this._storage.getSync<ServerLink>('server'),
      this._storage.listOutbox(),
      this._storage.getSync<string>('lastSync'),
      this._storage.listPhotoOutbox(),
    ]);
    const refused: RefusedPush[] = [];
    for (const e of outbox) {
      const r = await this._storage.getSync<RefusedPush>(`refused:${e.id}`);
      if (r) refused.push(r);
    }
    const planConflicts: PlanConflicts[] = [];
    for (const p of await this._storage.listPlans()) {
      const c = await this._storage.getSync<PlanConflicts>(`planConflicts:${p.id}`);
      if (c?.conflicts.length) planConflicts.push(c);
    }
    const refusedPhotos = photos.filter((p) => p.refused);
    this._set({
      link,
      waiting: outbox.length,
      lastSync,
      refused,
      planConflicts,
      photosWaiting: photos.length - refusedPhotos.length,
      photosRefused: refusedPhotos.length ? await this._placesOf(refusedPhotos) : [],
    });
    return this.status;
  }

  /** Where each refused photo is used (answers' evidence, signatures, plan actions' proof). */
  private async _placesOf(entries: PhotoOutboxEntry[]): Promise<RefusedPhoto[]> {
    const out = new Map(entries.map((e) => [e.hash, { ...e.refused!, hash: e.hash, places: [] as PhotoPlace[] }]));
    const assessments = await this._storage.listAssessments();
    const names = new Map(assessments.map((a) => [a.id, a.facility.name]));
    for (const a of assessments) {
      for (const [itemId, ans] of Object.entries(a.answers))
        for (const h of ans.evidence ?? [])
          out.get(h)?.places.push({ assessmentId: a.id, facility: a.facility.name, itemId });
      for (const sig of a.signatures ?? [])
        if (sig.image) out.get(sig.image)?.places.push({ assessmentId: a.id, facility: a.facility.name });
    }
    for (const p of await this._storage.listPlans())
      for (const act of p.actions)
        for (const h of act.completionEvidence ?? [])
          out.get(h)?.places.push({
            assessmentId: p.assessmentId,
            facility: names.get(p.assessmentId) ?? p.facilityId,
            itemId: act.itemId,
            plan: true,
          });
    // A refused photo no answer, signature or plan uses any more (retaken, or removed) has nothing left to send.
    const unused = [...out.values()].filter((r) => !r.places.length);
    for (const r of unused) await this._storage.putPhotoOutbox(r.hash, undefined);
    return [...out.values()].filter((r) => r.places.length);
  }

  private _set(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.dispatchEvent(new Event('change'));
  }

  private _client(link: ServerLink): SyncClient {
    return createSyncClient({ baseUrl: link.baseUrl, token: link.token, fetch: this._fetch });
  }

  /**
   * Enrols this device with the code of the QR code or the typed short code, registers its signing key (when it
   * has one), and queues every assessment already on the device so it reaches the server.
   */
  async enrol(baseUrl: string, code: string, publicKey?: object): Promise<ServerLink> {
    const { token, deviceId } = await enrolDevice(baseUrl, code, this._fetch);
    const client = createSyncClient({ baseUrl, token, fetch: this._fetch });
    const { user } = await client.me();
    let keyRegisteredAt: string | undefined;
    if (publicKey) {
      await client.registerKey(publicKey);
      keyRegisteredAt = new Date().toISOString();
    }
    const link: ServerLink = {
      baseUrl,
      token,
      deviceId,
      user,
      enrolledAt: new Date().toISOString(),
      ...(keyRegisteredAt ? { keyRegisteredAt } : {}),
    };
    // Enrolling again with the same server (after a revocation) keeps the cursor and the shared revisions, so what
    // waits in the outbox is merged against the right base; another server starts afresh.
    const had = await this._storage.getSync<ServerLink>('server');
    if (!had || had.baseUrl !== baseUrl) {
      await this._storage.clearSync();
      await this._storage.putSync({ server: link, cursor: 0 });
    } else await this._storage.putSync({ server: link });
    await this._storage.enqueue((await this._storage.listAssessments()).map((a) => a.id));
    await this._storage.enqueue((await this._storage.listPlans()).map((p) => planOutboxKey(p.id)));
    this._set({ problem: undefined });
    await this.refresh();
    return link;
  }

  /**
   * Leaves the server: forgets its address, token, cursor and shared revisions. The assessments and the outbox
   * stay on the device (a later enrolment sends them).
   */
  async leave(): Promise<void> {
    await this._storage.clearSync();
    this._set({ problem: undefined, lastSync: undefined });
    await this.refresh();
  }

  /**
   * Runs one sync (pull, then push the outbox); a call during a run returns that run. Then, without holding the
   * answers back, uploads the queued photos ({@link syncPhotos}): `photosNow` (the default: the "Đồng bộ" button,
   * coming online) tries every queued photo at once; `false` (sync started by a change or a timer) leaves the ones
   * waiting their backoff.
   */
  sync(options: { photosNow?: boolean } = {}): Promise<SyncReport> {
    const photosNow = options.photosNow ?? true;
    return this._answers().then((report) => {
      if (report.problem?.kind !== 'signInAgain' && report.problem?.kind !== 'unreachable')
        void this.syncPhotos(photosNow);
      return report;
    });
  }

  private _answers(): Promise<SyncReport> {
    this._run ??= this._locked()
      .catch((e: unknown): SyncReport => {
        console.warn('sync', e);
        return {
          pulled: 0,
          pushed: 0,
          refused: 0,
          problem: { kind: 'server', text: { vi: String(e), en: String(e) } },
        };
      })
      .finally(() => {
        this._run = undefined;
      });
    return this._run;
  }

  private async _locked(): Promise<SyncReport> {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    return locks?.request ? locks.request('tieuchi-sync', () => this._once()) : this._once();
  }

  private async _once(): Promise<SyncReport> {
    const link = await this._storage.getSync<ServerLink>('server');
    const report: SyncReport = { pulled: 0, pushed: 0, refused: 0 };
    if (!link) return report;
    this._set({ running: true, link });
    this._noSet.clear();
    try {
      const client = this._client(link);
      report.pulled = await this._pull(client);
      // Documents kept aside because their set was not on this device: fetch the set, check them again.
      report.pulled += await this.recheckKeptAside(client);
      const pushed = await this._push(client);
      // Plans after the assessments: the server takes a plan only for an assessment it has (ADR 0021).
      const plans = await this._pushPlans(client);
      report.pushed = pushed.pushed + plans.pushed;
      report.refused = pushed.refused + plans.refused;
      // What this run pushed comes back on the next pull; pulling now moves the cursor past it.
      report.pulled += await this._pull(client);
      report.pulled += await this._pullPlans(client);
      const lastSync = new Date().toISOString();
      await this._storage.putSync({ lastSync });
      this._set({ problem: undefined, lastSync });
    } catch (e) {
      report.problem = problemOf(e);
      this._set({ problem: report.problem });
    } finally {
      this._set({ running: false });
      await this.refresh();
    }
    return report;
  }

  /** Pulls every change after the saved cursor, page by page; the cursor is saved after each page (resumable). */
  private async _pull(client: SyncClient): Promise<number> {
    let cursor = (await this._storage.getSync<number>('cursor')) ?? 0;
    let n = 0;
    for (;;) {
      const page = await client.pull(cursor, this._pageSize);
      for (const c of page.changes) {
        // The one verifier at this boundary too: what the server sends is checked as an import is (schema, set,
        // answers, content hash of a sealed one). A refused document is kept aside with why, never stored.
        const checked = await this._verify(c.document, client);
        if (checked.ok) await this.applyPulled(c.id, c.revision, checked.value);
        else await this._keepRefused(c.id, c.revision, c.document, checked.errors);
        n++;
      }
      const next = page.changes.length ? page.changes[page.changes.length - 1]!.change : cursor;
      if (next !== cursor) await this._storage.putSync({ cursor: next });
      if (!page.changes.length || next === cursor) return n;
      cursor = next;
    }
  }

  private async _verify(doc: unknown, client?: SyncClient): Promise<Outcome<Assessment>> {
    const { verifyAssessment } = await import('../core-checked.js');
    const pin = (doc as { criteriaSet?: { id?: unknown; version?: unknown } } | null)?.criteriaSet;
    let set =
      typeof pin?.id === 'string' && typeof pin.version === 'string'
        ? await this._host.setOf(doc as Assessment)
        : undefined;
    if (!set && client && typeof pin?.id === 'string' && typeof pin.version === 'string')
      set = await this._fetchSet(client, pin.id, pin.version);
    return verifyAssessment(doc, set ? { set } : {});
  }

  /** Sets this run asked the server for and did not get (asked once per run). */
  private _noSet = new Set<string>();

  /**
   * Fetches a criteria set this device lacks from the server (ADR 0021), checks it with core's schema (a set is
   * untrusted input too) and that it is the set asked for, stores it and tells the app. Undefined when the server
   * does not serve it to this reader or it does not pass.
   */
  private async _fetchSet(client: SyncClient, id: string, version: string): Promise<CriteriaSet | undefined> {
    const key = `${id}@${version}`;
    if (this._noSet.has(key)) return undefined;
    try {
      const { validateCriteriaSet } = await import('../core-checked.js');
      const r = validateCriteriaSet((await client.getSet(id, version)).set);
      if (!r.ok || r.value.id !== id || r.value.version !== version) throw new Error(`set ${key} refused`);
      await this._storage.putSet(r.value, new Date().toISOString());
      this._host.addSet?.(r.value);
      return r.value;
    } catch (e) {
      if (e instanceof SyncError && e.status === 401) throw e;
      this._noSet.add(key);
      return undefined;
    }
  }

  /**
   * Checks again the pulled documents kept aside (from sync, not from files) now that their set may be here: after
   * a hand import of the set, or — with a `client` — fetching a missing set from the server first. Each that now
   * passes is stored as a pull would store it and leaves the kept-aside list.
   * @returns how many came back
   */
  async recheckKeptAside(client?: SyncClient): Promise<number> {
    let n = 0;
    for (const r of await this._storage.listRefused()) {
      if (r.file !== SYNC_FILE || r.kind !== 'assessments' || !r.key.startsWith('sync:')) continue;
      const doc = (r.bundle as { assessments?: unknown[] } | null)?.assessments?.[0];
      const revision = r.key.slice(`sync:${r.id}:`.length);
      if (!doc || !revision) continue;
      const checked = await this._verify(doc, client);
      if (!checked.ok) continue;
      await this.applyPulled(r.id, revision, checked.value);
      await this._storage.dropRefused([r.key]);
      n++;
    }
    return n;
  }

  /** Keeps the server's refusal of an outbox entry (`refused:<id>`): it is not sent again until it changes. */
  private async _keepPushRefused(entry: { id: string; seq: number }, e: SyncError): Promise<void> {
    const r: RefusedPush = { id: entry.id, seq: entry.seq, code: e.code, text: e.text, at: new Date().toISOString() };
    await this._storage.putSync({ [`refused:${entry.id}`]: r });
  }

  private async _keepRefused(id: string, revision: string, doc: unknown, problems: Problem[]): Promise<void> {
    const now = new Date().toISOString();
    const facility = (doc as { facility?: { name?: unknown } } | null)?.facility?.name;
    await this._storage.keepRefused([
      {
        key: `sync:${id}:${revision}`,
        kind: 'assessments',
        id,
        label: typeof facility === 'string' ? facility : id,
        file: SYNC_FILE,
        refusedAt: now,
        reasons: problems.map((p) => ({ code: p.code, pointer: p.pointer, message: p.message })),
        bundle: { schemaVersion: 1, kind: 'bundle', createdAt: now, assessments: [doc] },
      },
    ]);
  }

  /**
   * Stores one pulled revision. When this device has changes the server lacks (its copy differs from the shared
   * base), its copy and base are kept as they are: the push that follows is merged by the server against that
   * base, so a conflict is found once, in one place, and comes back to every device. Otherwise the server's copy
   * is written with its revision as the new base, in ONE transaction.
   */
  async applyPulled(id: string, revision: string, server: Assessment): Promise<Assessment> {
    const base = await this._storage.getSync<SyncBase>(`base:${id}`);
    const local = await this._storage.getAssessment(id);
    if (local && same(local, server)) {
      await this._storage.putSync({ [`base:${id}`]: { revision, document: server } });
      return local;
    }
    if (local && hasOwnChanges(base?.document, local, server)) return local;
    const written = await this._storage.putAssessment(
      server,
      // A change stored here since it was read above is not lost: merged against what was read.
      { base: local, fn: (b, srv, stored) => (!b || same(stored, b) ? srv : mergePulled(b, stored, srv)) },
      { outbox: (out) => !same(out, server), sync: { [`base:${id}`]: { revision, document: server } } },
    );
    await this._host.adoptStored(id);
    return written;
  }

  /** Pushes every queued assessment (photos have their own queue). Stops at a 401 or when the server is unreachable. */
  private async _push(client: SyncClient): Promise<{ pushed: number; refused: number }> {
    let pushed = 0;
    let refused = 0;
    for (const entry of await this._storage.listOutbox()) {
      if (planIdOfOutboxKey(entry.id) !== undefined) continue; // plans: {@link _pushPlans}
      const was = await this._storage.getSync<RefusedPush>(`refused:${entry.id}`);
      if (was && was.seq === entry.seq) {
        refused++;
        continue; // unchanged since the server refused it: sending it again would be refused again
      }
      const local = await this._storage.getAssessment(entry.id);
      if (!local) {
        await this._storage.dequeue(entry.id, entry.seq);
        continue;
      }
      const base = await this._storage.getSync<SyncBase>(`base:${entry.id}`);
      let res;
      try {
        res = await client.push(forPush(local), base?.revision);
      } catch (e) {
        if (!(e instanceof SyncError) || e.status === 401 || e.status >= 500) throw e;
        await this._keepPushRefused(entry, e);
        refused++;
        continue;
      }
      const server = res.document as unknown as Assessment;
      await this._storage.putAssessment(
        server,
        // Changes made here while the push was under way are kept on top of what the server now holds.
        { base: local, fn: (b, srv, stored) => (b && same(stored, b) ? srv : mergePulled(b, stored, srv)) },
        {
          outbox: false,
          sync: {
            [`base:${entry.id}`]: { revision: res.revision, document: server },
            [`refused:${entry.id}`]: undefined,
          },
        },
      );
      // Removed only if nothing changed since it was read; a newer change stays queued for the next run.
      await this._storage.dequeue(entry.id, entry.seq);
      await this._host.adoptStored(entry.id);
      pushed++;
    }
    return { pushed, refused };
  }

  /**
   * Pushes every queued improvement plan (outbox keys `plan:<id>`) against the revision last shared; the server
   * merges it field by field of each action (core's `mergePlans`). A plan whose assessment the server does not have
   * yet stays queued without a refusal (its assessment goes first); another refusal is kept, as for assessments.
   */
  private async _pushPlans(client: SyncClient): Promise<{ pushed: number; refused: number }> {
    let pushed = 0;
    let refused = 0;
    for (const entry of await this._storage.listOutbox()) {
      const planId = planIdOfOutboxKey(entry.id);
      if (planId === undefined) continue;
      const was = await this._storage.getSync<RefusedPush>(`refused:${entry.id}`);
      if (was && was.seq === entry.seq) {
        refused++;
        continue;
      }
      const local = await this._storage.getPlan(planId);
      if (!local) {
        await this._storage.dequeue(entry.id, entry.seq);
        continue;
      }
      const base = await this._storage.getSync<PlanBase>(`planBase:${planId}`);
      let res;
      try {
        res = await client.pushPlan(local, base?.revision);
      } catch (e) {
        if (!(e instanceof SyncError) || e.status === 401 || e.status >= 500) throw e;
        if (e.code === 'planAssessmentMissing') continue; // sent again once its assessment is on the server
        await this._keepPushRefused(entry, e);
        refused++;
        continue;
      }
      await this._storePlan(res, local, { [`refused:${entry.id}`]: undefined });
      await this._storage.dequeue(entry.id, entry.seq);
      pushed++;
    }
    return { pushed, refused };
  }

  /**
   * Stores the server's copy of a plan with its revision as the new shared base and its conflicts. `sent`: the
   * copy this device pushed (or held) — a change made here since then is merged on top with core's `mergePlans`
   * and stays queued.
   */
  private async _storePlan(srv: ServerPlan, sent: ImprovementPlan | undefined, extra: Record<string, unknown> = {}) {
    const server = srv.plan as unknown as ImprovementPlan;
    const now = await this._storage.getPlan(srv.id);
    const changedHere = !!now && !!sent && !same(now, sent);
    const m = changedHere ? mergePlans(sent, now, server) : null;
    const conflicts: PlanConflicts = { planId: srv.id, assessmentId: srv.assessmentId, conflicts: srv.conflicts };
    await this._storage.putPlan(m ? m.merged : server, {
      outbox: !!m && !same(m.merged, server),
      sync: {
        [`planBase:${srv.id}`]: { revision: srv.revision, plan: server } satisfies PlanBase,
        [`planConflicts:${srv.id}`]: srv.conflicts.length ? conflicts : undefined,
        ...extra,
      },
    });
  }

  /**
   * Pulls the plans changed after the saved plan cursor (`planCursor`), page by page (resumable). Each is checked
   * with core's schema (untrusted input); a plan this device changed since the shared revision is kept (its push
   * is merged by the server), only the server's conflicts are recorded.
   */
  private async _pullPlans(client: SyncClient): Promise<number> {
    const { validateImprovementPlan } = await import('../core-checked.js');
    let cursor = (await this._storage.getSync<number>('planCursor')) ?? 0;
    let n = 0;
    for (;;) {
      const page = await client.pullPlans(cursor, this._pageSize);
      for (const p of page.plans) {
        const checked = validateImprovementPlan(p.plan);
        if (!checked.ok) await this._keepRefusedPlan(p, checked.errors);
        else {
          const local = await this._storage.getPlan(p.id);
          const base = await this._storage.getSync<PlanBase>(`planBase:${p.id}`);
          const own = !!local && !same(local, checked.value) && (!base || !same(local, base.plan));
          if (own)
            await this._storage.putSync({
              [`planConflicts:${p.id}`]: p.conflicts.length
                ? ({ planId: p.id, assessmentId: p.assessmentId, conflicts: p.conflicts } satisfies PlanConflicts)
                : undefined,
            });
          else await this._storePlan({ ...p, plan: checked.value as unknown as Record<string, unknown> }, local);
        }
        n++;
      }
      const next = page.plans.length ? page.plans[page.plans.length - 1]!.change : cursor;
      if (next !== cursor) await this._storage.putSync({ planCursor: next });
      if (!page.plans.length || next === cursor) return n;
      cursor = next;
    }
  }

  private async _keepRefusedPlan(p: ServerPlan, problems: Problem[]): Promise<void> {
    const now = new Date().toISOString();
    await this._storage.keepRefused([
      {
        key: `sync:plan:${p.id}:${p.revision}`,
        kind: 'plans',
        id: p.id,
        label: p.id,
        file: SYNC_FILE,
        refusedAt: now,
        reasons: problems.map((x) => ({ code: x.code, pointer: x.pointer, message: x.message })),
        bundle: { schemaVersion: 1, kind: 'bundle', createdAt: now, assessments: [], plans: [p.plan] },
      },
    ]);
  }

  /**
   * Uploads the queued photos, each on its own (by SHA-256; the server skips one it has). A failed upload stays
   * queued and waits {@link photoBackoffMs} before an automatic try; `now` tries every one at once. A 401 stops
   * the run (the queue is kept). Runs are serialised; a forced call during a run runs again after it.
   */
  syncPhotos(now = false): Promise<PhotoReport> {
    if (this._photoRun) {
      if (now) this._photosAgain = true;
      return this._photoRun;
    }
    const run = this._photosOnce(now)
      .catch((e: unknown): PhotoReport => {
        if (!(e instanceof SyncError && e.status === 401)) console.warn('photos', e);
        return { uploaded: 0, failed: 0, deferred: 0 };
      })
      .finally(async () => {
        this._photoRun = undefined;
        this._set({ photosRunning: false });
        await this.refresh();
        if (this._photosAgain) {
          this._photosAgain = false;
          void this.syncPhotos(true);
        }
      });
    this._photoRun = run;
    return run;
  }

  private async _photosOnce(now: boolean): Promise<PhotoReport> {
    const report: PhotoReport = { uploaded: 0, failed: 0, deferred: 0 };
    const link = await this._storage.getSync<ServerLink>('server');
    if (!link) return report;
    const queue = await this._storage.listPhotoOutbox();
    if (!queue.length) return report;
    this._set({ photosRunning: true });
    const client = this._client(link);
    for (const e of queue) {
      if (e.refused && !now) continue; // refused for good: never retried by itself
      if (!now && e.nextAt && Date.parse(e.nextAt) > Date.now()) {
        report.deferred++;
        continue;
      }
      const p = await this._storage.getPhoto(e.hash);
      if (!p) {
        await this._storage.putPhotoOutbox(e.hash, undefined); // deleted since it was queued
        continue;
      }
      // "Đồng bộ" tries a refused photo again only once it changed (its size or type): the same bytes would be
      // refused again.
      if (e.refused && e.refused.bytes === p.blob.size && e.refused.mime === p.mime) continue;
      try {
        await client.uploadPhoto(e.hash, new Uint8Array(await p.blob.arrayBuffer()), p.mime);
        await this._storage.putPhotoOutbox(e.hash, undefined);
        report.uploaded++;
        this._set({ photosWaiting: Math.max(0, this.status.photosWaiting - 1) });
      } catch (err) {
        if (err instanceof SyncError && err.status === 401) throw err;
        const attempts = e.attempts + 1;
        if (err instanceof SyncError && refusedForGood(err.status)) {
          const { nextAt: _n, ...rest } = e;
          await this._storage.putPhotoOutbox(e.hash, {
            ...rest,
            attempts,
            lastError: err.text.en,
            refused: {
              status: err.status,
              code: err.code,
              text: err.text,
              at: new Date().toISOString(),
              bytes: p.blob.size,
              mime: p.mime,
            },
          });
          report.failed++;
          continue;
        }
        await this._storage.putPhotoOutbox(e.hash, {
          ...e,
          attempts,
          nextAt: new Date(Date.now() + photoBackoffMs(attempts)).toISOString(),
          lastError: err instanceof SyncError ? err.text.en : String(err),
        });
        report.failed++;
      }
    }
    return report;
  }
}

/** True when `local` holds changes the server has not seen: a draft differing from the shared base, or a lock. */
function hasOwnChanges(base: Assessment | undefined, local: Assessment, server: Assessment): boolean {
  if (local.status !== 'draft') return server.status === 'draft' || !same(local, server);
  if (server.status !== 'draft') return false;
  return !base || !same(local, base);
}

/** What a failed run tells the person. */
function problemOf(e: unknown): SyncProblem {
  if (e instanceof SyncError)
    return e.status === 401 ? { kind: 'signInAgain', text: e.text } : { kind: 'server', text: e.text };
  return { kind: 'unreachable' };
}
