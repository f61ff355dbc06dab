import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, ReactiveElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type {
  AssessmentAnswer,
  CriteriaSet,
  CriteriaSetCriterion,
  CriteriaSetItem,
  ScoreResultCriterionResult,
} from '../core.js';
import { LocaleController, formatDate, formatDateTime, loc, locale, t } from '../i18n.js';
import { itemIndex } from '../model/assessment.js';
import { nextOpen, type OpenReason } from '../model/progress.js';
import { ladderState, rungs } from '../model/ladder.js';
import { landBelow } from './land.js';
import { ProgressiveController } from './progressive.js';
import { NarrowController } from './narrow.js';
import { itemLabel } from './tc-fill-status.js';
import type { CriterionJumpDetail } from './tc-section-nav.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { lockIcon } from '../icons.js';
import { shared } from '../styles.js';
import type { LastTime } from '../loop/plan-model.js';
import type { AnswerChangeDetail } from './tc-answer-control.js';
import type { PhotoEventDetail } from './tc-photo-evidence.js';
import { LazyPreviousRound } from './previous-lazy.js';
import './tc-item-card.js';
import type { ConflictResolveDetail, ItemConflict } from './tc-item-card.js';

/** An assessment's open conflicts by item id (from their JSON Pointers `/answers/<item>[/note]`). */
function conflictsByItem(a: { conflicts?: ItemConflict[] }): Map<string, ItemConflict[]> {
  const out = new Map<string, ItemConflict[]>();
  for (const c of a.conflicts ?? []) {
    const m = /^\/answers\/([^/]+)/.exec(c.path);
    if (!m) continue;
    const id = m[1]!.replaceAll('~1', '/').replaceAll('~0', '~');
    out.set(id, [...(out.get(id) ?? []), c]);
  }
  return out;
}
import './tc-score-panel.js';
import './tc-section-nav.js';
import './tc-fill-status.js';
import { num, pct } from '../numbers.js';

/**
 * The fill-in view: section navigation with progress, the current section's criteria and item cards,
 * and the live score. Every answer goes straight to the store, which writes it to IndexedDB.
 */
@customElement('tc-fill')
export class TcFill extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .layout { display: grid; grid-template-columns: minmax(220px, 300px) 1fr; gap: 16px; align-items: start; }
      aside { position: sticky; top: 72px; display: grid; gap: 12px; max-height: calc(100vh - 84px); overflow: auto; padding-bottom: 8px; }
      .head { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; align-items: flex-start; margin-bottom: 12px; }
      .head h1 { margin: 0; }
      .criterion { margin: 18px 0 8px; display: flex; justify-content: space-between; gap: 8px; align-items: baseline; flex-wrap: wrap; }
      .criterion h3 { margin: 0; }
      .items { display: block; }
      .items > tc-item-card + tc-item-card { margin-top: 10px; }
      .banner { padding: 10px 14px; border-radius: 10px; margin-bottom: 12px; overflow-wrap: anywhere; }
      .pager { display: flex; justify-content: space-between; margin-top: 16px; gap: 8px; }
      .mobile-bar { display: none; }
      select.sections { width: 100%; }
      .nextbar { display: grid; gap: 4px; }
      .nextbar button { width: 100%; }
      .stopped { font-size: 0.9rem; }
      .rung { margin: 12px 0 4px; font-size: 0.95rem; color: var(--tc-muted); }
      .ladder { padding: 6px 10px; border-radius: 8px; margin: 4px 0 8px; }
      .ladder ul { margin: 4px 0 0; padding-left: 20px; }
      .criterion { scroll-margin-top: 140px; }
      @media (max-width: 600px) {
        .mobile-bar { top: 0 !important; }
        .head .row a, .head .row button { flex: 1 1 auto; }
      }
      @media (max-width: 860px) {
        .layout { grid-template-columns: 1fr; }
        aside { display: none; }
        .mobile-bar { display: grid; gap: 8px; position: sticky; top: 60px; z-index: 2; background: #f6f7f9; padding: 6px 0; }
      }
    `,
  ];

  /** The assessment to fill in. */
  @property() assessmentId = '';
  /** The section to show (the first when empty). */
  @property() sectionId = '';

  private readonly _store = new StoreController(this);
  /** What was found on each item at this facility's previous assessment, and the action planned. */
  private readonly _previous = new LazyPreviousRound(this, this._store.store);
  /** The item cards a few at a time: the first screen first, the rest after each paint (issue 20). */
  private readonly _progress = new ProgressiveController(this, { first: 3, settled: () => this._cardsRendered() });
  /** Which of the sticky bar (narrow) and the side column (wide) is shown: only that one's panels are built. */
  private readonly _narrow = new NarrowController(this);
  private _lastItem: string | undefined;
  /** Counts "next" presses: a landing that finishes after a later press must not move the focus back. */
  private _nextPress = 0;
  /** Where "next" stopped last, and why (said beside the button). */
  @state() private _stopped: { id: string; why: OpenReason; label: string } | undefined;
  /** The criterion last jumped to (selected in the narrow screens' picker). */
  @state() private _criterionShown = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  /** What the last render read from the store, the language and the chunking (see {@link shouldUpdate}). */
  private _inputs: readonly unknown[] = [];

  /**
   * Skips a render that would show nothing new: the store says "changed" for every write and its completion (the
   * save indicator), and each of those re-rendered all 47 cards' bindings after an answer tap (issue 20). A render
   * still happens when anything this view reads changes: its properties and state, the assessment or its set, the
   * language, the photos waiting for storage, last time's hints, the assessment it was revised from, the chunking.
   */
  override shouldUpdate(changed: PropertyValues): boolean {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    const inputs = [
      a,
      a && store.setFor(a),
      a?.revisionOf && store.assessments.get(a.revisionOf.id),
      a && this._previous.hintsFor(a),
      store.ready,
      locale(),
      [...store.pendingPhotos.keys()].join(),
      this._progress.limit,
      this._narrow.bar,
      this._narrow.column,
    ];
    const same = inputs.length === this._inputs.length && inputs.every((x, i) => x === this._inputs[i]);
    this._inputs = inputs;
    return changed.size > 0 || !same;
  }

  /** Whether the assessment shown has been scored ahead of its first render ({@link scheduleUpdate}). */
  private _scoredAhead = '';

  /**
   * Splits opening the view into tasks (issue 20): its code is evaluated in one task, its first render waits for
   * the next; and the first time the assessment can be shown, core scores it (the set's compilation and the
   * result's words, 60+ ms at 4x slowdown) in a task of its own before the render that shows it. Later renders (an
   * answer tap) are not delayed.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    const nextTask = () => new Promise((r) => setTimeout(r, 0));
    if (!this.hasUpdated) await nextTask();
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    if (a && this._scoredAhead !== a.id && store.setFor(a)) {
      this._scoredAhead = a.id;
      const result = store.resultFor(a);
      void result?.sections; // reading the sections builds the criteria's display strings too
      if (this._narrow.column) void result?.rules; // the side column's full score panel shows the rules' words
      await nextTask();
    }
    return super.scheduleUpdate();
  }

  /** Resolves once this view and its item cards, their answer controls included, have rendered. */
  private async _cardsRendered(): Promise<void> {
    await this.updateComplete;
    const cards = [...this.renderRoot.querySelectorAll<ReactiveElement>('tc-item-card')];
    await Promise.all(cards.map((c) => c.updateComplete));
    await Promise.all(
      cards.map((c) => c.shadowRoot?.querySelector<ReactiveElement>('tc-answer-control')?.updateComplete),
    );
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Another assessment: what "next" said about the previous one no longer applies.
    if (changed.has('assessmentId')) {
      this._stopped = undefined;
      this._lastItem = undefined;
      this._criterionShown = '';
    }
    if (changed.has('assessmentId') || changed.has('sectionId')) this._progress.reset();
  }

  override render() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    if (!a) return this._store.missing();
    const set = store.setFor(a);
    if (!set)
      return html`<p class="banner warn">${t('app.setMissing', { set: `${a.criteriaSet.id}@${a.criteriaSet.version}` })}</p>`;
    const result = store.resultFor(a);
    const idx = Math.max(
      0,
      set.sections.findIndex((s) => s.id === this.sectionId),
    );
    const section = set.sections[idx]!;
    const sres = result?.sections.find((s) => s.id === section.id);
    const ro = a.status !== 'draft';
    const hints = this._previous.hintsFor(a);
    const conflicts = conflictsByItem(a);
    // The cards rendered so far, in the order shown; a criterion appears with its first card.
    let left = this._progress.limit;
    this._progress.total = section.criteria.reduce((n, c) => n + c.items.length, 0);
    const take = <T>(items: readonly T[]): readonly T[] => {
      const out = items.slice(0, Math.max(0, left));
      left -= out.length;
      return out;
    };
    return html`
      <div class="head">
        <div>
          <h1>${a.facility.name}</h1>
          <div class="muted">
            <span data-set-title>${loc(set.shortTitle ?? set.title)}</span> · ${t(`kind.${a.assessmentKind}`)} · ${formatDate(a.assessedOn ?? a.createdAt)}
          </div>
        </div>
        <div class="row">
          <a class="btn" href=${href({ view: 'results', id: a.id })}>${t('fill.results')}</a>
          ${ro ? nothing : html`<a class="btn primary" href=${href({ view: 'submit', id: a.id })} data-action="submit">${t('fill.submit')}</a>`}
        </div>
      </div>
      ${
        ro
          ? html`<div class="banner info badge-like" data-locked>
            ${lockIcon} ${t('fill.locked', { at: a.lockedAt ? formatDateTime(a.lockedAt) : '—' })}
            <button @click=${this._onRevise}>${t('fill.revise')}</button>
          </div>`
          : nothing
      }
      ${a.revisionOf ? html`<div class="muted" data-revision-of>${this._revisionOf(a.revisionOf.id)}</div>` : nothing}
      <div class="mobile-bar">
        <select class="sections" aria-label=${t('fill.navigation')} @change=${this._onSelectCriterion}>
          ${this._options(set, section.id)}
        </select>
        ${this._narrow.bar ? html`<tc-score-panel compact .result=${result} .sectionId=${section.id}></tc-score-panel>` : nothing}
        ${ro ? nothing : this._nextBar()}
      </div>
      <tc-fill-status .set=${set} .result=${result}></tc-fill-status>
      <div class="layout">
        <aside @criterion-jump=${this._onJump}>
          ${ro ? nothing : this._nextBar()}
          ${
            this._narrow.column
              ? html`<tc-score-panel .result=${result} .sectionId=${section.id}></tc-score-panel>
                  <tc-section-nav .set=${set} .result=${result} assessmentId=${a.id} current=${section.id}></tc-section-nav>`
              : nothing
          }
        </aside>
        <section class="content"
          @answer-change=${this._onAnswer}
          @photo-add=${this._onPhotoAdd}
          @photo-remove=${this._onPhotoRemove}
          @conflict-resolve=${this._onResolve}
          @focusin=${this._onFocus}
        >
          <h2>${idx + 1}. ${loc(section.title)}</h2>
          ${section.description ? html`<p class="muted">${loc(section.description)}</p>` : nothing}
          ${section.criteria.map((c) =>
            left > 0
              ? this._criterion(
                  c,
                  sres?.criteria.find((x) => x.id === c.id),
                  a.answers,
                  ro,
                  hints,
                  conflicts,
                  set,
                  take,
                )
              : nothing,
          )}
          <div class="pager">
            ${
              idx > 0
                ? html`<a class="btn" href=${href({ view: 'fill', id: a.id, section: set.sections[idx - 1]!.id })}>${t('fill.prevSection')}</a>`
                : html`<span></span>`
            }
            ${
              idx < set.sections.length - 1
                ? html`<a class="btn" href=${href({ view: 'fill', id: a.id, section: set.sections[idx + 1]!.id })}>${t('fill.nextSection')}</a>`
                : nothing
            }
          </div>
        </section>
      </div>
    `;
  }

  private _criterion(
    c: CriteriaSetCriterion,
    cr: ScoreResultCriterionResult | undefined,
    answers: Record<string, AssessmentAnswer>,
    ro: boolean,
    hints: ReadonlyMap<string, LastTime>,
    conflicts: ReadonlyMap<string, ItemConflict[]>,
    set: CriteriaSet,
    take: <T>(items: readonly T[]) => readonly T[],
  ) {
    const items = new Map(cr?.items.map((i) => [i.id, i]));
    const levels = set.scoring.model === 'levels';
    const ladder = levels && cr ? ladderState(cr, c, set.scoring.levels ?? 5) : undefined;
    const card = (it: CriteriaSetItem) => html`<tc-item-card
      data-item-id=${it.id}
      .item=${it}
      .answer=${answers[it.id]}
      .result=${items.get(it.id)}
      .conflicts=${conflicts.get(it.id)}
      .unsavedPhotos=${this._unsavedPhotos(it.id)}
      .levels=${levels}
      .criterionLevel=${ladder && ladder.kind !== 'not-assessed' ? ladder.level : undefined}
      ?readonly=${ro}
      >${hints.has(it.id) ? html`<tc-plan-hint slot="last-time" .hint=${hints.get(it.id)}></tc-plan-hint>` : nothing}</tc-item-card
    >`;
    return html`<div class="criterion" data-criterion=${c.id}>
        <h3>${c.code ? `${c.code}. ` : ''}${loc(c.title)}</h3>
        ${cr ? this._criterionBadge(cr, ladder) : nothing}
      </div>
      ${c.description ? html`<p class="muted">${loc(c.description)}</p>` : nothing}
      ${ladder ? this._ladderLine(ladder, set) : nothing}
      ${
        levels
          ? rungs(c).map((r) => {
              const shown = take(r.items);
              return shown.length
                ? html`<h4 class="rung" data-rung=${r.level}>${t('level.group', { n: r.level })}</h4>
                    <div class="items">${repeat(shown, (it) => it.id, card)}</div>`
                : nothing;
            })
          : html`<div class="items">${repeat(take(c.items), (it) => it.id, card)}</div>`
      }`;
  }

  private _criterionBadge(cr: ScoreResultCriterionResult, ladder: ReturnType<typeof ladderState> | undefined) {
    if (ladder) {
      const text =
        ladder.kind === 'not-assessed'
          ? t('level.notAssessed')
          : ladder.kind === 'climbing' && ladder.provisional
            ? t('level.provisional', { n: ladder.level })
            : t('item.level', { n: ladder.level });
      return html`<span class="badge" data-criterion-level=${ladder.kind === 'not-assessed' ? '' : ladder.level}
        >${text}</span
      >`;
    }
    return html`<span class="badge"
      >${num(cr.score.display.points)}/${num(cr.score.display.max)}${cr.score.display.percent !== undefined ? ` · ${pct(cr.score.display.percent)}` : ''}</span
    >`;
  }

  /** "Để đạt mức 3 cần: …" (or the top reached) under a criterion of a set of levels. */
  private _ladderLine(ladder: ReturnType<typeof ladderState>, set: CriteriaSet) {
    if (ladder.kind === 'not-assessed') return nothing;
    if (ladder.kind === 'top')
      return html`<p class="ladder pass" data-ladder>${t('level.top', { n: ladder.level })}</p>`;
    const idx = itemIndex(set);
    return html`<div class="ladder info" data-ladder>
      ${t('level.toReach', { n: ladder.next, list: '' })}
      <ul>
        ${ladder.needed.map((id) => {
          const it = idx.get(id)?.item;
          const text = it ? loc(it.text) : id;
          return html`<li data-needed=${id}>${it?.code ? `${it.code} ` : ''}${text.length > 90 ? `${text.slice(0, 88)}…` : text}</li>`;
        })}
      </ul>
    </div>`;
  }

  /** The "next unanswered" button and, after a jump, why it stopped there. In the sticky bars, so always reachable. */
  private _nextBar() {
    return html`<div class="nextbar">
      <button class="primary" @click=${this._onNext} data-action="next">${t('fill.next')}</button>
      ${
        this._stopped
          ? html`<div class="stopped muted" role="status" data-stopped=${this._stopped.why}>
            ${t('fill.stoppedAt', { item: this._stopped.label, why: t(`fill.why.${this._stopped.why}`) })}
          </div>`
          : nothing
      }
    </div>`;
  }

  /** The narrow screens' criterion picker: criteria grouped by section where a set has several. */
  private _options(set: CriteriaSet, current: string) {
    const opt = (sid: string, c: CriteriaSetCriterion) =>
      html`<option value=${`${sid}\u0000${c.id}`} ?selected=${sid === current && c.id === this._criterionShown}>
        ${c.code ? `${c.code}. ` : ''}${loc(c.title)}
      </option>`;
    if (set.sections.length === 1) {
      const s = set.sections[0]!;
      return s.criteria.map((c) => opt(s.id, c));
    }
    return set.sections.map(
      (s, i) => html`<optgroup label=${`${i + 1}. ${loc(s.title)}`}>${s.criteria.map((c) => opt(s.id, c))}</optgroup>`,
    );
  }

  private _onAnswer(e: CustomEvent<AnswerChangeDetail>) {
    this._lastItem = e.detail.itemId;
    this._store.store.answer(this.assessmentId, e.detail.itemId, e.detail.patch);
  }

  /** How many photos of this item wait in memory because storage refused them. */
  private _unsavedPhotos(itemId: string): number {
    let n = 0;
    for (const p of this._store.store.pendingPhotos.values())
      if (p.id === this.assessmentId && p.itemId === itemId) n++;
    return n;
  }

  private _onResolve(e: CustomEvent<ConflictResolveDetail>) {
    this._store.store.resolve(this.assessmentId, e.detail.path, e.detail.index);
  }

  private _onPhotoAdd(e: CustomEvent<PhotoEventDetail>) {
    const p = e.detail.photo;
    if (!p) return;
    void this._store.store.addPhoto(this.assessmentId, e.detail.itemId, p);
    // Downscaled for the report when taken (issue 20): the first PDF then has no photo left to prepare.
    void import('../report/client.js')
      .then((c) => c.preparePhotos([{ hash: p.hash, blob: p.blob, mime: p.mime, width: p.width, height: p.height }]))
      .catch(() => undefined); // only a head start: the export downscales whatever is missing
  }

  private _onPhotoRemove(e: CustomEvent<PhotoEventDetail>) {
    if (e.detail.hash) this._store.store.removePhoto(this.assessmentId, e.detail.itemId, e.detail.hash);
  }

  private _onFocus(e: FocusEvent) {
    const card = (e.composedPath() as Element[]).find(
      (el) => el instanceof HTMLElement && el.tagName === 'TC-ITEM-CARD',
    );
    if (card) this._lastItem = (card as HTMLElement).dataset.itemId;
  }

  /** Names the assessment a revision was made from by when it was locked (never by its id or hash). */
  private _revisionOf(id: string): string {
    const prev = this._store.store.assessments.get(id);
    const at = prev?.lockedAt ?? prev?.submittedAt;
    return t('fill.revisionOf', { at: at ? formatDateTime(at) : '—' });
  }

  private _onSelectCriterion(e: Event) {
    const [section, criterion] = (e.target as HTMLSelectElement).value.split('\u0000');
    if (section && criterion) void this._show(section, criterion);
  }

  private _onJump(e: CustomEvent<CriterionJumpDetail>) {
    void this._show(e.detail.section, e.detail.criterion);
  }

  /** Opens `section` if needed and lands `selector`'s element (in this view) just below the sticky bars. */
  private async _land(section: string, selector: string): Promise<HTMLElement | null> {
    const set = this._setShown();
    if (set && section !== (this.sectionId || set.sections[0]!.id)) {
      go({ view: 'fill', id: this.assessmentId, section });
      await new Promise((r) => setTimeout(r, 0));
    }
    await this.updateComplete;
    await this._progress.all(); // the target may be further down than the cards rendered so far
    const el = this.renderRoot.querySelector<HTMLElement>(selector);
    if (el) {
      const header = document.querySelector('tc-app')?.shadowRoot?.querySelector('header');
      await landBelow(el, () => [header, this.renderRoot.querySelector('.mobile-bar')]);
    }
    return el;
  }

  private async _show(section: string, criterion: string) {
    this._criterionShown = criterion;
    const el = await this._land(section, `.criterion[data-criterion="${CSS.escape(criterion)}"]`);
    el?.querySelector('h3')?.setAttribute('tabindex', '-1');
    el?.querySelector('h3')?.focus({ preventScroll: true });
  }

  private _setShown() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    return a && store.setFor(a);
  }

  private async _onNext() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    const set = a && store.setFor(a);
    const result = a && store.resultFor(a);
    if (!a || !set || !result) return;
    const open = nextOpen(result, this._lastItem);
    if (!open) {
      this._stopped = undefined;
      alertText(this, t('fill.allDoneEvidence'));
      return;
    }
    const place = itemIndex(set).get(open.id);
    this._lastItem = open.id;
    this._stopped = { id: open.id, why: open.why, label: itemLabel(set, open.id) };
    if (place) this._criterionShown = place.criterion.id;
    const press = ++this._nextPress;
    const card = await this._land(
      place?.section.id ?? this.sectionId,
      `tc-item-card[data-item-id="${CSS.escape(open.id)}"]`,
    );
    // A later press took over while this one was landing: focusing this card now would make it "the last item"
    // again, and the next press would stop here a second time.
    if (press !== this._nextPress) return;
    (card?.shadowRoot?.querySelector('button, input, textarea') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private async _onRevise() {
    const id = await this._store.store.revise(this.assessmentId);
    go({ view: 'fill', id });
  }
}

/** Shows a short message in the app's toast (falls back to nothing in tests). */
function alertText(from: HTMLElement, text: string) {
  from.dispatchEvent(new CustomEvent('toast', { detail: text, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-fill': TcFill;
  }
}
