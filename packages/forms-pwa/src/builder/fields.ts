/**
 * Form fields of the builder as Lit templates: each is addressed by the JSON Pointer of the value it edits,
 * shows core's problems for that pointer right below it (`aria-invalid`, `aria-describedby`), and reports
 * every change at once through `emit(pointer, value)` — `undefined` removes an optional field. Text only:
 * values are bound as properties, never parsed as HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { loc, locale } from '../i18n.js';
import type { LocalizedText, Problem } from '../core.js';
import { problemsAt, type ProblemIndex } from './problems.js';
import { problemAtField, problemWords } from './problem-words.js';

export type Emit = (pointer: string, value: unknown) => void;

export interface FieldCtx {
  problems: ProblemIndex;
  emit: Emit;
  readonly?: boolean;
}

/** An id safe for an element from a pointer (unique within one shadow root). */
export const fid = (pointer: string): string =>
  `f${pointer.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

/** The problems of one field, in the current language. */
export function errors(list: readonly Problem[], id: string): TemplateResult | typeof nothing {
  if (!list.length) return nothing;
  return html`<ul class="field-err" id=${id} role="alert" data-field-error>
    ${list.map((p) => html`<li data-code=${p.code} title=${`${p.pointer} · ${p.code}`}>${problemAtField(problemWords(undefined, p, locale()))}</li>`)}
  </ul>`;
}

/** The errors of several pointers at once (for a group such as a LocalizedText). */
const at = (ctx: FieldCtx, ...pointers: string[]) => pointers.flatMap((p) => problemsAt(ctx.problems, p));

/** Reads a typed number: comma or point as decimal mark; text that is not a number is kept for validation to flag. */
export function readNumber(raw: string): number | string | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
}

/** A one-line text (or a textarea with `multiline`). `optional`: an empty value removes the field. */
export function textField(
  ctx: FieldCtx,
  label: string,
  pointer: string,
  value: string | undefined,
  o: { optional?: boolean; multiline?: boolean; placeholder?: string; attr?: string } = {},
): TemplateResult {
  const id = fid(pointer);
  const errs = at(ctx, pointer);
  const on = (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    ctx.emit(pointer, o.optional && v === '' ? undefined : v);
  };
  return html`<div class="field" data-pointer=${pointer}>
    <label for=${id}>${label}</label>
    ${
      o.multiline
        ? html`<textarea id=${id} rows="2" .value=${value ?? ''} placeholder=${o.placeholder ?? ''} aria-invalid=${errs.length ? 'true' : 'false'} aria-describedby=${errs.length ? `${id}-err` : nothing} ?disabled=${ctx.readonly} @input=${on} data-field=${o.attr ?? nothing}></textarea>`
        : html`<input id=${id} .value=${value ?? ''} placeholder=${o.placeholder ?? ''} aria-invalid=${errs.length ? 'true' : 'false'} aria-describedby=${errs.length ? `${id}-err` : nothing} ?disabled=${ctx.readonly} @input=${on} data-field=${o.attr ?? nothing} />`
    }
    ${errors(errs, `${id}-err`)}
  </div>`;
}

/** A number; `optional`: empty removes the field. */
export function numberField(
  ctx: FieldCtx,
  label: string,
  pointer: string,
  value: unknown,
  o: { optional?: boolean; attr?: string } = {},
): TemplateResult {
  const id = fid(pointer);
  const errs = at(ctx, pointer);
  const on = (e: Event) => {
    const v = readNumber((e.target as HTMLInputElement).value);
    ctx.emit(pointer, v === undefined && !o.optional ? '' : v);
  };
  return html`<div class="field num" data-pointer=${pointer}>
    <label for=${id}>${label}</label>
    <input id=${id} inputmode="decimal" .value=${value === undefined ? '' : String(value)} aria-invalid=${errs.length ? 'true' : 'false'} aria-describedby=${errs.length ? `${id}-err` : nothing} ?disabled=${ctx.readonly} @input=${on} data-field=${o.attr ?? nothing} />
    ${errors(errs, `${id}-err`)}
  </div>`;
}

/**
 * A Vietnamese / English text pair (LocalizedText). Vietnamese is required by the schema; an optional text
 * with both halves empty is removed.
 */
export function locField(
  ctx: FieldCtx,
  label: string,
  pointer: string,
  value: LocalizedText | undefined,
  o: { optional?: boolean; multiline?: boolean; attr?: string } = {},
): TemplateResult {
  const cur = value ?? { vi: '' };
  const put = (lang: 'vi' | 'en', v: string) => {
    const next: LocalizedText = { ...cur, [lang]: v };
    if (!next.en) delete next.en;
    ctx.emit(pointer, o.optional && !next.vi && !next.en ? undefined : next);
  };
  const one = (lang: 'vi' | 'en') => {
    const p = `${pointer}/${lang}`;
    const id = fid(p);
    const errs = at(ctx, p, ...(lang === 'vi' ? [pointer] : []));
    const on = (e: Event) => put(lang, (e.target as HTMLInputElement).value);
    const attrs = { invalid: errs.length ? 'true' : 'false', desc: errs.length ? `${id}-err` : undefined };
    return html`<div class="lang">
      <label for=${id}><span class="tag" lang=${lang}>${lang.toUpperCase()}</span><span class="sr-only">${label}</span></label>
      ${
        o.multiline
          ? html`<textarea id=${id} lang=${lang} rows="2" .value=${cur[lang] ?? ''} aria-invalid=${attrs.invalid} aria-describedby=${attrs.desc ?? nothing} ?disabled=${ctx.readonly} @input=${on} data-field=${o.attr ? `${o.attr}.${lang}` : nothing}></textarea>`
          : html`<input id=${id} lang=${lang} .value=${cur[lang] ?? ''} aria-invalid=${attrs.invalid} aria-describedby=${attrs.desc ?? nothing} ?disabled=${ctx.readonly} @input=${on} data-field=${o.attr ? `${o.attr}.${lang}` : nothing} />`
      }
      ${errors(errs, `${id}-err`)}
    </div>`;
  };
  return html`<fieldset class="field loc" data-pointer=${pointer}>
    <legend>${label}</legend>
    ${one('vi')} ${one('en')}
  </fieldset>`;
}

/** A select of fixed choices; `optional` adds an empty choice that removes the field. */
export function selectField(
  ctx: FieldCtx,
  label: string,
  pointer: string,
  value: string | undefined,
  choices: readonly (readonly [string, string])[],
  o: { optional?: boolean; attr?: string; onChange?: (v: string | undefined) => void } = {},
): TemplateResult {
  const id = fid(pointer);
  const errs = at(ctx, pointer);
  const on = (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    const out = v === '' && o.optional ? undefined : v;
    if (o.onChange) o.onChange(out);
    else ctx.emit(pointer, out);
  };
  return html`<div class="field" data-pointer=${pointer}>
    <label for=${id}>${label}</label>
    <select id=${id} aria-invalid=${errs.length ? 'true' : 'false'} aria-describedby=${errs.length ? `${id}-err` : nothing} ?disabled=${ctx.readonly} @change=${on} data-field=${o.attr ?? nothing}>
      ${o.optional ? html`<option value="" ?selected=${value === undefined}>—</option>` : nothing}
      ${choices.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select>
    ${errors(errs, `${id}-err`)}
  </div>`;
}

/** A yes/no switch; `false` removes the field (the schema's default). */
export function checkField(
  ctx: FieldCtx,
  label: string,
  pointer: string,
  value: boolean | undefined,
  attr?: string,
): TemplateResult {
  const id = fid(pointer);
  const errs = at(ctx, pointer);
  return html`<div class="field check" data-pointer=${pointer}>
    <input type="checkbox" id=${id} .checked=${!!value} ?disabled=${ctx.readonly} @change=${(e: Event) => ctx.emit(pointer, (e.target as HTMLInputElement).checked || undefined)} data-field=${attr ?? nothing} />
    <label for=${id}>${label}</label>
    ${errors(errs, `${id}-err`)}
  </div>`;
}

/** Several choices out of a fixed list (verification methods, facility kinds, zones); empty removes the field unless `keepEmpty`. */
export function multiField(
  ctx: FieldCtx,
  label: string,
  pointer: string,
  value: readonly string[] | undefined,
  choices: readonly (readonly [string, string])[],
  o: { keepEmpty?: boolean; attr?: string } = {},
): TemplateResult {
  const cur = value ?? [];
  const errs = at(ctx, pointer, ...cur.map((_, i) => `${pointer}/${i}`));
  const toggle = (v: string, on: boolean) => {
    // Keep the list's order the same as the choices' order, so a diff does not report a reshuffle.
    const next = choices.map(([c]) => c).filter((c) => (c === v ? on : cur.includes(c)));
    ctx.emit(pointer, next.length || o.keepEmpty ? next : undefined);
  };
  return html`<fieldset class="field multi" data-pointer=${pointer} data-field=${o.attr ?? nothing}>
    <legend>${label}</legend>
    <div class="chips">
      ${choices.map(([v, text]) => {
        const id = fid(`${pointer}/${v}`);
        return html`<span class="chip"><input type="checkbox" id=${id} .checked=${cur.includes(v)} ?disabled=${ctx.readonly} @change=${(e: Event) => toggle(v, (e.target as HTMLInputElement).checked)} data-value=${v} /><label for=${id}>${text}</label></span>`;
      })}
    </div>
    ${errors(errs, `${fid(pointer)}-err`)}
  </fieldset>`;
}

/** A localized text for display, falling back to a placeholder when blank. */
export const titleOr = (text: LocalizedText | undefined, fallback: string): string => loc(text) || fallback;

/** Detail of `builder-edit`: set the value at `pointer` (`undefined` removes it). */
export interface EditDetail {
  pointer: string;
  value: unknown;
}

/** The event every builder form sends for a change; the editor applies it to the draft. */
export const editEvent = (pointer: string, value: unknown): CustomEvent<EditDetail> =>
  new CustomEvent<EditDetail>('builder-edit', { detail: { pointer, value }, bubbles: true, composed: true });

/** Where in a document a node comes from (`citation`): document number and article; both empty removes it. */
export function citationField(
  ctx: FieldCtx,
  labels: { legend: string; document: string; article: string },
  pointer: string,
  value: { document: string; article?: string } | undefined,
): TemplateResult {
  const cur = value ?? { document: '' };
  const put = (k: 'document' | 'article', v: string) => {
    const next: { document: string; article?: string } = { ...cur, [k]: v };
    if (!next.article) delete next.article;
    ctx.emit(pointer, !next.document && !next.article ? undefined : next);
  };
  const sub: FieldCtx = {
    ...ctx,
    emit: (p, v) => put(p.endsWith('/document') ? 'document' : 'article', String(v ?? '')),
  };
  return html`<fieldset class="field" data-pointer=${pointer}>
    <legend>${labels.legend}</legend>
    <div class="grid2">
      ${textField(sub, labels.document, `${pointer}/document`, value?.document, { placeholder: '1300/QĐ-BYT', attr: 'citation-document' })}
      ${textField(sub, labels.article, `${pointer}/article`, value?.article, { placeholder: 'Điều 8, khoản 2', attr: 'citation-article' })}
    </div>
    ${errors(problemsAt(ctx.problems, pointer), `${fid(pointer)}-err`)}
  </fieldset>`;
}
