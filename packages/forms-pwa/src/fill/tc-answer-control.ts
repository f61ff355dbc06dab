import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  decimalPlaces,
  formatLocaleNumber,
  parseLocaleNumber,
  type AssessmentAnswer,
  type CriteriaSetItem,
} from '../core.js';
import { controlFor, type NumberSpec } from '../kinds/controls.js';
import { LocaleController, loc, locale, t } from '../i18n.js';
import { flushPendingEdits, holdEdit } from '../state/pending-edits.js';
import type { AnswerPatch } from '../model/assessment.js';

/** What a typed number means for an item: a patch to store, an error, what was understood, or two readings. */
interface NumberReading {
  patch?: AnswerPatch;
  error?: string;
  echo?: string;
  ambiguous?: [number, number];
}

/** How long typing must pause before a number is saved. */
export const NUMBER_DEBOUNCE_MS = 500;

/** Detail of `answer-change`: the changed fields of one item's answer (`undefined` removes a field). */
export type AnswerChangeDetail = { itemId: string; patch: AnswerPatch };

/**
 * The answer control's styles. It renders into its card's shadow root (no shadow root of its own: 47 fewer
 * shadow roots to style on the 1300 form, issue 20), so the card adopts these next to `shared`; every rule is
 * scoped to `tc-answer-control`.
 */
export const answerControlStyles = css`
  tc-answer-control .opts { display: flex; flex-wrap: wrap; gap: 8px; }
  tc-answer-control .opts.vertical { flex-direction: column; align-items: stretch; }
  tc-answer-control .opts.vertical button { justify-content: space-between; text-align: left; }
  tc-answer-control button[aria-pressed='true'] { font-weight: 700; border-width: 2px; }
  tc-answer-control button.met[aria-pressed='true'] { background: var(--tc-green-bg); border-color: var(--tc-green); color: var(--tc-green); }
  tc-answer-control button.not-met[aria-pressed='true'] { background: var(--tc-red-bg); border-color: var(--tc-red); color: var(--tc-red); }
  tc-answer-control button.partial[aria-pressed='true'], tc-answer-control button.opt[aria-pressed='true'] { background: #e6eefb; border-color: var(--tc-blue); color: var(--tc-blue); }
  tc-answer-control button.na[aria-pressed='true'] { background: #eceef1; border-color: #6b7480; }
  tc-answer-control button { min-width: 88px; }
  tc-answer-control .num { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  tc-answer-control .num input { width: 10ch; }
  tc-answer-control .pts { font-size: 0.85em; color: var(--tc-muted); }
  tc-answer-control #num-msg p { margin: 4px 0 0; }
  tc-answer-control .num-err { color: var(--tc-red); font-weight: 600; }
  tc-answer-control input[aria-invalid='true'] { border-color: var(--tc-red); border-width: 2px; }
  tc-answer-control .ask { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 6px; }
`;

/**
 * The answer control for one item: the buttons or the number field its response kind asks for (each kind's
 * entry in `src/kinds/controls.ts`), plus N/A where allowed. Buttons are at least 44 px; the chosen one has
 * `aria-pressed="true"`. A number field reads numbers as people type them (decimal comma by locale).
 *
 * @fires answer-change - {@link AnswerChangeDetail}
 */
@customElement('tc-answer-control')
export class TcAnswerControl extends LitElement {
  /** No shadow root: the control renders into its card's (see {@link answerControlStyles}). */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The item whose response kind decides the control. */
  @property({ attribute: false }) item!: CriteriaSetItem;
  /** The current answer, if any. */
  @property({ attribute: false }) answer: AssessmentAnswer | undefined;
  /** Disables every control (a locked assessment). */
  @property({ type: Boolean }) readonly = false;

  /** The number being typed, while it differs from the stored value (undefined: show the stored one). */
  @state() private _text: string | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _release: (() => void) | undefined;

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
    const c = controlFor(r);
    if ('number' in c) return this._numeric(c.number, a, na);
    return html`<div class="opts ${c.vertical ? 'vertical' : ''}" role="group" aria-label=${loc(this.item.text).slice(0, 80)}>
      ${c.buttons.map((b) => this._button(b.value, b.label, b.cls))} ${na}
    </div>`;
  }

  /** The number field's rules for this item (from its kind's entry). */
  private _spec(): NumberSpec {
    const c = controlFor(this.item.response);
    return 'number' in c ? c.number : { min: -Infinity };
  }

  /** What a typed text means for this item: the patch to store, or why not (in the user's language). */
  private _read(text: string, r: NumberSpec): NumberReading {
    const l = locale();
    const p = parseLocaleNumber(text, l);
    if (p.kind === 'empty') return { patch: { value: undefined } };
    if (p.kind === 'invalid') return { error: t('ans.numInvalid', { text: text.trim() }) };
    if (p.kind === 'ambiguous') return { ambiguous: p.readings };
    return this._check(p.value, r);
  }

  private _check(value: number, r: NumberSpec): NumberReading {
    const { min, max } = r;
    const l = locale();
    const f = (n: number) => formatLocaleNumber(n, l);
    if (value < min || (max !== undefined && value > max))
      return {
        error:
          max === undefined
            ? t('ans.numMin', { value: f(value), min: f(min) })
            : t('ans.numRange', { value: f(value), min: f(min), max: f(max) }),
      };
    if (r.decimals !== undefined && decimalPlaces(value) > r.decimals)
      return {
        error:
          r.decimals === 0
            ? t('ans.numWhole', { value: f(value) })
            : t('ans.numDecimals', { value: f(value), n: r.decimals }),
      };
    return { patch: { value }, echo: `${f(value)}${r.unit ? ` ${loc(r.unit)}` : ''}` };
  }

  private _numeric(r: NumberSpec, a: AssessmentAnswer | undefined, na: unknown) {
    const l = locale();
    const storedText =
      typeof a?.value === 'number' ? formatLocaleNumber(a.value, l) : a?.value === undefined ? '' : String(a.value);
    const text = this._text ?? storedText;
    let st: NumberReading = {};
    if (this._text !== undefined) st = this._read(this._text, r);
    else if (a?.value !== undefined) {
      const c = typeof a.value === 'number' ? this._check(a.value, r) : { error: '' };
      // A stored value the item refuses (older version, another tab, an import): say so, ask for it again.
      st = c.error !== undefined ? { error: t('ans.numStored', { value: storedText }) } : c;
    }
    const { min, max } = r;
    return html`<div class="num">
        <label>
          <span class="sr-only">${t('ans.number')}</span>
          <input
            type="text"
            inputmode="decimal"
            autocomplete="off"
            data-number
            data-min=${Number.isFinite(min) ? min : nothing}
            data-max=${max ?? nothing}
            aria-invalid=${st.error !== undefined ? 'true' : 'false'}
            aria-describedby=${r.hint ? 'num-hint num-msg' : 'num-msg'}
            .value=${text}
            ?disabled=${this.readonly}
            @input=${(e: Event) => this._onNumberInput(e, r)}
            @change=${this._onNumberChange}
          />
        </label>
        <span>${loc(r.unit)}</span>
        ${na}
      </div>
      ${r.hint ? html`<p class="pts" id="num-hint" data-number-hint>${r.hint}</p>` : nothing}
      <div id="num-msg" aria-live="polite">
        ${st.error !== undefined ? html`<p class="num-err" role="alert" data-number-error>${st.error}</p>` : nothing}
        ${st.echo && this._text !== undefined ? html`<p class="pts" data-number-echo>${t('ans.numUnderstood', { value: st.echo })}</p>` : nothing}
        ${
          st.ambiguous
            ? html`<div class="ask" role="group" data-number-ambiguous>
              <span>${t('ans.numAmbiguous', { text: (this._text ?? '').trim() })}</span>
              <button data-reading="0" @click=${() => this._choose(st.ambiguous![0], r)}>${t('ans.numThousands', { value: formatLocaleNumber(st.ambiguous[0], l) })}</button>
              <button data-reading="1" @click=${() => this._choose(st.ambiguous![1], r)}>${t('ans.numDecimal', { value: formatLocaleNumber(st.ambiguous[1], l) })}</button>
            </div>`
            : nothing
        }
      </div>`;
  }

  private _onNumberInput(e: Event, r: NumberSpec) {
    this._text = (e.target as HTMLInputElement).value;
    const st = this._read(this._text, r);
    this._cancelPending();
    if (!st.patch) return; // nothing is stored while the text is refused or ambiguous
    const same = st.patch.value === this.answer?.value;
    if (same) return;
    const patch = st.patch;
    // Saved as typed, once typing pauses (like notes, but without a write per key).
    const send = () => {
      this._cancelPending();
      this._emit(patch);
    };
    this._timer = setTimeout(send, NUMBER_DEBOUNCE_MS);
    this._release = holdEdit(send);
  }

  /** Leaving the field sends what was typed at once, and shows it in the user's format. */
  private _onNumberChange() {
    const r = this._spec();
    if (this._text === undefined) return;
    const st = this._read(this._text, r);
    if (this._release) {
      flushPendingEdits();
    }
    if (st.patch) this._text = undefined;
  }

  private _choose(value: number, r: NumberSpec) {
    const st = this._check(value, r);
    if (!st.patch) {
      this._text = formatLocaleNumber(value, locale());
      return;
    }
    this._cancelPending();
    this._text = undefined;
    this._emit(st.patch);
  }

  private _cancelPending() {
    clearTimeout(this._timer);
    this._timer = undefined;
    this._release?.();
    this._release = undefined;
  }

  override disconnectedCallback() {
    // A field going away (another section, another view) sends what was typed first.
    if (this._release) flushPendingEdits();
    super.disconnectedCallback();
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
