/**
 * Campaign results computed with core's own functions (score, rankByScore, rankByImprovement, aggregate): no
 * second scoring code. Pure: the documents and the sets in, a plain-JSON result out (ADR 0016).
 */
import {
  aggregate,
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
