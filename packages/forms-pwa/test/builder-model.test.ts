/** The builder's pure model: tree operations, problem mapping, versions, test cases, set import. */
import { describe, expect, it } from 'vitest';
import { contentHash } from '@tieuchi/core';
import type { CriteriaSet } from '../src/core.js';
import { getAt, setAt } from '../src/builder/pointer.js';
import { checkSet, describePlace, fieldPointer, indexProblems, nodeOf, problemsAt } from '../src/builder/problems.js';
import {
  addNode,
  allIds,
  blankSet,
  duplicateNode,
  duplicateSet,
  isUntouched,
  moveBy,
  moveTo,
  nodePointer,
  removeNode,
  type NodePath,
} from '../src/builder/tree.js';
import { nodeName, problemAtField, problemLine, problemWords } from '../src/builder/problem-words.js';
import { forPublication, localEditionDraft, nextFreeVersion, nextVersionDraft } from '../src/builder/versions.js';
import { runCase, type TestCase } from '../src/builder/test-cases.js';
import { parseSetFile } from '../src/builder/io.js';
import { smallSet } from './helpers.js';

/** Every id of sections, criteria and items, in document order (duplicates kept). */
const idList = (s: CriteriaSet) =>
  s.sections.flatMap((x) => [x.id, ...x.criteria.flatMap((c) => [c.id, ...c.items.map((i) => i.id)])]);
const unique = (s: CriteriaSet) => new Set(idList(s)).size === idList(s).length;

describe('tree operations', () => {
  it('adds sections, criteria and items with ids unique across the set', () => {
    let s = smallSet;
    // Each new node gets its text typed, as an author does (an untouched one is not added twice: next test).
    const typed = (r: { set: CriteriaSet; path: readonly number[] }, field: string) =>
      setAt(r.set, `${nodePointer(r.path as NodePath)}/${field}/vi`, 'x');
    for (let n = 0; n < 3; n++) {
      s = typed(addNode(s, 'item', [0, 0]), 'text');
      s = typed(addNode(s, 'criterion', [1]), 'title');
      s = typed(addNode(s, 'section', []), 'title');
    }
    expect(unique(s)).toBe(true);
    expect(s.sections).toHaveLength(5);
    expect(s.sections[0]!.criteria[0]!.items).toHaveLength(5);
    expect(smallSet.sections).toHaveLength(2); // the input is not changed
  });

  it('pressing "+ Phần" again while the new section is untouched adds no stray empty section', () => {
    const first = addNode(smallSet, 'section', []);
    expect(first.set.sections).toHaveLength(3);
    const again = addNode(first.set, 'section', []);
    expect(again.set).toBe(first.set); // nothing added
    expect(again.path).toEqual([2]); // the untouched one is selected
    // Once the author has typed something in it, "+ Phần" adds the next one.
    const named = setAt(first.set, '/sections/2/title/vi', 'Phần mới');
    expect(addNode(named, 'section', []).set.sections).toHaveLength(4);
    // Typing inside a child counts too: the section is no longer untouched.
    const inner = setAt(first.set, '/sections/2/criteria/0/items/0/text/vi', 'Có sổ');
    expect(addNode(inner, 'section', []).set.sections).toHaveLength(4);
    expect(isUntouched(first.set.sections[2]!, 'section')).toBe(true);
    expect(isUntouched(inner.sections[2]!, 'section')).toBe(false);
  });

  it('duplicates a section with fresh ids for everything under it', () => {
    const r = duplicateNode(smallSet, [0]);
    expect(r.path).toEqual([1]);
    expect(r.set.sections[1]!.id).toBe('s1-copy');
    expect(r.set.sections[1]!.criteria[0]!.items.map((i) => i.id)).toEqual(['i1-copy', 'i2-copy']);
    expect(unique(r.set)).toBe(true);
    expect(unique(duplicateNode(r.set, [0]).set)).toBe(true); // a second copy takes "-copy-2"
  });

  it('moves a node up and down among its siblings, clamped at the ends', () => {
    const down = moveBy(smallSet, [0, 0, 0], 1);
    expect(down.path).toEqual([0, 0, 1]);
    expect(down.set.sections[0]!.criteria[0]!.items.map((i) => i.id)).toEqual(['i2', 'i1']);
    expect(moveBy(down.set, [0, 0, 1], 5).path).toEqual([0, 0, 1]);
    expect(moveBy(smallSet, [1], -1).set.sections.map((s) => s.id)).toEqual(['s2', 's1']);
  });

  it('moves an item into another criterion (drag and drop) and keeps ids unique', () => {
    const r = moveTo(smallSet, [0, 0, 0], [1, 0, 0]);
    expect(r.set.sections[1]!.criteria[0]!.items.map((i) => i.id)).toEqual(['i1', 'i3', 'i4']);
    expect(r.set.sections[0]!.criteria[0]!.items.map((i) => i.id)).toEqual(['i2']);
    expect(unique(r.set)).toBe(true);
    expect(() => moveTo(smallSet, [0, 0, 0], [1, 0])).toThrow(/Cannot move an? item/);
  });

  it('removes a node and everything under it', () => {
    const s = removeNode(smallSet, [0]);
    expect(s.sections.map((x) => x.id)).toEqual(['s2']);
    expect(allIds(s).has('i1')).toBe(false);
  });

  it('duplicates a whole set under a new id, as version 1, without hash or origin', () => {
    const d = duplicateSet({ ...smallSet, contentHash: 'a'.repeat(64) }, 'my-copy');
    expect([d.id, d.version, d.contentHash, d.origin]).toEqual(['my-copy', '1', undefined, undefined]);
  });
});

describe('field-level problems', () => {
  it('files a blank text under its field pointer, with Vietnamese and English messages', () => {
    const idx = indexProblems(checkSet(blankSet('new-set')));
    const at = problemsAt(idx, '/sections/0/criteria/0/items/0/text/vi');
    expect(at).toHaveLength(1);
    expect(at[0]!.message.vi).toMatch(/Độ dài/);
    expect(at[0]!.message.en).toMatch(/length/);
    expect(problemsAt(idx, '/title/vi')).toHaveLength(1);
    expect(problemsAt(idx, '/source/documents/0/number')).toHaveLength(1);
  });

  it('files a missing required field under the field, not its parent', () => {
    const broken = setAt(smallSet, '/sections/0/criteria/0/items/1/response', undefined);
    const problems = checkSet(broken);
    const p = problems.find((x) => x.code === 'schema.required')!;
    expect(p.pointer).toBe('/sections/0/criteria/0/items/1');
    expect(fieldPointer(p)).toBe('/sections/0/criteria/0/items/1/response');
  });

  it('files missing points of a binary item under its points field', () => {
    const s = setAt(
      setAt(smallSet, '/sections/0/criteria/0/items/0/response', { kind: 'binary' }),
      '/scoring/maxPoints',
      undefined,
    );
    const idx = indexProblems(checkSet(s));
    expect(problemsAt(idx, '/sections/0/criteria/0/items/0/response/points').map((p) => p.code)).toEqual([
      'set.points-missing',
    ]);
  });

  it('files semantic problems (duplicate ids, maxima) at their field', () => {
    const dup = setAt(smallSet, '/sections/1/criteria/0/items/0/id', 'i1');
    expect(problemsAt(indexProblems(checkSet(dup)), '/sections/1/criteria/0/items/0/id')[0]!.code).toBe(
      'set.duplicate-id',
    );
    const max = setAt(smallSet, '/scoring/maxPoints', 11);
    expect(problemsAt(indexProblems(checkSet(max)), '/scoring/maxPoints')[0]!.code).toBe('set.max-mismatch');
  });

  it('finds the node of a pointer and names its place', () => {
    expect(nodeOf('/sections/1/criteria/0/items/1/response/bands/0/min')).toEqual([1, 0, 1]);
    expect(nodeOf('/scoring/passRules/0')).toBeUndefined();
    expect(describePlace(smallSet, '/sections/1/criteria/0/items/1/response', 'vi')).toBe(
      'Phần 2 (s2) › Tiêu chí 1 (c2) › Chỉ tiêu 2 (i4) › response',
    );
    expect(describePlace(smallSet, '/scoring/maxPoints', 'en')).toBe('scoring/maxPoints');
  });

  it('reads and writes values at a pointer without touching the input', () => {
    const s = setAt(smallSet, '/sections/0/title/en', 'First');
    expect(getAt(s, '/sections/0/title')).toEqual({ vi: 'Phần một', en: 'First' });
    expect(getAt(smallSet, '/sections/0/title/en')).toBe('Part one');
    expect(s.sections[1]).toBe(smallSet.sections[1]); // untouched branches are shared
  });
});

describe('versions', () => {
  it('takes the next free version label', () => {
    expect(nextFreeVersion('2026.1', [])).toBe('2026.1');
    expect(nextFreeVersion('2026.1', ['2026.1', '2026.2'])).toBe('2026.3');
    expect(nextFreeVersion('draft', ['draft'])).toBe('draft.1');
    expect(nextFreeVersion('2023.1-local.1', ['2023.1', '2023.1-local.1', '2023.1-local.4'])).toBe('2023.1-local.5');
  });

  it('makes a local edition of a shipped set: same id, -local.n version, origin by id, version and hash', () => {
    const official = forPublication(smallSet, '2025-01-01T00:00:00.000Z');
    const first = localEditionDraft(official, ['1.0']);
    expect(first.id).toBe(official.id);
    expect(first.version).toBe('1.0-local.1');
    expect(first.origin).toEqual({ id: 'test-small', version: '1.0', contentHash: official.contentHash });
    expect(checkSet(first)).toEqual([]);
    const second = localEditionDraft(official, ['1.0', '1.0-local.1']);
    expect(second.version).toBe('1.0-local.2');
    // Editing a local edition again keeps pointing at the official origin.
    expect(
      localEditionDraft(forPublication(second, '2025-02-01T00:00:00.000Z'), ['1.0', '1.0-local.1', '1.0-local.2'])
        .origin?.version,
    ).toBe('1.0');
  });

  it('publishes with a content hash that covers everything but itself', () => {
    const pub = forPublication(smallSet, '2025-01-01T00:00:00.000Z');
    expect(pub.contentHash).toBe(contentHash(pub));
    expect(pub.publishedAt).toBe('2025-01-01T00:00:00.000Z');
    const next = nextVersionDraft(pub, ['1.0']);
    expect([next.version, next.contentHash, next.publishedAt]).toEqual(['1.1', undefined, undefined]);
  });
});

describe('test cases', () => {
  const tc = (expect_: TestCase['expect']): TestCase => ({
    id: 'c',
    name: 'all met',
    answers: { i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 6 } },
    expect: expect_,
  });

  it('agrees when decision and total are as expected', () => {
    const out = runCase(smallSet, tc({ decision: 'pass', total: '10' }));
    expect(out).toMatchObject({ agrees: true, decision: 'pass', total: '10' });
  });

  it('says what disagrees', () => {
    const out = runCase(smallSet, tc({ decision: 'fail', total: '9.5' }));
    expect(out.agrees).toBe(false);
    expect(out.reasons.map((r) => r.en)).toEqual(['Decision: expected fail, got pass', 'Total: expected 9.5, got 10']);
  });

  it('reports a case that no longer fits the set instead of a verdict', () => {
    const out = runCase(removeNode(smallSet, [1]), tc({ decision: 'pass' }));
    expect(out.agrees).toBeUndefined();
    expect(out.reasons.length).toBeGreaterThan(0);
  });
});

describe('set import', () => {
  it('accepts a valid set file', () => {
    const out = parseSetFile(JSON.stringify(smallSet));
    expect(out.ok && out.set.id).toBe('test-small');
  });

  it('refuses bad files with a message naming the place', () => {
    expect(parseSetFile('{oops').ok).toBe(false);
    expect(parseSetFile('{"kind":"assessment"}')).toMatchObject({ ok: false, errors: [{ pointer: '/kind' }] });
    const bad = setAt(smallSet, '/sections/1/criteria/0/items/0/response/options/0/points', -1);
    const out = parseSetFile(JSON.stringify(bad));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors[0]!.pointer).toBe('/sections/1/criteria/0/items/0/response/options/0/points');
      expect(describePlace(out.doc, out.errors[0]!.pointer, 'vi')).toBe(
        'Phần 2 (s2) › Tiêu chí 1 (c2) › Chỉ tiêu 1 (i3) › response/options/0/points',
      );
    }
  });
});

describe('builder problems in words', () => {
  const lines = (set: CriteriaSet, lang: 'vi' | 'en') =>
    checkSet(set).map((p) => problemLine(problemWords(set, p, lang)));

  it('says where, what and what to do for a new blank set, in Vietnamese and English, with no path or jargon', () => {
    expect(lines(blankSet('x'), 'vi')).toEqual([
      'Bộ tiêu chí – tên tiếng Việt: chưa nhập. Nhập tên bộ tiêu chí.',
      'Bộ tiêu chí – số văn bản nguồn: chưa nhập. Nhập số văn bản nguồn.',
      'Phần 1 – tên tiếng Việt: chưa nhập. Nhập tên phần.',
      'Tiêu chí 1 – tên tiếng Việt: chưa nhập. Nhập tên tiêu chí.',
      'Chỉ tiêu 1 của Tiêu chí 1 – nội dung tiếng Việt: chưa nhập. Nhập nội dung chỉ tiêu.',
    ]);
    expect(lines(blankSet('x'), 'en')[3]).toBe(
      'Criterion 1 – Vietnamese name: not filled in. Enter the name of the criterion.',
    );
    for (const l of [...lines(blankSet('x'), 'vi'), ...lines(blankSet('x'), 'en')]) {
      expect(l).not.toMatch(/\/|title|text\b|≥|Độ dài|schema/);
    }
  });

  it('numbers criteria in the set order across sections and names a node by its title', () => {
    // smallSet: s1 holds c1, s2 holds c2 (criterion 2 of the set); without its own number, c2 is "Tiêu chí 2".
    let set = setAt(smallSet, '/sections/1/criteria/0/title/vi', '');
    set = setAt(set, '/sections/1/criteria/0/code', undefined);
    set = setAt(set, '/sections/1/criteria/0/items/0/code', undefined);
    set = setAt(set, '/sections/1/criteria/0/items/0/text/vi', '');
    set = setAt(set, '/sections/0/criteria/0/items/0/response/points', 'abc');
    const ws = checkSet(set).map((p) => problemWords(set, p, 'vi'));
    expect(ws.map((w) => w.where)).toEqual(
      expect.arrayContaining(['Tiêu chí 2 – tên tiếng Việt', 'Chỉ tiêu 1 của Tiêu chí 2 – nội dung tiếng Việt']),
    );
    const points = ws.find((w) => w.where.endsWith('số điểm'))!;
    expect(points.where).toBe('Chỉ tiêu 1.1 (Có nước sạch <b>không</b>) – số điểm'); // own number, title as text
    expect(points.what).toBe('không phải là số');
    expect(points.todo).toBe('Nhập một số, ví dụ 1 hoặc 0,5.');
    expect(points.technical).toMatch(/^\/sections\/0\/criteria\/0\/items\/0\/response\/points · schema\.type · /);
  });

  it('names the other place of a repeated id, and asks for an id without accents', () => {
    let set = setAt(smallSet, '/sections/1/criteria/0/id', 'c1');
    let w = checkSet(set).map((p) => problemWords(set, p, 'vi'));
    const dup = w.find((x) => x.technical.includes('set.duplicate-id'))!;
    expect(dup.what).toMatch(/^mã "c1" đã dùng ở Tiêu chí 1/);
    expect(dup.todo).toBe('Đổi sang một mã khác.');
    set = setAt(smallSet, '/sections/0/id', 'phần một');
    w = checkSet(set).map((p) => problemWords(set, p, 'vi'));
    expect(w[0]!.where).toMatch(/^Phần 1 .*– mã định danh$/);
    expect(w[0]!.todo).toMatch(/chữ không dấu/);
  });

  it('words a field error without the document (shown under the field)', () => {
    const p = checkSet(blankSet('x')).find((x) => x.pointer.endsWith('/criteria/0/title/vi'))!;
    expect(problemAtField(problemWords(undefined, p, 'vi'))).toBe('Chưa nhập. Nhập tên tiêu chí.');
    expect(problemAtField(problemWords(undefined, p, 'en'))).toBe('Not filled in. Enter the name of the criterion.');
  });

  it('names a node by number and title, never by id', () => {
    expect(nodeName(smallSet, '/sections/1/criteria/0', 'vi')).toMatch(/^Tiêu chí 2 \(.+\)$/);
    expect(nodeName(smallSet, '/sections/1/criteria/0', 'vi')).not.toContain('c2');
    expect(nodeName(blankSet('x'), '/sections/0', 'en')).toBe('Section 1');
  });
});
