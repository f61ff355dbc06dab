import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/loop/tc-plan.js';
import type { TcPlan } from '../src/loop/tc-plan.js';
import { overdue, type TcPlanAction } from '../src/loop/tc-plan-action.js';
import { planFor, withAction, lastTimeHints } from '../src/loop/plan-model.js';
import { previousOf } from '../src/loop/scored.js';
import { appStore } from '../src/state/store.js';
import { formatExact } from '../src/core.js';
import { draft, mount, scored, smallSet } from './helpers.js';

const store = appStore();
/** The page's store keeps one IndexedDB connection: each test uses its own assessment id. */
const failing = (id = 'a-plan') => ({
  ...draft({ i1: { value: 'met' }, i2: { value: 'not-met', note: 'Thiếu sổ' }, i3: { value: 'some' } }, id),
  status: 'submitted' as const,
  assessedOn: '2025-05-14',
});

beforeEach(() => {
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  store.ready = true;
});

afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
});

async function planView(id: string): Promise<TcPlan> {
  const el = document.createElement('tc-plan') as TcPlan;
  el.assessmentId = id;
  await mount(el);
  await expect.poll(() => el.shadowRoot!.querySelectorAll('tc-plan-action').length).toBeGreaterThan(0);
  return el;
}

describe('<tc-plan>', () => {
  it("starts from core's proposal and stores it at once", async () => {
    const a = failing();
    store.assessments.set(a.id, a);
    const el = await planView(a.id);
    await el.flush();
    const stored = await store.storage.getPlanForAssessment(a.id);
    expect(stored?.actions.map((x) => x.itemId).sort()).toEqual(['i2', 'i3']);
    expect(stored?.actions.every((x) => x.status === 'planned')).toBe(true);
  });

  it('writes every edit to IndexedDB, and a new view reads it back', async () => {
    const a = failing('a-plan-2');
    store.assessments.set(a.id, a);
    const el = await planView(a.id);
    const card = el.shadowRoot!.querySelector('tc-plan-action') as TcPlanAction;
    await card.updateComplete;
    const actionId = card.action.id;
    const input = (name: string) => card.shadowRoot!.querySelector(`[name="${name}"]`) as HTMLInputElement;
    input('action').value = 'Mua sổ theo dõi';
    input('action').dispatchEvent(new Event('input', { bubbles: true }));
    input('owner').value = 'Chị Lan';
    input('owner').dispatchEvent(new Event('input', { bubbles: true }));
    input('due').value = '2025-12-31'; // a date picker's value
    input('due').dispatchEvent(new Event('change', { bubbles: true }));
    (card.shadowRoot!.querySelector('button[data-status="done"]') as HTMLButtonElement).click();
    await el.flush();
    const stored = (await store.storage.getPlanForAssessment(a.id))!.actions.find((x) => x.id === actionId)!;
    expect(stored).toMatchObject({ action: 'Mua sổ theo dõi', owner: 'Chị Lan', due: '2025-12-31', status: 'done' });

    el.remove();
    const again = await planView(a.id);
    const card2 = [...again.shadowRoot!.querySelectorAll('tc-plan-action')].find(
      (c) => (c as TcPlanAction).action.id === actionId,
    ) as TcPlanAction;
    await card2.updateComplete;
    expect((card2.shadowRoot!.querySelector('[name="due"]') as HTMLInputElement).value).toBe('2025-12-31');
    expect(card2.shadowRoot!.querySelector('[data-due-text]')!.textContent).toBe('31/12/2025');
    expect(card2.shadowRoot!.querySelector('button[aria-pressed="true"]')?.getAttribute('data-status')).toBe('done');
  });

  it('flags an action past its due day that is not done, in Vietnam time', () => {
    expect(overdue({ due: '2025-05-31', status: 'planned' }, '2025-06-01')).toBe(true);
    expect(overdue({ due: '2025-05-31', status: 'in-progress' }, '2025-06-01')).toBe(true);
    expect(overdue({ due: '2025-05-31', status: 'done' }, '2025-06-01')).toBe(false);
    expect(overdue({ due: '2025-06-01', status: 'planned' }, '2025-06-01')).toBe(false); // due today is not late
    expect(overdue({ status: 'planned' }, '2025-06-01')).toBe(false);
  });
});

describe('plan model', () => {
  it('appends gaps found after the plan was made, keeping the edits', () => {
    const before = draft({ i2: { value: 'not-met' } }, 'a-x');
    const s1 = { set: smallSet, assessment: before, result: scored(before) };
    const p1 = withAction(planFor(s1, undefined, 't0').plan, 'act-i2', { action: 'Làm ngay' }, 't1');
    const after = draft({ i2: { value: 'not-met' }, i3: { value: 'none' } }, 'a-x');
    const { plan, changed } = planFor({ set: smallSet, assessment: after, result: scored(after) }, p1, 't2');
    expect(changed).toBe(true);
    expect(plan.actions.map((x) => [x.itemId, x.action ?? ''])).toEqual([
      ['i2', 'Làm ngay'],
      ['i3', ''],
    ]);
  });

  it('finds the previous assessment of the same facility and set, and its gaps with the plan', () => {
    const old = failing();
    const now = { ...draft({}, 'a-now'), assessedOn: '2026-05-20' };
    const otherFacility = {
      ...failing(),
      id: 'a-other',
      facility: { id: 'f2', name: 'Khác', kind: 'commune-station' as const },
    };
    expect(previousOf([old, now, otherFacility], now)?.id).toBe('a-plan');
    const otherKind = {
      ...failing(),
      id: 'a-kind',
      assessmentKind:
        now.assessmentKind === 'self-assessment' ? ('external-inspection' as const) : ('self-assessment' as const),
      assessedOn: '2026-05-01',
    };
    expect(previousOf([old, otherKind, now], now)?.id).toBe('a-plan'); // another kind is never "last time"
    const s = { set: smallSet, assessment: old, result: scored(old) };
    const plan = withAction(
      planFor(s, undefined, 't').plan,
      'act-i2',
      { action: 'Mua sổ', status: 'in-progress' },
      't',
    );
    const hints = lastTimeHints(s, plan, formatExact);
    expect([...hints.keys()].sort()).toEqual(['i2', 'i3']);
    expect(hints.get('i2')).toMatchObject({
      value: 'not-met',
      note: 'Thiếu sổ',
      action: 'Mua sổ',
      actionStatus: 'in-progress',
      when: '2025-05-14',
    });
  });
});
