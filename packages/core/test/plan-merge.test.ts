import { describe, expect, it } from 'vitest';
import { mergePlans } from '../src/index.js';
import type { ImprovementPlan } from '../src/index.js';

type Action = ImprovementPlan['actions'][number];
const plan = (actions: Action[], updatedAt = '2026-01-01T00:00:00.000Z'): ImprovementPlan => ({
  schemaVersion: 1,
  kind: 'improvement-plan',
  id: 'a1-plan',
  assessmentId: 'a1',
  facilityId: 'f1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  actions,
});
const act = (id: string, extra: Partial<Action> = {}): Action => ({
  id,
  itemId: id.slice(4),
  status: 'planned',
  ...extra,
});

describe('mergePlans (three-way, one field of one action is the unit of change)', () => {
  const base = plan([act('act-1.1'), act('act-1.2')]);

  it('keeps a change made on each side to different actions, in both orders', () => {
    const ours = plan([act('act-1.1', { status: 'done', completionEvidence: ['a'.repeat(64)] }), act('act-1.2')]);
    const theirs = plan([act('act-1.1'), act('act-1.2', { owner: 'Chị Lan' })], '2026-02-01T00:00:00.000Z');
    const one = mergePlans(base, ours, theirs)!;
    const two = mergePlans(base, theirs, ours)!;
    expect(one.conflicts).toEqual([]);
    expect(one.merged.actions).toEqual([
      act('act-1.1', { status: 'done', completionEvidence: ['a'.repeat(64)] }),
      act('act-1.2', { owner: 'Chị Lan' }),
    ]);
    expect(two.merged).toEqual(one.merged);
    expect(one.merged.updatedAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('keeps different fields of the same action changed on both sides', () => {
    const ours = plan([act('act-1.1', { status: 'in-progress' }), act('act-1.2')]);
    const theirs = plan([act('act-1.1', { due: '2026-03-31' }), act('act-1.2')]);
    const m = mergePlans(base, ours, theirs)!;
    expect(m.conflicts).toEqual([]);
    expect(m.merged.actions[0]).toEqual(act('act-1.1', { status: 'in-progress', due: '2026-03-31' }));
  });

  it('keeps the stored value of a field changed differently on both sides and lists the conflict', () => {
    const ours = plan([act('act-1.1', { status: 'done' }), act('act-1.2')]);
    const theirs = plan([act('act-1.1', { status: 'in-progress' }), act('act-1.2')]);
    const m = mergePlans(base, ours, theirs)!;
    expect(m.merged.actions[0]!.status).toBe('in-progress');
    expect(m.conflicts).toEqual([
      { actionId: 'act-1.1', itemId: '1.1', field: 'status', ours: 'done', theirs: 'in-progress' },
    ]);
  });

  it('treats clearing a field as a change', () => {
    const b = plan([act('act-1.1', { note: 'cũ' })]);
    const ours = plan([act('act-1.1')]);
    const m = mergePlans(b, ours, b)!;
    expect(m.merged.actions[0]).toEqual(act('act-1.1'));
    expect(m.conflicts).toEqual([]);
  });

  it('adds actions new on either side and keeps a removed action the other side changed', () => {
    const ours = plan([act('act-1.1'), act('act-2.1')]); // removed 1.2, added 2.1
    const theirs = plan([act('act-1.1'), act('act-1.2', { status: 'done' }), act('act-3.1')]);
    const m = mergePlans(base, ours, theirs)!;
    expect(m.merged.actions.map((a) => a.id)).toEqual(['act-1.1', 'act-1.2', 'act-3.1', 'act-2.1']);
    expect(m.conflicts).toEqual([
      {
        actionId: 'act-1.2',
        itemId: '1.2',
        field: 'action',
        ours: undefined,
        theirs: act('act-1.2', { status: 'done' }),
      },
    ]);
    const untouched = mergePlans(base, ours, base)!;
    expect(untouched.merged.actions.map((a) => a.id)).toEqual(['act-1.1', 'act-2.1']);
    expect(untouched.conflicts).toEqual([]);
  });

  it('without a shared revision lists every difference as a conflict, keeping the stored copy', () => {
    const ours = plan([act('act-1.1', { status: 'done' })]);
    const theirs = plan([act('act-1.1')]);
    const m = mergePlans(null, ours, theirs)!;
    expect(m.merged.actions).toEqual([act('act-1.1')]);
    expect(m.conflicts.map((c) => c.field)).toEqual(['status']);
  });

  it('refuses two different plans', () => {
    expect(mergePlans(null, plan([]), { ...plan([]), assessmentId: 'a2' })).toBeNull();
  });
});
