/**
 * Campaign results computed with core's own functions (score, rankByScore, rankByImprovement, aggregate): no
 * second scoring code. Pure: the documents and the sets in, a plain-JSON result out (ADR 0016).
 */
import {
  aggregate,
  compareAssessments,
  reconcile,
  rankByImprovement,
  rankByScore,
  score,
  type Assessment,
  type Problem,
  type Scored,
} from '@tieuchi/core';
import type { SetLibrary } from './criteria.js';

/** The views of a campaign the server computes and stores. */
export const VIEWS = ['rank-score', 'rank-gain', 'rank-gap-closed', 'aggregate'] as const;
/** One of {@link VIEWS}. */
export type View = (typeof VIEWS)[number];

/** A document that could not be scored (its set missing on the server, or core refused it), with why. */
export interface Unscored {
  assessmentId: string;
  problems: Problem[];
}

/** Scores each document with its own set; those core refuses are listed, never dropped silently. */
export function scoreAll(
  docs: readonly { campaignId: string; body: Record<string, unknown> }[],
  sets: SetLibrary,
  roundOf: (campaignId: string) => string | undefined = () => undefined,
): { scored: Scored[]; unscored: Unscored[] } {
  const scored: Scored[] = [];
  const unscored: Unscored[] = [];
  for (const d of docs) {
    const a = d.body as unknown as Assessment;
    const set = sets.get(`${a.criteriaSet.id}@${a.criteriaSet.version}`)?.set;
    if (!set) {
      unscored.push({
        assessmentId: a.id,
        problems: [
          {
            code: 'verify.no-set',
            pointer: '/criteriaSet',
            message: { vi: 'Máy chủ không có bộ tiêu chí này.', en: 'The server does not have this criteria set.' },
          },
        ],
      });
      continue;
    }
    const r = score(set, a);
    if (!r.ok) {
      unscored.push({ assessmentId: a.id, problems: r.errors });
      continue;
    }
    // Rounds are paired by campaign, never by typed round names: the campaign id stands in as the round.
    const round = roundOf(d.campaignId);
    scored.push({ set, assessment: round ? { ...a, round: { id: round } } : a, result: r.value });
  }
  return { scored, unscored };
}

/**
 * Computes one view over the documents of a campaign (and, for improvement rankings, of its baseline campaign).
 * @param campaignId the campaign ranked.
 * @param baselineId its baseline campaign (improvement views only).
 */
export function computeView(
  view: View,
  docs: readonly { campaignId: string; body: Record<string, unknown> }[],
  sets: SetLibrary,
  campaignId: string,
  baselineId?: string,
): { result: unknown; unscored: Unscored[] } {
  if (view === 'rank-score' || view === 'aggregate') {
    const { scored, unscored } = scoreAll(docs, sets);
    return { result: view === 'aggregate' ? aggregate(scored) : rankByScore(scored), unscored };
  }
  const { scored, unscored } = scoreAll(docs, sets, (c) => c);
  const r = rankByImprovement(scored, baselineId!, campaignId, view === 'rank-gain' ? 'gain' : 'gap-closed');
  return { result: r, unscored };
}

/** The facility-level views: compare (a campaign against its baseline) and reconcile (self-assessment vs inspection). */
export type PairView = 'compare' | 'reconcile';

/**
 * Compares or reconciles one facility's assessments of two campaigns with core (`compareAssessments`, `reconcile`):
 * on each side the facility's submitted or locked assessment most recently changed. `first` is the baseline (compare)
 * or the self-assessment campaign (reconcile), `second` this campaign or the inspection campaign.
 * @returns null when either side has no scored assessment (its refused documents are in `unscored` only then).
 */
export function computePair(
  view: PairView,
  docs: readonly { campaignId: string; change: number; body: Record<string, unknown> }[],
  sets: SetLibrary,
  first: string,
  second: string,
): { result: unknown; unscored: Unscored[]; pair: { first: string; second: string } } | { missing: Unscored[] } {
  const latest = (campaignId: string) =>
    docs.filter((d) => d.campaignId === campaignId).sort((a, b) => b.change - a.change)[0];
  const a = latest(first);
  const b = latest(second);
  const { scored, unscored } = scoreAll(
    [a, b].filter((d) => d !== undefined),
    sets,
  );
  const sa = a && scored.find((x) => x.assessment.id === (a.body as { id: string }).id);
  const sb = b && scored.find((x) => x.assessment.id === (b.body as { id: string }).id);
  if (!sa || !sb) return { missing: unscored };
  const r = view === 'compare' ? compareAssessments(sa, sb) : reconcile(sa, sb);
  if (!r.ok) return { missing: [...unscored, { assessmentId: sb.assessment.id, problems: r.errors }] };
  return { result: r.value, unscored, pair: { first: sa.assessment.id, second: sb.assessment.id } };
}
