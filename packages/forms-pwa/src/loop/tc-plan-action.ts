import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { vietnamToday } from '../core.js';
import { PhotoCaptureController } from '../controllers/photo-capture.js';
import { LocaleController, formatDate, t } from '../i18n.js';
import { lt } from './messages.js';
import { cameraIcon, stopIcon } from '../icons.js';
import { ACTION_STATUSES, type ActionPatch, type PlanAction } from './plan-model.js';
import { shared } from '../styles.js';
import '../fill/tc-photo-evidence.js';
import { exactNum } from '../numbers.js';

/** Detail of `action-change`. */
export interface ActionChangeDetail {
  actionId: string;
  patch: ActionPatch;
}

/**
 * One action of an improvement plan: the item and the problem seen, then the action, owner, due date
 * (dd/mm/yyyy), resources, status and photos proving it was done. Every edit fires at once; the plan view saves.
 *
 * @fires action-change - {@link ActionChangeDetail}
 * @fires photo-add - a completion photo, `itemId` = the action id (see `PhotoCaptureController`)
 * @fires photo-remove - from the thumbnails, `itemId` = the action id
 */
@customElement('tc-plan-action')
export class TcPlanAction extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .card { display: grid; gap: 10px; }
      .card.knockout { border-left: 6px solid var(--tc-red); }
      .card.s-done, .card.s-verified { border-color: #b9d8c9; }
      .head { display: flex; gap: 8px; justify-content: space-between; align-items: flex-start; flex-wrap: wrap; }
      .item { font-weight: 700; flex: 1 1 300px; overflow-wrap: anywhere; }
      .problem { white-space: pre-line; overflow-wrap: anywhere; margin: 0; }
      .fields { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px 12px; }
      .fields label span { display: block; font-size: 0.85em; color: var(--tc-muted); margin-bottom: 2px; }
      .fields input { width: 100%; }
      .wide { grid-column: 1 / -1; }
      .bottom { display: flex; flex-wrap: wrap; gap: 8px 16px; justify-content: space-between; }
      .status { display: flex; flex-wrap: wrap; gap: 6px; }
      .status button[aria-pressed='true'] { background: var(--tc-green); border-color: var(--tc-green); color: #fff; font-weight: 600; }
      .err { color: var(--tc-red); font-size: 0.85em; }
      .add { position: relative; overflow: hidden; }
      .add input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .foot { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
      @media (max-width: 700px) { .fields { grid-template-columns: 1fr; } }
    `,
  ];

  /** The action to edit. */
  @property({ attribute: false }) action!: PlanAction;
  /** The item's code and text, as shown in the form. */
  @property() itemLabel = '';
  /** The item's Vietnamese text: core's proposal starts the problem with it, which the card already shows. */
  @property() itemText = '';
  /** The due date as typed, when it is not a valid dd/mm/yyyy date yet. */
  private readonly _photo = new PhotoCaptureController(this, () => this.action.id);

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const a = this.action;
    const problem =
      a.problem && this.itemText && a.problem.startsWith(this.itemText)
        ? a.problem.slice(this.itemText.length).replace(/^\s*—\s*/, '')
        : a.problem;
    return html`<article class="card s-${a.status} ${a.knockout ? 'knockout' : ''}" data-action-id=${a.id} data-status=${a.status}>
      <div class="head">
        <div class="item">${this.itemLabel}</div>
        <div class="row">
          ${a.knockout ? html`<span class="badge fail">${stopIcon} ${t('item.knockout')}</span>` : nothing}
          ${overdue(a) ? html`<span class="badge fail" data-overdue>${t('plan.overdue', { date: formatDate(a.due) })}</span>` : nothing}
          ${a.pointsToGain ? html`<span class="badge info" data-gain>${lt('plan.gain', { points: exactNum(a.pointsToGain) })}</span>` : nothing}
        </div>
      </div>
      ${problem ? html`<p class="problem muted"><strong>${lt('plan.problem')}:</strong> ${problem}</p>` : nothing}
      <div class="fields">
        <label class="wide"><span>${lt('plan.action')}</span>
          <textarea rows="2" name="action" .value=${a.action ?? ''} @input=${(e: Event) => this._emit({ action: val(e) })}></textarea>
        </label>
        <label><span>${lt('plan.owner')}</span><input name="owner" .value=${a.owner ?? ''} @input=${(e: Event) => this._emit({ owner: val(e) })} /></label>
        <label><span>${lt('plan.due')}</span>
          <input name="due" type="date" .value=${a.due ?? ''} @change=${this._onDue} />
          ${a.due ? html`<span class="muted" data-due-text>${formatDate(a.due)}</span>` : nothing}
        </label>
        <label><span>${lt('plan.resources')}</span><input name="resources" .value=${a.resources ?? ''} @input=${(e: Event) => this._emit({ resources: val(e) })} /></label>
      </div>
      <div class="bottom">
      <div class="status" role="group" aria-label=${lt('plan.status')}>
        ${ACTION_STATUSES.map(
          (s) =>
            html`<button data-status=${s} aria-pressed=${a.status === s ? 'true' : 'false'} @click=${() => this._emit({ status: s })}>${t(`ps.${s}`)}</button>`,
        )}
        </div>
        <div class="foot">
        <label class="btn add">${cameraIcon} ${lt('plan.evidence')}
          <input type="file" accept="image/*" multiple ?disabled=${this._photo.busy} @change=${this._photo.onChange} />
        </label>
        ${this._photo.error ? html`<span class="err" role="alert">${this._photo.error}</span>` : nothing}
      </div>
      </div>
      ${a.completionEvidence?.length ? html`<tc-photo-evidence .itemId=${a.id} .hashes=${a.completionEvidence}></tc-photo-evidence>` : nothing}
    </article>`;
  }

  /** A date picker gives `yyyy-mm-dd` (or nothing when cleared): stored as is. */
  private _onDue(e: Event) {
    const v = val(e).trim();
    this._emit({ due: /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined });
  }

  private _emit(patch: ActionPatch) {
    const detail: ActionChangeDetail = { actionId: this.action.id, patch };
    this.dispatchEvent(new CustomEvent('action-change', { detail, bubbles: true, composed: true }));
  }
}

const val = (e: Event): string => (e.target as HTMLInputElement | HTMLTextAreaElement).value;

/** Whether an action is past its due day (Vietnam time) and not done yet. */
export function overdue(a: Pick<PlanAction, 'due' | 'status'>, today = vietnamToday()): boolean {
  return !!a.due && a.due < today && (a.status === 'planned' || a.status === 'in-progress' || a.status === undefined);
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-plan-action': TcPlanAction;
  }
}
