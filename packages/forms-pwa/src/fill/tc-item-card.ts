import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type Assessment, type AssessmentAnswer, type CriteriaSetItem, type ScoreResultItemResult } from '../core.js';
import { LocaleController, formatDateTime, loc, t } from '../i18n.js';
import { valueText } from '../kinds/controls.js';
import type { AnswerPatch } from '../model/assessment.js';
import { beyondLevel } from '../model/ladder.js';
import { PhotoCaptureController } from '../controllers/photo-capture.js';
import { cameraIcon, stopIcon, warnIcon } from '../icons.js';
import { shared } from '../styles.js';
import { answerControlStyles, type AnswerChangeDetail } from './tc-answer-control.js';
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- named by the JSDoc {@link} of the events below
import type { PhotoEventDetail } from '../controllers/photo-capture.js';
import { exactNum } from '../numbers.js';

/** A conflict two copies of the assessment left on one part (core's merge), with every candidate. */
export type ItemConflict = NonNullable<Assessment['conflicts']>[number];

let photoEvidence: Promise<unknown> | undefined;
/** Loads `tc-photo-evidence` once, with the first card that shows a photo: not on the fill-in start-up path (issue 20). */
const loadPhotoEvidence = () => (photoEvidence ??= import('./tc-photo-evidence.js'));

/** Detail of `conflict-resolve`: which conflict (its JSON Pointer) and which candidate the person chose. */
export type ConflictResolveDetail = { itemId: string; path: string; index: number };

/**
 * One item to answer: its text, guidance, verification methods and citation (all rendered as text,
 * never as HTML), the answer control, an "could not assess" reason, a note and photo evidence.
 * Knockout items carry a red "điểm liệt" mark; missing required evidence shows a warning.
 *
 * @fires answer-change - {@link AnswerChangeDetail}, from the control, the note or the reason
 * @fires photo-add - {@link PhotoEventDetail}: a photo taken or chosen, downscaled, ready to store
 * @fires photo-remove - from the evidence block
 * @fires conflict-resolve - {@link ConflictResolveDetail}: a candidate chosen for a conflict
 * @slot last-time - what was found on this item at the previous assessment (the fill-in view puts `tc-plan-hint` here)
 * @csspart card - the card box
 */
@customElement('tc-item-card')
export class TcItemCard extends LitElement {
  static override styles = [
    shared,
    css`
      .conflict { border: 2px solid var(--tc-amber, #b26a00); border-radius: 10px; padding: 8px 10px; margin: 6px 0; display: grid; gap: 6px; }
      .conflict .cands { display: flex; flex-wrap: wrap; gap: 8px; }
      .conflict button { display: grid; text-align: left; min-width: 140px; }
      /* A card's layout and paint stay inside it. No content-visibility: auto (issue 20): on opening, Chromium styled
         and laid out every off-screen card one by one in a single long task after the chunks (ADR 0017). */
      :host { display: block; scroll-margin-top: 140px; contain: content; }
      .card { display: grid; gap: 10px; }
      .card.knockout { border-left: 6px solid var(--tc-red); }
      .card.done { border-color: #b9d8c9; }
      .head { display: flex; gap: 6px 10px; align-items: flex-start; justify-content: space-between; flex-wrap: wrap; }
      .text { flex: 1 1 260px; font-weight: 600; font-size: 1.05rem; white-space: pre-line; overflow-wrap: anywhere; }
      .answer-row { display: flex; gap: 8px 16px; flex-wrap: wrap; align-items: center; justify-content: space-between; }
      .extra { display: grid; grid-template-columns: 1fr minmax(200px, auto); gap: 10px; align-items: start; }
      .extra textarea { min-height: 44px; }
      @media (max-width: 640px) { .extra { grid-template-columns: 1fr; } }
      .picker { display: grid; gap: 4px; justify-items: start; }
      .add { position: relative; overflow: hidden; }
      .add input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .privacy { font-size: 0.8em; max-width: 260px; }
      .err { color: var(--tc-red); }
      .code { color: var(--tc-muted); font-weight: 700; margin-right: 4px; }
      .meta { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; justify-content: flex-end; }
      details { border-top: 1px dashed var(--tc-line); padding-top: 6px; }
      summary { cursor: pointer; min-height: 44px; padding: 10px 0; box-sizing: border-box; color: var(--tc-blue); }
      .guidance { white-space: pre-line; margin: 6px 0; overflow-wrap: anywhere; }
      .source { overflow-wrap: anywhere; }
      .chips { display: flex; gap: 6px; flex-wrap: wrap; }
      .warnline { padding: 6px 10px; border-radius: 8px; }
      .note { white-space: pre-line; overflow-wrap: anywhere; }
      .reason { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
      .reason input { flex: 1 1 240px; }
      .linkbtn { border: none; background: none; color: var(--tc-blue); padding: 4px 0; min-width: 0; text-decoration: underline; }
    `,
    answerControlStyles,
  ];

  /** The item from the criteria set. */
  @property({ attribute: false }) item!: CriteriaSetItem;
  /** The current answer, if any. */
  @property({ attribute: false }) answer: AssessmentAnswer | undefined;
  /**
   * core's result for this item (status, points, knockout and evidence flags). Every answer yields a new
   * result object for every item; comparing the fields shown keeps the other 299 cards from re-rendering.
   */
  @property({ attribute: false, hasChanged: itemResultChanged }) result: ScoreResultItemResult | undefined;
  /** Read-only (a locked assessment). */
  @property({ type: Boolean }) readonly = false;
  /** Photos taken for this item that storage refused (full): shown as not saved, retried by the store. */
  @property({ type: Number }) unsavedPhotos = 0;
  /** Conflicts two copies left on this item (its decisive part, its note), each with every candidate. */
  @property({ attribute: false }) conflicts: ItemConflict[] | undefined;
  /**
   * In a set of levels: the level its criterion reached (core's). The element is then shown as met / not met,
   * never as points, and a met element above that level as "met, not counted". Undefined in a set of points.
   */
  @property({ attribute: false }) criterionLevel: number | undefined;
  /** Whether the item belongs to a set of levels (no points shown). */
  @property({ type: Boolean }) levels = false;

  @state() private _showReason = false;
  /** The details were opened once: their contents are built from then on ({@link _details}). */
  @state() private _detailsOpened = false;
  /** The photo just removed, while its undo is offered. */
  @state() private _removed: string | undefined;
  private _undoTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly _photo = new PhotoCaptureController(this, () => this.item.id);

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(): void {
    if (this.answer?.evidence?.length) void loadPhotoEvidence();
  }

  override render() {
    const { item, answer: a, result: r } = this;
    const autoNa = r?.status === 'auto-na';
    const ro = this.readonly || autoNa;
    const done = r && r.status !== 'unanswered';
    const showReason = this._showReason || !!a?.unassessed;
    return html`<article
      part="card"
      class="card ${item.knockout ? 'knockout' : ''} ${done ? 'done' : ''}"
      data-item=${item.id}
      data-status=${r?.status ?? 'unanswered'}
    >
      <div class="head">
        <div class="text">${item.code ? html`<span class="code">${item.code}</span>` : nothing}${loc(item.text)}</div>
        <div class="meta">
          ${item.knockout ? html`<span class="badge fail" title=${t('item.knockout')}>${stopIcon} ${t('item.knockout')}</span>` : nothing}
          ${item.level ? html`<span class="badge info">${t('item.level', { n: item.level })}</span>` : nothing}
          ${this._wording()}
          ${r && !autoNa ? this._points(r) : nothing}
        </div>
      </div>
      <slot name="last-time"></slot>
      ${this.conflicts?.length ? this.conflicts.map((c) => this._conflict(c)) : nothing}
      ${autoNa ? html`<div class="muted">${t('item.autoNa')}</div>` : nothing}
      ${r?.knockoutFailed ? html`<div class="warnline bad" role="alert">${stopIcon} ${t('item.knockoutFailed')}</div>` : nothing}
      ${
        autoNa
          ? nothing
          : html`<div class="answer-row">
              <tc-answer-control .item=${item} .answer=${a} ?readonly=${ro}></tc-answer-control>
              ${showReason || ro ? nothing : html`<button class="linkbtn" @click=${() => (this._showReason = true)}>${t('item.unassessed')}…</button>`}
            </div>
            ${showReason ? this._reason(ro) : nothing}`
      }
      ${r?.evidenceMissing ? html`<div class="warnline warn">${cameraIcon} ${t('item.evidenceMissing')}${item.evidence?.hint ? html` — ${loc(item.evidence.hint)}` : nothing}</div>` : nothing}
      ${this._details()}
      ${
        this.readonly
          ? html`${a?.note ? html`<div class="note"><strong>${t('item.note')}:</strong> ${a.note}</div>` : nothing}
          ${a?.evidence?.length ? html`<tc-photo-evidence .itemId=${item.id} .hashes=${a.evidence} readonly></tc-photo-evidence>` : nothing}`
          : html`<div class="extra">
            <label>
              <span class="sr-only">${t('item.note')}</span>
              <textarea rows="1" placeholder=${t('item.notePlaceholder')} .value=${a?.note ?? ''} @input=${this._onNote}></textarea>
            </label>
            ${autoNa ? nothing : this._photoPicker()}
          </div>
          ${a?.evidence?.length ? html`<tc-photo-evidence .itemId=${item.id} .hashes=${a.evidence} @photo-remove=${this._onPhotoRemoved}></tc-photo-evidence>` : nothing}
          ${
            this._removed
              ? html`<div class="warnline" role="status" data-photo-undo>${t('item.photoRemoved')}
                <button data-action="undo-photo" @click=${this._undoRemove}>${t('item.photoUndo')}</button></div>`
              : nothing
          }
          ${this.unsavedPhotos ? html`<div class="warnline bad" role="alert" data-photo-unsaved=${this.unsavedPhotos}>${cameraIcon} ${t('item.photoUnsaved', { n: this.unsavedPhotos })}</div>` : nothing}`
      }
    </article>`;
  }

  /** Two copies gave this part different answers: every candidate side by side, with who and when; one tap picks. */
  private _conflict(c: ItemConflict) {
    const isNote = c.path.endsWith('/note');
    return html`<div class="conflict" role="group" data-conflict=${c.path} aria-label=${t('conflict.title')}>
      <strong>${isNote ? t('conflict.note') : t('conflict.title')}</strong>
      <div class="cands">
        ${c.candidates.map(
          (
            cand,
            i,
          ) => html`<button data-candidate=${i} ?disabled=${this.readonly} @click=${() => this._resolve(c.path, i)}>
            <span>${this._candidateText(cand.value, isNote)}</span>
            <span class="muted">${[cand.by, cand.at ? formatDateTime(cand.at) : ''].filter(Boolean).join(' · ')}</span>
          </button>`,
        )}
      </div>
    </div>`;
  }

  private _candidateText(v: unknown, isNote: boolean): string {
    if (v === undefined) return t('conflict.cleared');
    if (isNote) return String(v);
    const d = v as { value?: string | number; na?: boolean; unassessed?: string };
    if (d.na) return t('item.na');
    if (d.unassessed !== undefined) return `${t('item.unassessed')}: ${d.unassessed}`;
    return d.value === undefined ? '' : valueText(this.item.response, d.value);
  }

  private _resolve(path: string, index: number) {
    const detail: ConflictResolveDetail = { itemId: this.item.id, path, index };
    this.dispatchEvent(new CustomEvent('conflict-resolve', { detail, bubbles: true, composed: true }));
  }

  private _points(r: ScoreResultItemResult) {
    if (r.status === 'na') return html`<span class="badge">${t('item.na')}</span>`;
    if (this.levels) {
      if (r.status !== 'answered') return nothing;
      if (r.met && beyondLevel(this.item, this.criterionLevel))
        return html`<span class="badge info" data-beyond>${t('level.beyond', { n: this.criterionLevel ?? '' })}</span>`;
      return html`<span class="badge ${r.met ? 'pass' : 'warn'}" data-met=${r.met ? 'yes' : 'no'}
        >${r.met ? t('level.elementMet') : t('level.elementNotMet')}</span
      >`;
    }
    if (r.status === 'unanswered' || r.status === 'unassessed')
      return html`<span class="badge">${t('item.maxPoints', { max: exactNum(r.max) })}</span>`;
    return html`<span class="badge ${r.met ? 'pass' : 'warn'}">${t('item.points', { points: exactNum(r.points), max: exactNum(r.max) })}</span>`;
  }

  private _reason(ro: boolean) {
    return html`<div class="reason">
      <label class="sr-only" for="reason">${t('item.unassessedReason')}</label>
      <input
        id="reason"
        placeholder=${t('item.unassessedReason')}
        .value=${this.answer?.unassessed ?? ''}
        ?disabled=${ro}
        @change=${this._onReason}
      />
    </div>`;
  }

  private _photoPicker() {
    return html`<div class="picker">
      <label class="btn add">
        ${cameraIcon} ${t('item.photoAdd')}
        <input type="file" accept="image/*" multiple ?disabled=${this._photo.busy} @change=${this._photo.onChange} />
      </label>
      <span class="privacy muted">${warnIcon} ${t('item.photoPrivacy')}</span>
      ${this._photo.error ? html`<span class="err" role="alert">${this._photo.error}</span>` : nothing}
    </div>`;
  }

  /** Whether the item's words are the official text, paraphrased, or drafted by us (plain words, per item). */
  private _wording() {
    const w = this.item.provenance?.wording ?? 'unverified';
    return html`<span class="badge" data-wording=${w} title=${t('item.wordingHint')}>${t(`item.wording.${w}`)}</span>`;
  }

  /**
   * The guidance, the ways to check, the citation and the sources, under a summary. What it holds is built when it
   * is first opened (issue 20: 29 of a card's 143 nodes, built for 47 cards on opening the view, most never read). A tap
   * on the summary builds it before the details open; `toggle` covers any other way it opens.
   */
  private _details() {
    const { item } = this;
    const sources = item.provenance?.sources ?? [];
    if (!item.guidance && !item.verification?.length && !item.citation && !sources.length) return nothing;
    return html`<details @toggle=${this._onDetailsToggle}>
      <summary @click=${this._openDetails}>${t('item.guidance')} · ${t('item.verification')} · ${t('item.citation')}</summary>
      ${this._detailsOpened ? this._detailsBody(sources) : nothing}
    </details>`;
  }

  private _detailsBody(sources: NonNullable<NonNullable<CriteriaSetItem['provenance']>['sources']>) {
    const { item } = this;
    return html`${item.guidance ? html`<p class="guidance">${loc(item.guidance)}</p>` : nothing}
      ${
        item.verification?.length
          ? html`<div class="chips">${item.verification.map((v) => html`<span class="badge info">${t(`ver.${v}`)}</span>`)}</div>`
          : nothing
      }
      ${
        item.citation
          ? html`<p class="muted">${t('item.citation')}: ${item.citation.document}${item.citation.article ? `, ${item.citation.article}` : ''}</p>`
          : nothing
      }
      ${sources.map(
        (src) =>
          html`<p class="muted source">${t('item.readIn')}: ${src.address}${src.excerpt ? html` — “${src.excerpt}”` : nothing}</p>`,
      )}`;
  }

  private _openDetails() {
    this._detailsOpened = true;
  }

  private _onDetailsToggle(e: Event) {
    if ((e.target as HTMLDetailsElement).open) this._detailsOpened = true;
  }

  /** A photo was unlinked: offer to put it back (its bytes stay stored until no assessment uses them). */
  private _onPhotoRemoved(e: CustomEvent<{ hash?: string }>) {
    this._removed = e.detail.hash;
    clearTimeout(this._undoTimer);
    this._undoTimer = setTimeout(() => (this._removed = undefined), 15_000);
  }

  private _undoRemove() {
    const hash = this._removed;
    this._removed = undefined;
    clearTimeout(this._undoTimer);
    const ev = this.answer?.evidence ?? [];
    if (hash && !ev.includes(hash)) this._emit({ evidence: [...ev, hash] });
  }

  private _onNote(e: Event) {
    this._emit({ note: (e.target as HTMLTextAreaElement).value || undefined });
  }

  private _onReason(e: Event) {
    const v = (e.target as HTMLInputElement).value.trim();
    this._emit({ unassessed: v || undefined });
    if (!v) this._showReason = false;
  }

  private _emit(patch: AnswerPatch) {
    const detail: AnswerChangeDetail = { itemId: this.item.id, patch };
    this.dispatchEvent(new CustomEvent('answer-change', { detail, bubbles: true, composed: true }));
  }
}

/** Whether two item results differ in anything the card shows. */
export function itemResultChanged(a: ScoreResultItemResult | undefined, b: ScoreResultItemResult | undefined): boolean {
  if (a === b) return false;
  if (!a || !b) return true;
  return (
    a.status !== b.status ||
    a.met !== b.met ||
    a.knockoutFailed !== b.knockoutFailed ||
    a.evidenceMissing !== b.evidenceMissing ||
    a.points.num !== b.points.num ||
    a.points.den !== b.points.den || // exact values are in lowest terms
    a.max.num !== b.max.num ||
    a.max.den !== b.max.den
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-item-card': TcItemCard;
  }
}
