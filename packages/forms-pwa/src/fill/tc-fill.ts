import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AssessmentAnswer, CriteriaSetCriterion, ScoreResultCriterionResult } from '../core.js';
import { LocaleController, formatDate, loc, t } from '../i18n.js';
import { itemIndex } from '../model/assessment.js';
import { nextUnanswered } from '../model/progress.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { lockIcon } from '../icons.js';
import { shared } from '../styles.js';
import type { LastTime } from '../loop/plan-model.js';
import type { AnswerChangeDetail } from './tc-answer-control.js';
import type { PhotoEventDetail } from './tc-photo-evidence.js';
import { PreviousRoundController } from '../loop/previous-round.js';
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
import './tc-plan-hint.js';
import './tc-score-panel.js';
import './tc-section-nav.js';

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
      .items { display: grid; gap: 10px; }
      .banner { padding: 10px 14px; border-radius: 10px; margin-bottom: 12px; overflow-wrap: anywhere; }
      .pager { display: flex; justify-content: space-between; margin-top: 16px; gap: 8px; }
      .mobile-bar { display: none; }
      select.sections { width: 100%; }
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
  private readonly _previous = new PreviousRoundController(this, this._store.store);
  private _lastItem: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    if (!a) return html`<p>${store.ready ? t('app.notFound') : t('app.loading')}</p>`;
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
    return html`
      <div class="head">
        <div>
          <h1>${a.facility.name}</h1>
          <div class="muted">
            ${loc(set.shortTitle ?? set.title)} · ${t(`kind.${a.assessmentKind}`)} · ${formatDate(a.assessedOn ?? a.createdAt)}
          </div>
        </div>
        <div class="row">
          ${ro ? nothing : html`<button @click=${this._onNext} data-action="next">${t('fill.next')}</button>`}
          <a class="btn" href=${href({ view: 'results', id: a.id })}>${t('fill.results')}</a>
          ${ro ? nothing : html`<a class="btn primary" href=${href({ view: 'submit', id: a.id })} data-action="submit">${t('fill.submit')}</a>`}
        </div>
      </div>
      ${
        ro
          ? html`<div class="banner info badge-like" data-locked>
            ${lockIcon} ${t('fill.locked', { hash: a.contentHash?.slice(0, 16) ?? '' })}
            <button @click=${this._onRevise}>${t('fill.revise')}</button>
          </div>`
          : nothing
      }
      ${a.revisionOf ? html`<div class="muted">${t('fill.revisionOf', { id: a.revisionOf.id })}</div>` : nothing}
      <div class="mobile-bar">
        <select class="sections" aria-label=${t('fill.sections')} @change=${this._onSelectSection}>
          ${set.sections.map((s, i) => html`<option value=${s.id} ?selected=${i === idx}>${i + 1}. ${loc(s.title)}</option>`)}
        </select>
        <tc-score-panel compact .result=${result} .sectionId=${section.id}></tc-score-panel>
      </div>
      <div class="layout">
        <aside>
          <tc-score-panel .result=${result} .sectionId=${section.id}></tc-score-panel>
          <tc-section-nav .set=${set} .result=${result} assessmentId=${a.id} current=${section.id}></tc-section-nav>
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
            this._criterion(
              c,
              sres?.criteria.find((x) => x.id === c.id),
              a.answers,
              ro,
              hints,
              conflictsByItem(a),
            ),
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
  ) {
    const items = new Map(cr?.items.map((i) => [i.id, i]));
    return html`<div class="criterion" data-criterion=${c.id}>
        <h3>${c.code ? `${c.code}. ` : ''}${loc(c.title)}</h3>
        ${
          cr
            ? html`<span class="badge">${cr.level !== undefined ? `${t('item.level', { n: cr.level })} · ` : ''}${cr.score.display.points}/${cr.score.display.max}${cr.score.display.percent !== undefined ? ` · ${cr.score.display.percent}%` : ''}</span>`
            : nothing
        }
      </div>
      ${c.description ? html`<p class="muted">${loc(c.description)}</p>` : nothing}
      <div class="items">
        ${repeat(
          c.items,
          (it) => it.id,
          (it) => html`<tc-item-card
            data-item-id=${it.id}
            .item=${it}
            .answer=${answers[it.id]}
            .result=${items.get(it.id)}
            .conflicts=${conflicts.get(it.id)}
            .unsavedPhotos=${this._unsavedPhotos(it.id)}
            ?readonly=${ro}
          >${hints.has(it.id) ? html`<tc-plan-hint slot="last-time" .hint=${hints.get(it.id)}></tc-plan-hint>` : nothing}</tc-item-card>`,
        )}
      </div>`;
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

  private _onSelectSection(e: Event) {
    go({ view: 'fill', id: this.assessmentId, section: (e.target as HTMLSelectElement).value });
  }

  private async _onNext() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    const set = a && store.setFor(a);
    const result = a && store.resultFor(a);
    if (!a || !set || !result) return;
    const id = nextUnanswered(result, this._lastItem);
    if (!id) {
      alertText(this, t('fill.allDone'));
      return;
    }
    const place = itemIndex(set).get(id);
    if (place && place.section.id !== (this.sectionId || set.sections[0]!.id)) {
      go({ view: 'fill', id: a.id, section: place.section.id });
      await new Promise((r) => setTimeout(r, 0));
    }
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>(`tc-item-card[data-item-id="${CSS.escape(id)}"]`);
    this._lastItem = id;
    card?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    (card?.shadowRoot?.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
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
