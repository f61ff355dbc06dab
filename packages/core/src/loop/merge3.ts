/**
 * Three-way merge of two copies of one draft assessment (two tabs, two tablets of an inspection team, an import,
 * the council server) against the revision both last shared: the base. An answer is the unit of change.
 *
 * Each item has three parts that merge on their own: the decisive part (`value`, `na`, `unassessed`, carried with
 * its `by` and `at`), the `note`, and the `evidence` photos. A part that one copy changed since the base is taken
 * from that copy; clearing a part, removing a photo and editing a note are changes like any other. A part both
 * copies changed to different values is a conflict: it is recorded in the merged document's `conflicts` with
 * every candidate (value, who, when) and the part is left unset until a person chooses ({@link resolveConflict}).
 * Device clocks decide nothing: `at` is shown to the person, never compared.
 *
 * The merge is commutative (swapping the two copies gives the same document) and idempotent (merging a copy with
 * itself, or a merge result again with either input, changes nothing). Decision 0005 explains the design.
 */
import canonicalize from 'canonicalize';
import type { Assessment, AssessmentAnswer, AssessmentConflict as Conflict } from '../generated/types.js';
import { message } from '../messages.js';
import { type Outcome, type Problem, fail, ok, pointerToken } from '../outcome.js';
import { facilityKey } from './common.js';

/** One candidate of a conflict: its value (absent: that copy cleared the part), who gave it and when. */
export type ConflictCandidate = Conflict['candidates'][number];

export interface Merge3Outcome {
  /** The merged draft, with every unresolved conflict in `conflicts` (or no `conflicts` field when none). */
  merged: Assessment;
  /** The conflicts this merge found, and those either copy already had (the same list as `merged.conflicts`). */
  conflicts: Conflict[];
  /** JSON Pointers of the parts `ours` changed since the base, and of those `theirs` changed. */
  changedByOurs: string[];
  changedByTheirs: string[];
}

type Json = unknown;
const canon = (x: Json): string => (x === undefined ? '' : (canonicalize as unknown as (v: unknown) => string)(x));
const same = (a: Json, b: Json): boolean => canon(a) === canon(b);

/** Top-level fields that are identity, bookkeeping or merged by a rule of their own. */
const SPECIAL = new Set([
  'kind',
  'id',
  'schemaVersion',
  'criteriaSet',
  'status',
  'answers',
  'conflicts',
  'assessors',
  'createdAt',
  'updatedAt',
  'contentHash',
  'lockedAt',
  'baseRevision',
]);

// ---- the parts of an answer --------------------------------------------------------------------------------

interface Decisive {
  value?: string | number;
  na?: boolean;
  unassessed?: string;
}

function decisiveOf(a: AssessmentAnswer | undefined): Decisive | undefined {
  if (!a) return undefined;
  const d: Decisive = {};
  if (a.value !== undefined) d.value = a.value;
  if (a.na === true) d.na = true;
  if (a.unassessed !== undefined) d.unassessed = a.unassessed;
  return Object.keys(d).length ? d : undefined;
}

const stamp = (a: AssessmentAnswer | undefined): { by?: string; at?: string } => {
  const s: { by?: string; at?: string } = {};
  if (a?.by !== undefined) s.by = a.by;
  if (a?.at !== undefined) s.at = a.at;
  return s;
};

/** A candidate for a conflict list; absent `value` = cleared. */
function candidate(value: Json, who: { by?: string; at?: string }): ConflictCandidate {
  const c: ConflictCandidate = {};
  if (value !== undefined) c.value = value;
  if (who.by !== undefined) c.by = who.by;
  if (who.at !== undefined) c.at = who.at;
  return c;
}

/** Candidates in one canonical order, without repeats, so that the merge does not depend on argument order. */
function normalise(cands: ConflictCandidate[]): ConflictCandidate[] {
  const byKey = new Map<string, ConflictCandidate>();
  for (const c of cands) byKey.set(canon(c), c);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}

/** Three-way merge of a set of strings (photo hashes): kept if both kept it, added if either added it. */
function mergeSet(
  base: readonly string[] = [],
  ours: readonly string[] = [],
  theirs: readonly string[] = [],
): string[] {
  if (same(ours, theirs) || same(theirs, base)) return [...ours];
  if (same(ours, base)) return [...theirs];
  const b = new Set(base);
  const o = new Set(ours);
  const t = new Set(theirs);
  const kept = base.filter((x) => o.has(x) && t.has(x));
  const added = [...new Set([...ours, ...theirs])].filter((x) => !b.has(x)).sort();
  return [...kept, ...added];
}

// ---- conflicts ---------------------------------------------------------------------------------------------

class Conflicts {
  private readonly byPath = new Map<string, Conflict>();
  readonly changedByOurs: string[] = [];
  readonly changedByTheirs: string[] = [];

  /** Adds a conflict, joining the candidates of one already recorded at the same path. */
  add(c: Conflict): void {
    const had = this.byPath.get(c.path);
    const candidates = normalise([...(had?.candidates ?? []), ...c.candidates]);
    const merged: Conflict = { path: c.path, candidates };
    const base = had && 'base' in had ? had.base : c.base;
    if (base !== undefined) merged.base = base;
    this.byPath.set(c.path, merged);
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  list(): Conflict[] {
    return [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

const indexConflicts = (a: Assessment | null): Map<string, Conflict> =>
  new Map((a?.conflicts ?? []).map((c) => [c.path, c]));

/** One copy's state of a part: a value (possibly absent), or an open conflict it already holds there. */
interface Side<T> {
  value: T | undefined;
  who: { by?: string; at?: string };
  open?: Conflict | undefined;
}

const stateKey = <T>(s: { value: T | undefined; open?: Conflict | undefined }): string =>
  s.open ? `c:${canon(normalise(s.open.candidates))}` : `v:${canon(s.value)}`;

/**
 * The three-way rule for one part, where each copy (and the base) is either a value or an open conflict: a copy
 * unchanged since the base yields to the other; two different changes make a conflict whose candidates are both
 * copies' values or candidates. So a conflict resolved on one copy stays resolved, and merging a result again
 * with either input changes nothing.
 */
function mergePartState<T>(
  path: string,
  base: Side<T>,
  o: Side<T>,
  t: Side<T>,
  out: Conflicts,
): { settled: boolean; value?: T | undefined } {
  const [kb, ko, kt] = [stateKey(base), stateKey(o), stateKey(t)];
  if (ko !== kb) out.changedByOurs.push(path);
  if (kt !== kb) out.changedByTheirs.push(path);
  const pick = ko === kt || kt === kb ? o : ko === kb ? t : undefined;
  if (pick && !pick.open) return { settled: true, value: pick.value };
  if (pick?.open) {
    out.add(pick.open);
    return { settled: false };
  }
  const cands: ConflictCandidate[] = [...(o.open?.candidates ?? []), ...(t.open?.candidates ?? [])];
  for (const s of [o, t]) {
    if (s.open) continue;
    if (!cands.some((c) => same(c.value, s.value))) cands.push(candidate(s.value, s.who));
  }
  const conflict: Conflict = { path, candidates: normalise(cands) };
  const baseValue = base.open ? base.open.base : base.value;
  if (baseValue !== undefined) conflict.base = baseValue;
  out.add(conflict);
  return { settled: false };
}

// ---- the merge ---------------------------------------------------------------------------------------------

function refuse(
  code: 'merge.not-draft' | 'merge.different-assessment',
  pointer: string,
  params: Record<string, string>,
): Outcome<Merge3Outcome> {
  const p: Problem = { code, pointer, message: message(code, params), params };
  return fail([p]);
}

/**
 * Three-way merge of two copies of one draft assessment.
 *
 * @param base the revision both copies last shared, or `null` when they share no history (two tablets that
 *   started the same inspection apart): then everything either copy holds counts as its change.
 * @param ours one copy (for example the one on this device).
 * @param theirs the other copy (another tab, an import, the server's).
 * @returns the merged draft and its conflicts, or a problem when the two are not copies of one draft: a
 *   different id, facility or criteria-set version, or a copy that is submitted or locked (a locked assessment is
 *   never merged into; changing it makes a new revision).
 * @example
 * const r = mergeThreeWay(lastSynced, onThisTablet, fromServer);
 * if (r.ok && r.value.conflicts.length) showSideBySide(r.value.conflicts);
 */
export function mergeThreeWay(base: Assessment | null, ours: Assessment, theirs: Assessment): Outcome<Merge3Outcome> {
  for (const [doc, which] of [
    [ours, 'ours'],
    [theirs, 'theirs'],
  ] as const) {
    if (doc.status !== 'draft') return refuse('merge.not-draft', '/status', { which, status: doc.status });
  }
  if (ours.id !== theirs.id) return refuse('merge.different-assessment', '/id', { a: ours.id, b: theirs.id });
  if (facilityKey(ours) !== facilityKey(theirs)) {
    return fail([
      {
        code: 'loop.different-facility',
        pointer: '/facility/id',
        message: message('loop.different-facility', { a: facilityKey(ours), b: facilityKey(theirs) }),
      },
    ]);
  }
  const cs = (a: Assessment): string => `${a.criteriaSet.id}@${a.criteriaSet.version}`;
  const pinned = [ours.criteriaSet.contentHash, theirs.criteriaSet.contentHash].filter((h) => h !== undefined);
  if (cs(ours) !== cs(theirs) || new Set(pinned).size > 1) {
    return fail([
      {
        code: 'loop.different-set',
        pointer: '/criteriaSet',
        message: message('loop.different-set', { a: cs(ours), b: cs(theirs) }),
      },
    ]);
  }

  const out = new Conflicts();
  const openO = indexConflicts(ours);
  const openT = indexConflicts(theirs);
  const openB = indexConflicts(base);

  // Answers, part by part.
  const answers: Record<string, AssessmentAnswer> = {};
  // An item whose only trace is an open conflict (its part left unset, no note, no photo) has no answer in any
  // copy: its id comes from the conflict's path, so the conflict is not dropped.
  const conflictIds = [openB, openO, openT].flatMap((m) =>
    [...m.keys()]
      .map((p) => /^\/answers\/([^/]+)/.exec(p)?.[1])
      .filter((x) => x !== undefined)
      .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~')),
  );
  const ids = [
    ...new Set([
      ...Object.keys(base?.answers ?? {}),
      ...Object.keys(ours.answers),
      ...Object.keys(theirs.answers),
      ...conflictIds,
    ]),
  ].sort();
  for (const id of ids) {
    const b = base?.answers[id];
    const o = ours.answers[id];
    const t = theirs.answers[id];
    const path = `/answers/${pointerToken(id)}`;
    const merged: AssessmentAnswer = {};

    const [db, dO, dT] = [decisiveOf(b), decisiveOf(o), decisiveOf(t)];
    const d = mergePartState(
      path,
      { value: db, who: stamp(b), open: openB.get(path) },
      { value: dO, who: stamp(o), open: openO.get(path) },
      { value: dT, who: stamp(t), open: openT.get(path) },
      out,
    );
    if (d.settled && d.value) {
      Object.assign(merged, d.value);
      // The stamp travels with the decisive part: from the copy it came from; when both gave it, one fixed choice.
      const fromO = same(dO, d.value);
      const fromT = same(dT, d.value);
      const who =
        fromO && fromT
          ? [stamp(o), stamp(t)].sort((x, y) => (canon(x) < canon(y) ? -1 : 1))[0]!
          : fromO
            ? stamp(o)
            : stamp(t);
      Object.assign(merged, who);
    }

    const notePath = `${path}/note`;
    const n = mergePartState(
      notePath,
      { value: b?.note, who: stamp(b), open: openB.get(notePath) },
      { value: o?.note, who: stamp(o), open: openO.get(notePath) },
      { value: t?.note, who: stamp(t), open: openT.get(notePath) },
      out,
    );
    if (n.settled && n.value !== undefined) merged.note = n.value;

    const ev = mergeSet(b?.evidence, o?.evidence, t?.evidence);
    if (!same(o?.evidence ?? [], b?.evidence ?? [])) out.changedByOurs.push(`${path}/evidence`);
    if (!same(t?.evidence ?? [], b?.evidence ?? [])) out.changedByTheirs.push(`${path}/evidence`);
    if (ev.length) merged.evidence = ev;

    if (Object.keys(merged).length) answers[id] = merged;
  }

  // Assessors: a set by name (two inspectors each adding themselves both stay).
  const assessorKey = (x: NonNullable<Assessment['assessors']>[number]): string => canon(x);
  const byKey = new Map(
    [...(base?.assessors ?? []), ...(ours.assessors ?? []), ...(theirs.assessors ?? [])].map((x) => [
      assessorKey(x),
      x,
    ]),
  );
  const assessorKeys = mergeSet(
    base?.assessors?.map(assessorKey),
    ours.assessors?.map(assessorKey),
    theirs.assessors?.map(assessorKey),
  );
  const assessors = assessorKeys.map((k) => byKey.get(k)!);

  // Every other top-level field: the three-way rule; a conflict keeps the base value (or, with none, the first
  // candidate in canonical order) so that a required field is never left out.
  const merged: Record<string, unknown> = { ...ours };
  const fields = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((k) => !SPECIAL.has(k)).sort();
  for (const k of fields) {
    const path = `/${pointerToken(k)}`;
    const b = (base as Record<string, unknown> | null)?.[k];
    const o = (ours as unknown as Record<string, unknown>)[k];
    const t = (theirs as unknown as Record<string, unknown>)[k];
    const r = mergePartState(
      path,
      { value: b, who: {}, open: openB.get(path) },
      { value: o, who: {}, open: openO.get(path) },
      { value: t, who: {}, open: openT.get(path) },
      out,
    );
    const value = r.settled
      ? r.value
      : b !== undefined
        ? b
        : normalise([candidate(o, {}), candidate(t, {})]).find((c) => c.value !== undefined)?.value;
    if (value === undefined) delete merged[k];
    else merged[k] = value;
  }

  merged.schemaVersion = Math.max(ours.schemaVersion, theirs.schemaVersion);
  merged.answers = answers;
  if (assessors.length) merged.assessors = assessors;
  else delete merged.assessors;
  const created = [ours.createdAt, theirs.createdAt].filter((x) => x !== undefined).sort()[0];
  const updated = [ours.updatedAt, theirs.updatedAt]
    .filter((x) => x !== undefined)
    .sort()
    .pop();
  if (created) merged.createdAt = created;
  if (updated) merged.updatedAt = updated;
  if (!ours.criteriaSet.contentHash && theirs.criteriaSet.contentHash) merged.criteriaSet = theirs.criteriaSet;
  delete merged.baseRevision;
  const conflicts = out.list();
  if (conflicts.length) merged.conflicts = conflicts;
  else delete merged.conflicts;
  return ok({
    merged: merged as unknown as Assessment,
    conflicts,
    changedByOurs: out.changedByOurs,
    changedByTheirs: out.changedByTheirs,
  });
}

/**
 * Resolves one conflict: sets the part at `path` to the chosen candidate's value (a candidate without a value
 * clears the part) and removes the conflict. The input is not changed.
 *
 * @param choice the index of the candidate in the conflict's `candidates`, or `{ value }` for a value the person
 *   typed instead (with `by`/`at` for an answer's decisive part).
 * @returns the updated assessment, or a problem when there is no conflict at `path` or no such candidate.
 */
export function resolveConflict(
  doc: Assessment,
  path: string,
  choice: number | ConflictCandidate,
): Outcome<Assessment> {
  const conflict = doc.conflicts?.find((c) => c.path === path);
  const picked = typeof choice === 'number' ? conflict?.candidates[choice] : choice;
  if (!conflict || !picked) {
    return fail([
      {
        code: 'merge.no-conflict',
        pointer: '/conflicts',
        message: message('merge.no-conflict', { path }),
        params: { path },
      },
    ]);
  }
  const next: Assessment = { ...doc, answers: { ...doc.answers } };
  const rest = (doc.conflicts ?? []).filter((c) => c !== conflict);
  if (rest.length) next.conflicts = rest;
  else delete next.conflicts;

  const m = /^\/answers\/([^/]+)(\/note)?$/.exec(path);
  if (m) {
    const id = m[1]!.replace(/~1/g, '/').replace(/~0/g, '~');
    const answer: AssessmentAnswer = { ...(next.answers[id] ?? {}) };
    if (m[2]) {
      if (picked.value === undefined) delete answer.note;
      else answer.note = String(picked.value);
    } else {
      delete answer.value;
      delete answer.na;
      delete answer.unassessed;
      delete answer.by;
      delete answer.at;
      Object.assign(answer, (picked.value ?? {}) as Decisive);
      if (picked.by !== undefined) answer.by = picked.by;
      if (picked.at !== undefined) answer.at = picked.at;
    }
    if (Object.keys(answer).length) next.answers[id] = answer;
    else delete next.answers[id];
    return ok(next);
  }
  const field = path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
  const target = next as unknown as Record<string, unknown>;
  if (picked.value === undefined) delete target[field];
  else target[field] = picked.value;
  return ok(next);
}
