/** Which assessments pair in the improvement loop (issue 13, items 9 and 11). */
import { describe, expect, it } from 'vitest';
import { assessmentLabel } from '../src/loop/labels.js';
import { previousSameKind, reconcilePartner } from '../src/loop/scored.js';
import { draft } from './helpers.js';

const at = (id: string, kind: 'self-assessment' | 'external-inspection', on: string, round?: string) => ({
  ...draft({}, id),
  assessmentKind: kind,
  assessedOn: on,
  ...(round ? { round: { id: round.replace(/\W+/g, '-'), label: round } } : {}),
});

describe('reconcilePartner', () => {
  const self1 = at('s1', 'self-assessment', '2026-01-10', '2026 - Vòng 1');
  const self2 = at('s2', 'self-assessment', '2026-06-05', '2026 - Vòng 2');
  const insp2 = at('i2', 'external-inspection', '2026-06-20', '2026 - Vòng 2');
  const insp1 = at('i1', 'external-inspection', '2026-01-20');
  it('takes the self-assessment of the same round, not the oldest', () => {
    expect(reconcilePartner([self1, self2, insp2], insp2)?.id).toBe('s2');
    expect(reconcilePartner([self1, self2, insp2], self1)?.id).toBe('i2'); // no inspection in round 1: the only one
  });
  it('without rounds, takes the nearest in time', () => {
    expect(reconcilePartner([self1, self2, insp1], insp1)?.id).toBe('s1');
  });
  it('never pairs two self-assessments', () => {
    expect(reconcilePartner([self1, self2], self2)).toBeUndefined();
  });
});

describe('previousSameKind', () => {
  it('never takes another kind as the previous round', () => {
    const self1 = at('s1', 'self-assessment', '2026-01-10');
    const insp = at('i2', 'external-inspection', '2026-06-20');
    const self2 = at('s2', 'self-assessment', '2026-06-25');
    expect(previousSameKind([self1, insp, self2], insp)).toBeUndefined();
    expect(previousSameKind([self1, insp, self2], self2)?.id).toBe('s1');
  });
});

describe('assessmentLabel', () => {
  it('shows the round as written, with the facility', () => {
    const label = assessmentLabel(at('s1', 'self-assessment', '2026-01-10', '2026 - Vòng 1'));
    expect(label).toContain('2026 - Vòng 1');
    expect(label).toContain('10/01/2026');
  });
});
