/**
 * Reasons in words (issue 14): every explanation names the thing by its number and title and says what is needed,
 * with numbers written as each language writes them, and carries its message code and arguments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score, type Assessment, type CriteriaSet } from '../src/index.js';
import { message } from '../src/messages.js';
import { assess, binary, element, makeSet, oneSection } from './helpers.js';

const root = new URL('../../../', import.meta.url);
const read = <T>(p: string): T => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as T;
const ok = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('not ok');
  return r.value;
};

describe('reasons in words', () => {
  it('names the failing 1300 criterion by number and title with points, percentage and what is needed', () => {
    const set = read<CriteriaSet>('criteria/qd1300-commune-health.json');
    const a = read<Assessment>('examples/qd1300-commune-health/fails-one-criterion.assessment.json');
    const r = ok(score(set, a));
    // Criterion 9 has 1 of its 3 points: 33.33… %, shown 33,3 %; the rule asks for 50 %.
    expect(r.reasons.map((x) => x.vi)).toEqual([
      'Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe) đạt 1/3 điểm (33,3 %), cần ít nhất 50 %',
    ]);
    expect(r.reasons[0]!.en).toBe(
      'Criterion 9 (Health communication and education) is at 1/3 points (33.3%); at least 50% is needed',
    );
    // No item of the 1300 set is a knockout item yet: the passed rule says so rather than "no knockout".
    expect(r.rules[2]!.message.vi).toBe(
      'Không có điểm liệt nào bị trượt (bộ tiêu chí chưa có chỉ tiêu nào là điểm liệt)',
    );
  });

  it('carries the code and arguments, so the same sentence can be written again from them', () => {
    const set = read<CriteriaSet>('criteria/qd1300-commune-health.json');
    const a = read<Assessment>('examples/qd1300-commune-health/fails-one-criterion.assessment.json');
    const reason = ok(score(set, a)).reasons[0]!;
    expect(reason.code).toBe('rule.node.failed');
    expect(reason.params).toMatchObject({ threshold: { vi: '50 %', en: '50%' } });
    expect(message(reason.code as 'rule.node.failed', reason.params)).toEqual({ vi: reason.vi, en: reason.en });
  });

  it('says "Không có điểm liệt nào bị trượt" when the set has knockout items and none failed', () => {
    const set = oneSection([{ id: 'c', items: [binary('a', 1), binary('k', 1, { knockout: true, code: '1.2' })] }], {
      passRules: [{ kind: 'no-failed-knockout' }],
    });
    expect(ok(score(set, assess(set, { a: 'not-met', k: 'met' }))).rules[0]!.message.vi).toBe(
      'Không có điểm liệt nào bị trượt',
    );
    // A failed one is named by its number and the start of its text.
    expect(ok(score(set, assess(set, { a: 'met', k: 'not-met' }))).reasons[0]!.vi).toBe(
      'Trượt 1 điểm liệt (chỉ tiêu bắt buộc phải đạt): 1.2 “Chỉ tiêu k”',
    );
  });

  it('lists open items by number and short text, three then how many more', () => {
    const items = ['1', '2', '3', '4', '5'].map((n) =>
      binary(`i${n}`, 1, { code: `9.${n}`, text: { vi: `Trạm có kế hoạch truyền thông năm và thực hiện số ${n}` } }),
    );
    const set = oneSection([{ id: 'c', items }]);
    const r = ok(score(set, assess(set, {})));
    expect(r.reasons[0]!.vi).toBe(
      'Còn 5 chỉ tiêu chưa trả lời: 9.1 “Trạm có kế hoạch truyền thông năm…”, ' +
        '9.2 “Trạm có kế hoạch truyền thông năm…”, 9.3 “Trạm có kế hoạch truyền thông năm…” ' +
        'và 2 mục khác',
    );
    expect(r.reasons[0]!.params).toMatchObject({ count: 5 });
  });

  it('says what a criterion needs to climb a level', () => {
    const set = makeSet(
      [
        {
          id: 's',
          criteria: [
            {
              id: 'a1',
              items: [element('e1', 1), element('e2', 2), element('e3', 3, { text: { vi: 'Có sơ đồ chỉ dẫn' } })],
            },
          ],
        },
      ],
      { model: 'levels', levels: 3 },
    );
    const r = ok(score(set, assess(set, { e1: 'met', e2: 'met', e3: 'not-met' })));
    expect(r.sections[0]!.criteria[0]!.levelReason!.vi).toBe('Đạt mức 2; để đạt mức 3 cần: “Có sơ đồ chỉ dẫn”');
  });

  it('shows a total that rounds onto an 80 % rule with enough digits to agree with the decision', () => {
    // 7999 of 10000 = 79.99 %: half-up to one decimal would read 80.0 % against "at least 80 %".
    const set = oneSection([{ id: 'c', items: [binary('x', 7999), binary('y', 2001)] }], {
      passRules: [{ kind: 'total-percent-at-least', percent: 80 }],
    });
    const r = ok(score(set, assess(set, { x: 'met', y: 'not-met' })));
    expect(r.total.display.percent).toBe('79.99');
    expect(r.reasons[0]!.vi).toBe(
      'Tổng điểm đạt 7999/10000 điểm (79,99 %), cần ít nhất 80 %: thiếu 0,01 điểm phần trăm',
    );
    // The criterion itself is judged by no rule: it keeps the plain rounding.
    expect(r.sections[0]!.criteria[0]!.score.display.percent).toBe('80.0');
  });
});
