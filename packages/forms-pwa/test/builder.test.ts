/** The builder's elements and session: every edit saved at once, errors at the field, publishing and versions. */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { score } from '@tieuchi/core';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { AppStore } from '../src/state/store.js';
import { setLocale } from '../src/i18n.js';
import { newAssessment } from '../src/model/assessment.js';
import { BuilderSession, newDraft } from '../src/builder/session.js';
import { indexProblems, checkSet } from '../src/builder/problems.js';
import { blankSet } from '../src/builder/tree.js';
import { localEditionDraft, versionsOf } from '../src/builder/versions.js';
import { setAt } from '../src/builder/pointer.js';
import '../src/builder/tc-builder-item.js';
import '../src/builder/tc-builder-tree.js';
import '../src/builder/tc-builder-versions.js';
import '../src/builder/tc-builder-preview.js';
import type { TcBuilderItem } from '../src/builder/tc-builder-item.js';
import type { TcBuilderTree, TreeOp } from '../src/builder/tc-builder-tree.js';
import type { TcBuilderVersions } from '../src/builder/tc-builder-versions.js';
import type { TcBuilderPreview } from '../src/builder/tc-builder-preview.js';
import '../src/builder/tc-builder-editor.js';
import type { TcBuilderEditor } from '../src/builder/tc-builder-editor.js';
import type { CriteriaSet } from '../src/core.js';
import type { EditDetail } from '../src/builder/fields.js';
import { mount, smallSet } from './helpers.js';

let n = 0;
let storage: Storage;
let store: AppStore;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  storage = new Storage(openTieuChiDB(`builder-${n++}`));
  store = new AppStore(storage);
});

afterEach(async () => {
  document.body.replaceChildren();
  setLocale('vi');
  await store.flush(); // a write still queued would finish after this file's page is gone (an unhandled error)
});

const facility = { id: 'f1', name: 'Trạm Y tế thử', kind: 'commune-station' as const };

describe('BuilderSession', () => {
  it('saves every edit at once (no save button)', async () => {
    const s = new BuilderSession(store, newDraft(blankSet('my-set')));
    s.edit('/title/vi', 'Bảng kiểm thử');
    s.edit('/sections/0/criteria/0/items/0/text/vi', 'Có sổ giao nhận');
    expect(s.saveState).toBe('saving');
    await s.flush();
    expect(s.saveState).toBe('saved');
    const stored = await storage.getSetDraft(s.draft.draftId);
    expect(stored?.set.title.vi).toBe('Bảng kiểm thử');
    expect(stored?.set.sections[0]!.criteria[0]!.items[0]!.text.vi).toBe('Có sổ giao nhận');
  });

  it('refuses to publish a set that does not validate, and stores nothing', async () => {
    const s = new BuilderSession(store, newDraft(blankSet('my-set')));
    const out = await s.publish(store);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems.length).toBeGreaterThan(0);
    expect(await storage.listSets()).toEqual([]);
    expect(store.sets.size).toBe(0);
  });

  it('publishes a new version each time; an assessment keeps its version, pinned by hash, and still scores', async () => {
    const s = new BuilderSession(store, newDraft(structuredClone(smallSet)));
    const v1 = await s.publish(store, '2025-03-01T00:00:00.000Z');
    expect(v1.ok && v1.set.version).toBe('1.0');
    const first = v1.ok ? v1.set : smallSet;
    const a = newAssessment({
      set: first,
      facility,
      assessmentKind: 'self-assessment',
      assessors: [],
      assessedOn: '2025-03-02',
      now: '2025-03-02T00:00:00.000Z',
    });
    expect(a.criteriaSet).toEqual({ id: 'test-small', version: '1.0', contentHash: first.contentHash });

    s.edit('/sections/0/criteria/0/items/0/response/points', 4);
    expect((await s.publish(store)).ok).toBe(false); // the stated maximum (10) no longer adds up
    s.edit('/scoring/maxPoints', 12);
    const v2 = await s.publish(store, '2025-04-01T00:00:00.000Z');
    expect(v2.ok && v2.set.version).toBe('1.1');
    expect(s.set.version).toBe('1.1');
    expect((await storage.listSets()).map((x) => x.key).sort()).toEqual(['test-small@1.0', 'test-small@1.1']);
    // The fill-in and new-assessment views find sets in the store by id@version.
    expect(store.setFor(a)).toBe(first);
    const r = score(store.setFor(a)!, { ...a, answers: { i1: { value: 'met' } } });
    expect(r.ok && r.value.total.display.max).toBe('10');
  });

  it('publishes a local edition of a shipped set as <v>-local.<n> with its origin', async () => {
    store.addSet(smallSet);
    const draft = localEditionDraft(smallSet, versionsOf(store.sets.values(), smallSet.id));
    const s = new BuilderSession(store, newDraft(draft));
    s.edit('/sections/0/criteria/0/items/1/text/vi', 'Nhà tiêu hợp vệ sinh (nguyên văn)');
    s.edit('/sections/0/criteria/0/items/1/provenance/wording', 'official');
    const out = await s.publish(store, '2025-05-01T00:00:00.000Z');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.set.id).toBe('test-small');
    expect(out.set.version).toBe('1.0-local.1');
    expect(out.set.origin?.version).toBe('1.0');
    expect(out.set.origin?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const again = await s.publish(store, '2025-05-02T00:00:00.000Z');
    expect(again.ok && again.set.version).toBe('1.0-local.2');
  });
});

describe('<tc-builder-item>', () => {
  async function itemEditor(set = blankSet('x')) {
    const el = document.createElement('tc-builder-item') as TcBuilderItem;
    el.item = set.sections[0]!.criteria[0]!.items[0]!;
    el.pointer = '/sections/0/criteria/0/items/0';
    el.problems = indexProblems(checkSet(set));
    return mount(el);
  }

  it("shows core's problem at the field in words (what is wrong, what to do), marked invalid, vi then en", async () => {
    const el = await itemEditor();
    const input = el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="text.vi"]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const err = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(err.textContent!.trim()).toBe('Chưa nhập. Nhập nội dung chỉ tiêu.');
    setLocale('en');
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent!.trim()).toBe(
      'Not filled in. Enter the wording of the item.',
    );
    expect(el.shadowRoot!.querySelector('[data-field="text.en"]')!.getAttribute('aria-invalid')).toBe('false');
  });

  it('sends each change with its pointer; clearing an optional field removes it', async () => {
    const set = setAt(blankSet('x'), '/sections/0/criteria/0/items/0/guidance', { vi: 'Xem sổ' });
    const el = await itemEditor(set);
    const seen = vi.fn();
    el.addEventListener('builder-edit', (e) => seen((e as CustomEvent<EditDetail>).detail));
    const g = el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="guidance.vi"]')!;
    g.value = '';
    g.dispatchEvent(new Event('input'));
    expect(seen).toHaveBeenLastCalledWith({ pointer: '/sections/0/criteria/0/items/0/guidance', value: undefined });
    const ko = el.shadowRoot!.querySelector<HTMLInputElement>('[data-field="knockout"]')!;
    ko.checked = true;
    ko.dispatchEvent(new Event('change'));
    expect(seen).toHaveBeenLastCalledWith({ pointer: '/sections/0/criteria/0/items/0/knockout', value: true });
  });

  it('replaces the response with the defaults of a new kind', async () => {
    const el = await itemEditor();
    const resp = el.shadowRoot!.querySelector('tc-builder-response')!;
    await resp.updateComplete;
    const seen = vi.fn();
    el.addEventListener('builder-edit', (e) => seen((e as CustomEvent<EditDetail>).detail));
    const sel = resp.shadowRoot!.querySelector<HTMLSelectElement>('[data-field="response-kind"]')!;
    sel.value = 'graded';
    sel.dispatchEvent(new Event('change'));
    expect(seen).toHaveBeenCalledWith({
      pointer: '/sections/0/criteria/0/items/0/response',
      value: { kind: 'graded', points: 2, partialPoints: 1 },
    });
  });

  it('offers the count-with-target kind: its defaults, then its target and points fields', async () => {
    const el = await itemEditor();
    const resp = el.shadowRoot!.querySelector('tc-builder-response')!;
    await resp.updateComplete;
    const seen = vi.fn();
    el.addEventListener('builder-edit', (e) => seen((e as CustomEvent<EditDetail>).detail));
    const sel = resp.shadowRoot!.querySelector<HTMLSelectElement>('[data-field="response-kind"]')!;
    expect([...sel.options].map((o) => o.value)).toEqual(['binary', 'graded', 'choice', 'numeric', 'count']);
    sel.value = 'count';
    sel.dispatchEvent(new Event('change'));
    const fresh = { kind: 'count', target: 1, comparison: 'at-least', points: 1 };
    expect(seen).toHaveBeenCalledWith({ pointer: '/sections/0/criteria/0/items/0/response', value: fresh });
    resp.response = fresh as typeof resp.response;
    await resp.updateComplete;
    const target = resp.shadowRoot!.querySelector<HTMLInputElement>('[data-field="target"]')!;
    target.value = '4';
    target.dispatchEvent(new Event('input'));
    expect(seen).toHaveBeenLastCalledWith({ pointer: '/sections/0/criteria/0/items/0/response/target', value: 4 });
  });

  it('renders an imported text as text, never as markup', async () => {
    const el = await itemEditor(
      setAt(blankSet('x'), '/sections/0/criteria/0/items/0/text/vi', '<img src=x onerror=alert(1)>'),
    );
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('[data-field="text.vi"]')!.value).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('<tc-builder-tree>', () => {
  async function tree(selected?: [number] | [number, number] | [number, number, number]) {
    const el = document.createElement('tc-builder-tree') as TcBuilderTree;
    el.set = smallSet;
    el.selected = selected;
    el.problems = new Map();
    await mount(el);
    const ops: TreeOp[] = [];
    el.addEventListener('tree-op', (e) => ops.push((e as CustomEvent<TreeOp>).detail));
    return { el, ops };
  }

  it('moves the focused node with Alt+↓ from the keyboard', async () => {
    const { el, ops } = await tree();
    const row = el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-node="0.0.0"]')!;
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    expect(ops).toEqual([{ op: 'move', path: [0, 0, 0], delta: 1 }]);
  });

  it('labels the move buttons of the selected node and disables the impossible one', async () => {
    const { el, ops } = await tree([0, 0, 0]);
    const up = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="up"]')!;
    const down = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="down"]')!;
    expect(up.getAttribute('aria-label')).toBe('Chuyển lên: 1.1');
    expect(up.disabled).toBe(true);
    down.click();
    expect(ops).toEqual([{ op: 'move', path: [0, 0, 0], delta: 1 }]);
  });

  it('counts problems under each node', async () => {
    const el = document.createElement('tc-builder-tree') as TcBuilderTree;
    el.set = blankSet('x');
    el.problems = indexProblems(checkSet(el.set));
    await mount(el);
    const counts = [...el.shadowRoot!.querySelectorAll('button[data-node] .count')].map((c) => c.textContent);
    expect(counts).toEqual(['2', '3', '2', '1']);
  });
});

describe('<tc-builder-versions>', () => {
  it('blocks publishing while the set does not validate, and says why', async () => {
    const el = document.createElement('tc-builder-versions') as TcBuilderVersions;
    el.set = blankSet('x');
    el.problems = checkSet(el.set);
    await mount(el);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="publish"]')!.disabled).toBe(true);
    expect(el.shadowRoot!.querySelector('[data-publish-blocked]')!.textContent).toMatch(/Chưa thể xuất bản: còn 5 lỗi/);
    // Each problem in words; the pointer only under "Chi tiết kỹ thuật".
    const entries = [...el.shadowRoot!.querySelectorAll('[data-problem]')];
    expect(entries.map((e) => e.querySelector('[data-problem-words]')!.textContent)).toContain(
      'Tiêu chí 1 – tên tiếng Việt: chưa nhập. Nhập tên tiêu chí.',
    );
    const tech = entries[3]!.querySelector('details.technical')!;
    expect(tech.querySelector('summary')!.textContent).toBe('Chi tiết kỹ thuật');
    expect(tech.querySelector('[data-problem-technical]')!.textContent).toMatch(
      /^\/sections\/0\/criteria\/0\/title\/vi · /,
    );
    expect(entries[3]!.querySelector('[data-problem-words]')!.textContent).not.toContain('/');
  });

  it('shows a readable diff between a published version and the draft', async () => {
    const el = document.createElement('tc-builder-versions') as TcBuilderVersions;
    el.versions = [smallSet];
    el.set = setAt(smallSet, '/sections/0/criteria/0/items/1/text/vi', 'Nhà tiêu sạch');
    el.problems = [];
    await mount(el);
    const items = [...el.shadowRoot!.querySelectorAll('[data-diff] li')].map((li) => li.textContent);
    expect(items).toEqual(['Chỉ tiêu i2: "text.vi" đổi từ «Nhà vệ sinh sạch» thành «Nhà tiêu sạch»']);
  });
});

describe('<tc-builder-preview>', () => {
  it('renders the fill-in cards, scores the test answers, and marks which test cases agree', async () => {
    const el = document.createElement('tc-builder-preview') as TcBuilderPreview;
    el.set = smallSet;
    el.valid = true;
    el.cases = [
      {
        id: 'a',
        name: 'đạt',
        answers: { i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 6 } },
        expect: { decision: 'pass', total: '10' },
      },
      { id: 'b', name: 'sai', answers: { i1: { value: 'met' } }, expect: { decision: 'pass' } },
    ];
    await mount(el);
    expect(el.shadowRoot!.querySelectorAll('tc-item-card')).toHaveLength(2);
    expect([...el.shadowRoot!.querySelectorAll('[data-case]')].map((c) => c.getAttribute('data-agrees'))).toEqual([
      'true',
      'false',
    ]);
    el.shadowRoot!.querySelector('[data-preview-form]')!.dispatchEvent(
      new CustomEvent('answer-change', { detail: { itemId: 'i1', patch: { value: 'met' } }, bubbles: true }),
    );
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('tc-score-panel')!;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('[data-total]')!.textContent).toBe('2/10');
  });
});

describe('<tc-builder-editor>', () => {
  async function editor(set: CriteriaSet) {
    const el = document.createElement('tc-builder-editor') as TcBuilderEditor;
    el.session = new BuilderSession(store, newDraft(set));
    await mount(el);
    return el;
  }

  it('lists problems in words; a click takes the author to the field', async () => {
    const el = await editor(blankSet('x'));
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details.problems')!.open = true;
    const go = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('details.problems [data-problem-words]')];
    expect(go.map((b) => b.textContent)).toEqual([
      'Bộ tiêu chí – tên tiếng Việt: chưa nhập. Nhập tên bộ tiêu chí.',
      'Bộ tiêu chí – số văn bản nguồn: chưa nhập. Nhập số văn bản nguồn.',
      'Phần 1 – tên tiếng Việt: chưa nhập. Nhập tên phần.',
      'Tiêu chí 1 – tên tiếng Việt: chưa nhập. Nhập tên tiêu chí.',
      'Chỉ tiêu 1 của Tiêu chí 1 – nội dung tiếng Việt: chưa nhập. Nhập nội dung chỉ tiêu.',
    ]);
    go[3]!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('tc-builder-node')).not.toBeNull(); // the criterion's form is shown
  });

  it('asks before deleting, naming the node by number and title (not its id)', async () => {
    const el = await editor(smallSet);
    const ask = vi.fn((_text?: string) => false);
    globalThis.confirm = ask;
    const layout = el.shadowRoot!.querySelector('.layout')!;
    layout.dispatchEvent(new CustomEvent('tree-op', { detail: { op: 'remove', path: [1, 0] }, bubbles: true }));
    expect(ask).toHaveBeenCalledTimes(1);
    const text = ask.mock.calls[0]![0]!;
    expect(text).toMatch(/^Xoá Tiêu chí 2 \(.+\) và mọi thứ bên trong\?$/);
    expect(text).not.toContain('c2');
    expect(el.session.set.sections[1]!.criteria).toHaveLength(1); // declined: nothing removed
  });

  it('"+ Phần" pressed twice adds one section, not a stray empty one', async () => {
    const el = await editor(smallSet);
    const tree = el.shadowRoot!.querySelector('tc-builder-tree')!;
    await (tree as TcBuilderTree).updateComplete;
    const add = tree.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="add-section"]')!;
    add.click();
    add.click();
    expect(el.session.set.sections).toHaveLength(3);
  });
});
