/**
 * How explanations name the parts of a set: by the number the official text gives and the title, never by an
 * internal id ("Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe)", "9.1 “Trạm có kế hoạch truyền thông…”").
 * The names are the set's own (untrusted) text: callers show them as text, never as markup.
 */
import type { CriteriaSet, LocalizedText } from './generated/types.js';
import type { Msg } from './catalogue.js';

/** The names of one set's sections, criteria and items, by id. */
export interface SetNames {
  section(id: string): Msg;
  criterion(id: string): Msg;
  item(id: string): Msg;
}

const en = (t: LocalizedText): string => t.en ?? t.vi;

/** The first `words` words of a text, with "…" when cut. */
export function shortText(text: string, words = 7): string {
  const w = text.trim().split(/\s+/);
  if (w.length <= words) return text.trim().replace(/[.;:]$/, '');
  return `${w
    .slice(0, words)
    .join(' ')
    .replace(/[,.;:]$/, '')}…`;
}

/** "Tiêu chí 9" → "9"; "A1.1" stays. */
const numberOf = (code: string): string => code.replace(/^(tiêu chí|criterion)\s+/i, '');

function criterionName(code: string | undefined, title: LocalizedText): Msg {
  if (code !== undefined) {
    const n = numberOf(code);
    return { vi: `Tiêu chí ${n} (${title.vi})`, en: `Criterion ${n} (${en(title)})` };
  }
  return {
    vi: /^tiêu chí\s/i.test(title.vi) ? title.vi : `Tiêu chí “${title.vi}”`,
    en: /^criterion\s/i.test(en(title)) ? en(title) : `Criterion “${en(title)}”`,
  };
}

function sectionName(title: LocalizedText): Msg {
  return {
    vi: /^phần\s/i.test(title.vi) ? title.vi : `Phần “${title.vi}”`,
    en: /^(part|section)\s/i.test(en(title)) ? en(title) : `Section “${en(title)}”`,
  };
}

function itemName(code: string | undefined, text: LocalizedText): Msg {
  const vi = `“${shortText(text.vi)}”`;
  const e = `“${shortText(en(text))}”`;
  return code !== undefined ? { vi: `${code} ${vi}`, en: `${code} ${e}` } : { vi, en: e };
}

const CACHE = new WeakMap<CriteriaSet, SetNames>();

/** The names of `set`'s parts (built once per set object; an unknown id is named by itself). */
export function namesOf(set: CriteriaSet): SetNames {
  let n = CACHE.get(set);
  if (n) return n;
  const sections = new Map<string, Msg>();
  const criteria = new Map<string, Msg>();
  const items = new Map<string, Msg>();
  for (const s of set.sections) {
    sections.set(s.id, sectionName(s.title));
    for (const c of s.criteria) {
      criteria.set(c.id, criterionName(c.code, c.title));
      for (const it of c.items) items.set(it.id, itemName(it.code, it.text));
    }
  }
  const own = (id: string): Msg => ({ vi: id, en: id });
  n = {
    section: (id) => sections.get(id) ?? own(id),
    criterion: (id) => criteria.get(id) ?? own(id),
    item: (id) => items.get(id) ?? own(id),
  };
  CACHE.set(set, n);
  return n;
}

/**
 * A short list for messages: the first `max` names, then "và N mục khác" / "and N more" — in both languages.
 */
export function nameList(names: readonly Msg[], max = 3): Msg {
  const head = names.slice(0, max);
  const rest = names.length - head.length;
  const vi = head.map((x) => x.vi).join(', ');
  const e = head.map((x) => x.en).join(', ');
  return rest > 0 ? { vi: `${vi} và ${rest} mục khác`, en: `${e} and ${rest} more` } : { vi, en: e };
}

/** The numbers a person reads for a set's criteria and items (see {@link partNumbers}). */
export interface PartNumbers {
  criterion(id: string): string;
  item(id: string): string;
}

const NUMBERS = new WeakMap<CriteriaSet, PartNumbers>();

/**
 * The number a person reads for each criterion and item: its own code when the set gives one, else its place in the
 * set's order (criteria 1, 2, 3… across sections; items 1, 2, 3… across the set) — never an internal id. For sets
 * without codes (5959, WASH FIT, the clinic checklist) in summary lists and charts. An unknown id is itself.
 */
export function partNumbers(set: CriteriaSet): PartNumbers {
  let n = NUMBERS.get(set);
  if (n) return n;
  const criteria = new Map<string, string>();
  const items = new Map<string, string>();
  let ci = 0;
  let ii = 0;
  for (const s of set.sections)
    for (const c of s.criteria) {
      criteria.set(c.id, c.code ?? String(++ci));
      if (c.code !== undefined) ci++;
      for (const it of c.items) {
        items.set(it.id, it.code ?? String(++ii));
        if (it.code !== undefined) ii++;
      }
    }
  n = { criterion: (id) => criteria.get(id) ?? id, item: (id) => items.get(id) ?? id };
  NUMBERS.set(set, n);
  return n;
}
