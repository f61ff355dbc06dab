/**
 * Locking (`lockAssessment`), the verdict recorded at locking, and the check that the current engine still agrees
 * with it. Locking lives here, above hashing and scoring, so that `hash.ts` imports nothing of core (no cycle).
 * A locked assessment is evidence: if a newer engine decides it differently, the app must say so rather than
 * silently show a new verdict (docs/scoring.md, "Locking").
 */
import type { Assessment, CriteriaSet, LocalizedText, ScoreResult } from './generated/types.js';
import { eq } from './exact.js';
import { message } from './all-messages.js';
import { ENGINE_VERSION } from './score.js';
import { score } from './score-checked.js';
import { contentHash } from './hash.js';
import { setContentHash } from './pin.js';

export type ScoredAtLock = NonNullable<Assessment['scoredAtLock']>;

/** The record of `result` as kept in `scoredAtLock`. */
export function recordOf(result: ScoreResult): ScoredAtLock {
  const r: ScoredAtLock = {
    engineVersion: ENGINE_VERSION,
    decision: result.decision,
    points: result.total.points,
    max: result.total.max,
  };
  if (result.total.percent) r.percent = result.total.percent;
  if (result.meanLevel) r.meanLevel = result.meanLevel;
  if (result.rating) r.rating = result.rating.id;
  return r;
}

/** Scores `a` with `set` and returns the record, or undefined when it cannot be scored (then nothing is recorded). */
export function scoredAtLock(set: CriteriaSet, a: Assessment): ScoredAtLock | undefined {
  const r = score(set, a);
  return r.ok ? recordOf(r.value) : undefined;
}

const sameExact = (x: ScoredAtLock['points'] | undefined, y: ScoredAtLock['points'] | undefined): boolean =>
  x === undefined || y === undefined ? x === y : eq(x, y);

const DECISION: Record<ScoredAtLock['decision'], LocalizedText & { en: string }> = {
  pass: { vi: 'đạt', en: 'pass' },
  fail: { vi: 'không đạt', en: 'fail' },
  incomplete: { vi: 'chưa đủ', en: 'incomplete' },
  none: { vi: 'không kết luận', en: 'no decision' },
};

/**
 * Compares the verdict recorded when `assessment` was locked with `current` (its result now).
 * @returns undefined when nothing was recorded (not locked, or locked before the record existed); otherwise
 *   whether the decision, total or rating changed, and a message for people naming both verdicts.
 */
export function lockedVerdict(
  assessment: Assessment,
  current: ScoreResult,
): { changed: boolean; then: ScoredAtLock; message: { vi: string; en: string } } | undefined {
  const then = assessment.scoredAtLock;
  if (!then) return undefined;
  const now = recordOf(current);
  const changed =
    then.decision !== now.decision ||
    !sameExact(then.points, now.points) ||
    !sameExact(then.max, now.max) ||
    !sameExact(then.meanLevel, now.meanLevel) ||
    then.rating !== now.rating;
  const args = {
    then: DECISION[then.decision],
    now: DECISION[now.decision],
    version: then.engineVersion,
    current: ENGINE_VERSION,
  };
  return { changed, then, message: message(changed ? 'lock.verdict-changed' : 'lock.verdict-same', args) };
}

/**
 * Locks an assessment: a new object with status "locked", `lockedAt`, the set's content hash pinned, the
 * assessment's own content hash recorded, and `scoredAtLock`: the decision and exact totals the scoring engine
 * gives now, with the engine version (see {@link lockedVerdict}). The input is not changed.
 */
export function lockAssessment(a: Assessment, set: CriteriaSet, now: string): Assessment {
  const locked: Assessment = {
    ...a,
    // The hash of the set's content, never the `contentHash` field it carries (a stale or forged one would pin a hash
    // that verification, which always hashes, then refuses).
    criteriaSet: { id: set.id, version: set.version, contentHash: setContentHash(set) },
    status: 'locked',
    lockedAt: now,
  };
  if (!locked.submittedAt) locked.submittedAt = now;
  delete locked.contentHash;
  delete locked.scoredAtLock;
  const record = scoredAtLock(set, locked);
  if (record) locked.scoredAtLock = record;
  locked.contentHash = contentHash(locked);
  return locked;
}
