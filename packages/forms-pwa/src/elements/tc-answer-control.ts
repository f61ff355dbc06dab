import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AssessmentAnswer, CriteriaSetItem } from '../core.js';
import { LocaleController, loc, t } from '../i18n.js';
import { shared } from '../styles.js';
import type { AnswerPatch } from '../model/assessment.js';

/** Detail of `answer-change`: the changed fields of one item's answer (`undefined` removes a field). */
export type AnswerChangeDetail = { itemId: string; patch: AnswerPatch };

/**
 * The answer control for one item's response kind: binary, graded, choice or numeric, plus N/A where
 * allowed. Buttons are at least 44 px; the chosen one has `aria-pressed="true"`.
 *
 * @fires answer-change - {@link AnswerChangeDetail}
 */
@customElement('tc-answer-control')
export class TcAnswerControl extends LitElement {
  static override styles = [
    shared,
    css`
      .opts { display: flex; flex-wrap: wrap; gap: 8px; }
      .opts.vertical { flex-direction: column; align-items: stretch; }
      .opts.vertical button { justify-content: space-between; text-align: left; }
      button[aria-pressed='true'] { font-weight: 700; border-width: 2px; }
      button.met[aria-pressed='true'] { background: var(--tc-green-bg); border-color: var(--tc-green); color: var(--tc-green); }
      button.not-met[aria-pressed='true'] { background: var(--tc-red-bg); border-color: var(--tc-red); color: var(--tc-red); }
      button.partial[aria-pressed='true'], button.opt[aria-pressed='true'] { background: #e6eefb; border-color: var(--tc-blue); color: var(--tc-blue); }
      button.na[aria-pressed='true'] { background: #eceef1; border-color: #6b7480; }
      button { min-width: 88px; }
      .num { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .num input { width: 10ch; }
      .pts { font-size: 0.85em; color: var(--tc-muted); }
    `,
  ];

  /** The item whose response kind decides the control. */
  @property({ attribute: false }) item!: CriteriaSetItem;
  /** The current answer, if any. */
  @property({ attribute: false }) answer: AssessmentAnswer | undefined;
  /** Disables every control (a locked assessment). */
  @property({ type: Boolean }) readonly = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const r = this.item.response;
    const a = this.answer;
    const na = this.item.naAllowed
      ? html`<button class="na" aria-pressed=${String(!!a?.na)} ?disabled=${this.readonly} @click=${this._onNa}>
          ${t('item.na')}
        </button>`
      : nothing;
    switch (r.kind) {
      case 'binary':
      case 'graded': {
        const values = r.kind === 'binary' ? (['met', 'not-met'] as const) : (['met', 'partial', 'not-met'] as const);
        return html`<div class="opts" role="group" aria-label=${loc(this.item.text).slice(0, 80)}>
          ${values.map((v) => this._button(v, t(`ans.${v}`), v))} ${na}
        </div>`;
      }
      case 'choice':
        return html`<div class="opts vertical" role="group">
          ${r.options.map((o) =>
            this._button(o.id, html`<span>${loc(o.label)}</span><span class="pts">${o.points}</span>`, 'opt'),
          )}
          ${na}
        </div>`;
      case 'numeric':
        return html`<div class="num">
          <label>
            <span class="sr-only">${t('ans.number')}</span>
            <input
              type="number"
              inputmode="decimal"
              step="any"
              min=${r.min ?? nothing}
              max=${r.max ?? nothing}
              .value=${typeof a?.value === 'number' ? String(a.value) : ''}
              ?disabled=${this.readonly}
              @change=${this._onNumber}
            />
          </label>
          <span>${loc(r.unit)}</span>
          ${na}
        </div>`;
    }
  }

  private _button(value: string, label: unknown, cls: string) {
    const pressed = this.answer?.value === value;
    return html`<button
      class=${cls}
      data-value=${value}
      aria-pressed=${String(pressed)}
      ?disabled=${this.readonly}
      @click=${() => this._emit(pressed ? { value: undefined } : { value })}
    >
      ${label}
    </button>`;
  }

  private _onNa() {
    this._emit(this.answer?.na ? { na: undefined } : { na: true });
  }

  private _onNumber(e: Event) {
    const input = e.target as HTMLInputElement;
    const n = input.value === '' ? undefined : Number(input.value);
    this._emit({ value: n !== undefined && Number.isFinite(n) ? n : undefined });
  }

  private _emit(patch: AnswerPatch) {
    const detail: AnswerChangeDetail = { itemId: this.item.id, patch };
    this.dispatchEvent(new CustomEvent('answer-change', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-answer-control': TcAnswerControl;
  }
}
