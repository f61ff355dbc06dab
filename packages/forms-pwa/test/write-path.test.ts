/**
 * One write path (issue 18): plans, builder drafts, team merges and signature images are written through
 * `AppStore.persist` like answers. When storage refuses a write, the app says why (the banner's `problem`), the
 * change stays in memory, and the store's retry writes it: nothing is lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/loop/tc-plan.js';
import '../src/loop/tc-merge.js';
import '../src/fill/tc-signatures.js';
import type { TcPlan } from '../src/loop/tc-plan.js';
import type { TcPlanAction } from '../src/loop/tc-plan-action.js';
import type { TcMerge } from '../src/loop/tc-merge.js';
import type { TcSignatures } from '../src/fill/tc-signatures.js';
import type { TcSignaturePad } from '../src/fill/tc-signature-pad.js';
import { BuilderSession, newDraft } from '../src/builder/session.js';
import { blankSet } from '../src/builder/tree.js';
import { t } from '../src/i18n.js';
import { appStore } from '../src/state/store.js';
import type { Storage } from '../src/storage/db.js';
import { draft, mount, smallSet } from './helpers.js';

const store = appStore();
const storage = store.storage;
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Makes one of storage's write methods refuse (storage full) until the returned function is called. */
function fill<K extends 'putPlan' | 'putSetDraft' | 'putAssessment' | 'putPhoto'>(method: K): () => void {
  const real = storage[method];
  storage[method] = (() => Promise.reject(quota())) as unknown as Storage[K];
  return () => {
    storage[method] = real;
  };
}

beforeEach(() => {
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
});

afterEach(async () => {
  document.body.replaceChildren();
  expect(await store.retry()).toBe(true); // nothing left behind for the next test
  store.assessments.clear();
});

/** The banner's state after a refused write: storage full, in the store's words, and something unsaved. */
function expectBanner(): void {
  expect(store.problem).toBe('quota');
  expect(t(`storage.${store.problem!}`)).toMatch(/^Bộ nhớ đầy/);
  expect(store.saveState).toBe('error');
  expect(store.unsavedCount).toBeGreaterThan(0);
}

describe('a refused write loses nothing', () => {
  it('plans: the edit stays on screen, the plan says "not saved", and the retry stores it', async () => {
    const a = {
      ...draft({ i1: { value: 'met' }, i2: { value: 'not-met' }, i3: { value: 'some' } }, 'a-plan-fault'),
      status: 'submitted' as const,
    };
    store.assessments.set(a.id, a);
    const el = document.createElement('tc-plan') as TcPlan;
    el.assessmentId = a.id;
    await mount(el);
    await expect.poll(() => el.shadowRoot!.querySelectorAll('tc-plan-action').length).toBeGreaterThan(0);
    await el.flush();
    const restore = fill('putPlan');
    const card = el.shadowRoot!.querySelector('tc-plan-action') as TcPlanAction;
    card.dispatchEvent(
      new CustomEvent('action-change', {
        detail: { actionId: card.action.id, patch: { owner: 'Chị Hoa' } },
        bubbles: true,
        composed: true,
      }),
    );
    await el.flush();
    await el.updateComplete;
    expectBanner();
    expect(el.shadowRoot!.querySelector('[data-plan-save]')?.getAttribute('data-plan-save')).toBe('error');
    expect((await storage.getPlanForAssessment(a.id))?.actions.find((x) => x.id === card.action.id)?.owner).toBe(
      undefined,
    );
    restore();
    expect(await store.retry()).toBe(true);
    await el.updateComplete;
    expect(store.problem).toBeUndefined();
    expect(el.shadowRoot!.querySelector('[data-plan-save]')?.getAttribute('data-plan-save')).toBe('saved');
    expect((await storage.getPlanForAssessment(a.id))?.actions.find((x) => x.id === card.action.id)?.owner).toBe(
      'Chị Hoa',
    );
  });

  it('builder drafts: every edit stays in the session and the latest one is stored on retry', async () => {
    const s = new BuilderSession(store, newDraft(blankSet('fault-set')));
    await s.flush();
    const restore = fill('putSetDraft');
    s.edit('/title/vi', 'Bảng kiểm một');
    s.edit('/title/vi', 'Bảng kiểm hai');
    await s.flush();
    expectBanner();
    expect(s.saveState).toBe('error');
    expect(s.set.title.vi).toBe('Bảng kiểm hai');
    expect((await storage.getSetDraft(s.draft.draftId))?.set.title.vi).not.toBe('Bảng kiểm hai');
    expect(await store.retry()).toBe(false); // still full: still kept
    restore();
    expect(await store.retry()).toBe(true);
    expect(s.saveState).toBe('saved');
    expect((await storage.getSetDraft(s.draft.draftId))?.set.title.vi).toBe('Bảng kiểm hai');
  });

  it('builder drafts: deleting one whose save waits for a retry deletes it for good (the retry cannot bring it back)', async () => {
    const d = newDraft(blankSet('fault-delete'));
    const s = new BuilderSession(store, d);
    expect(await store.saveSetDraft(d)).toBe(true);
    expect(await storage.getSetDraft(d.draftId)).toBeDefined();
    const restore = fill('putSetDraft');
    s.edit('/title/vi', 'Sẽ bị xoá');
    await s.flush();
    expectBanner();
    expect(await store.deleteSetDraft(s.draft.draftId)).toBe(true);
    restore();
    expect(await store.retry()).toBe(true);
    expect(await storage.getSetDraft(s.draft.draftId)).toBeUndefined();
  });

  it('team merges: the merged draft opens from memory and is stored on retry (no unhandled rejection)', async () => {
    const lead = { ...draft({ i1: { value: 'met' } }, 'a-mlead'), assessors: [{ name: 'Lan' }] };
    const part = { ...draft({ i2: { value: 'partial' } }, 'a-mpart'), assessors: [{ name: 'Minh' }] };
    store.assessments.set(lead.id, lead);
    store.assessments.set(part.id, part);
    const el = document.createElement('tc-merge') as TcMerge;
    el.leadId = lead.id;
    await mount(el);
    const box = el.shadowRoot!.querySelector('input[data-part="a-mpart"]') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const restore = fill('putAssessment');
    const before = new Set(store.assessments.keys());
    (el.shadowRoot!.querySelector('button[data-action="merge-save"]') as HTMLButtonElement).click();
    await expect.poll(() => store.assessments.size).toBe(before.size + 1);
    await store.flush();
    expectBanner();
    const merged = [...store.assessments.values()].find((x) => !before.has(x.id))!;
    expect(merged.answers).toMatchObject({ i1: { value: 'met' }, i2: { value: 'partial' } });
    expect(location.hash).toContain(merged.id);
    expect(await storage.getAssessment(merged.id)).toBeUndefined();
    restore();
    expect(await store.retry()).toBe(true);
    expect((await storage.getAssessment(merged.id))?.answers).toMatchObject({ i2: { value: 'partial' } });
  });

  it('signatures: a refused image is kept and written again; locking waits and the pad says why', async () => {
    const a = draft({ i1: { value: 'met' } }, 'a-sign-fault');
    store.assessments.set(a.id, a);
    const el = document.createElement('tc-signatures') as TcSignatures;
    el.assessment = a;
    await mount(el);
    const png = new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' });
    const pad = el.shadowRoot!.querySelector('tc-signature-pad[data-role="assessor"]') as TcSignaturePad;
    // happy-dom draws nothing: the pad hands over a fixed image as if one had been drawn.
    Object.defineProperty(pad, 'empty', { get: () => false });
    pad.toPng = () => Promise.resolve({ blob: png, width: 3, height: 1 });
    const name = el.shadowRoot!.querySelector('input[name="sign-assessor"]') as HTMLInputElement;
    name.value = 'Lan';
    name.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const restore = fill('putPhoto');
    expect(await el.save()).toBe(false);
    await store.flush();
    await el.updateComplete;
    expectBanner();
    expect(el.shadowRoot!.querySelector('[data-sign-error]')?.textContent).toMatch(/^Bộ nhớ đầy/);
    const sig = store.assessments.get(a.id)?.signatures?.[0];
    expect(sig).toMatchObject({ role: 'assessor', name: 'Lan' });
    expect(await storage.getPhoto(sig!.image!)).toBeUndefined();
    restore();
    expect(await store.retry()).toBe(true);
    expect((await storage.getPhoto(sig!.image!))?.mime).toBe('image/png');
    expect((await storage.getAssessment(a.id))?.signatures?.[0]?.image).toBe(sig!.image);
  });
});
