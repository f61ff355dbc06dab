/**
 * The header's save indicator (issue 20): a write becoming durable renders `tc-save-status` and no view. Before,
 * the store said `change` at the write's completion and every view re-rendered (the header with the whole page's
 * layout and paint: a second frame after each answer tap).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/shell/tc-save-status.js';
import type { TcSaveStatus } from '../src/shell/tc-save-status.js';
import { appStore } from '../src/state/store.js';
import { createDraft, mount, smallSet } from './helpers.js';

const store = appStore();

beforeEach(() => {
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
});

afterEach(async () => {
  await store.flush();
  document.body.replaceChildren();
  store.assessments.clear();
});

const box = (el: TcSaveStatus) => el.querySelector<HTMLElement>('[data-save]')!;

describe('the save indicator', () => {
  it('says "Đã lưu" once the write is durable, and only it renders again for that', async () => {
    const id = await createDraft(store, ['Nguyễn Văn A']);
    await store.flush();
    const el = await mount(document.createElement('tc-save-status'));
    const before = box(el).dataset.savedAt ?? '';
    let changes = 0;
    let renders = 0;
    store.addEventListener('change', () => changes++);
    el.addController({ hostUpdated: () => renders++ });

    store.answer(id, 'i1', { value: 'met' });
    await el.updateComplete;
    expect(box(el).dataset.save).toBe('saving');
    expect(box(el).textContent).toBe('Đang lưu…');
    const afterAnswer = changes;
    expect(afterAnswer).toBeGreaterThan(0); // the answer itself: the card, the score

    await store.flush();
    await el.updateComplete;
    expect(box(el).dataset.save).toBe('saved');
    expect(box(el).textContent).toBe('✓ Đã lưu');
    expect(box(el).dataset.savedAt! > before).toBe(true);
    expect(renders).toBe(2); // "saving", then "saved"
    expect(changes).toBe(afterAnswer); // no view re-renders for the write becoming durable
  });

  it('says "Lỗi lưu!" when storage refuses, and the views hear of the retry landing', async () => {
    const el = await mount(document.createElement('tc-save-status'));
    let fail = true;
    let changes = 0;
    store.addEventListener('change', () => changes++);
    const write = () => (fail ? Promise.reject(new Error('refused')) : Promise.resolve());
    expect(await store.persist('test:save-status', write)).toBe(false);
    await el.updateComplete;
    expect(box(el).dataset.save).toBe('error');
    expect(box(el).textContent).toBe('Lỗi lưu!');
    expect(store.unsavedCount).toBe(1);

    fail = false;
    const before = changes;
    expect(await store.retry()).toBe(true);
    await el.updateComplete;
    expect(box(el).dataset.save).toBe('saved');
    expect(store.unsavedCount).toBe(0);
    expect(changes).toBeGreaterThan(before + 1); // queued, then landed (the banner's count of unsaved changes)
  });
});
