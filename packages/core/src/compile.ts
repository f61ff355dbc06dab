/**
 * A criteria set compiled once into the flat form the scorer walks: exact maxima, answer-to-points functions
 * (each from its kind's module in `kinds/`), and an index by item id. Cached per set object (sets are treated as immutable once scored).
 */
import type { CriteriaSet, CriteriaSetItem, FacilityKind, LocalizedText, Zone } from './generated/types.js';
import { type Exact, ZERO, add, fromDecimal, int, mul, ONE } from './exact.js';
import { type CompiledResponse, compileResponse } from './kinds/index.js';

/** One item compiled for the scorer; its response through its kind's module (`kinds/`). */
export interface CItem extends CompiledResponse {
  readonly id: string;
  /** The item's position in the set (0, 1, …: sections, criteria and items in order). */
  readonly index: number;
  readonly src: CriteriaSetItem;
  readonly naAllowed: boolean;
  readonly knockout: boolean;
  readonly zones: ReadonlySet<Zone> | null;
  readonly facilityKinds: ReadonlySet<FacilityKind> | null;
  readonly level: number;
  readonly photo: 'never' | 'when-not-met' | 'always';
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

function compileItem(it: CriteriaSetItem, model: 'points' | 'levels', index: number): CItem {
  const r = compileResponse(it.response, model);
  return {
    id: it.id,
    index,
    src: it,
    max: r.max,
    points: r.points,
    met: r.met,
    allowed: r.allowed,
    naAllowed: it.naAllowed === true,
    knockout: it.knockout === true,
    zones: it.applicableZones ? new Set(it.applicableZones) : null,
    facilityKinds: it.applicableFacilityKinds ? new Set(it.applicableFacilityKinds) : null,
    level: it.level ?? 0,
    photo: it.evidence?.photo ?? 'never',
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
          const ci = compileItem(it, model, items.size);
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
