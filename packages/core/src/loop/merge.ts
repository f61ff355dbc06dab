/**
 * Team inspections: a council team splits one hospital inspection by sections across several tablets; the lead
 * merges the parts into one assessment. Answers that agree merge; conflicting answers are listed item by item for
 * the lead to decide, and are left unanswered in the merged assessment until then — nothing is silently
 * overwritten.
 */
import type { Assessment, AssessmentAnswer } from '../generated/types.js';
import { message } from '../messages.js';
import { type Outcome, fail, ok } from '../outcome.js';
import { facilityKey } from './common.js';

export interface MergeConflict {
  itemId: string;
  /** Each part's answer, with the part's assessment id and who answered. */
  candidates: { assessmentId: string; answer: AssessmentAnswer }[];
}

export interface MergeOutcome {
  merged: Assessment;
  conflicts: MergeConflict[];
  /** Items answered by exactly one part, by assessment id: who covered what. */
  coverage: Record<string, string[]>;
}

/** The part of an answer that decides the score: two answers agree when these are equal. */
const decisive = (a: AssessmentAnswer): string =>
  JSON.stringify([a.value ?? null, a.na === true, a.unassessed ?? null]);

function combine(answers: AssessmentAnswer[]): AssessmentAnswer {
  const out: AssessmentAnswer = { ...answers[0]! };
  const notes = [...new Set(answers.map((a) => a.note).filter((n): n is string => !!n))];
  if (notes.length) out.note = notes.join('\n');
  const evidence = [...new Set(answers.flatMap((a) => a.evidence ?? []))];
  if (evidence.length) out.evidence = evidence;
  return out;
}

/**
 * Merges `parts` (the lead's first) into one draft assessment that keeps the lead's id and metadata, with the
 * assessors of every part. All parts must be of the same facility and the same set version.
 */
export function mergeAssessments(parts: readonly Assessment[]): Outcome<MergeOutcome> {
  if (!parts.length) throw new Error('mergeAssessments needs at least one part');
  const lead = parts[0]!;
  for (const p of parts.slice(1)) {
    if (facilityKey(p) !== facilityKey(lead)) {
      return fail([
        {
          code: 'loop.different-facility',
          pointer: '/facility/id',
          message: message('loop.different-facility', { a: facilityKey(lead), b: facilityKey(p) }),
        },
      ]);
    }
    if (p.criteriaSet.id !== lead.criteriaSet.id || p.criteriaSet.version !== lead.criteriaSet.version) {
      const a = `${lead.criteriaSet.id}@${lead.criteriaSet.version}`;
      return fail([
        {
          code: 'loop.different-set',
          pointer: '/criteriaSet',
          message: message('loop.different-set', { a, b: `${p.criteriaSet.id}@${p.criteriaSet.version}` }),
        },
      ]);
    }
  }
  const byItem = new Map<string, { assessmentId: string; answer: AssessmentAnswer }[]>();
  for (const p of parts) {
    for (const [id, answer] of Object.entries(p.answers)) {
      let list = byItem.get(id);
      if (!list) byItem.set(id, (list = []));
      list.push({ assessmentId: p.id, answer });
    }
  }
  const answers: Record<string, AssessmentAnswer> = {};
  const conflicts: MergeConflict[] = [];
  const coverage: Record<string, string[]> = {};
  for (const [id, list] of byItem) {
    if (new Set(list.map((x) => decisive(x.answer))).size > 1) {
      conflicts.push({ itemId: id, candidates: list });
      continue;
    }
    answers[id] = combine(list.map((x) => x.answer));
    if (list.length === 1) (coverage[list[0]!.assessmentId] ??= []).push(id);
  }
  const names = new Set<string>();
  const assessors = parts.flatMap((p) => p.assessors ?? []).filter((a) => !names.has(a.name) && names.add(a.name));
  const merged: Assessment = { ...lead, status: 'draft', answers, assessors };
  delete merged.contentHash;
  delete merged.lockedAt;
  return ok({ merged, conflicts, coverage });
}
