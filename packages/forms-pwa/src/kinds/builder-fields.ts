/**
 * Each answer kind in the builder (ADR 0011): its name in the kind list, a fresh response with sensible points,
 * and the fields that edit it. One entry per response kind, typed by core's kind union, so a kind added to the
 * schema without an entry here does not compile (recipe: packages/core/CONTEXT.md, "Adding an answer kind").
 * Apart from `controls.ts` so that the fill view does not load the builder.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ResponseKind, ResponseOf } from '../core.js';
import { bt, type BuilderMessageKey } from '../builder/messages.js';
import { errors, fid, locField, numberField, textField, type FieldCtx } from '../builder/fields.js';
import { ptr } from '../builder/pointer.js';
import { problemsAt } from '../builder/problems.js';
import { downIcon, removeIcon, upIcon } from '../builder/icons.js';

/** What the builder knows about one answer kind. */
export interface BuilderKind<K extends ResponseKind> {
  /** The message naming the kind in the kind list. */
  readonly label: BuilderMessageKey;
  /** A fresh response of the kind, for the author to adjust. */
  fresh(): ResponseOf<K>;
  /** The fields editing response `r` at JSON Pointer `p` (the response's own pointer). */
  fields(ctx: FieldCtx, r: ResponseOf<K>, p: string): TemplateResult;
}

function choiceOptions(ctx: FieldCtx, r: ResponseOf<'choice'>, rp: string): TemplateResult {
  const p = ptr(rp, 'options');
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
  return html`${errors([...problemsAt(ctx.problems, p)], `${fid(p)}-err`)}
    ${r.options.map(
      (o, i) => html`<div class="entry" data-option=${i}>
        <div class="entry-head">
          <strong>${bt('b.option')} ${i + 1}</strong>
          <div class="toolbar">
            <button class="icon-btn" aria-label=${bt('b.moveUp', { name: `${bt('b.option')} ${i + 1}` })} ?disabled=${i === 0} @click=${() => move(i, -1)}>${upIcon}</button>
            <button class="icon-btn" aria-label=${bt('b.moveDown', { name: `${bt('b.option')} ${i + 1}` })} ?disabled=${i === r.options.length - 1} @click=${() => move(i, 1)}>${downIcon}</button>
            <button class="icon-btn danger" aria-label=${bt('b.remove', { name: `${bt('b.option')} ${i + 1}` })} @click=${() => ctx.emit(ptr(p, i), undefined)}>${removeIcon}</button>
          </div>
        </div>
        <div class="grid2">
          ${textField(ctx, bt('b.id'), ptr(p, i, 'id'), o.id)}
          ${numberField(ctx, bt('b.points'), ptr(p, i, 'points'), o.points)}
        </div>
        ${locField(ctx, bt('b.label'), ptr(p, i, 'label'), o.label)}
      </div>`,
    )}
    <div><button @click=${add} data-action="add-option">+ ${bt('b.option')}</button></div>`;
}

function numericBands(ctx: FieldCtx, r: ResponseOf<'numeric'>, p: string): TemplateResult {
  const bp = ptr(p, 'bands');
  const last = r.bands[r.bands.length - 1];
  return html`${locField(ctx, bt('b.unit'), ptr(p, 'unit'), r.unit, { optional: true })}
    <div class="grid2">
      ${numberField(ctx, bt('b.min'), ptr(p, 'min'), r.min, { optional: true })}
      ${numberField(ctx, bt('b.max'), ptr(p, 'max'), r.max, { optional: true })}
    </div>
    ${numberField(ctx, bt('b.decimals'), ptr(p, 'decimals'), r.decimals, { optional: true })}
    <p class="muted">${bt('b.bandsHint')}</p>
    ${errors([...problemsAt(ctx.problems, bp)], `${fid(bp)}-err`)}
    ${r.bands.map(
      (b, i) => html`<div class="entry" data-band=${i}>
        <div class="entry-head">
          <strong>${bt('b.band')} ${i + 1}</strong>
          <button class="icon-btn danger" aria-label=${bt('b.remove', { name: `${bt('b.band')} ${i + 1}` })} @click=${() => ctx.emit(ptr(bp, i), undefined)}>${removeIcon}</button>
        </div>
        <div class="grid2">
          ${numberField(ctx, bt('b.bandFrom'), ptr(bp, i, 'min'), b.min)}
          ${numberField(ctx, bt('b.points'), ptr(bp, i, 'points'), b.points)}
        </div>
        ${locField(ctx, bt('b.label'), ptr(bp, i, 'label'), b.label, { optional: true })}
      </div>`,
    )}
    <div><button @click=${() => ctx.emit(bp, [...r.bands, { min: (last?.min ?? -1) + 1, points: 0 }])} data-action="add-band">+ ${bt('b.band')}</button></div>
    ${nothing}`;
}

/** Every answer kind's builder entry, by kind (the mapped type makes a missing kind a compile error). */
export const BUILDER_KINDS: { readonly [K in ResponseKind]: BuilderKind<K> } = {
  binary: {
    label: 'b.resp.binary',
    fresh: () => ({ kind: 'binary', points: 1 }),
    fields: (ctx, r, p) =>
      numberField(ctx, bt('b.points'), ptr(p, 'points'), r.points, { optional: true, attr: 'points' }),
  },
  graded: {
    label: 'b.resp.graded',
    fresh: () => ({ kind: 'graded', points: 2, partialPoints: 1 }),
    fields: (ctx, r, p) => html`<div class="grid2">
      ${numberField(ctx, bt('b.points'), ptr(p, 'points'), r.points, { attr: 'points' })}
      ${numberField(ctx, bt('b.partialPoints'), ptr(p, 'partialPoints'), r.partialPoints, { attr: 'partial-points' })}
    </div>`,
  },
  choice: {
    label: 'b.resp.choice',
    fresh: () => ({
      kind: 'choice',
      options: [
        { id: 'yes', label: { vi: 'Có', en: 'Yes' }, points: 1 },
        { id: 'no', label: { vi: 'Không', en: 'No' }, points: 0 },
      ],
    }),
    fields: choiceOptions,
  },
  numeric: {
    label: 'b.resp.numeric',
    fresh: () => ({
      kind: 'numeric',
      bands: [
        { min: 0, points: 0 },
        { min: 1, points: 1 },
      ],
    }),
    fields: numericBands,
  },
  count: {
    label: 'b.resp.count',
    fresh: () => ({ kind: 'count', target: 1, comparison: 'at-least', points: 1 }),
    fields: (ctx, r, p) => html`<div class="grid2">
        ${numberField(ctx, bt('b.target'), ptr(p, 'target'), r.target, { attr: 'target' })}
        ${numberField(ctx, bt('b.points'), ptr(p, 'points'), r.points, { attr: 'points' })}
      </div>
      ${locField(ctx, bt('b.unit'), ptr(p, 'unit'), r.unit, { optional: true })}`,
  },
};

/** The response kinds in the order the kind list shows them. */
export const BUILDER_KIND_ORDER = Object.keys(BUILDER_KINDS) as ResponseKind[];

/** The builder entry of a response kind (typed loosely: the caller passes the response it came from). */
export const builderKind = (kind: ResponseKind): BuilderKind<ResponseKind> =>
  BUILDER_KINDS[kind] as unknown as BuilderKind<ResponseKind>;
