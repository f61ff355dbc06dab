/**
 * Says one of core's validation problems the way a criteria author thinks of the set (issue 14): where ("Tiêu chí 3
 * (Truyền thông) – tên tiếng Việt"), what is wrong ("chưa nhập") and what to do ("Nhập tên tiêu chí."). The JSON
 * Pointer, the code and core's own message stay available as technical details. Works on any parsed JSON (an import
 * that failed validation too); without the document it still words a field's own problem.
 */
import type { Problem } from '../core.js';
import { bpMsg, type BpCode } from './problem-messages.js';
import { getAt, ptr, tokens } from './pointer.js';
import { fieldPointer } from './problems.js';

type Lang = 'vi' | 'en';
type Level = 'set' | 'section' | 'criterion' | 'item';

/** One problem in words, in one language. */
export interface ProblemWords {
  /** Where, in the set's terms: "Tiêu chí 3 (Truyền thông) – tên tiếng Việt". */
  where: string;
  /** What is wrong: "chưa nhập". */
  what: string;
  /** What to do: "Nhập tên tiêu chí." (may be empty when core's own sentence says it all). */
  todo: string;
  /** For the "technical details" disclosure: the pointer, the code and core's message. */
  technical: string;
}

const obj = (x: unknown): Record<string, unknown> | undefined =>
  x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);
const index = (t: string | undefined): number | undefined => {
  const n = Number(t);
  return t !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** A node's title (Vietnamese first), shortened for a line of text. */
function titleOf(node: unknown, lang: Lang): string | undefined {
  const o = obj(node);
  const text = obj(o?.title) ?? obj(o?.text);
  const s = (lang === 'en' ? str(text?.en) : undefined) ?? str(text?.vi);
  if (!s) return undefined;
  return s.length > 48 ? `${s.slice(0, 47)}…` : s;
}

/** The node a pointer lies in: its level, its path tokens length and its name for a person. */
function placeOf(doc: unknown, t: readonly string[], lang: Lang): { level: Level; used: number; name: string } {
  const m = (code: BpCode, args: Record<string, string | number> = {}) => bpMsg(code, args)[lang];
  const named = (place: string, node: unknown) => {
    const title = titleOf(node, lang);
    return title ? m('bp.titled', { place, title }) : place;
  };
  const si = t[0] === 'sections' ? index(t[1]) : undefined;
  if (si === undefined) return { level: 'set', used: 0, name: m('bp.set') };
  const sections = arr(obj(doc)?.sections);
  const section = sections[si];
  const ci = t[2] === 'criteria' ? index(t[3]) : undefined;
  if (ci === undefined) return { level: 'section', used: 2, name: named(m('bp.section', { n: si + 1 }), section) };
  // Criteria are numbered in the set's order (across sections), or by their own number when they have one.
  let before = 0;
  for (let k = 0; k < si; k++) before += arr(obj(sections[k])?.criteria).length;
  const criterion = arr(obj(section)?.criteria)[ci];
  const cName = m('bp.criterion', { n: str(obj(criterion)?.code) ?? (doc === undefined ? ci + 1 : before + ci + 1) });
  const ii = t[4] === 'items' ? index(t[5]) : undefined;
  if (ii === undefined) return { level: 'criterion', used: 4, name: named(cName, criterion) };
  const item = arr(obj(criterion)?.items)[ii];
  const code = str(obj(item)?.code);
  const iName = code ? m('bp.item', { n: code }) : m('bp.in', { inner: m('bp.item', { n: ii + 1 }), outer: cName });
  return { level: 'item', used: 6, name: named(iName, item) };
}

/** The field a pointer's remaining tokens name, as the form labels it. */
function fieldOf(rest: readonly string[], lang: Lang): { code: BpCode; n?: number } | undefined {
  const [a, b, c] = rest;
  if (a === undefined) return undefined;
  const n = (x: string | undefined) => (index(x) ?? 0) + 1;
  switch (a) {
    case 'title':
      return { code: b === 'en' ? 'bf.title.en' : 'bf.title.vi' };
    case 'text':
      return { code: b === 'en' ? 'bf.text.en' : 'bf.text.vi' };
    case 'guidance':
      return { code: 'bf.guidance' };
    case 'description':
      return { code: 'bf.description' };
    case 'id':
      return { code: 'bf.id' };
    case 'code':
      return { code: 'bf.code' };
    case 'version':
      return { code: 'bf.version' };
    case 'maxPoints':
      return { code: 'bf.maxPoints' };
    case 'weight':
      return { code: 'bf.weight' };
    case 'level':
      return { code: 'bf.level' };
    case 'criteria':
      return { code: 'bf.criteria' };
    case 'items':
      return { code: 'bf.items' };
    case 'sections':
      return { code: 'bf.sections' };
    case 'response':
      if (b === 'points') return { code: 'bf.points' };
      if (b === 'partialPoints') return { code: 'bf.partialPoints' };
      if (b === 'kind') return { code: 'bf.kind' };
      if (b === 'options') return c === undefined ? { code: 'bf.options' } : { code: 'bf.option', n: n(c) };
      if (b === 'bands') return c === undefined ? { code: 'bf.bands' } : { code: 'bf.band', n: n(c) };
      return { code: 'bf.response' };
    case 'source':
      return rest.at(-1) === 'number' ? { code: 'bf.sourceNumber' } : { code: 'bf.source' };
    case 'applicability':
      return { code: 'bf.facilityKinds' };
    case 'scoring':
      if (b === 'passRules' && c !== undefined) return { code: 'bf.passRule', n: n(c) };
      if (b === 'levels') return { code: 'bf.levels' };
      if (b === 'maxPoints') return { code: 'bf.maxPoints' };
      return { code: 'bf.scoring' };
    default:
      void lang;
      return { code: 'bf.other' };
  }
}

/** The first number after a comparison sign in core's message ("(≥ 1)"), for count and range problems. */
const limitIn = (p: Problem): { sign: string; n: string } | undefined => {
  const m = /([<>]=?|≥|≤)\s*(-?[\d.]+)/.exec(p.message.en);
  return m ? { sign: m[1]!, n: m[2]! } : undefined;
};

/** Where else an id is used (a duplicate id), as a place. */
function otherWithId(doc: unknown, id: unknown, self: string, lang: Lang): string | undefined {
  const sections = arr(obj(doc)?.sections);
  const check = (node: unknown, pointer: string) => obj(node)?.id === id && `${pointer}/id` !== self;
  for (const [si, s] of sections.entries()) {
    const sp = ptr('', 'sections', si);
    if (check(s, sp)) return placeOf(doc, tokens(sp), lang).name;
    for (const [ci, c] of arr(obj(s)?.criteria).entries()) {
      const cp = ptr(sp, 'criteria', ci);
      if (check(c, cp)) return placeOf(doc, tokens(cp), lang).name;
      for (const [ii, it] of arr(obj(c)?.items).entries()) {
        const ip = ptr(cp, 'items', ii);
        if (check(it, ip)) return placeOf(doc, tokens(ip), lang).name;
      }
    }
  }
  return undefined;
}

/**
 * One problem in words. `doc` is the set the problem was found in (numbers and titles come from it); without it
 * the place is numbered within its parent and the field's own problem is still worded.
 */
export function problemWords(doc: unknown, p: Problem, lang: Lang): ProblemWords {
  const m = (code: BpCode, args: Record<string, string | number> = {}) => bpMsg(code, args)[lang];
  const pointer = fieldPointer(p);
  let t: string[];
  try {
    t = tokens(pointer);
  } catch {
    t = [];
  }
  const place = placeOf(doc, t, lang);
  const f = fieldOf(t.slice(place.used), lang);
  const field = f ? m(f.code, f.n === undefined ? {} : { n: f.n }) : undefined;
  const where = field ? m('bp.atField', { place: place.name, field }) : place.name;
  const value = doc === undefined ? undefined : getAt(doc, pointer);
  const noun = m(`bn.${place.level}`);
  const technical = `${p.pointer || '/'} · ${p.code} · ${p.message[lang]}`;
  const out = (what: string, todo: string): ProblemWords => ({ where, what, todo, technical });
  const emptyTodo = () =>
    f?.code === 'bf.title.vi' || f?.code === 'bf.title.en'
      ? m('bw.emptyTitle', { noun })
      : f?.code === 'bf.text.vi' || f?.code === 'bf.text.en'
        ? m('bw.emptyText', { noun })
        : m('bw.emptyOther', { field: field ?? m('bf.other') });
  const blank = value === undefined || (typeof value === 'string' && value.trim() === '');
  const lim = limitIn(p);
  switch (p.code) {
    case 'schema.required':
      return out(m('bw.empty'), emptyTodo());
    case 'schema.length':
      if (doc === undefined ? lim?.sign === '≥' && lim.n === '1' : blank) return out(m('bw.empty'), emptyTodo());
      return out(m('bw.range', { limit: lim ? `${lim.sign} ${lim.n}` : '' }), m('bw.typeFix', { field: field ?? '' }));
    case 'set.points-missing':
      return out(m('bw.pointsMissing'), m('bw.pointsMissingFix'));
    case 'set.level-missing': {
      const levels = obj(obj(doc)?.scoring)?.levels;
      return out(m('bw.levelMissing'), m('bw.levelMissingFix', { levels: typeof levels === 'number' ? levels : '…' }));
    }
    case 'schema.type':
      return /number|integer/.test(p.message.en)
        ? out(m('bw.notNumber'), m('bw.typeNumber'))
        : out(m('bw.type'), m('bw.typeFix', { field: field ?? m('bf.other') }));
    case 'schema.range': {
      const limit = lim ? `${lim.sign.replace('>=', '≥').replace('<=', '≤')} ${lim.n}` : '';
      return out(m('bw.range', { limit }), m('bw.rangeFix', { limit }));
    }
    case 'schema.pattern':
      if (f?.code === 'bf.id') return out(m('bw.pattern'), m('bw.patternId'));
      if (/date/.test(p.message.en)) return out(m('bw.pattern'), m('bw.patternDate'));
      return out(m('bw.pattern'), m('bw.fixGeneric'));
    case 'schema.count':
      if (lim?.sign === '≥') return out(m('bw.tooFew', { n: Number(lim.n) }), m('bw.tooFewFix'));
      if (lim?.sign === '≤') return out(m('bw.tooMany', { n: Number(lim.n) }), m('bw.tooManyFix'));
      return out(p.message[lang], m('bw.fixGeneric'));
    case 'schema.enum':
    case 'schema.const':
    case 'schema.kind':
      return out(m('bw.choose'), m('bw.chooseFix'));
    case 'schema.unique':
      return out(m('bw.duplicate'), m('bw.duplicateFix'));
    case 'schema.additional':
      return out(m('bw.extra'), m('bw.extraFix'));
    case 'set.duplicate-id': {
      const other = otherWithId(doc, value, pointer, lang);
      return other
        ? out(m('bw.duplicateId', { id: String(value), other }), m('bw.duplicateIdFix'))
        : out(p.message[lang], m('bw.duplicateIdFix'));
    }
    default:
      // core's semantic checks already speak in sentences ("Điểm tối đa ghi là 10 nhưng các chỉ tiêu cộng lại được 9").
      return out(p.message[lang], '');
  }
}

/** One line: "Tiêu chí 3 – tên tiếng Việt: chưa nhập. Nhập tên tiêu chí." */
export function problemLine(w: ProblemWords): string {
  return `${w.where}: ${w.what.replace(/\.$/, '')}.${w.todo ? ` ${w.todo}` : ''}`;
}

/** The field's own part, for an error shown under the field: "Chưa nhập. Nhập tên tiêu chí." */
export function problemAtField(w: ProblemWords): string {
  const what = w.what.replace(/\.$/, '');
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}.${w.todo ? ` ${w.todo}` : ''}`;
}

/** A node's name for a person, by its number in the set and its title: "Tiêu chí 3 (Truyền thông)". */
export function nodeName(doc: unknown, pointer: string, lang: Lang): string {
  return placeOf(doc, tokens(pointer), lang).name;
}
