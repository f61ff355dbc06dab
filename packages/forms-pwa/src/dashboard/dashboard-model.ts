/**
 * Pure views for the council / contest dashboard over many scored assessments of one set: rounds, the heat map
 * of criteria by facility, the trend of a facility over rounds, and the rows of the CSV exports. Ranking and
 * aggregation themselves are core's (`rankByScore`, `rankByImprovement`, `aggregate`).
 */
import type { CriteriaSet } from '../core.js';
import {
  exactToNumber,
  facilityKey,
  formatPercent,
  mul,
  HUNDRED,
  type Exact,
  type ImprovementRanking,
  type ScoreRanking,
  type Scored,
} from '../loop/core.js';
import { byWhen, when } from '../loop/scored.js';

export interface Round {
  id: string;
  label: string;
  /** Earliest assessment date in the round: rounds are ordered by it. */
  first: string;
  count: number;
}

/** The rounds present in `list`, oldest first (assessments without a round are not in any). */
export function roundsOf(list: readonly Scored[]): Round[] {
  const m = new Map<string, Round>();
  for (const s of list) {
    const r = s.assessment.round;
    if (!r) continue;
    const w = when(s.assessment);
    const have = m.get(r.id);
    if (!have) m.set(r.id, { id: r.id, label: r.label ?? r.id, first: w, count: 1 });
    else {
      have.count++;
      if (w < have.first) have.first = w;
    }
  }
  return [...m.values()].sort((a, b) => a.first.localeCompare(b.first) || a.id.localeCompare(b.id));
}

/** The sets present in `list` by id, with how many assessments use each, most used first. */
export function setsOf(list: readonly Scored[]): { id: string; set: CriteriaSet; count: number }[] {
  const m = new Map<string, { id: string; set: CriteriaSet; count: number }>();
  for (const s of list) {
    const have = m.get(s.set.id);
    if (have) {
      have.count++;
      if (s.set.version > have.set.version) have.set = s.set;
    } else m.set(s.set.id, { id: s.set.id, set: s.set, count: 1 });
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** The latest assessment of each facility (by date), in facility-name order. */
export function latestPerFacility(list: readonly Scored[]): Scored[] {
  const m = new Map<string, Scored>();
  for (const s of [...list].sort((a, b) => byWhen(a.assessment, b.assessment))) m.set(facilityKey(s.assessment), s);
  return [...m.values()].sort((a, b) => a.assessment.facility.name.localeCompare(b.assessment.facility.name, 'vi'));
}

export interface HeatMap {
  criteria: { id: string; short: string; title: string }[];
  facilities: { id: string; name: string; assessmentId: string }[];
  /** [facility][criterion]: the criterion's percentage, or undefined when not applicable or absent. */
  cells: (Exact | undefined)[][];
}

/** A criterion's short column label: the number at the end of its code ("Tiêu chí 3" -> "3"), else its position. */
export const shortCode = (code: string | undefined, i: number): string =>
  /([0-9]+[0-9A-Za-z.]*)\s*$/.exec(code ?? '')?.[1] ?? String(i + 1);

/** Criteria (in `set`'s order) by facility (latest assessment each) for the assessments in `list`. */
export function heatMap(
  list: readonly Scored[],
  set: CriteriaSet,
  title: (c: CriteriaSet['sections'][number]['criteria'][number]) => string,
): HeatMap {
  const criteria = set.sections
    .flatMap((s) => s.criteria)
    .map((c, i) => ({ id: c.id, short: shortCode(c.code, i), title: title(c) }));
  const latest = latestPerFacility(list);
  const cells = latest.map((s) => {
    const byId = new Map(
      s.result.sections.flatMap((x) => x.criteria).map((c) => [c.id, c.score.applicable ? c.score.percent : undefined]),
    );
    return criteria.map((c) => byId.get(c.id));
  });
  return {
    criteria,
    facilities: latest.map((s) => ({
      id: facilityKey(s.assessment),
      name: s.assessment.facility.name,
      assessmentId: s.assessment.id,
    })),
    cells,
  };
}

export interface TrendPoint {
  round: string;
  /** The round's name as written ("2026 - Vòng 1"), for people; `round` is its id. */
  roundLabel: string;
  when: string;
  percent: Exact | undefined;
  assessmentId: string;
}

/** A facility's total percentage at each of its assessments in `list` (latest per round), oldest first. */
export function trendOf(list: readonly Scored[], facilityId: string): TrendPoint[] {
  const mine = list
    .filter((s) => facilityKey(s.assessment) === facilityId)
    .sort((a, b) => byWhen(a.assessment, b.assessment));
  const byRound = new Map<string, Scored>();
  for (const s of mine) byRound.set(s.assessment.round?.id ?? `@${s.assessment.id}`, s);
  return [...byRound.values()].map((s) => ({
    round: s.assessment.round?.id ?? '',
    roundLabel: s.assessment.round?.label ?? s.assessment.round?.id ?? '',
    when: when(s.assessment),
    percent: s.result.complete ? s.result.total.percent : undefined,
    assessmentId: s.assessment.id,
  }));
}

/** The CSV of a score ranking: rank, tie, facility, id, percent, decision; then the unranked, marked. */
export function scoreCsvRows(
  r: ScoreRanking,
  words: { tie: string; incomplete: string; decision: (d: string) => string },
): (string | number)[][] {
  return [
    ...r.rows.map((x) => [
      x.rank,
      x.tied ? words.tie : '',
      x.facilityName,
      x.facilityId,
      formatPercent(x.percent),
      words.decision(x.decision),
      x.assessmentId,
    ]),
    ...r.incomplete.map((x) => ['', words.incomplete, x.facilityName, x.facilityId, '', '', x.assessmentId]),
  ];
}

/** The CSV of an improvement ranking: rank, tie, facility, baseline, follow-up, gain, gap closed; then the rest. */
export function improvementCsvRows(
  r: ImprovementRanking,
  words: { tie: string; full: string; missing: (which: 'baseline' | 'followup') => string; incomplete: string },
): (string | number)[][] {
  const share = (x: Exact) => formatPercent(mul(x, HUNDRED));
  return [
    ...r.rows.map((x) => [
      x.rank,
      x.tied ? words.tie : '',
      x.facilityName,
      x.facilityId,
      formatPercent(x.baseline),
      formatPercent(x.followup),
      formatPercent(x.gain),
      share(x.gapClosed),
    ]),
    ...r.alreadyFull.map((x) => [
      '',
      words.full,
      x.facilityName,
      x.facilityId,
      '100.0',
      formatPercent(x.followup),
      '',
      '',
    ]),
    ...r.missing.map((x) => ['', words.missing(x.missing), x.facilityName, x.facilityId, '', '', '', '']),
    ...r.incomplete.map((x) => ['', words.incomplete, x.facilityName, x.facilityId, '', '', '', '']),
  ];
}

/**
 * The rows of a score ranking for a spreadsheet: rank, tie, facility, score as a fraction (a `percent` column),
 * decision; then the unranked, marked. Numbers stay numbers (no formatted text), no internal ids.
 */
export function scoreSheetRows(
  r: ScoreRanking,
  words: { tie: string; incomplete: string; decision: (d: string) => string },
): (string | number | undefined)[][] {
  return [
    ...r.rows.map((x) => [
      x.rank,
      x.tied ? words.tie : '',
      x.facilityName,
      exactToNumber(x.percent) / 100,
      words.decision(x.decision),
    ]),
    ...r.incomplete.map((x) => [undefined, words.incomplete, x.facilityName, undefined, '']),
  ];
}

/**
 * The rows of an improvement ranking for a spreadsheet: rank, tie, facility, baseline and follow-up (fractions),
 * gain (percentage points, a number), share of the gap closed (a fraction); then the rest, marked.
 */
export function improvementSheetRows(
  r: ImprovementRanking,
  words: { tie: string; full: string; missing: (which: 'baseline' | 'followup') => string; incomplete: string },
): (string | number | undefined)[][] {
  const f = (x: Exact) => exactToNumber(x) / 100;
  return [
    ...r.rows.map((x) => [
      x.rank,
      x.tied ? words.tie : '',
      x.facilityName,
      f(x.baseline),
      f(x.followup),
      exactToNumber(x.gain),
      exactToNumber(x.gapClosed),
    ]),
    ...r.alreadyFull.map((x) => [undefined, words.full, x.facilityName, 1, f(x.followup), undefined, undefined]),
    ...r.missing.map((x) => [undefined, words.missing(x.missing), x.facilityName]),
    ...r.incomplete.map((x) => [undefined, words.incomplete, x.facilityName]),
  ];
}
