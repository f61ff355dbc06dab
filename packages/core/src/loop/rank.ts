/**
 * Contest ranking (Hội thi cải tiến hoạt động trạm y tế): by final score, and by improvement between a baseline
 * round and a follow-up round. Ties are stated, never broken silently; facilities missing a round and incomplete
 * assessments are listed, never dropped.
 */
import { type Exact, HUNDRED, cmp, div, sub } from '../exact.js';
import { type Scored, assessedWhen, facilityKey } from './common.js';

export interface Entry {
  facilityId: string;
  facilityName: string;
  assessmentId: string;
}

export interface ScoreRow extends Entry {
  /** Competition ranking: equal scores share a rank and the next rank is skipped (1, 1, 3). */
  rank: number;
  percent: Exact;
  decision: string;
  tied: boolean;
}

export interface ScoreRanking {
  round?: string;
  rows: ScoreRow[];
  /** Groups of facility ids that share a rank. */
  ties: string[][];
  /** Assessments with unanswered items: not ranked. */
  incomplete: Entry[];
  /** Assessments of a facility replaced by a later one of the same round. */
  superseded: Entry[];
}

export interface ImprovementRow extends Entry {
  rank: number;
  baseline: Exact;
  followup: Exact;
  /** followup - baseline, in percentage points. */
  gain: Exact;
  /** (followup - baseline) / (100 - baseline): the share of the gap to 100 % that was closed. */
  gapClosed: Exact;
  tied: boolean;
}

export interface ImprovementRanking {
  baselineRound: string;
  followupRound: string;
  by: 'gain' | 'gap-closed';
  rows: ImprovementRow[];
  ties: string[][];
  /** At 100 % at baseline: the gap cannot be closed further; listed apart, not divided by zero. */
  alreadyFull: (Entry & { followup: Exact })[];
  missing: (Entry & { missing: 'baseline' | 'followup' })[];
  incomplete: Entry[];
  superseded: Entry[];
}

const entry = (s: Scored): Entry => ({
  facilityId: facilityKey(s.assessment),
  facilityName: s.assessment.facility.name,
  assessmentId: s.assessment.id,
});

/** The latest assessment per facility among `list` (by assessedOn, then submitted/created time); the rest are superseded. */
function latestPerFacility(list: Scored[], superseded: Entry[]): Map<string, Scored> {
  const out = new Map<string, Scored>();
  for (const s of [...list].sort((a, b) => assessedWhen(a.assessment).localeCompare(assessedWhen(b.assessment)))) {
    const k = facilityKey(s.assessment);
    const prev = out.get(k);
    if (prev) superseded.push(entry(prev));
    out.set(k, s);
  }
  return out;
}

/** Assigns competition ranks to rows sorted best first by `key`; returns the tie groups. */
function assignRanks<T extends Entry & { rank: number; tied: boolean }>(rows: T[], key: (r: T) => Exact): string[][] {
  const ties: string[][] = [];
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (prev && cmp(key(prev), key(r)) === 0) {
      r.rank = prev.rank;
      r.tied = prev.tied = true;
      const group = ties.at(-1);
      if (group && group.includes(prev.facilityId)) group.push(r.facilityId);
      else ties.push([prev.facilityId, r.facilityId]);
    } else r.rank = i + 1;
  });
  return ties;
}

const byName = (a: Entry, b: Entry) =>
  a.facilityName.localeCompare(b.facilityName, 'vi') || a.facilityId.localeCompare(b.facilityId);

/** Ranks by total percentage (exact), best first; only `round` when given. */
export function rankByScore(entries: Scored[], round?: string): ScoreRanking {
  const superseded: Entry[] = [];
  const inRound = round === undefined ? entries : entries.filter((s) => s.assessment.round?.id === round);
  const incomplete: Entry[] = [];
  const rows: ScoreRow[] = [];
  for (const s of latestPerFacility(inRound, superseded).values()) {
    if (!s.result.complete || !s.result.total.percent) incomplete.push(entry(s));
    else rows.push({ ...entry(s), rank: 0, percent: s.result.total.percent, decision: s.result.decision, tied: false });
  }
  rows.sort((a, b) => cmp(b.percent, a.percent) || byName(a, b));
  const ties = assignRanks(rows, (r) => r.percent);
  const out: ScoreRanking = { rows, ties, incomplete: incomplete.sort(byName), superseded };
  if (round !== undefined) out.round = round;
  return out;
}

/** Ranks by improvement from `baselineRound` to `followupRound`, by percentage-point gain or by share of the gap closed. */
export function rankByImprovement(
  entries: Scored[],
  baselineRound: string,
  followupRound: string,
  by: 'gain' | 'gap-closed' = 'gain',
): ImprovementRanking {
  const superseded: Entry[] = [];
  const base = latestPerFacility(
    entries.filter((s) => s.assessment.round?.id === baselineRound),
    superseded,
  );
  const follow = latestPerFacility(
    entries.filter((s) => s.assessment.round?.id === followupRound),
    superseded,
  );
  const rows: ImprovementRow[] = [];
  const alreadyFull: ImprovementRanking['alreadyFull'] = [];
  const missing: ImprovementRanking['missing'] = [];
  const incomplete: Entry[] = [];
  for (const k of [...new Set([...base.keys(), ...follow.keys()])]) {
    const b = base.get(k);
    const f = follow.get(k);
    if (!b || !f) {
      missing.push({ ...entry((b ?? f)!), missing: b ? 'followup' : 'baseline' });
      continue;
    }
    if (!b.result.complete || !f.result.complete || !b.result.total.percent || !f.result.total.percent) {
      incomplete.push(entry(b.result.complete ? f : b));
      continue;
    }
    const bp = b.result.total.percent;
    const fp = f.result.total.percent;
    if (cmp(bp, HUNDRED) >= 0) {
      alreadyFull.push({ ...entry(f), followup: fp });
      continue;
    }
    const gain = sub(fp, bp);
    rows.push({
      ...entry(f),
      rank: 0,
      baseline: bp,
      followup: fp,
      gain,
      gapClosed: div(gain, sub(HUNDRED, bp)),
      tied: false,
    });
  }
  const key = (r: ImprovementRow) => (by === 'gain' ? r.gain : r.gapClosed);
  rows.sort((a, b) => cmp(key(b), key(a)) || byName(a, b));
  const ties = assignRanks(rows, key);
  return {
    baselineRound,
    followupRound,
    by,
    rows,
    ties,
    alreadyFull: alreadyFull.sort(byName),
    missing: missing.sort(byName),
    incomplete: incomplete.sort(byName),
    superseded,
  };
}
