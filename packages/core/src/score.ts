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
import { type Exact, ZERO, add, cmp, div, eq, fromDecimal, int, mul, percentOf, sign } from './exact.js';
import { KIND_GRADED, type CCriterion, type CItem, type CompiledSet } from './compile.js';
import { checkAnswers, checkFacility, pointsFor } from './answers.js';
import { formatPercent, formatPoints } from './format.js';
import { explain, message } from './messages.js';
import { nameList, namesOf } from './names.js';
import { applyDisplayThresholds, displayThresholds, evaluateRule } from './rules/index.js';
import { type Outcome, fail, ok } from './outcome.js';
import { prepareSet } from './prepare.js';
import { validateAssessmentHeader, validateAssessmentShape } from './validate.js';
import { answersCertainlyValid } from './answer-fast.js';
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
  const met = it.kind <= KIND_GRADED ? value === 'met' : eq(p, it.max);
  const r: ScoreResultItemResult = { id: it.id, status: 'answered', value, points: p, max: it.max, met };
  if (it.knockout && !met) r.knockoutFailed = true;
  if (!hasPhoto && (it.photo === 'always' || (it.photo === 'when-not-met' && !met))) r.evidenceMissing = true;
  return r;
}

/**
 * The per-item explanation, built on first read (then kept as a plain property): scoring a contest round needs
 * the totals, a results page or a report needs the items. Enumerable, so JSON.stringify, structuredClone and
 * deep equality see an ordinary array. Reads the assessment's answers when first read: assessments are treated
 * as immutable once scored (as sets are).
 */
function lazyItems(target: ScoreResultCriterionResult, cr: CCriterion, a: Assessment): void {
  Object.defineProperty(target, 'items', {
    enumerable: true,
    configurable: true,
    get(this: ScoreResultCriterionResult) {
      const items = cr.items.map((it) => itemResult(it, a));
      Object.defineProperty(this, 'items', { value: items, enumerable: true, configurable: true, writable: true });
      return items;
    },
    set(this: ScoreResultCriterionResult, v: ScoreResultItemResult[]) {
      Object.defineProperty(this, 'items', { value: v, enumerable: true, configurable: true, writable: true });
    },
  });
}

interface Scored {
  sections: ScoreResultSectionResult[];
  flatCriteria: { c: CCriterion; r: ScoreResultCriterionResult }[];
  total: ScoreResultScore;
}

/**
 * Scores `assessment` with `set`: pure and deterministic. Bad data (an invalid set or assessment, an answer
 * to an unknown item, a wrong value, a set that is not the one the assessment was made with) is returned as
 * problems, never scored.
 *
 * Valid input never throws; exact values past 2^53 come back with digit-string fields (ADR 0006). Each
 * criterion's `items` explanation is built on first read from the assessment's answers: treat the assessment as
 * immutable once scored (as the app and the CLI do), or read the items before changing it.
 *
 * @example
 * const r = score(set, assessment);
 * if (r.ok) console.log(r.value.decision, r.value.total.display.percent);
 * else for (const p of r.errors) console.error(p.pointer, p.message.en);
 */
export function score(set: CriteriaSet, assessment: Assessment): Outcome<ScoreResult> {
  // A locked assessment is scored only with the very set it pinned (src/pin.ts).
  const pinned = pinnedSetProblems(set, assessment);
  if (pinned.length) return fail(pinned);
  const prepared = prepareSet(set);
  if (!prepared.ok) return prepared;
  const c = prepared.value;
  // Fast path: answers checked in one pass by hand, the rest by the schema; anything doubtful takes the full path.
  const fast = answersCertainlyValid(c, (assessment as Partial<Assessment> | null)?.answers);
  const shape = fast ? validateAssessmentHeader(assessment) : validateAssessmentShape(assessment);
  if (!shape.ok) return shape;
  const pin = assessment.criteriaSet;
  if (pin.id !== set.id || pin.version !== set.version) {
    return fail([
      {
        code: 'answer.set-mismatch',
        pointer: '/criteriaSet',
        message: message('answer.set-mismatch', { want: `${pin.id}@${pin.version}`, got: `${set.id}@${set.version}` }),
      },
    ]);
  }
  const problems = checkFacility(c, assessment.facility);
  if (!fast) problems.push(...checkAnswers(c, assessment.answers));
  if (problems.length) return fail(problems);
  return ok(compute(c, assessment));
}

function compute(c: CompiledSet, a: Assessment): ScoreResult {
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
      let points = ZERO;
      let max = ZERO;
      let anyApplicable = false;
      // levels model: the lowest level whose elements are not all met (L + 1 when all are)
      let defects: string[] | null = null;
      let pending: string[] | null = null; // level-1 elements not yet answered (or not assessable)
      const unmetByLevel: string[][] | null = levels ? [] : null;
      for (const it of cr.items) {
        const ans: AssessmentAnswer | undefined = hasOwn.call(answers, it.id) ? answers[it.id] : undefined;
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
        max = add(max, it.max);
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
        const p = pointsFor(it, value)!;
        points = add(points, p);
        const met = it.kind <= KIND_GRADED ? value === 'met' : eq(p, it.max);
        if (it.knockout && !met) failedKnockouts.push(it.id);
        if (!hasPhoto && (it.photo === 'always' || (it.photo === 'when-not-met' && !met))) missingEvidence.push(it.id);
        if (unmetByLevel && !met) {
          if (it.level === 1) (defects ??= []).push(it.id);
          else (unmetByLevel[it.level] ??= []).push(it.id);
        }
      }
      const cr2 = {
        id: cr.id,
        weight: cr.weight,
        score: scoreOf(false, ZERO, ZERO, undefined),
      } as ScoreResultCriterionResult;
      lazyItems(cr2, cr, a);
      if (levels) {
        if (anyApplicable) {
          let level: number;
          if (defects) {
            level = 1;
            cr2.levelReason = explain('level.defect', { list: itemList(defects) });
          } else if (pending) {
            level = 1; // provisional: the answers so far do not rule the defects out (the result is incomplete)
            cr2.levelReason = explain('level.pending', { list: itemList(pending) });
          } else {
            level = 1;
            while (level < L && !unmetByLevel![level + 1]) level++;
            cr2.levelReason =
              level === L
                ? explain('level.top', { level })
                : explain('level.stopped', { level, next: level + 1, list: itemList(unmetByLevel![level + 1]!) });
          }
          cr2.level = level;
          cr2.score = scoreOf(true, int(level), int(L), percentOf(int(level), int(L)));
        }
      } else if (anyApplicable && sign(max) > 0) {
        cr2.score = scoreOf(true, points, max, percentOf(points, max));
      } else {
        cr2.score = scoreOf(false, points, max, undefined);
      }
      flatCriteria.push({ c: cr, r: cr2 });
      return cr2;
    });
    return {
      id: s.id,
      weight: s.weight,
      score: aggregate(
        criteria.map((x) => ({ score: x.score, weight: x.weight })),
        mean,
      ),
      criteria,
    };
  });
  const total = aggregate(
    sections.map((x) => ({ score: x.score, weight: x.weight })),
    mean,
  );

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
