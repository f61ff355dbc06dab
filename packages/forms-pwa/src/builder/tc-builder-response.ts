import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSetItem } from '../core.js';
import { LocaleController, t } from '../i18n.js';
import { editEvent, errors, fid, locField, numberField, selectField, textField, type FieldCtx } from './fields.js';
import { ptr } from './pointer.js';
import { problemsAt, type ProblemIndex } from './problems.js';
import { downIcon, removeIcon, upIcon } from './icons.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';

type Response = CriteriaSetItem['response'];

/** A fresh response of a kind, with sensible points, for the author to adjust. */
export function defaultResponse(kind: Response['kind']): Response {
  switch (kind) {
    case 'binary':
      return { kind, points: 1 };
    case 'graded':
      return { kind, points: 2, partialPoints: 1 };
    case 'choice':
      return {
        kind,
        options: [
          { id: 'yes', label: { vi: 'Có', en: 'Yes' }, points: 1 },
          { id: 'no', label: { vi: 'Không', en: 'No' }, points: 0 },
        ],
      };
    case 'numeric':
      return {
        kind,
        bands: [
          { min: 0, points: 0 },
          { min: 1, points: 1 },
        ],
      };
  }
}

/**
 * The response of one item: its kind, and the points, options (with points) or numeric bands that go with it.
 * Changing the kind replaces the response with that kind's defaults.
 *
 * @fires builder-edit - `{ pointer, value }` for every change
 */
@customElement('tc-builder-response')
export class TcBuilderResponse extends LitElement {
  static override styles = [shared, builderStyles, css`:host { display: block; }`];

  /** The response being edited. */
  @property({ attribute: false }) response!: Response;
  /** Its JSON Pointer in the set. */
  @property() pointer = '';
  /** core's problems by field pointer. */
  @property({ attribute: false }) problems: ProblemIndex = new Map();

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const r = this.response;
    const p = this.pointer;
    const ctx: FieldCtx = {
      problems: this.problems,
      emit: (pointer, value) => this.dispatchEvent(editEvent(pointer, value)),
    };
    const kinds = (['binary', 'graded', 'choice', 'numeric'] as const).map((k) => [k, t(`b.resp.${k}`)] as const);
    return html`<fieldset class="stack" data-pointer=${p}>
      <legend>${t('b.response')}</legend>
      ${selectField(ctx, t('b.responseKind'), ptr(p, 'kind'), r.kind, kinds, {
        attr: 'response-kind',
        onChange: (k) => k && k !== r.kind && ctx.emit(p, defaultResponse(k as Response['kind'])),
      })}
      ${errors(problemsAt(this.problems, p), `${fid(p)}-err`)}
      ${
        r.kind === 'binary'
          ? numberField(ctx, t('b.points'), ptr(p, 'points'), r.points, { optional: true, attr: 'points' })
          : r.kind === 'graded'
            ? html`<div class="grid2">
              ${numberField(ctx, t('b.points'), ptr(p, 'points'), r.points, { attr: 'points' })}
              ${numberField(ctx, t('b.partialPoints'), ptr(p, 'partialPoints'), r.partialPoints, { attr: 'partial-points' })}
            </div>`
            : r.kind === 'choice'
              ? this._options(ctx, r)
              : this._bands(ctx, r)
      }
    </fieldset>`;
  }

  private _options(ctx: FieldCtx, r: Extract<Response, { kind: 'choice' }>) {
    const p = ptr(this.pointer, 'options');
    const move = (i: number, d: number) => {
      const next = [...r.options];
      const [o] = next.splice(i, 1);
      next.splice(i + d, 0, o!);
      ctx.emit(p, next);
    };
    const add = () => {
      const ids = new Set(r.options.map((o) => o.id));
      let n = r.options.length + 1;
      while (ids.has(`o${n}`)) n++;
      ctx.emit(p, [...r.options, { id: `o${n}`, label: { vi: '' }, points: 0 }]);
    };
    return html`${errors([...problemsAt(this.problems, p)], `${fid(p)}-err`)}
      ${r.options.map(
        (o, i) => html`<div class="entry" data-option=${i}>
          <div class="entry-head">
            <strong>${t('b.option')} ${i + 1}</strong>
            <div class="toolbar">
              <button class="icon-btn" aria-label=${t('b.moveUp', { name: `${t('b.option')} ${i + 1}` })} ?disabled=${i === 0} @click=${() => move(i, -1)}>${upIcon}</button>
              <button class="icon-btn" aria-label=${t('b.moveDown', { name: `${t('b.option')} ${i + 1}` })} ?disabled=${i === r.options.length - 1} @click=${() => move(i, 1)}>${downIcon}</button>
              <button class="icon-btn danger" aria-label=${t('b.remove', { name: `${t('b.option')} ${i + 1}` })} @click=${() => ctx.emit(ptr(p, i), undefined)}>${removeIcon}</button>
            </div>
          </div>
          <div class="grid2">
            ${textField(ctx, t('b.id'), ptr(p, i, 'id'), o.id)}
            ${numberField(ctx, t('b.points'), ptr(p, i, 'points'), o.points)}
          </div>
          ${locField(ctx, t('b.label'), ptr(p, i, 'label'), o.label)}
        </div>`,
      )}
      <div><button @click=${add} data-action="add-option">+ ${t('b.option')}</button></div>`;
  }

  private _bands(ctx: FieldCtx, r: Extract<Response, { kind: 'numeric' }>) {
    const p = this.pointer;
    const bp = ptr(p, 'bands');
    const last = r.bands[r.bands.length - 1];
    return html`${locField(ctx, t('b.unit'), ptr(p, 'unit'), r.unit, { optional: true })}
      <div class="grid2">
        ${numberField(ctx, t('b.min'), ptr(p, 'min'), r.min, { optional: true })}
        ${numberField(ctx, t('b.max'), ptr(p, 'max'), r.max, { optional: true })}
      </div>
      ${numberField(ctx, t('b.decimals'), ptr(p, 'decimals'), r.decimals, { optional: true })}
      <p class="muted">${t('b.bandsHint')}</p>
      ${errors([...problemsAt(this.problems, bp)], `${fid(bp)}-err`)}
      ${r.bands.map(
        (b, i) => html`<div class="entry" data-band=${i}>
          <div class="entry-head">
            <strong>${t('b.band')} ${i + 1}</strong>
            <button class="icon-btn danger" aria-label=${t('b.remove', { name: `${t('b.band')} ${i + 1}` })} @click=${() => ctx.emit(ptr(bp, i), undefined)}>${removeIcon}</button>
          </div>
          <div class="grid2">
            ${numberField(ctx, t('b.bandFrom'), ptr(bp, i, 'min'), b.min)}
            ${numberField(ctx, t('b.points'), ptr(bp, i, 'points'), b.points)}
          </div>
          ${locField(ctx, t('b.label'), ptr(bp, i, 'label'), b.label, { optional: true })}
        </div>`,
      )}
      <div><button @click=${() => ctx.emit(bp, [...r.bands, { min: (last?.min ?? -1) + 1, points: 0 }])} data-action="add-band">+ ${t('b.band')}</button></div>
      ${nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-response': TcBuilderResponse;
  }
}
