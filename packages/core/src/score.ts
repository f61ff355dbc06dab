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
import { type Exact, ZERO, add, cmp, div, fromDecimal, int, mul, percentOf, sign } from './exact.js';
import { type CCriterion, type CItem, type CompiledSet } from './compile.js';
import { compileSet } from './compile.js';
import { checkAnswers, checkFacility, pointsFor } from './answers.js';
import { formatPercent, formatPoints } from './format.js';
import { explain, message } from './messages.js';
import { nameList, namesOf } from './names.js';
import { applyDisplayThresholds, displayThresholds, evaluateRule } from './rules/index.js';
import { type Outcome, fail, ok } from './outcome.js';
import { NO_VALUE, enumerableKeyCount, fastAnswerPoints } from './answer-fast.js';
import { pinnedSetProblems } from './pin.js';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The version of the scoring rules. Bumped whenever a rule in docs/scoring.md changes what a result says, so a
 * locked assessment records which rules decided it (`scoredAtLock`). 2: the rules of ADR 0006.
 */
export const ENGINE_VERSION = '2';

function scoreOf(applicable: boolean, points: Exact, max: Exact, percent: Exact | undefined): ScoreResultScore {
  const display: ScoreResultScore['display'] = { points: formatPoints(points), max: formatPoints(max) };
  if (percent) display.percent = formatPercent(percent);
  const s: ScoreResultScore = { applicable, points, max, display };
  if (percent) s.percent = percent;
  return s;
}

interface Node {
  score: ScoreResultScore;
  weight: Exact;
}

/** Combines children by the set's aggregation; children not applicable (or of weight 0) drop out. */
function aggregate(children: readonly Node[], mean: boolean): ScoreResultScore {
  let points = ZERO;
  let max = ZERO;
  let wsum = ZERO;
  let wpct = ZERO;
  for (const ch of children) {
    if (!ch.score.applicable || ch.weight.num === 0) continue;
    points = add(points, mul(ch.weight, ch.score.points));
    max = add(max, mul(ch.weight, ch.score.max));
    if (mean) {
      wsum = add(wsum, ch.weight);
      wpct = add(wpct, mul(ch.weight, ch.score.percent!));
    }
  }
  if (max.num === 0) return scoreOf(false, points, max, undefined);
  return scoreOf(true, points, max, mean ? div(wpct, wsum) : percentOf(points, max));
}

/** One item's explained result (the same rules as the totals in compute(), item by item). */
function itemResult(it: CItem, a: Assessment): ScoreResultItemResult {
  const answers = a.answers;
  const zone = a.facility.zone;
  const ans: AssessmentAnswer | undefined = hasOwn.call(answers, it.id) ? answers[it.id] : undefined;
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

interface Scored {
  sections: ScoreResultSectionResult[];
  flatCriteria: { c: CCriterion; r: ScoreResultCriterionResult }[];
  total: ScoreResultScore;
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

/**
 * The result of a valid assessment. With `fast`, the answers have not been checked yet: each is checked as it is
 * scored, and `null` comes back as soon as one is not certainly valid (or one names no item), for the full path.
 */
export function compute(c: CompiledSet, a: Assessment, fast: boolean): ScoreResult | null {
  let seen = 0; // answers found (fast path): all of them must be answers to items
  let bailed = false;
  const zone = a.facility.zone;
  const fkind = a.facility.kind;
  const answers = a.answers;
  const levels = c.model === 'levels';
  const mean = c.set.scoring.aggregation === 'mean-of-percentages';
  const unanswered: string[] = [];
  const unassessed: string[] = [];
  const notApplicable: string[] = [];
  const failedKnockouts: string[] = [];
  const missingEvidence: string[] = [];
  const ignoredAnswers: string[] = [];
  const L = c.levels;
  const flatCriteria: Scored['flatCriteria'] = [];
  const names = namesOf(c.set);
  const itemList = (ids: readonly string[]) => nameList(ids.map((id) => names.item(id)));

  const sections: ScoreResultSectionResult[] = c.sections.map((s) => {
    const criteria: ScoreResultCriterionResult[] = s.criteria.map((cr) => {
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
        const ans: AssessmentAnswer | undefined = hasOwn.call(answers, it.id) ? answers[it.id] : undefined;
        let p: Exact | undefined;
        if (ans !== undefined) {
          if (fast) {
            const fp = fastAnswerPoints(it, ans);
            if (fp === undefined) {
              bailed = true; // not certainly valid: the full path decides (the rest of this pass is discarded)
              break;
            }
            if (fp !== NO_VALUE) p = fp;
            seen++;
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
      let score: ScoreResultScore;
      let level: number | undefined;
      let levelReason: ScoreResultCriterionResult['levelReason'];
      if (levels && anyApplicable) {
        if (defects) {
          level = 1;
          levelReason = explain('level.defect', { list: itemList(defects) });
        } else if (pending) {
          level = 1; // provisional: the answers so far do not rule the defects out (the result is incomplete)
          levelReason = explain('level.pending', { list: itemList(pending) });
        } else {
          level = 1;
          while (level < L && !unmetByLevel![level + 1]) level++;
          levelReason =
            level === L
              ? explain('level.top', { level })
              : explain('level.stopped', { level, next: level + 1, list: itemList(unmetByLevel![level + 1]!) });
        }
        score = scoreOf(true, int(level), int(L), percentOf(int(level), int(L)));
      } else if (levels) {
        score = scoreOf(false, ZERO, ZERO, undefined);
      } else if (anyApplicable && sign(max) > 0) {
        score = scoreOf(true, points, max, percentOf(points, max));
      } else {
        score = scoreOf(false, points, max, undefined);
      }
      const cr2 = new CriterionResult(cr, a, score);
      if (level !== undefined) {
        cr2.levelReason = levelReason!;
        cr2.level = level;
      }
      flatCriteria.push({ c: cr, r: cr2 });
      return cr2;
    });
    return {
      id: s.id,
      weight: s.weight,
      score: aggregate(criteria, mean), // the results are nodes themselves (score, weight): no copies
      criteria,
    };
  });
  // Every answer must have been an answer to an item (a key naming no item, or an inherited one: the full path).
  if (fast && (bailed || seen !== enumerableKeyCount(answers))) return null;
  const total = aggregate(sections, mean);

  const result: ScoreResult = {
    schemaVersion: 1,
    kind: 'result',
    assessmentId: a.id,
    criteriaSet: { id: c.set.id, version: c.set.version, model: c.model, aggregation: c.set.scoring.aggregation },
    complete: unanswered.length === 0 && unassessed.length === 0,
    decision: 'none',
    total,
    rules: [],
    reasons: [],
    failedKnockouts,
    unanswered,
    unassessed,
    notApplicable,
    missingEvidence,
    sections,
  };
  if (zone !== undefined) result.zone = zone;
  if (ignoredAnswers.length) result.ignoredAnswers = ignoredAnswers;

  let meanLevel: Exact | undefined;
  if (levels) {
    let wsum = ZERO;
    let wlev = ZERO;
    let sum = 0;
    const counts = new Array<number>(L).fill(0);
    sections.forEach((s, si) => {
      const sw = c.sections[si]!.weight;
      for (const cr of s.criteria) {
        if (cr.level === undefined) continue;
        const w = mul(sw, cr.weight);
        wsum = add(wsum, w);
        wlev = add(wlev, mul(w, int(cr.level)));
        sum += cr.level;
        counts[cr.level - 1]! += 1;
      }
    });
    result.levelSum = sum;
    result.levelCounts = counts;
    result.weightedLevelSum = wlev;
    if (sign(wsum) > 0) result.meanLevel = meanLevel = div(wlev, wsum);
  }

  const rules = c.set.scoring.passRules ?? [];
  const rating = c.set.scoring.rating;
  const shown = displayThresholds(
    rules,
    zone,
    rating && { metric: rating.metric, minimums: rating.bands.map((b) => fromDecimal(b.min)) },
  );
  applyDisplayThresholds(shown, total, sections);
  const ctx = {
    set: c,
    zone,
    total,
    sections,
    criteria: flatCriteria.map((x) => x.r),
    failedKnockouts,
    meanLevel,
    names,
  };
  for (const rule of rules) result.rules.push(evaluateRule(rule, ctx));
  // One reason per failed criterion or section (its own sentence), else the rule's message.
  for (const r of result.rules) {
    if (r.status !== 'failed') continue;
    if (r.failures?.every((f) => f.message)) for (const f of r.failures) result.reasons.push(f.message!);
    else result.reasons.push(r.message);
  }
  if (unanswered.length)
    result.reasons.push(explain('result.unanswered', { count: unanswered.length, list: itemList(unanswered) }));
  if (unassessed.length)
    result.reasons.push(explain('result.unassessed', { count: unassessed.length, list: itemList(unassessed) }));
  if (!result.complete) result.decision = 'incomplete';
  else if (!total.applicable) {
    // Nothing applicable: no rule has anything to judge, so there is no verdict (never a pass on 0 of 0).
    if (result.rules.length) result.reasons.push(explain('result.nothing-applicable'));
  } else if (result.rules.length) result.decision = result.rules.some((r) => r.status === 'failed') ? 'fail' : 'pass';

  // A band is a verdict too: an incomplete result gets none (the points so far would understate it).
  if (rating && result.complete) {
    const value = rating.metric === 'points' ? total.points : rating.metric === 'percent' ? total.percent : meanLevel;
    if (value) {
      let band: (typeof rating.bands)[number] | undefined;
      for (const b of rating.bands) if (cmp(value, fromDecimal(b.min)) >= 0) band = b;
      if (band) result.rating = { id: band.id, label: band.label, metric: rating.metric, value };
    }
  }
  return result;
}

const trustedSets = new WeakMap<object, CompiledSet>();

/**
 * {@link score} for documents the caller has already verified (ADR 0017): a set validated when it was built,
 * imported or published, and an assessment this program wrote or verified before storing it. It skips the two
 * schema validations (so it does not pull in the generated validators: the app's start-up path uses it) but keeps
 * every other check: the pinned set hash, the set's id and version, the facility, and each answer against its item
 * (an answer the set refuses comes back as the same problems {@link score} reports for it). Untrusted input
 * (files, imports, sync, anything typed by hand into a document) goes through {@link score} instead.
 *
 * @example
 * const r = scoreTrusted(builtInSet, storedAssessment); // both verified before they were kept
 */
export function scoreTrusted(set: CriteriaSet, assessment: Assessment): Outcome<ScoreResult> {
  const pinned = pinnedSetProblems(set, assessment);
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
