/**
 * Team inspections: after core's `mergeAssessments`, the lead decides each conflict. Pure: the merged draft is
 * a new assessment (new id), so no part — the lead's own included — is ever overwritten.
 */
import type { Assessment } from '../core.js';
import type { MergeOutcome } from './core.js';

/** The lead's choice on one conflicting item: one part's answer, or leave it open to assess again. */
export type MergeDecision = { pick: string } | 'open';

/** Items whose conflict has no decision yet. */
export const undecided = (o: MergeOutcome, decisions: ReadonlyMap<string, MergeDecision>): string[] =>
  o.conflicts.filter((c) => !decisions.has(c.itemId)).map((c) => c.itemId);

/**
 * The merged draft with the lead's decisions applied. Throws when a conflict is undecided or a decision names a
 * part that did not answer the item (programming errors: the UI offers only the candidates).
 */
export function resolveMerge(
  o: MergeOutcome,
  decisions: ReadonlyMap<string, MergeDecision>,
  id: string,
  now: string,
): Assessment {
  const answers = { ...o.merged.answers };
  for (const c of o.conflicts) {
    const d = decisions.get(c.itemId);
    if (d === undefined) throw new Error(`Conflict on "${c.itemId}" is not decided`);
    if (d === 'open') continue;
    const cand = c.candidates.find((x) => x.assessmentId === d.pick);
    if (!cand) throw new Error(`Part "${d.pick}" did not answer "${c.itemId}"`);
    answers[c.itemId] = cand.answer;
  }
  const merged: Assessment = { ...o.merged, id, answers, status: 'draft', createdAt: now, updatedAt: now };
  delete merged.submittedAt;
  delete merged.revisionOf;
  delete merged.signatures;
  delete merged.attestations;
  return merged;
}
