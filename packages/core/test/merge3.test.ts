/**
 * Three-way answer merge (decision 0005): hand-made cases for each rule, then seeded properties over random edit
 * sequences split across two copies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  lockAssessment,
  mergeThreeWay,
  resolveConflict,
  validateAssessment,
  verifyContentHash,
} from '../src/index.js';
import type { Assessment, AssessmentAnswer } from '../src/index.js';
import { makeSet } from './helpers.js';

const draft = (answers: Record<string, AssessmentAnswer>, extra: Partial<Assessment> = {}): Assessment => ({
  schemaVersion: 2,
  kind: 'assessment',
  id: 'a-1',
  criteriaSet: { id: 'demo', version: '1' },
  facility: { id: 'tram-a', name: 'Trạm Y tế A', kind: 'commune-station' },
  assessmentKind: 'external-inspection',
  status: 'draft',
  answers,
  ...extra,
});

const merge = (b: Assessment | null, o: Assessment, t: Assessment) => {
  const r = mergeThreeWay(b, o, t);
  if (!r.ok) throw new Error(r.errors[0]!.message.en);
  return r.value;
};

describe('mergeThreeWay: one part at a time', () => {
  const base = draft({ i1: { value: 'met', by: 'Lan' }, i2: { value: 'not-met', note: 'thiếu sổ' } });

  it("takes each copy's own changes and keeps both", () => {
    const ours = draft({ ...base.answers, i1: { value: 'not-met', by: 'Lan', at: '2026-05-14T08:00:00Z' } });
    const theirs = draft({ ...base.answers, i3: { value: 'met', by: 'Hùng' } });
    const m = merge(base, ours, theirs);
    expect(m.merged.answers).toEqual({
      i1: { value: 'not-met', by: 'Lan', at: '2026-05-14T08:00:00Z' },
      i2: { value: 'not-met', note: 'thiếu sổ' },
      i3: { value: 'met', by: 'Hùng' },
    });
    expect(m.conflicts).toEqual([]);
    expect(m.merged.conflicts).toBeUndefined();
    expect(m.changedByOurs).toEqual(['/answers/i1']);
    expect(m.changedByTheirs).toEqual(['/answers/i3']);
  });

  it('treats clearing an answer as a change, not as a gap to fill', () => {
    const ours = draft({ i2: base.answers.i2! }); // i1 cleared
    const m = merge(base, ours, base);
    expect(m.merged.answers.i1).toBeUndefined();
    expect(m.changedByOurs).toEqual(['/answers/i1']);
  });

  it('treats a note edit as a change that merges apart from the value', () => {
    const ours = draft({ ...base.answers, i2: { value: 'not-met', note: 'thiếu sổ theo dõi' } });
    const theirs = draft({ ...base.answers, i2: { value: 'met', note: 'thiếu sổ' } });
    const m = merge(base, ours, theirs);
    expect(m.merged.answers.i2).toEqual({ value: 'met', note: 'thiếu sổ theo dõi' });
    expect(m.conflicts).toEqual([]);
  });

  it('records a real conflict with both values, who and when, and leaves the part unset', () => {
    const ours = draft({ ...base.answers, i1: { value: 'partial', by: 'Lan', at: '2026-05-14T08:00:00Z' } });
    const theirs = draft({ ...base.answers, i1: { value: 'not-met', by: 'Hùng', at: '2026-05-14T07:00:00Z' } });
    const m = merge(base, ours, theirs);
    expect(m.merged.answers.i1).toBeUndefined();
    expect(m.conflicts).toEqual([
      {
        path: '/answers/i1',
        base: { value: 'met' },
        candidates: [
          { value: { value: 'not-met' }, by: 'Hùng', at: '2026-05-14T07:00:00Z' },
          { value: { value: 'partial' }, by: 'Lan', at: '2026-05-14T08:00:00Z' },
        ],
      },
    ]);
    expect(m.merged.conflicts).toEqual(m.conflicts);
    expect(validateAssessment(m.merged).ok).toBe(true);
  });

  it('keeps a conflict that is the only trace of an item (no answer left in any copy)', () => {
    // Found by the app's two-tab property test: the other tab wrote a merge with a conflict on i1 (left unset);
    // this tab, unchanged since the base, must take that conflict, not drop it.
    const ours = draft({ i2: base.answers.i2! });
    const conflict = { path: '/answers/i1', base: { value: 'met' }, candidates: [{ value: { value: 'partial' } }, {}] };
    const theirs = draft({ i2: base.answers.i2! }, { conflicts: [conflict] });
    const m = merge(ours, ours, theirs);
    expect(m.merged.conflicts).toEqual([conflict]);
    expect(merge(ours, theirs, ours).merged.conflicts).toEqual([conflict]);
  });

  it('does not let device clocks decide: the later `at` does not win', () => {
    const ours = draft({ i1: { value: 'met', at: '2099-01-01T00:00:00Z' } });
    const theirs = draft({ i1: { value: 'not-met', at: '2000-01-01T00:00:00Z' } });
    const m = merge(draft({}), ours, theirs);
    expect(m.conflicts.map((c) => c.path)).toEqual(['/answers/i1']);
  });

  it('merges photos as a set: removals and additions on either side both hold', () => {
    const b = draft({ i1: { value: 'met', evidence: ['a', 'b', 'c'] } });
    const ours = draft({ i1: { value: 'met', evidence: ['a', 'c', 'd'] } }); // removed b, added d
    const theirs = draft({ i1: { value: 'met', evidence: ['a', 'b', 'c', 'e'] } }); // added e
    expect(merge(b, ours, theirs).merged.answers.i1!.evidence).toEqual(['a', 'c', 'd', 'e']);
    expect(merge(b, theirs, ours).merged.answers.i1!.evidence).toEqual(['a', 'c', 'd', 'e']);
  });

  it('with no shared history, unions the answers and flags every item answered differently', () => {
    const lead = draft({ i1: { value: 'met' }, i2: { value: 'met' } }, { assessors: [{ name: 'Lan' }] });
    const second = draft({ i2: { value: 'not-met' }, i3: { na: true } }, { assessors: [{ name: 'Hùng' }] });
    const m = merge(null, lead, second);
    expect(Object.keys(m.merged.answers)).toEqual(['i1', 'i3']);
    expect(m.conflicts.map((c) => c.path)).toEqual(['/answers/i2']);
    expect(m.merged.assessors).toEqual([{ name: 'Hùng' }, { name: 'Lan' }]);
  });

  it('merges top-level fields by the same rule and keeps a required field when they conflict', () => {
    const b = draft({}, { note: 'ghi chú', assessmentKind: 'external-inspection' });
    const ours = draft({}, { note: 'ghi chú của Lan', assessmentKind: 'contest-round' });
    const theirs = draft({}, { note: 'ghi chú của Hùng', assessmentKind: 'self-assessment' });
    const m = merge(b, ours, theirs);
    expect(m.conflicts.map((c) => c.path)).toEqual(['/assessmentKind', '/note']);
    expect(m.merged.assessmentKind).toBe('external-inspection');
    expect(validateAssessment(m.merged).ok).toBe(true);
  });

  it('refuses locked copies, other assessments and other set versions', () => {
    const set = makeSet([{ id: 's', criteria: [{ id: 'c', items: [] }] }]);
    const locked = lockAssessment(draft({}), set, '2026-05-14T08:00:00Z');
    const r1 = mergeThreeWay(null, locked, draft({}));
    expect(r1.ok ? '' : r1.errors[0]!.code).toBe('merge.not-draft');
    const r2 = mergeThreeWay(null, draft({}), draft({}, { id: 'a-2' }));
    expect(r2.ok ? '' : r2.errors[0]!.code).toBe('merge.different-assessment');
    const r3 = mergeThreeWay(null, draft({}), draft({}, { criteriaSet: { id: 'demo', version: '2' } }));
    expect(r3.ok ? '' : r3.errors[0]!.code).toBe('loop.different-set');
  });
});

describe('resolveConflict', () => {
  it('sets the chosen candidate and removes the conflict; a resolution made on one copy then wins', () => {
    const base = draft({ i1: { value: 'met' } });
    const ours = draft({ i1: { value: 'partial', by: 'Lan' } });
    const theirs = draft({ i1: { value: 'not-met', by: 'Hùng' } });
    const m = merge(base, ours, theirs).merged;
    const r = resolveConflict(m, '/answers/i1', 1);
    expect(r.ok && r.value.answers.i1).toEqual({ value: 'partial', by: 'Lan' });
    expect(r.ok && r.value.conflicts).toBeUndefined();
    // The other copy still holds the conflict (it shared `m`): merging keeps the resolution.
    const again = merge(m, r.ok ? r.value : m, m);
    expect(again.conflicts).toEqual([]);
    expect(again.merged.answers.i1).toEqual({ value: 'partial', by: 'Lan' });
  });

  it('refuses a path with no conflict', () => {
    const r = resolveConflict(draft({}), '/answers/x', 0);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('merge.no-conflict');
  });
});

describe('assessment schema version 2 and the content hash', () => {
  it('hashes a version-2 assessment as version 1, leaving the campaign and merge bookkeeping out', () => {
    const set = makeSet([{ id: 's', criteria: [{ id: 'c', items: [] }] }]);
    const v1 = lockAssessment({ ...draft({ i1: { value: 'met' } }), schemaVersion: 1 }, set, '2026-05-14T08:00:00Z');
    const v2: Assessment = {
      ...v1,
      schemaVersion: 2,
      campaign: { id: 'vong-1-2026', label: '2026 - Vòng 1' },
      baseRevision: 'a'.repeat(64),
    };
    expect(verifyContentHash(v1)).toBe(true);
    expect(verifyContentHash(v2)).toBe(true);
    expect(contentHash(v2)).toBe(v1.contentHash);
    // What is attested still counts.
    const edited: Assessment = { ...v2, answers: { i1: { value: 'not-met' } } };
    expect(verifyContentHash(edited)).toBe(false);
  });

  it('refuses an assessment from a newer release', () => {
    const r = validateAssessment({ ...draft({}), schemaVersion: 3 });
    expect(r.ok ? '' : r.errors[0]!.code).toBe('schema.version-newer');
  });
});

// ---- properties -------------------------------------------------------------------------------------------

const ITEMS = ['i1', 'i2', 'i3', 'i4', 'i5'];
type Edit = { item: string; kind: 'value' | 'clear' | 'note' | 'photo+' | 'photo-'; v: number; who: string };
const editArb: fc.Arbitrary<Edit> = fc.record({
  item: fc.constantFrom(...ITEMS),
  kind: fc.constantFrom('value', 'clear', 'note', 'photo+', 'photo-'),
  v: fc.integer({ min: 0, max: 3 }),
  who: fc.constantFrom('Lan', 'Hùng'),
});

const photo = (n: number): string => String(n).repeat(64);

function apply(doc: Assessment, edits: readonly Edit[]): Assessment {
  const answers = structuredClone(doc.answers);
  for (const e of edits) {
    const a: AssessmentAnswer = answers[e.item] ?? {};
    if (e.kind === 'value') Object.assign(a, { value: ['met', 'not-met', 'partial', 'met'][e.v], by: e.who });
    if (e.kind === 'clear') delete answers[e.item];
    if (e.kind === 'note') a.note = `ghi chú ${e.v}`;
    if (e.kind === 'photo+') a.evidence = [...new Set([...(a.evidence ?? []), photo(e.v)])];
    if (e.kind === 'photo-') a.evidence = (a.evidence ?? []).filter((p) => p !== photo(e.v));
    if (e.kind !== 'clear') {
      if (a.evidence && !a.evidence.length) delete a.evidence;
      if (Object.keys(a).length) answers[e.item] = a;
      else delete answers[e.item]; // an empty answer is no answer
    }
  }
  return { ...doc, answers };
}

const caseArb = fc.record({
  start: fc.array(editArb, { maxLength: 8 }),
  left: fc.array(editArb, { maxLength: 8 }),
  right: fc.array(editArb, { maxLength: 8 }),
});

const RUNS = { seed: 20261201, numRuns: 1500 };

describe('mergeThreeWay properties (seeded)', () => {
  it('is commutative, idempotent, and keeps every side-only change while listing every two-sided one', () => {
    fc.assert(
      fc.property(caseArb, ({ start, left, right }) => {
        const base = apply(draft({}), start);
        const ours = apply(base, left);
        const theirs = apply(base, right);
        const m = merge(base, ours, theirs);
        // Commutative.
        expect(merge(base, theirs, ours).merged).toEqual(m.merged);
        // Idempotent: a copy with itself, and the result again with either input.
        expect(merge(base, ours, ours).merged).toEqual({ ...ours, answers: ours.answers });
        expect(merge(base, m.merged, ours).merged).toEqual(m.merged);
        expect(merge(base, m.merged, theirs).merged).toEqual(m.merged);
        // Every part changed on one side only holds that side's last value; both-sided different changes conflict.
        const conflictPaths = new Set(m.conflicts.map((c) => c.path));
        for (const id of ITEMS) {
          for (const part of ['decisive', 'note'] as const) {
            const get = (d: Assessment) => {
              const a = d.answers[id];
              if (part === 'note') return a?.note;
              return a && (a.value !== undefined || a.na) ? a.value : undefined;
            };
            const path = part === 'note' ? `/answers/${id}/note` : `/answers/${id}`;
            const [b, o, t] = [get(base), get(ours), get(theirs)];
            if (o === b && t !== b) expect(get(m.merged)).toBe(t);
            else if (t === b && o !== b) expect(get(m.merged)).toBe(o);
            else if (o !== b && t !== b && o !== t) {
              expect(conflictPaths.has(path)).toBe(true);
              expect(get(m.merged)).toBeUndefined();
            }
          }
        }
        expect(validateAssessment(m.merged).ok).toBe(true);
      }),
      RUNS,
    );
  });
});
