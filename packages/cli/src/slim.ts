/**
 * The small record a council-scale command keeps of each scored assessment (`rank`, `aggregate`), and reading,
 * verifying and scoring one file into it: the same steps in this process and in a worker (`pool-worker.ts`).
 */
import { verifyAttestations, type Aggregator, type CriteriaSet, type RegisteredKey, type Scored } from '@tieuchi/core';
import { readJson, type Lang } from './io.js';
import { type Io, givenSet, scoreLoaded, verifyLoaded } from './command.js';

/**
 * What `rank` and `aggregate` read of a scored assessment, and nothing more: each file is read, verified and
 * scored one at a time and only this is kept, so a council's 20,000 files do not hold 20,000 documents and
 * results in memory (the set is one shared object per run). Same fields, same values: the output is unchanged.
 */
export function slimScored(s: Scored, perItem = true): Scored {
  const a = s.assessment;
  const facility: Record<string, unknown> = { id: a.facility.id, name: a.facility.name };
  if (a.facility.registryId !== undefined) facility.registryId = a.facility.registryId;
  if (a.facility.zone !== undefined) facility.zone = a.facility.zone;
  const assessment: Record<string, unknown> = { id: a.id, facility };
  if (a.round) assessment.round = { id: a.round.id };
  for (const k of ['assessedOn', 'submittedAt', 'createdAt', 'updatedAt'] as const)
    if (a[k] !== undefined) assessment[k] = a[k];
  const r = s.result;
  const result: Record<string, unknown> = {
    decision: r.decision,
    complete: r.complete,
    total: { percent: r.total.percent },
    // Ranking reads no criterion or item: only aggregate keeps them.
    sections: !perItem
      ? []
      : r.sections.map((sec) => ({
          criteria: sec.criteria.map((c) => ({
            id: c.id,
            score: { applicable: c.score.applicable, percent: c.score.percent },
            items: c.items.map((i) => ({ id: i.id, status: i.status, met: i.met })),
          })),
        })),
  };
  return {
    set: s.set,
    assessment: assessment as unknown as Scored['assessment'],
    result: result as unknown as Scored['result'],
  };
}

/** How the files of a run are read: the `--set` already loaded, and the council's keys when `rank --keys`. */
export interface ScoreOptions {
  /** The `--set`, loaded already (a worker is given it), or its path, read after the file as `loadAssessment` does. */
  given?: CriteriaSet | undefined;
  setPath?: string | undefined;
  perItem: boolean;
  /** `aggregate`: every result is counted into an aggregator where it is scored (in each worker, per batch). */
  aggregate?: boolean | undefined;
  keys?: readonly RegisteredKey[] | undefined;
  receivedAt?: string | undefined;
}

/**
 * Reads, verifies (every check of `loadAssessment`) and scores one file, and gives its slim record and whether
 * it counts (with keys: signed by a registered device). Throws a `UserError` for a bad file, as `loadAssessment`.
 * With `acc`, the whole result is also counted there (`aggregate`: its figures, without building its words).
 */
export async function scoreOne(
  file: string,
  opts: ScoreOptions,
  io: Io,
  lang: Lang,
  acc?: Aggregator,
): Promise<{ slim: Scored; counted: boolean }> {
  const doc = readJson(file, lang);
  const given = opts.given ?? (opts.setPath ? givenSet(opts.setPath, io, lang) : undefined);
  const { assessment, set } = verifyLoaded(file, doc, given, io, lang);
  const s: Scored = { set, assessment, result: scoreLoaded(file, set, assessment, lang) };
  let counted = true;
  if (opts.keys) {
    const o: Parameters<typeof verifyAttestations>[1] = { set, keys: opts.keys };
    if (opts.receivedAt) o.receivedAt = opts.receivedAt;
    counted = (await verifyAttestations(assessment, o)).registered;
  }
  acc?.add(s);
  return { slim: slimScored(s, opts.perItem), counted };
}
