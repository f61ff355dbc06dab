import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatLocaleNumber, parseLocaleNumber, type CriteriaSetItem } from '../core.js';
import { LocaleController, loc, locale, t } from '../i18n.js';
import { lt } from './messages.js';
import { shared } from '../styles.js';
import { otherChoices, type AgreedAnswer } from './agreed.js';
import { answerLabel } from './labels.js';

/** What `agreed-change` carries: the item and its agreed answer (`undefined`: not agreed any more). */
export interface AgreedChange {
  itemId: string;
  choice: AgreedAnswer | undefined;
}

/** An answer value in words: an option's label, met / partial / not met, or the number as people write it. */
export function answerWords(item: CriteriaSetItem | undefined, value: string | number | undefined): string {
  if (typeof value === 'number') return formatLocaleNumber(value, locale());
  const r = item?.response;
  if (r?.kind === 'choice') {
    const o = r.options.find((x) => x.id === value);
    if (o) return loc(o.label);
  }
  return answerLabel(value);
}

/**
 * One differing item's agreed answer: the self-assessment's, the inspection's, or another (a category from the
 * item's own list, or a typed number), with an optional note. Says nothing to storage itself.
 *
 * @fires agreed-change - {@link AgreedChange} on every change
 */
@customElement('tc-agreed-choice')
export class TcAgreedChoice extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 2px; }
      legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
      label.opt { display: flex; align-items: center; gap: 6px; min-height: 44px; cursor: pointer; }
      label.opt input { width: 22px; height: 22px; margin: 0; accent-color: var(--tc-green); }
      select, input[type='text'], textarea { width: 100%; min-height: 44px; }
      textarea { min-height: 56px; }
      .err { color: var(--tc-red); font-size: 0.9em; }
      button.clear { min-height: 44px; }
      @media print {
        label.opt:not(.on), button.clear, select, input[type='text'] { display: none; }
        label.opt input { display: none; }
        textarea { border: 0; resize: none; }
      }
    `,
  ];

  /** The item's id. */
  @property() itemId = '';
  /** The item (for its categories and their words). */
  @property({ attribute: false }) item: CriteriaSetItem | undefined;
  /** The current agreed answer, if any. */
  @property({ attribute: false }) choice: AgreedAnswer | undefined;
  /** No changes (a print, or a view that only shows it). */
  @property({ type: Boolean }) readonly = false;

  @state() private _bad = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const c = this.choice;
    const name = `agreed-${this.itemId}`;
    const radio = (from: AgreedAnswer['from'], label: string) =>
      html`<label class="opt ${c?.from === from ? 'on' : ''}"><input type="radio" name=${name} value=${from} data-agreed-from=${from} .checked=${c?.from === from} ?disabled=${this.readonly} @change=${() => this._pick(from)} />${label}</label>`;
    return html`<fieldset data-agreed=${c?.from ?? ''}>
      <legend>${lt('rec.agreed')}</legend>
      ${radio('self', lt('rec.agreedSelf'))} ${radio('inspection', lt('rec.agreedInspection'))} ${radio('other', lt('rec.agreedOther'))}
      ${c?.from === 'other' ? this._other(c) : nothing}
      ${
        c
          ? html`<label class="muted">${lt('rec.agreedNote')}
              <textarea data-agreed-note .value=${c.note ?? ''} ?readonly=${this.readonly} @change=${(e: Event) => this._note((e.target as HTMLTextAreaElement).value)}></textarea></label>
            ${this.readonly ? nothing : html`<button class="clear" data-agreed-clear @click=${() => this._emit(undefined)}>${lt('rec.agreedClear')}</button>`}`
          : html`<span class="muted" data-agreed-undecided>${lt('rec.agreedUndecided')}</span>`
      }
    </fieldset>`;
  }

  private _other(c: AgreedAnswer) {
    const choices = otherChoices(this.item);
    const naAllowed = this.item?.naAllowed === true;
    if (choices.length || naAllowed) {
      const current = c.na ? 'na' : c.value === undefined ? '' : String(c.value);
      return html`<label>${lt('rec.agreedOtherPick')}
        <select data-agreed-value ?disabled=${this.readonly} @change=${(e: Event) => this._otherValue((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${current === ''}>—</option>
          ${choices.map((v) => html`<option value=${v} ?selected=${current === v}>${answerWords(this.item, v)}</option>`)}
          ${naAllowed ? html`<option value="na" ?selected=${current === 'na'}>${t('item.na')}</option>` : nothing}
        </select></label>`;
    }
    const shown = typeof c.value === 'number' ? formatLocaleNumber(c.value, locale()) : '';
    return html`<label>${lt('rec.agreedOtherNumber')}
      <input type="text" inputmode="decimal" data-agreed-value .value=${shown} ?readonly=${this.readonly} aria-invalid=${this._bad ? 'true' : 'false'} @change=${(e: Event) => this._number((e.target as HTMLInputElement).value)} /></label>
      ${this._bad ? html`<span class="err" role="alert">${lt('rec.agreedNumberBad')}</span>` : nothing}`;
  }

  private _pick(from: AgreedAnswer['from']) {
    const note = this.choice?.note;
    this._emit({ from, ...(note ? { note } : {}) });
  }

  private _otherValue(v: string) {
    const note = this.choice?.note;
    const base: AgreedAnswer = { from: 'other', ...(note ? { note } : {}) };
    this._emit(v === 'na' ? { ...base, na: true } : v === '' ? base : { ...base, value: v });
  }

  private _number(text: string) {
    const p = parseLocaleNumber(text, locale());
    const note = this.choice?.note;
    const base: AgreedAnswer = { from: 'other', ...(note ? { note } : {}) };
    if (p.kind === 'empty') {
      this._bad = false;
      this._emit(base);
    } else if (p.kind === 'number') {
      this._bad = false;
      this._emit({ ...base, value: p.value });
    } else this._bad = true;
  }

  private _note(text: string) {
    if (!this.choice) return;
    const { note: _old, ...rest } = this.choice;
    this._emit(text.trim() ? { ...rest, note: text } : rest);
  }

  private _emit(choice: AgreedAnswer | undefined) {
    const detail: AgreedChange = { itemId: this.itemId, choice };
    this.dispatchEvent(new CustomEvent('agreed-change', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-agreed-choice': TcAgreedChoice;
  }
}
