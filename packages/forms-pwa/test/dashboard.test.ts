import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exactToNumber, rankByScore } from '@tieuchi/core';
import '../src/dashboard/tc-dashboard.js';
import '../src/dashboard/tc-dashboard-ranking.js';
import type { TcDashboard } from '../src/dashboard/tc-dashboard.js';
import type { TcDashboardRanking } from '../src/dashboard/tc-dashboard-ranking.js';
import type { Assessment, CriteriaSet } from '../src/core.js';
import { heatMap, roundsOf, trendOf } from '../src/dashboard/dashboard-model.js';
import { toCsv } from '../src/loop/csv.js';
import { scoredAll } from '../src/loop/scored.js';
import { appStore } from '../src/state/store.js';
import { draft, mount, scored, smallSet } from './helpers.js';

const repo = join(process.cwd(), '../..'); // tests run in packages/forms-pwa
const set = JSON.parse(readFileSync(join(repo, 'criteria/qd1300-commune-health.json'), 'utf8')) as CriteriaSet;
const exDir = join(repo, 'examples/qd1300-commune-health');
const rounds = readdirSync(exDir)
  .filter((f) => /-(2025-baseline|2026-followup)\.assessment\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(exDir, f), 'utf8')) as Assessment);
const store = appStore();

beforeAll(() => {
  store.sets.set(`${set.id}@${set.version}`, set);
  store.ready = true;
});

afterEach(() => {
  document.body.replaceChildren();
  store.assessments.clear();
});

// The server dashboard reads its link from the shared database, which these tests do not wait for: its opening must
// finish before this file's page is torn down (its "ready" event after that is an unhandled error).
afterAll(() => store.storage.getSync('server'));

const rowsOf = (el: TcDashboard) => {
  const table = el.shadowRoot!.querySelector('tc-dashboard-ranking')!.shadowRoot!;
  return [...table.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
  );
};

describe('<tc-dashboard>', () => {
  it('ranks the example stations by score in the latest round', async () => {
    for (const a of rounds) store.assessments.set(a.id, a);
    const el = await mount(document.createElement('tc-dashboard') as TcDashboard);
    await el.shadowRoot!.querySelector('tc-dashboard-ranking')!.updateComplete;
    expect(rowsOf(el).map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Trạm Y tế phường Thường Thạnh', '100,0'],
      ['2', 'Trạm Y tế xã Thạnh Tiến', '94,0'],
      ['3', 'Trạm Y tế phường Thuận Hưng', '88,0'],
    ]);
  });

  it('ranks by gain and by gap closed between 2025-r1 and 2026-r1', async () => {
    for (const a of rounds) store.assessments.set(a.id, a);
    const el = await mount(document.createElement('tc-dashboard') as TcDashboard);
    (el.shadowRoot!.querySelector('button[data-mode="gain"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await el.shadowRoot!.querySelector('tc-dashboard-ranking')!.updateComplete;
    expect(rowsOf(el).map((r) => [r[1], r[4], r[5]])).toEqual([
      ['Trạm Y tế xã Thạnh Tiến', '+24,0', '80,0 %'],
      ['Trạm Y tế phường Thường Thạnh', '+10,0', '100,0 %'],
      ['Trạm Y tế phường Thuận Hưng', '+9,0', '42,9 %'],
    ]);
    (el.shadowRoot!.querySelector('button[data-mode="gap-closed"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await el.shadowRoot!.querySelector('tc-dashboard-ranking')!.updateComplete;
    expect(rowsOf(el).map((r) => r[1])).toEqual([
      'Trạm Y tế phường Thường Thạnh',
      'Trạm Y tế xã Thạnh Tiến',
      'Trạm Y tế phường Thuận Hưng',
    ]);
  });

  it('lists a facility missing the follow-up round instead of dropping it', async () => {
    for (const a of rounds.filter((x) => x.id !== 'ex-1300-thuan-hung-2026-r1')) store.assessments.set(a.id, a);
    const el = await mount(document.createElement('tc-dashboard') as TcDashboard);
    (el.shadowRoot!.querySelector('button[data-mode="gain"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const ranking = el.shadowRoot!.querySelector('tc-dashboard-ranking')!;
    await ranking.updateComplete;
    expect(rowsOf(el)).toHaveLength(2);
    expect(ranking.shadowRoot!.querySelector('[data-apart]')!.textContent).toContain(
      'Trạm Y tế phường Thuận Hưng — thiếu vòng sau',
    );
  });
});

describe('<tc-dashboard-ranking>', () => {
  it('marks ties with a shared rank', async () => {
    const a = (id: string, name: string) => ({
      ...draft({ i1: { value: 'met' }, i2: { value: 'met' }, i3: { value: 'full' }, i4: { value: 5 } }, id),
      facility: { id: `f-${id}`, name, kind: 'commune-station' as const },
    });
    const list = [a('x', 'Trạm A'), a('y', 'Trạm B')].map((x) => ({ set: smallSet, assessment: x, result: scored(x) }));
    const el = document.createElement('tc-dashboard-ranking') as TcDashboardRanking;
    el.score = rankByScore(list);
    await mount(el);
    const ranks = [...el.shadowRoot!.querySelectorAll('tbody td.rank')].map((td) =>
      td.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(ranks).toEqual(['1= đồng hạng', '1= đồng hạng']);
  });
});

describe('dashboard model', () => {
  const list = () => scoredAll({ setFor: () => set, resultFor: (a) => scored(a, set) }, rounds);

  it('orders rounds by date and draws a facility trend', () => {
    expect(roundsOf(list()).map((r) => r.id)).toEqual(['2025-r1', '2026-r1']);
    const trend = trendOf(list(), 'cantho-tyt-thanh-tien');
    expect(trend.map((p) => [p.round, p.percent && exactToNumber(p.percent)])).toEqual([
      ['2025-r1', 70],
      ['2026-r1', 94],
    ]);
  });

  it('builds the heat map of criteria by facility (latest assessment each)', () => {
    const hm = heatMap(list(), set, (c) => c.code ?? c.id);
    expect(hm.facilities.map((f) => f.assessmentId).every((id) => id.endsWith('2026-r1'))).toBe(true);
    expect(hm.criteria.map((c) => c.short).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(hm.cells).toHaveLength(3);
    expect(hm.cells[0]).toHaveLength(set.sections.flatMap((s) => s.criteria).length);
  });

  it('writes CSV with a byte-order mark and neutralises formulas', () => {
    const csv = toCsv(
      ['Cơ sở', 'Điểm'],
      [
        ['=HYPERLINK("x")', 94],
        ['Trạm "A", xã B', '88.0'],
      ],
    );
    expect(csv.startsWith('\uFEFFCơ sở,Điểm\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",94`);
    expect(csv).toContain('"Trạm ""A"", xã B",88.0');
  });
});
