/**
 * One draft being authored: the set, its problems (core's validation, indexed by field) and its test cases.
 * Every change goes to memory first (the editor answers at once), then to IndexedDB through the app's one write
 * path (`AppStore.persist`: in order, durable, retried after a failure with the storage banner) — no save button,
 * as with answers. Publishing checks the set again and writes it to the
 * published sets under a version no set of that id uses yet.
 */
import type { CriteriaSet, Problem } from '../core.js';
import type { AppStore } from '../state/store.js';
import type { SetDraft } from '../storage/db.js';
import { newId } from '../model/assessment.js';
import { setAt } from './pointer.js';
import { checkSet, indexProblems, type ProblemIndex } from './problems.js';
import { readCases, type TestCase } from './test-cases.js';
import { forPublication, nextFreeVersion, versionsOf } from './versions.js';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export type PublishOutcome = { ok: true; set: CriteriaSet } | { ok: false; problems: Problem[] };

/** A new draft record around a set. */
export function newDraft(set: CriteriaSet, testCases: TestCase[] = [], now = new Date().toISOString()): SetDraft {
  return { draftId: newId('draft'), set, testCases, updatedAt: now };
}

export class BuilderSession extends EventTarget {
  draft: SetDraft;
  problems: Problem[] = [];
  index: ProblemIndex = new Map();
  cases: TestCase[];
  private _queue: Promise<unknown> = Promise.resolve();
  private _pending = 0;
  private _written = false;

  constructor(
    private readonly _store: AppStore,
    draft: SetDraft,
  ) {
    super();
    this.draft = draft;
    this.cases = readCases(draft.testCases);
    this._check();
  }

  /** Whether the draft's latest change is durable; `error` until the store's retry writes it. */
  get saveState(): SaveState {
    if (this._pending) return 'saving';
    if (this._store.isUnsaved(`draft:${this.draft.draftId}`)) return 'error';
    return this._written ? 'saved' : 'idle';
  }

  get set(): CriteriaSet {
    return this.draft.set;
  }

  /** True when core's validation accepts the set (it may be published). */
  get valid(): boolean {
    return this.problems.length === 0;
  }

  /** Changes one value (`undefined` removes it) and saves. */
  edit(pointer: string, value: unknown): void {
    this.replace(setAt(this.set, pointer, value));
  }

  /** Replaces the whole set (after a tree operation) and saves. */
  replace(set: CriteriaSet): void {
    this._commit({ ...this.draft, set });
  }

  /** Replaces the test cases and saves. */
  setCases(cases: TestCase[]): void {
    this.cases = cases;
    this._commit({ ...this.draft, testCases: cases });
  }

  /** Resolves when every queued write is durable. */
  async flush(): Promise<void> {
    await this._queue;
  }

  /**
   * Publishes the set: refused while core finds problems; otherwise written with `publishedAt` and its content
   * hash, under its version or — when a set of this id already has that version — the next free one. The draft
   * takes the published version, so the next publication becomes a newer version again.
   */
  async publish(store: AppStore = this._store, now = new Date().toISOString()): Promise<PublishOutcome> {
    this._check();
    if (!this.valid) return { ok: false, problems: this.problems };
    const version = nextFreeVersion(this.set.version, versionsOf(store.sets.values(), this.set.id));
    const pub = forPublication({ ...this.set, version }, now);
    const again = checkSet(pub);
    if (again.length) return { ok: false, problems: again };
    await this.flush();
    await store.publishSet(pub, now);
    this.edit('/version', version);
    await this.flush();
    return { ok: true, set: pub };
  }

  private _check(): void {
    this.problems = checkSet(this.set);
    this.index = indexProblems(this.problems);
  }

  private _commit(next: SetDraft): void {
    next.updatedAt = new Date().toISOString();
    this.draft = next;
    this._check();
    this._pending++;
    this._changed();
    // A failed write is kept by the store and written again; the app's banner says why.
    this._queue = this._store.saveSetDraft(next).then(() => {
      this._pending--;
      this._written = true;
      this._changed();
    });
  }

  private _changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
