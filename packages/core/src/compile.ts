/**
 * A criteria set compiled once into the flat form the scorer walks: exact maxima, answer-to-points functions,
 * and an index by item id. Cached per set object (sets are treated as immutable once scored).
 */
import type { CriteriaSet, CriteriaSetItem, FacilityKind, LocalizedText, Zone } from './generated/types.js';
import { type Exact, ZERO, add, cmp, fromDecimal, int, mul, ONE } from './exact.js';

export const KIND_BINARY = 0;
export const KIND_GRADED = 1;
export const KIND_CHOICE = 2;
export const KIND_NUMERIC = 3;

export interface CItem {
  readonly id: string;
  readonly src: CriteriaSetItem;
  readonly kind: 0 | 1 | 2 | 3;
  /** Points when met (levels model: 1, unused). */
  readonly max: Exact;
  readonly partial: Exact;
  readonly options: ReadonlyMap<string, Exact> | null;
  readonly bands: ReadonlyArray<{ min: number; points: Exact }> | null;
  readonly numMin: number;
  readonly numMax: number;
  /** Decimal places a numeric answer may have (Infinity: no limit). */
  readonly numDecimals: number;
  readonly naAllowed: boolean;
  readonly knockout: boolean;
  readonly zones: ReadonlySet<Zone> | null;
  readonly facilityKinds: ReadonlySet<FacilityKind> | null;
  readonly level: number;
  readonly photo: 'never' | 'when-not-met' | 'always';
  /** Human list of allowed values, for error messages, in each language. */
  readonly allowed: LocalizedText & { en: string };
}

export interface CCriterion {
  readonly id: string;
  readonly title: LocalizedText;
  readonly weight: Exact;
  readonly items: readonly CItem[];
}

export interface CSection {
  readonly id: string;
  readonly title: LocalizedText;
  readonly weight: Exact;
  readonly criteria: readonly CCriterion[];
}

export interface CompiledSet {
  readonly set: CriteriaSet;
  readonly model: 'points' | 'levels';
  readonly levels: number;
  readonly sections: readonly CSection[];
  readonly items: ReadonlyMap<string, CItem>;
  readonly criteria: ReadonlyMap<string, CCriterion>;
  readonly itemCount: number;
  /** Some item is limited to zones, or some rule has a threshold by zone: scoring needs the facility's zone. */
  readonly usesZones: boolean;
}

function compileItem(it: CriteriaSetItem, model: 'points' | 'levels'): CItem {
  const r = it.response;
  let kind: CItem['kind'] = KIND_BINARY;
  let max = ZERO;
  let partial = ZERO;
  let options: Map<string, Exact> | null = null;
  let bands: { min: number; points: Exact }[] | null = null;
  let numMin = -Infinity;
  let numMax = Infinity;
  let numDecimals = Infinity;
  let allowed: { vi: string; en: string } | string = '"met", "not-met"';
  switch (r.kind) {
    case 'binary':
      max = model === 'levels' ? ONE : fromDecimal(r.points ?? 0);
      break;
    case 'graded':
      kind = KIND_GRADED;
      max = fromDecimal(r.points);
      partial = fromDecimal(r.partialPoints);
      allowed = '"met", "partial", "not-met"';
      break;
    case 'choice':
      kind = KIND_CHOICE;
      options = new Map();
      for (const o of r.options) {
        const p = fromDecimal(o.points);
        options.set(o.id, p);
        if (cmp(p, max) > 0) max = p;
      }
      allowed = r.options.map((o) => `"${o.id}"`).join(', ');
      break;
    case 'numeric':
      kind = KIND_NUMERIC;
      bands = r.bands.map((b) => ({ min: b.min, points: fromDecimal(b.points) }));
      for (const b of bands) if (cmp(b.points, max) > 0) max = b.points;
      numMin = r.min ?? r.bands[0]!.min;
      numMax = r.max ?? Infinity;
      numDecimals = r.decimals ?? Infinity;
      {
        const vi = (x: number) => String(x).replace('.', ','); // decimal comma
        const dVi =
          numDecimals === 0
            ? ', số nguyên'
            : Number.isFinite(numDecimals)
              ? `, tối đa ${numDecimals} chữ số thập phân`
              : '';
        const dEn =
          numDecimals === 0
            ? ', a whole number'
            : Number.isFinite(numDecimals)
              ? `, at most ${numDecimals} decimal ${numDecimals === 1 ? 'place' : 'places'}`
              : '';
        allowed = {
          vi: `một số${Number.isFinite(numMin) ? ` ≥ ${vi(numMin)}` : ''}${Number.isFinite(numMax) ? ` và ≤ ${vi(numMax)}` : ''}${dVi}`,
          en: `a number${Number.isFinite(numMin) ? ` ≥ ${numMin}` : ''}${Number.isFinite(numMax) ? ` and ≤ ${numMax}` : ''}${dEn}`,
        };
      }
      break;
  }
  return {
    id: it.id,
    src: it,
    kind,
    max,
    partial,
    options,
    bands,
    numMin,
    numMax,
    numDecimals,
    naAllowed: it.naAllowed === true,
    knockout: it.knockout === true,
    zones: it.applicableZones ? new Set(it.applicableZones) : null,
    facilityKinds: it.applicableFacilityKinds ? new Set(it.applicableFacilityKinds) : null,
    level: it.level ?? 0,
    photo: it.evidence?.photo ?? 'never',
    allowed: typeof allowed === 'string' ? { vi: allowed, en: allowed } : allowed,
  };
}

/**
 * Compiles a set that has passed {@link validateCriteriaSet}. Ids must be unique (validation checks it).
 */
export function compileSet(set: CriteriaSet): CompiledSet {
  const model = set.scoring.model;
  const items = new Map<string, CItem>();
  const criteria = new Map<string, CCriterion>();
  const sections = set.sections.map((s): CSection => ({
    id: s.id,
    title: s.title,
    weight: s.weight === undefined ? ONE : fromDecimal(s.weight),
    criteria: s.criteria.map((c): CCriterion => {
      const cc: CCriterion = {
        id: c.id,
        title: c.title,
        weight: c.weight === undefined ? ONE : fromDecimal(c.weight),
        items: c.items.map((it) => {
          const ci = compileItem(it, model);
          items.set(ci.id, ci);
          return ci;
        }),
      };
      criteria.set(cc.id, cc);
      return cc;
    }),
  }));
  let usesZones = (set.scoring.passRules ?? []).some(
    (r) => 'byZone' in r && r.byZone !== undefined && Object.keys(r.byZone).length > 0,
  );
  for (const it of items.values()) if (it.zones) usesZones = true;
  return { set, model, levels: set.scoring.levels ?? 5, sections, items, criteria, itemCount: items.size, usesZones };
}

/** The maximum the set can score with nothing N/A: Σ section weight x Σ criterion weight x Σ item max. */
export function fullMaximum(c: CompiledSet): Exact {
  let total = ZERO;
  for (const s of c.sections) {
    let sm = ZERO;
    for (const cr of s.criteria) {
      let cm = ZERO;
      for (const it of cr.items) cm = add(cm, it.max);
      sm = add(sm, mul(cr.weight, c.model === 'levels' ? int(c.levels) : cm));
    }
    total = add(total, mul(s.weight, sm));
  }
  return total;
}
