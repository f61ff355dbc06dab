/**
 * The scoring engine: pure, exact, explainable. See docs/scoring.md for the model and every formula.
 */
import type {
  Assessment,
  AssessmentAnswer,
  CriteriaSet,
  ScoreResult,
  ScoreResultCriterionResult,
  ScoreResultItemResult,
  ScoreResultScore,
  ScoreResultSectionResult,
} from './generated/types.js';
import { type Exact, ONE, ZERO, add, cmp, div, fromDecimal, int, mul, percentOf, sign } from './exact.js';
import { type CCriterion, type CItem, type CompiledSet } from './compile.js';
import { compileSet } from './compile.js';
import { checkAnswers, checkFacility, pointsFor } from './answers.js';
import { formatPercent, formatPoints } from './format.js';
import { explain, message } from './messages.js';
import { nameList, namesOf, type SetNames } from './names.js';
import { type DisplayThresholds, displayThresholds, evaluateRule, ruleStatus } from './rules/index.js';
import { type Outcome, fail, ok } from './outcome.js';
import { NO_VALUE, fastAnswerPoints, onlyOwnEnumerable } from './answer-fast.js';
import { trustedPinProblems } from './pin-check.js';

/** An answer is an own enumerable property of `answers` (what `Object.keys`, JSON and validation see). */
const isEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * The version of the scoring rules. Bumped whenever a rule in docs/scoring.md changes what a result says, so a
 * locked assessment records which rules decided it (`scoredAtLock`). 2: the rules of ADR 0006.
 */
export const ENGINE_VERSION = '2';

function scoreOf(
  applicable: boolean,
  points: Exact,
  max: Exact,
  percent: Exact | undefined,
  percentShown?: readonly Exact[],
  pointsShown?: readonly Exact[],
): ScoreResultScore {
  const display: ScoreResultScore['display'] = {
    points: formatPoints(points, pointsShown),
    max: formatPoints(max),
  };
  if (percent) display.percent = formatPercent(percent, percentShown);
  const s: ScoreResultScore = { applicable, points, max, display };
  if (percent) s.percent = percent;
  return s;
}

/** One item's explained result (the same rules as the totals in compute(), item by item). */
function itemResult(it: CItem, a: Assessment): ScoreResultItemResult {
  const answers = a.answers;
  const zone = a.facility.zone;
  const ans: AssessmentAnswer | undefined = isEnumerable.call(answers, it.id) ? answers[it.id] : undefined;
  if (
    (it.zones && (zone === undefined || !it.zones.has(zone))) ||
    (it.facilityKinds && !it.facilityKinds.has(a.facility.kind))
  ) {
    const r: ScoreResultItemResult = { id: it.id, status: 'auto-na', points: ZERO, max: ZERO };
    if (ans?.value !== undefined) r.value = ans.value;
    return r;
  }
  if (ans?.na === true) return { id: it.id, status: 'na', points: ZERO, max: ZERO };
  const hasPhoto = ans?.evidence !== undefined && ans.evidence.length > 0;
  if (ans === undefined || ans.value === undefined) {
    const r: ScoreResultItemResult = {
      id: it.id,
      status: ans?.unassessed !== undefined ? 'unassessed' : 'unanswered',
      points: ZERO,
      max: it.max,
    };
    if (it.photo === 'always' && !hasPhoto) r.evidenceMissing = true;
    return r;
  }
  const value = ans.value;
  const p = pointsFor(it, value)!;
  const met = it.met(value, p);
  const r: ScoreResultItemResult = { id: it.id, status: 'answered', value, points: p, max: it.max, met };
  if (it.knockout && !met) r.knockoutFailed = true;
  if (!hasPhoto && (it.photo === 'always' || (it.photo === 'when-not-met' && !met))) r.evidenceMissing = true;
  return r;
}

/** The own, enumerable `items` of a criterion result once built (replacing the accessor below). */
const itemsValue = (value: ScoreResultItemResult[]): PropertyDescriptor => ({
  value,
  enumerable: true,
  configurable: true,
  writable: true,
});

/**
 * The accessor every criterion result starts with: one descriptor shared by all (no closure per criterion: a
 * closure pair per criterion cost about as much as scoring the criterion), reading its context from the result's
 * private fields.
 */
const LAZY_ITEMS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: CriterionResult) {
    const items = CriterionResult.explain(this);
    Object.defineProperty(this, 'items', itemsValue(items));
    return items;
  },
  set(this: CriterionResult, v: ScoreResultItemResult[]) {
    Object.defineProperty(this, 'items', itemsValue(v));
  },
};

/**
 * A criterion's result. Its per-item explanation is built on first read of `items` (then kept as a plain
 * property): scoring a contest round needs the totals, a results page or a report needs the items. `items` is an
 * own enumerable property, so JSON.stringify, structuredClone and deep equality see an ordinary array; the
 * context it is built from is in private fields, invisible to all three. Reads the assessment's answers when
 * first read: assessments are treated as immutable once scored (as sets are).
 */
class CriterionResult implements ScoreResultCriterionResult {
  declare id: string;
  declare weight: Exact;
  declare score: ScoreResultScore;
  declare items: ScoreResultItemResult[];
  declare level?: number;
  declare levelReason?: NonNullable<ScoreResultCriterionResult['levelReason']>;
  readonly #cr: CCriterion;
  readonly #a: Assessment;

  constructor(cr: CCriterion, a: Assessment, score: ScoreResultScore) {
    this.id = cr.id;
    this.weight = cr.weight;
    this.score = score;
    Object.defineProperty(this, 'items', LAZY_ITEMS);
    this.#cr = cr;
    this.#a = a;
  }

  /** The item explanations of `r`. */
  static explain(r: CriterionResult): ScoreResultItemResult[] {
    return r.#cr.items.map((it) => itemResult(it, r.#a));
  }
}

/** The assessment was made with another set (id or version): refused. */
export function setMismatch(set: CriteriaSet, assessment: Assessment): Outcome<never> | undefined {
  const pin = assessment.criteriaSet;
  if (pin.id === set.id && pin.version === set.version) return undefined;
  return fail([
    {
      code: 'answer.set-mismatch',
      pointer: '/criteriaSet',
      message: message('answer.set-mismatch', { want: `${pin.id}@${pin.version}`, got: `${set.id}@${set.version}` }),
    },
  ]);
}

/** A node's score without its display strings: what decisions need (display strings are built when read). */
interface Bare {
  applicable: boolean;
  points: Exact;
  max: Exact;
  percent: Exact | undefined;
}

/** Why a criterion reached its level (levels model), put into words when read. */
type LevelWhy =
  | { code: 'level.defect' | 'level.pending'; list: string[] }
  | { code: 'level.top' }
  | { code: 'level.stopped'; list: string[] };

/** One criterion scored: its sums and level (the result object and its words come later, when read). */
interface Tally {
  readonly c: CCriterion;
  readonly id: string;
  readonly weight: Exact;
  readonly score: Bare;
  readonly level: number | undefined;
  readonly why: LevelWhy | undefined;
}

/** One section scored. */
interface SectionTally {
  readonly id: string;
  readonly weight: Exact;
  readonly score: Bare;
  readonly criteria: readonly Tally[];
}

/** Combines children by the set's aggregation; children not applicable (or of weight 0) drop out. */
function aggregate(children: readonly { score: Bare; weight: Exact }[], mean: boolean): Bare {
  // Whole numbers are summed as plain numbers while they stay safe integers, the rest exactly (as in compute()),
  // and a weight of 1 (the default, the shared ONE) multiplies nothing.
  let wholePoints = 0;
  let wholeMax = 0;
  let fracPoints = ZERO;
  let fracMax = ZERO;
  let wsum = ZERO;
  let wpct = ZERO;
  for (const ch of children) {
    const w = ch.weight;
    if (!ch.score.applicable || w.num === 0) continue;
    const p = w === ONE ? ch.score.points : mul(w, ch.score.points);
    const m = w === ONE ? ch.score.max : mul(w, ch.score.max);
    if (p.den === 1 && typeof p.num === 'number' && Number.isSafeInteger(wholePoints + p.num)) wholePoints += p.num;
    else fracPoints = add(fracPoints, p);
    if (m.den === 1 && typeof m.num === 'number' && Number.isSafeInteger(wholeMax + m.num)) wholeMax += m.num;
    else fracMax = add(fracMax, m);
    if (mean) {
      wsum = add(wsum, w);
      wpct = add(wpct, w === ONE ? ch.score.percent! : mul(w, ch.score.percent!));
    }
  }
  const points = wholePoints === 0 ? fracPoints : add(int(wholePoints), fracPoints);
  const max = wholeMax === 0 ? fracMax : add(int(wholeMax), fracMax);
  if (max.num === 0) return { applicable: false, points, max, percent: undefined };
  return { applicable: true, points, max, percent: mean ? div(wpct, wsum) : percentOf(points, max) };
}

/** The thresholds that judge shown values, by compiled set and zone (ADR 0010's display safeguard). */
const SHOWN = new WeakMap<CompiledSet, Map<string | undefined, DisplayThresholds>>();

function shownFor(c: CompiledSet, zone: string | undefined): DisplayThresholds {
  let byZone = SHOWN.get(c);
  if (!byZone) SHOWN.set(c, (byZone = new Map()));
  let d = byZone.get(zone);
  if (!d) {
    const rating = c.set.scoring.rating;
    d = displayThresholds(
      c.set.scoring.passRules ?? [],
      zone as Assessment['facility']['zone'],
      rating && { metric: rating.metric, minimums: rating.bands.map((b) => fromDecimal(b.min)) },
    );
    byZone.set(zone, d);
  }
  return d;
}

/** What the words of a result are built from when first read (kept in the result's private field). */
interface Pending {
  readonly c: CompiledSet;
  readonly a: Assessment;
  readonly sections: readonly SectionTally[];
  readonly shown: DisplayThresholds;
  readonly mean: boolean;
}

/** The own, enumerable data property a lazy field of a result becomes once built (keeps its place in key order). */
const dataValue = (value: unknown): PropertyDescriptor => ({
  value,
  enumerable: true,
  configurable: true,
  writable: true,
});

/**
 * The accessor a result's `rules`, `reasons` and `sections` start with: reading `sections` builds the
 * section/criterion tree with its display strings; reading `rules` or `reasons` builds those too, and the rule
 * outcomes and reasons in words (which judge that tree).
 */
const lazyField = (key: 'rules' | 'reasons' | 'sections', settle: (r: Result) => void): PropertyDescriptor => ({
  enumerable: true,
  configurable: true,
  get(this: Result) {
    settle(this);
    return this[key];
  },
  set(this: Result, v: unknown) {
    settle(this);
    Object.defineProperty(this, key, dataValue(v));
  },
});
const LAZY_RULES = lazyField('rules', (r) => Result.settle(r));
const LAZY_REASONS = lazyField('reasons', (r) => Result.settle(r));
const LAZY_SECTIONS = lazyField('sections', (r) => Result.settleSections(r));

/**
 * A result document. The decision, totals, lists, levels and rating are computed when scoring; the section/criterion
 * tree with display strings is built on first read of `sections`, the rule outcomes with their reasons in words and
 * the reasons on first read of `rules` or `reasons` (issue 16: deciding a contest round needs the verdicts; a results
 * page, a report or JSON needs the words; issue 20: the app's fill-in view shows the tree after each answer, not the
 * rules' words). They are own enumerable properties in the same key order as always, so
 * JSON.stringify, structuredClone and deep equality see a plain document; the context is a private field.
 */
class Result implements ScoreResult {
  declare schemaVersion: 1;
  declare kind: 'result';
  declare assessmentId: string;
  declare criteriaSet: ScoreResult['criteriaSet'];
  declare complete: boolean;
  declare decision: ScoreResult['decision'];
  declare total: ScoreResultScore;
  declare rules: ScoreResult['rules'];
  declare reasons: ScoreResult['reasons'];
  declare failedKnockouts: string[];
  declare unanswered: string[];
  declare unassessed: string[];
  declare notApplicable: string[];
  declare missingEvidence: string[];
  declare sections: ScoreResultSectionResult[];
  declare zone?: NonNullable<ScoreResult['zone']>;
  declare ignoredAnswers?: string[];
  declare levelSum?: number;
  declare levelCounts?: number[];
  declare weightedLevelSum?: Exact;
  declare meanLevel?: Exact;
  declare rating?: NonNullable<ScoreResult['rating']>;
  #pending: Pending | null;
  /** The section tree once `sections` was read, until the rules are built (they judge this tree). */
  #tree: Tree | null = null;

  constructor(
    p: Pending,
    head: Pick<ScoreResult, 'assessmentId' | 'criteriaSet' | 'complete' | 'decision' | 'total'>,
    lists: Pick<ScoreResult, 'failedKnockouts' | 'unanswered' | 'unassessed' | 'notApplicable' | 'missingEvidence'>,
  ) {
    this.schemaVersion = 1;
    this.kind = 'result';
    this.assessmentId = head.assessmentId;
    this.criteriaSet = head.criteriaSet;
    this.complete = head.complete;
    this.decision = head.decision;
    this.total = head.total;
    Object.defineProperty(this, 'rules', LAZY_RULES);
    Object.defineProperty(this, 'reasons', LAZY_REASONS);
    this.failedKnockouts = lists.failedKnockouts;
    this.unanswered = lists.unanswered;
    this.unassessed = lists.unassessed;
    this.notApplicable = lists.notApplicable;
    this.missingEvidence = lists.missingEvidence;
    Object.defineProperty(this, 'sections', LAZY_SECTIONS);
    this.#pending = p;
  }

  /** The figures of `r` from what scoring kept, while its words are not built yet (else `undefined`). */
  static figures(r: Result): CriterionFigures[] | undefined {
    const p = r.#pending;
    if (!p) return undefined;
    const out: CriterionFigures[] = [];
    for (const s of p.sections)
      for (const t of s.criteria) {
        const items = t.c.items.map((it): ItemFigures => {
          const i = itemResult(it, p.a);
          return i.met === undefined ? { id: i.id, status: i.status } : { id: i.id, status: i.status, met: i.met };
        });
        out.push(figure(t.id, t.score.applicable, t.score.percent, items));
      }
    return out;
  }

  /** Builds the section tree of `r` (once): `sections` becomes a plain data property. */
  static settleSections(r: Result): void {
    const p = r.#pending;
    if (!p || r.#tree) return;
    const tree = sectionWords(p);
    r.#tree = tree;
    Object.defineProperty(r, 'sections', dataValue(tree.sections));
  }

  /** Builds the words of `r` (once): its rules, reasons and sections become plain data properties. */
  static settle(r: Result): void {
    const p = r.#pending;
    if (!p) return;
    Result.settleSections(r);
    const tree = r.#tree!;
    r.#pending = null;
    r.#tree = null;
    const w = ruleWords(p, r, tree);
    Object.defineProperty(r, 'rules', dataValue(w.rules));
    Object.defineProperty(r, 'reasons', dataValue(w.reasons));
  }
}

/** A display-ready score (its display strings judged against the thresholds that judge them, ADR 0010). */
function shownScore(b: Bare, percentShown: readonly Exact[], pointsShown: readonly Exact[] = []): ScoreResultScore {
  return scoreOf(
    b.applicable,
    b.points,
    b.max,
    b.percent,
    b.percent && percentShown.length ? percentShown : undefined,
    pointsShown.length ? pointsShown : undefined,
  );
}

/** A result's section/criterion tree with display strings (and its criteria in order, for the rules). */
interface Tree {
  sections: ScoreResultSectionResult[];
  flat: ScoreResultCriterionResult[];
  names: SetNames;
}

/** The section/criterion tree of a result with display strings. */
function sectionWords(p: Pending): Tree {
  const { c, a, shown } = p;
  const names = namesOf(c.set);
  const itemList = (ids: readonly string[]) => nameList(ids.map((id) => names.item(id)));
  const flat: ScoreResultCriterionResult[] = [];
  const sections = p.sections.map((s): ScoreResultSectionResult => {
    const criteria = s.criteria.map((t) => {
      const own = shown.criterion.get(t.id);
      const cr = new CriterionResult(t.c, a, shownScore(t.score, own ? [...shown.criteria, ...own] : shown.criteria));
      if (t.level !== undefined) {
        const why = t.why!;
        const L = c.levels;
        cr.levelReason =
          why.code === 'level.top'
            ? explain('level.top', { level: L })
            : why.code === 'level.stopped'
              ? explain('level.stopped', { level: t.level, next: t.level + 1, list: itemList(why.list) })
              : explain(why.code, { list: itemList(why.list) });
        cr.level = t.level;
      }
      flat.push(cr);
      return cr;
    });
    return { id: s.id, weight: s.weight, score: shownScore(s.score, shown.sections), criteria };
  });
  return { sections, flat, names };
}

/** The words of a result's rules: each rule's outcome and the reasons, judging the section tree `tree`. */
function ruleWords(
  p: Pending,
  r: Result,
  { sections, flat, names }: Tree,
): { rules: ScoreResult['rules']; reasons: ScoreResult['reasons'] } {
  const { c, a } = p;
  const itemList = (ids: readonly string[]) => nameList(ids.map((id) => names.item(id)));
  const ctx = {
    set: c,
    zone: a.facility.zone,
    total: r.total,
    sections,
    criteria: flat,
    failedKnockouts: r.failedKnockouts,
    meanLevel: r.meanLevel,
    names,
  };
  const rules = (c.set.scoring.passRules ?? []).map((rule) => evaluateRule(rule, ctx));
  const reasons: ScoreResult['reasons'] = [];
  // One reason per failed criterion or section (its own sentence), else the rule's message.
  for (const o of rules) {
    if (o.status !== 'failed') continue;
    if (o.failures?.every((f) => f.message)) for (const f of o.failures) reasons.push(f.message!);
    else reasons.push(o.message);
  }
  if (r.unanswered.length)
    reasons.push(explain('result.unanswered', { count: r.unanswered.length, list: itemList(r.unanswered) }));
  if (r.unassessed.length)
    reasons.push(explain('result.unassessed', { count: r.unassessed.length, list: itemList(r.unassessed) }));
  // Nothing applicable: no rule has anything to judge, so there is no verdict (never a pass on 0 of 0).
  if (r.complete && !r.total.applicable && rules.length) reasons.push(explain('result.nothing-applicable'));
  return { rules, reasons };
}

/**
 * The answers of `answers` by item position (`CItem.index`): an answer is an own enumerable property, as JSON
 * makes them and as validation (`checkAnswers`, the schema) reads them. One pass over the object's keys, each
 * looked up among the set's items, instead of a lookup by every item id plus a count of the keys: a parsed
 * answers object of a few hundred keys is a dictionary in V8, where each lookup hashes and probes. With `fast`,
 * `null` when a key names no item, or when a `for…in` over the object would visit more than its own keys
 * (another prototype, or an enumerable key on Object.prototype): the full path decides and names the problem.
 */
function answersByItem(c: CompiledSet, answers: object, fast: boolean): (AssessmentAnswer | undefined)[] | null {
  if (fast && !onlyOwnEnumerable(answers)) return null;
  const byItem = new Array<AssessmentAnswer | undefined>(c.itemCount);
  const keys = Object.keys(answers);
  const all = answers as Record<string, AssessmentAnswer>;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const it = c.items.get(k);
    if (it === undefined) {
      if (fast) return null;
      continue; // the full path has refused such a key before it scores (checkAnswers)
    }
    byItem[it.index] = all[k];
  }
  return byItem;
}

/**
 * The result of a valid assessment. With `fast`, the answers have not been checked yet: each is checked as it is
 * scored, and `null` comes back as soon as one is not certainly valid (or one names no item), for the full path.
 * Scores, verdicts, lists and levels are computed here; the words are built when read (class `Result`).
 */
export function compute(c: CompiledSet, a: Assessment, fast: boolean): ScoreResult | null {
  const zone = a.facility.zone;
  const fkind = a.facility.kind;
  const byItem = answersByItem(c, a.answers, fast);
  if (!byItem) return null;
  const levels = c.model === 'levels';
  const mean = c.set.scoring.aggregation === 'mean-of-percentages';
  const unanswered: string[] = [];
  const unassessed: string[] = [];
  const notApplicable: string[] = [];
  const failedKnockouts: string[] = [];
  const missingEvidence: string[] = [];
  const ignoredAnswers: string[] = [];
  const L = c.levels;
  const flat: Tally[] = [];
  const sections: SectionTally[] = [];

  for (const s of c.sections) {
    const criteria: Tally[] = [];
    for (const cr of s.criteria) {
      // Sums: whole numbers on plain numbers while they stay safe integers, the rest exactly (fewer objects).
      let wholePoints = 0;
      let wholeMax = 0;
      let fracPoints = ZERO;
      let fracMax = ZERO;
      let anyApplicable = false;
      // levels model: the lowest level whose elements are not all met (L + 1 when all are)
      let defects: string[] | null = null;
      let pending: string[] | null = null; // level-1 elements not yet answered (or not assessable)
      const unmetByLevel: string[][] | null = levels ? [] : null;
      for (const it of cr.items) {
        const ans = byItem[it.index];
        let p: Exact | undefined;
        if (ans !== undefined) {
          if (fast) {
            const fp = fastAnswerPoints(it, ans);
            // not certainly valid: the full path decides (this pass is discarded)
            if (fp === undefined) return null;
            if (fp !== NO_VALUE) p = fp;
          } else if (ans.value !== undefined) p = it.points(ans.value);
        }
        if (
          (it.zones && (zone === undefined || !it.zones.has(zone))) ||
          (it.facilityKinds && !it.facilityKinds.has(fkind))
        ) {
          notApplicable.push(it.id);
          // An answer to an item that does not apply to this facility is kept for the record, never counted.
          if (ans?.value !== undefined) ignoredAnswers.push(it.id);
          continue;
        }
        if (ans?.na === true) {
          notApplicable.push(it.id);
          continue;
        }
        anyApplicable = true;
        const m = it.max;
        if (m.den === 1 && typeof m.num === 'number' && Number.isSafeInteger(wholeMax + m.num)) wholeMax += m.num;
        else fracMax = add(fracMax, m);
        const hasPhoto = ans?.evidence !== undefined && ans.evidence.length > 0;
        if (ans === undefined || ans.value === undefined) {
          (ans?.unassessed !== undefined ? unassessed : unanswered).push(it.id);
          // Levels model: an element not yet answered counts as not met for the provisional level.
          if (unmetByLevel) {
            if (it.level === 1) (pending ??= []).push(it.id);
            else (unmetByLevel[it.level] ??= []).push(it.id);
          }
          if (it.photo === 'always' && !hasPhoto) missingEvidence.push(it.id);
          continue;
        }
        const value = ans.value;
        if (p!.den === 1 && typeof p!.num === 'number' && Number.isSafeInteger(wholePoints + p!.num))
          wholePoints += p!.num;
        else fracPoints = add(fracPoints, p!);
        const met = it.met(value, p!);
        if (it.knockout && !met) failedKnockouts.push(it.id);
        if (!hasPhoto && (it.photo === 'always' || (it.photo === 'when-not-met' && !met))) missingEvidence.push(it.id);
        if (unmetByLevel && !met) {
          if (it.level === 1) (defects ??= []).push(it.id);
          else (unmetByLevel[it.level] ??= []).push(it.id);
        }
      }
      const points = wholePoints === 0 ? fracPoints : add(int(wholePoints), fracPoints);
      const max = wholeMax === 0 ? fracMax : add(int(wholeMax), fracMax);
      let score: Bare;
      let level: number | undefined;
      let why: LevelWhy | undefined;
      if (levels && anyApplicable) {
        if (defects) {
          level = 1;
          why = { code: 'level.defect', list: defects };
        } else if (pending) {
          level = 1; // provisional: the answers so far do not rule the defects out (the result is incomplete)
          why = { code: 'level.pending', list: pending };
        } else {
          level = 1;
          while (level < L && !unmetByLevel![level + 1]) level++;
          why = level === L ? { code: 'level.top' } : { code: 'level.stopped', list: unmetByLevel![level + 1]! };
        }
        score = { applicable: true, points: int(level), max: int(L), percent: percentOf(int(level), int(L)) };
      } else if (levels) {
        score = { applicable: false, points: ZERO, max: ZERO, percent: undefined };
      } else if (anyApplicable && sign(max) > 0) {
        score = { applicable: true, points, max, percent: percentOf(points, max) };
      } else {
        score = { applicable: false, points, max, percent: undefined };
      }
      const t: Tally = { c: cr, id: cr.id, weight: cr.weight, score, level, why };
      criteria.push(t);
      flat.push(t);
    }
    sections.push({ id: s.id, weight: s.weight, score: aggregate(criteria, mean), criteria });
  }
  const totalBare = aggregate(sections, mean);
  const shown = shownFor(c, zone);
  const total = shownScore(totalBare, shown.total.percent, shown.total.points);
  const complete = unanswered.length === 0 && unassessed.length === 0;

  let meanLevel: Exact | undefined;
  let levelFields: Pick<ScoreResult, 'levelSum' | 'levelCounts' | 'weightedLevelSum'> | undefined;
  if (levels) {
    let wsum = ZERO;
    let wlev = ZERO;
    let sum = 0;
    const counts = new Array<number>(L).fill(0);
    for (const s of sections)
      for (const cr of s.criteria) {
        if (cr.level === undefined) continue;
        const w = mul(s.weight, cr.weight);
        wsum = add(wsum, w);
        wlev = add(wlev, mul(w, int(cr.level)));
        sum += cr.level;
        counts[cr.level - 1]! += 1;
      }
    levelFields = { levelSum: sum, levelCounts: counts, weightedLevelSum: wlev };
    if (sign(wsum) > 0) meanLevel = div(wlev, wsum);
  }

  // The verdict from the rules' statuses alone; their words are built when read.
  const rules = c.set.scoring.passRules ?? [];
  const judged = { zone, total: totalBare, sections, criteria: flat, failedKnockouts, meanLevel };
  let decision: ScoreResult['decision'] = 'none';
  if (!complete) decision = 'incomplete';
  else if (totalBare.applicable && rules.length)
    decision = rules.some((rule) => ruleStatus(rule, judged) === 'failed') ? 'fail' : 'pass';

  const result = new Result(
    { c, a, sections, shown, mean },
    {
      assessmentId: a.id,
      criteriaSet: { id: c.set.id, version: c.set.version, model: c.model, aggregation: c.set.scoring.aggregation },
      complete,
      decision,
      total,
    },
    { failedKnockouts, unanswered, unassessed, notApplicable, missingEvidence },
  );
  if (zone !== undefined) result.zone = zone;
  if (ignoredAnswers.length) result.ignoredAnswers = ignoredAnswers;
  if (levelFields) {
    result.levelSum = levelFields.levelSum!;
    result.levelCounts = levelFields.levelCounts!;
    result.weightedLevelSum = levelFields.weightedLevelSum!;
    if (meanLevel) result.meanLevel = meanLevel;
  }

  // A band is a verdict too: an incomplete result gets none (the points so far would understate it).
  const rating = c.set.scoring.rating;
  if (rating && complete) {
    const value = rating.metric === 'points' ? total.points : rating.metric === 'percent' ? total.percent : meanLevel;
    if (value) {
      let band: (typeof rating.bands)[number] | undefined;
      for (const b of rating.bands) if (cmp(value, fromDecimal(b.min)) >= 0) band = b;
      if (band) result.rating = { id: band.id, label: band.label, metric: rating.metric, value };
    }
  }
  return result;
}

/** A criterion's figures in a result: what counting across many results needs, without the words. */
export interface CriterionFigures {
  id: string;
  /** As `score.applicable` of the criterion result. */
  applicable: boolean;
  /** As `score.percent` of the criterion result (absent when it has none). */
  percent?: Exact | undefined;
  /** Its items, in the set's order, as the criterion result's `items`. */
  items: ItemFigures[];
}

/** An item's figures in a result: as `id`, `status` and `met` of its item result. */
export interface ItemFigures {
  id: string;
  status: ScoreResultItemResult['status'];
  met?: boolean | undefined;
}

function figure(id: string, applicable: boolean, percent: Exact | undefined, items: ItemFigures[]): CriterionFigures {
  return percent === undefined ? { id, applicable, items } : { id, applicable, percent, items };
}

/**
 * The per-criterion and per-item figures of a result (the criteria of every section in order, each with its
 * items), the same values as reading `sections`, `score` and `items`, without building the words: a result
 * of {@link score} builds its rules, reasons, display strings and level reasons on the first read of
 * `sections` (ADR 0006), which counting a council's 20,000 results does not need. Any other result (read from
 * JSON, or whose words were read already) is read from its `sections`.
 *
 * @example
 * for (const c of resultFigures(r)) if (c.applicable) console.log(c.id, c.percent, c.items.length);
 */
export function resultFigures(r: ScoreResult): CriterionFigures[] {
  const fast = r instanceof Result ? Result.figures(r) : undefined;
  if (fast) return fast;
  const out: CriterionFigures[] = [];
  for (const s of r.sections)
    for (const c of s.criteria)
      out.push(
        figure(
          c.id,
          c.score.applicable,
          c.score.percent,
          c.items.map((i) =>
            i.met === undefined ? { id: i.id, status: i.status } : { id: i.id, status: i.status, met: i.met },
          ),
        ),
      );
  return out;
}

const trustedSets = new WeakMap<object, CompiledSet>();

/**
 * {@link score} for documents the caller has already verified (ADR 0017): a set validated when it was built,
 * imported or published, and an assessment this program wrote or verified before storing it. It skips the two
 * schema validations (so it does not pull in the generated validators: the app's start-up path uses it) but keeps
 * every other check: the pinned set hash, the set's id and version, the facility, and each answer against its item
 * (an answer the set refuses comes back as the same problems {@link score} reports for it). Untrusted input
 * (files, imports, sync, anything typed by hand into a document) goes through {@link score} instead.
 * The pinned-set check uses the set's hash as `set-hash.ts` knows it (recorded ahead with `rememberSetHash`, or
 * computed: `index.ts` installs the hashing code, `@tieuchi/core/trusted` loads it with `loadSetHashing`); while it
 * knows none, a pinned document is refused with `verify.set-pin-unchecked`, never scored unchecked.
 *
 * @example
 * const r = scoreTrusted(builtInSet, storedAssessment); // both verified before they were kept
 */
export function scoreTrusted(set: CriteriaSet, assessment: Assessment): Outcome<ScoreResult> {
  const pinned = trustedPinProblems(set, assessment);
  if (pinned.length) return fail(pinned);
  let c = trustedSets.get(set);
  if (!c) {
    c = compileSet(set);
    trustedSets.set(set, c);
  }
  const mismatch = setMismatch(set, assessment);
  if (mismatch) return mismatch;
  const problems = checkFacility(c, assessment.facility);
  if (!problems.length) {
    const r = compute(c, assessment, true);
    if (r) return ok(r);
  }
  problems.push(...checkAnswers(c, assessment.answers));
  if (problems.length) return fail(problems);
  return ok(compute(c, assessment, false)!);
}
