import { describe, expect, it } from 'vitest';
import { diffSets, localEdition, mergeAssessments, validateCriteriaSet, contentHash } from '../src/index.js';
import type { CriteriaSet } from '../src/index.js';
import { assess, binary, oneSection, station } from './helpers.js';

describe('merging a team inspection', () => {
  const set = oneSection([
    { id: 'k1', items: [binary('a', 1), binary('b', 1)] },
    { id: 'k2', items: [binary('c', 1), binary('d', 1)] },
  ]);
  const lead = {
    ...assess(set, { a: 'met', b: { value: 'met', note: 'Sổ đủ' } }),
    id: 'lead',
    assessors: [{ name: 'Trưởng đoàn' }],
  };
  const partB = {
    ...assess(set, { c: 'met', d: 'not-met', b: { value: 'met', note: 'Đã xem sổ' } }),
    id: 'tablet-2',
    assessors: [{ name: 'Thành viên 2' }, { name: 'Trưởng đoàn' }],
  };
  const partC = { ...assess(set, { d: 'met' }), id: 'tablet-3', assessors: [{ name: 'Thành viên 3' }] };

  it('merges answers that agree, keeping every note and the union of assessors', () => {
    const r = mergeAssessments([lead, partB]);
    if (!r.ok) throw new Error('merge');
    expect(r.value.conflicts).toEqual([]);
    expect(r.value.merged.id).toBe('lead');
    expect(r.value.merged.answers).toEqual({
      a: { value: 'met' },
      b: { value: 'met', note: 'Sổ đủ\nĐã xem sổ' },
      c: { value: 'met' },
      d: { value: 'not-met' },
    });
    expect(r.value.merged.assessors!.map((x) => x.name)).toEqual(['Trưởng đoàn', 'Thành viên 2']);
    expect(r.value.coverage).toEqual({ lead: ['a'], 'tablet-2': ['c', 'd'] });
  });
  it('lists conflicting answers item by item and leaves them unanswered: nothing is silently overwritten', () => {
    const r = mergeAssessments([lead, partB, partC]);
    if (!r.ok) throw new Error('merge');
    expect(r.value.conflicts).toEqual([
      {
        itemId: 'd',
        candidates: [
          { assessmentId: 'tablet-2', answer: { value: 'not-met' } },
          { assessmentId: 'tablet-3', answer: { value: 'met' } },
        ],
      },
    ]);
    expect(r.value.merged.answers.d).toBeUndefined();
  });
  it('refuses parts of another facility', () => {
    const r = mergeAssessments([lead, { ...partC, facility: { ...station, id: 'other' } }]);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('loop.different-facility');
  });
});

describe('differences between two versions of a set', () => {
  const v1 = oneSection([
    { id: 'k1', items: [binary('a', 1), binary('b', 2)] },
    { id: 'k2', items: [binary('c', 1)] },
  ]);
  const v2 = JSON.parse(JSON.stringify(v1)) as CriteriaSet;
  v2.version = '2';
  v2.sections[0]!.criteria[0]!.items[0]!.text = { vi: 'Chỉ tiêu a (lời văn chính thức)' };
  v2.sections[0]!.criteria[0]!.items[0]!.provenance = { wording: 'official' };
  v2.sections[0]!.criteria[0]!.items.splice(1, 1); // remove b
  v2.sections[0]!.criteria[1]!.items.push(binary('e', 1, { knockout: true }));
  v2.scoring.passRules = [{ kind: 'total-percent-at-least', percent: 80 }];

  it('names every change: wording, provenance, removed and added items, scoring', () => {
    const d = diffSets(v1, v2);
    expect(d.map((c) => [c.kind, c.level, c.id, c.field ?? ''])).toEqual([
      ['changed', 'set', 'test-set', 'scoring'],
      ['changed', 'item', 'a', 'text.vi'],
      ['changed', 'item', 'a', 'provenance'],
      ['removed', 'item', 'b', ''],
      ['added', 'item', 'e', ''],
    ]);
    expect(d[1]).toMatchObject({ before: 'Chỉ tiêu a', after: 'Chỉ tiêu a (lời văn chính thức)' });
  });
  it('finds no change between a set and itself', () => {
    expect(diffSets(v1, JSON.parse(JSON.stringify(v1)))).toEqual([]);
  });
});

describe('local editions of a shipped set', () => {
  const official: CriteriaSet = { ...oneSection([{ id: 'k1', items: [binary('a', 1)] }]), version: '2023.1' };
  it('keeps the id, records its origin by hash, and takes a version no official release uses', () => {
    const ed = localEdition(official);
    expect(ed.id).toBe(official.id);
    expect(ed.version).toBe('2023.1-local.1');
    expect(ed.origin).toEqual({ id: official.id, version: '2023.1', contentHash: contentHash(official) });
    expect(validateCriteriaSet(ed).ok).toBe(true);
  });
  it('numbers further editions after the ones that exist, keeping the first origin', () => {
    const ed1 = localEdition(official);
    const ed2 = localEdition(ed1, ['2023.1-local.1', '2023.1-local.2']);
    expect(ed2.version).toBe('2023.1-local.3');
    expect(ed2.origin).toEqual(ed1.origin);
  });
});
