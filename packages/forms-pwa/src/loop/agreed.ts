/**
 * The agreed result of a reconciliation (decision 0019): per item where the self-assessment and the inspection
 * differ, the answer both sides agreed on — the self-assessment's, the inspection's, or another — with an optional
 * note. It is recorded on the inspection (`agreedResult`, outside the content hash, so a locked inspection keeps its
 * hash and signatures) and names the self-assessment by id and content hash. Pure functions; the view writes the
 * result through `AppStore.saveAgreedResult` (the one write path).
 */
import type { Assessment, CriteriaSetItem, ScoreResult } from '../core.js';
import { reconcile } from './core.js';
import { toScored, type ScoredSource } from './scored.js';

/** The agreed result as stored on the inspection. */
export type AgreedResult = NonNullable<Assessment['agreedResult']>;
/** One item's agreed answer. */
export type AgreedAnswer = AgreedResult['items'][string];
/** An answer of an assessment. */
type Answer = Assessment['answers'][string];

/** The inspection's agreed result when it was made with this self-assessment (else none: another pairing). */
export function agreedWith(insp: Assessment, self: Assessment): AgreedResult | undefined {
  const r = insp.agreedResult;
  return r && r.selfAssessment.id === self.id ? r : undefined;
}

/** The answer an agreed choice stands for (undefined: the item is left unanswered). */
export function agreedAnswer(choice: AgreedAnswer, self: Assessment, insp: Assessment, id: string): Answer | undefined {
  if (choice.from === 'self') return self.answers[id];
  if (choice.from === 'inspection') return insp.answers[id];
  if (choice.na) return { na: true };
  return choice.value === undefined ? undefined : { value: choice.value };
}

/**
 * The result with one item decided (`choice`) or undecided again (`undefined`); the other items are kept. The
 * self-assessment is linked by id and content hash; a result made with another self-assessment is replaced.
 */
export function withAgreed(
  insp: Assessment,
  self: Assessment,
  id: string,
  choice: AgreedAnswer | undefined,
  now: string,
): AgreedResult {
  const before = agreedWith(insp, self);
  const items = { ...(before?.items ?? {}) };
  if (choice) items[id] = choice;
  else delete items[id];
  return {
    selfAssessment: self.contentHash ? { id: self.id, contentHash: self.contentHash } : { id: self.id },
    recordedAt: now,
    ...(before?.by ? { by: before.by } : {}),
    items,
  };
}

/**
 * The inspection with the agreed answers in place of its own: what core scores as the agreed result. Items not
 * decided keep the inspection's answer.
 */
export function agreedAssessment(insp: Assessment, self: Assessment): Assessment {
  const r = agreedWith(insp, self);
  if (!r) return insp;
  const answers = { ...insp.answers };
  for (const [id, choice] of Object.entries(r.items)) {
    const a = agreedAnswer(choice, self, insp, id);
    if (a) answers[id] = a;
    else delete answers[id];
  }
  return { ...insp, answers };
}

/** The answers "another answer" can offer for an item: its categories (none for numbers: typed instead). */
export function otherChoices(item: CriteriaSetItem | undefined): string[] {
  const r = item?.response;
  if (!r) return [];
  if (r.kind === 'binary') return ['met', 'not-met'];
  if (r.kind === 'graded') return ['met', 'partial', 'not-met'];
  if (r.kind === 'choice') return r.options.map((o) => o.id);
  return [];
}

/** Where an assessment's agreed result stands: the pair, decided / differing items, and core's result after it. */
export interface AgreedSummary {
  self: Assessment;
  inspection: Assessment;
  done: number;
  total: number;
  after: ScoreResult | undefined;
}

/**
 * The agreed result an assessment takes part in (as the inspection that holds it, or as the self-assessment it
 * names), summed up for the views that show the inspection (results); undefined when there is none.
 */
export function agreedSummary(src: ScoredSource, all: Iterable<Assessment>, a: Assessment): AgreedSummary | undefined {
  const list = [...all];
  const inspection = a.agreedResult ? a : list.find((x) => x.agreedResult?.selfAssessment.id === a.id);
  const self = inspection && list.find((x) => x.id === inspection.agreedResult!.selfAssessment.id);
  if (!inspection || !self) return undefined;
  const ss = toScored(src, self);
  const si = toScored(src, inspection);
  const r = ss && si ? reconcile(ss, si) : undefined;
  if (!r?.ok) return undefined;
  const items = inspection.agreedResult!.items;
  const done = r.value.disagreements.filter((d) => items[d.id]).length;
  const after = toScored(src, agreedAssessment(inspection, self))?.result;
  return { self, inspection, done, total: r.value.disagreements.length, after };
}
