/**
 * How each answer kind is answered in the fill view (ADR 0011): buttons to press or a number field, and how a
 * value reads in words. One entry per response kind, typed by core's kind union, so a kind added to the schema
 * without an entry here does not compile (recipe: packages/core/CONTEXT.md, "Adding an answer kind"). The
 * builder's fields for each kind are in `builder-fields.ts`, apart, so the fill view does not load the builder.
 */
import { html, type TemplateResult } from 'lit';
import {
  formatLocaleNumber,
  type CriteriaSetItem,
  type LocalizedText,
  type ResponseKind,
  type ResponseOf,
} from '../core.js';
import { loc, locale, t } from '../i18n.js';

/** A number field: the range and decimal places it accepts, its unit, and a line shown under it. */
export interface NumberSpec {
  min: number;
  max?: number;
  decimals?: number;
  unit?: LocalizedText;
  /** Shown under the field (e.g. the target a count is judged against). */
  hint?: string;
}

/** One button of a button group: the value it stores, its label, its colour class. */
export interface ControlButton {
  value: string;
  label: string | TemplateResult;
  cls: string;
}

/** The control for a response: a group of buttons, or a number field. */
export type KindControl = { buttons: ControlButton[]; vertical?: boolean } | { number: NumberSpec };

/** What the fill view knows about one answer kind. */
export interface ControlKind<K extends ResponseKind> {
  /** The control an assessor answers with. */
  control(r: ResponseOf<K>): KindControl;
  /** A stored value in words, in the current language ("Đạt", an option's label, "3 lần"). */
  valueText(r: ResponseOf<K>, value: string | number): string;
}

const metButtons = (values: readonly ('met' | 'partial' | 'not-met')[]): ControlButton[] =>
  values.map((v) => ({ value: v, label: t(`ans.${v}`), cls: v }));
const metText = (v: string | number): string =>
  v === 'met' || v === 'partial' || v === 'not-met' ? t(`ans.${v}`) : String(v);
const numberText = (v: string | number, unit: LocalizedText | undefined): string =>
  `${typeof v === 'number' ? formatLocaleNumber(v, locale()) : v}${unit ? ` ${loc(unit)}` : ''}`;

/** Every answer kind's fill control, by kind (the mapped type makes a missing kind a compile error). */
export const CONTROL_KINDS: { readonly [K in ResponseKind]: ControlKind<K> } = {
  binary: { control: () => ({ buttons: metButtons(['met', 'not-met']) }), valueText: (_r, v) => metText(v) },
  graded: {
    control: () => ({ buttons: metButtons(['met', 'partial', 'not-met']) }),
    valueText: (_r, v) => metText(v),
  },
  choice: {
    control: (r) => ({
      vertical: true,
      buttons: r.options.map((o) => ({
        value: o.id,
        label: html`<span>${loc(o.label)}</span><span class="pts">${o.points}</span>`,
        cls: 'opt',
      })),
    }),
    valueText: (r, v) => loc(r.options.find((o) => o.id === v)?.label) || String(v),
  },
  numeric: {
    // core's rule: `min` defaults to the first band's
    control: (r) => ({
      number: {
        min: r.min ?? r.bands[0]!.min,
        ...(r.max !== undefined ? { max: r.max } : {}),
        ...(r.decimals !== undefined ? { decimals: r.decimals } : {}),
        ...(r.unit ? { unit: r.unit } : {}),
      },
    }),
    valueText: (r, v) => numberText(v, r.unit),
  },
  count: {
    control: (r) => ({
      number: {
        min: 0,
        decimals: 0,
        ...(r.unit ? { unit: r.unit } : {}),
        hint: t('ans.countTarget', {
          target: formatLocaleNumber(r.target, locale()),
          unit: r.unit ? ` ${loc(r.unit)}` : '',
        }),
      },
    }),
    valueText: (r, v) => numberText(v, r.unit),
  },
};

/** The control of an item's response, through its kind's entry. */
export function controlFor(r: CriteriaSetItem['response']): KindControl {
  return (CONTROL_KINDS[r.kind] as unknown as ControlKind<ResponseKind>).control(r);
}

/** A stored value of an item in words, through its kind's entry. */
export function valueText(r: CriteriaSetItem['response'], value: string | number): string {
  return (CONTROL_KINDS[r.kind] as unknown as ControlKind<ResponseKind>).valueText(r, value);
}
