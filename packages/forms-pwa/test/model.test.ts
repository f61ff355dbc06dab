import { describe, expect, it } from 'vitest';
import { newAssessment, slug, withAnswer } from '../src/model/assessment.js';
import { nextUnanswered, totalProgress } from '../src/model/progress.js';
import { fitWithin } from '../src/model/photo.js';
import { parseRoute, href } from '../src/router.js';
import { formatDate, parseDate } from '../src/i18n.js';
import { draft, scored, smallSet } from './helpers.js';

const now = '2025-01-01T00:00:00.000Z';

describe('withAnswer', () => {
  it('clears N/A and the unassessed reason when a value is chosen', () => {
    const a = withAnswer(draft({ i2: { na: true, note: 'x' } }), 'i2', { value: 'met' }, now);
    expect(a.answers.i2).toEqual({ value: 'met', note: 'x', at: now });
  });

  it('drops an answer left empty', () => {
    const a = withAnswer(draft({ i2: { value: 'met' } }), 'i2', { value: undefined }, now);
    expect(a.answers.i2).toBeUndefined();
  });

  it('refuses to change a locked assessment', () => {
    expect(() => withAnswer({ ...draft(), status: 'locked' }, 'i1', { value: 'met' }, now)).toThrow(/locked/);
  });
});

describe('progress', () => {
  it('counts N/A and unassessed items as done', () => {
    const r = scored(draft({ i1: { value: 'met' }, i2: { na: true }, i3: { unassessed: 'sổ bị khoá' } }));
    expect(totalProgress(r)).toEqual({ done: 3, total: 4 });
    expect(nextUnanswered(r)).toBe('i4');
  });

  it('wraps around to find the next unanswered item', () => {
    const r = scored(draft({ i2: { value: 'met' } }));
    expect(nextUnanswered(r, 'i4')).toBe('i1');
    expect(nextUnanswered(r, 'i1')).toBe('i3');
  });
});

describe('small pure helpers', () => {
  it('makes Id-safe round slugs from Vietnamese', () => {
    expect(slug('Đợt 1/2025')).toBe('Dot-1-2025');
  });
  it('fits photos within 1600 px keeping the ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
  it('round-trips routes', () => {
    for (const r of [{ view: 'home' }, { view: 'fill', id: 'a-1', section: 's 2' }, { view: 'io', id: 'x' }] as const)
      expect(parseRoute(href(r))).toEqual(r);
  });
  it('formats dates as dd/mm/yyyy and reads them back', () => {
    expect(formatDate('2025-03-07')).toBe('07/03/2025');
    expect(parseDate('7/3/2025')).toBe('2025-03-07');
    expect(parseDate('31/02/2025')).toBeUndefined();
    expect(parseDate('2025-03-07')).toBeUndefined();
  });
  it('pins a new assessment to the set version', () => {
    const a = newAssessment({
      set: smallSet,
      facility: { id: 'f', name: 'F', kind: 'commune-station' },
      assessmentKind: 'contest-round',
      assessors: [' A ', ''],
      assessedOn: '2025-01-01',
      round: 'Vòng 1',
      now,
    });
    expect(a.criteriaSet).toEqual({ id: 'test-small', version: '1.0' });
    expect(a.assessors).toEqual([{ name: 'A' }]);
    expect(a.round).toEqual({ id: 'Vong-1', label: 'Vòng 1' });
  });
});
