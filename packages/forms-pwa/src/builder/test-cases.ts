/**
 * Builder test cases: an answer set with the result its author expects (decision and total points). Each is
 * scored by core's `score` against the set being authored; the builder shows which agree.
 */
import { eq, parseFraction, toFractionString } from '@tieuchi/core';
import type { Assessment, CriteriaSet, FacilityKind, ScoreResult, Zone } from '../core.js';
import { score } from '../core-checked.js';

export type Decision = ScoreResult['decision'];

export interface TestCase {
  id: string;
  name: string;
  answers: Assessment['answers'];
  /** The facility the answers are for (zone and kind decide automatic N/A and zone thresholds). */
  zone?: Zone;
  facilityKind?: FacilityKind;
  expect: {
    decision?: Decision;
    /** Total points as written by the author: "8", "8.5" or "17/2". */
    total?: string;
  };
}

/** An in-memory draft assessment of `set` with these answers (never stored). */
export function testAssessment(
  set: CriteriaSet,
  answers: Assessment['answers'],
  zone?: Zone,
  facilityKind?: FacilityKind,
): Assessment {
  const facility: Assessment['facility'] = {
    id: 'builder-preview',
    name: 'Xem trước',
    kind: facilityKind ?? set.applicability.facilityKinds[0] ?? 'other',
  };
  if (zone) facility.zone = zone;
  return {
    schemaVersion: 1,
    kind: 'assessment',
    id: 'builder-preview',
    criteriaSet: { id: set.id, version: set.version },
    facility,
    assessmentKind: 'self-assessment',
    status: 'draft',
    answers,
  };
}

/** core's score of the answers, or the problems that stopped it (an invalid set, an answer it no longer allows). */
export function scoreAnswers(
  set: CriteriaSet,
  answers: Assessment['answers'],
  zone?: Zone,
  facilityKind?: FacilityKind,
) {
  return score(set, testAssessment(set, answers, zone, facilityKind));
}

/** Parses an expected total ("8", "8,5", "8.5", "17/2"); undefined when it is not a number. */
export function parseTotal(text: string) {
  const s = text.trim().replace(',', '.');
  if (!s) return undefined;
  try {
    return parseFraction(s);
  } catch {
    return undefined;
  }
}

export interface CaseOutcome {
  /** true: every expectation holds; false: one does not; undefined: the set cannot be scored now. */
  agrees: boolean | undefined;
  decision?: Decision;
  total?: string;
  /** What disagrees, for the author. */
  reasons: { vi: string; en: string }[];
}

/** Scores a test case against the set and compares with what its author expects. */
export function runCase(set: CriteriaSet, tc: TestCase): CaseOutcome {
  const r = scoreAnswers(set, tc.answers, tc.zone, tc.facilityKind);
  if (!r.ok) return { agrees: undefined, reasons: r.errors.slice(0, 3).map((e) => e.message) };
  const res = r.value;
  const reasons: CaseOutcome['reasons'] = [];
  if (tc.expect.decision && tc.expect.decision !== res.decision)
    reasons.push({
      vi: `Kết luận: mong đợi ${tc.expect.decision}, thực tế ${res.decision}`,
      en: `Decision: expected ${tc.expect.decision}, got ${res.decision}`,
    });
  if (tc.expect.total !== undefined && tc.expect.total !== '') {
    const want = parseTotal(tc.expect.total);
    if (!want || !eq(want, res.total.points))
      reasons.push({
        vi: `Tổng điểm: mong đợi ${tc.expect.total}, thực tế ${res.total.display.points}`,
        en: `Total: expected ${tc.expect.total}, got ${res.total.display.points}`,
      });
  }
  return { agrees: reasons.length === 0, decision: res.decision, total: res.total.display.points, reasons };
}

/** Reads stored test cases (a draft's `testCases: unknown[]`), dropping anything that is not one. */
export function readCases(stored: unknown[] | undefined): TestCase[] {
  return (stored ?? []).filter(
    (x): x is TestCase =>
      !!x &&
      typeof x === 'object' &&
      typeof (x as TestCase).id === 'string' &&
      typeof (x as TestCase).answers === 'object' &&
      typeof (x as TestCase).expect === 'object',
  );
}

/** A result's total as an expected-total text: exact ("8", "17/2"), so a saved case compares exactly. */
export const totalText = (r: ScoreResult): string => toFractionString(r.total.points);
