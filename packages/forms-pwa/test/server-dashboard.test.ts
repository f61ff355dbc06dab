import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/dashboard/tc-server-dashboard.js';
import { byScore, type TcServerDashboard } from '../src/dashboard/tc-server-dashboard.js';
import type { ServerDashboardRow } from '../src/dashboard/server-dashboard.js';
import { setLocale } from '../src/i18n.js';
import { appStore } from '../src/state/store.js';
import type { ServerLink } from '../src/sync/engine.js';
import { mount, shadowText } from './helpers.js';

const store = appStore();
const CAMPAIGN = '11111111-1111-4111-8111-111111111111';

const link = (role: 'admin' | 'inspector' | 'station'): ServerLink => ({
  baseUrl: 'https://council.example/',
  token: 'd.secret',
  deviceId: 'dev1',
  user: {
    id: 'u1',
    login: 'hd',
    displayName: 'Hội đồng',
    role,
    facilityId: null,
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  enrolledAt: '2026-01-01T00:00:00.000Z',
});

const row = (
  id: string,
  name: string,
  kind: string,
  commune: string,
  percent: { num: number | string; den: number | string } | null,
  decision: string,
): ServerDashboardRow => ({
  assessmentId: id,
  campaignId: CAMPAIGN,
  facility: { id: `f-${id}`, name, kind, commune },
  status: 'locked',
  percent: percent as ServerDashboardRow['percent'],
  decision,
  complete: true,
  scoredAt: '2026-11-30T01:00:00.000Z',
});

// 2/3 = 66.67 % ranks above 133/200 = 66.5 %: decided on the exact fractions, not rounded text.
const ROWS = [
  row('a', 'Trạm Y tế phường An Khánh', 'commune-station', 'An Khánh', { num: 133, den: 2 }, 'fail'),
  row('b', 'Trạm Y tế xã Thạnh Tiến', 'commune-station', 'Thạnh Tiến', { num: 200, den: 3 }, 'fail'),
  row('c', 'Bệnh viện quận Ninh Kiều', 'hospital', 'An Khánh', { num: 95, den: 1 }, 'pass'),
  row('d', 'Trạm Y tế xã Mỹ Khánh', 'commune-station', 'Mỹ Khánh', null, 'unscored'),
];

/** A fake council server answering the dashboard routes, recording every request. */
function fakeServer(opts: { down?: boolean } = {}) {
  const calls: { url: URL; auth: string }[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fake = (async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    calls.push({ url, auth: String((init.headers as Record<string, string>).authorization) });
    if (opts.down) throw new TypeError('Failed to fetch');
    const q = url.searchParams;
    if (url.pathname === '/api/v1/campaigns')
      return json([{ id: CAMPAIGN, name: { vi: 'Vòng thi 2026', en: 'Contest 2026' } }]);
    if (url.pathname === '/api/v1/dashboard') {
      const rows = ROWS.filter(
        (r) =>
          (!q.get('kind') || r.facility.kind === q.get('kind')) &&
          (!q.get('commune') || r.facility.commune === q.get('commune')),
      );
      const decisions: Record<string, number> = {};
      for (const r of rows) decisions[r.decision] = (decisions[r.decision] ?? 0) + 1;
      return json({ rows, decisions, computed: { engineVersion: '7.1.0', recomputedNow: rows.length } });
    }
    if (url.pathname === `/api/v1/campaigns/${CAMPAIGN}/rank`)
      return json({
        computed: {
          at: '2026-11-30T17:30:00.000Z',
          engineVersion: '7.1.0',
          because: 'engine',
          text: { vi: 'bộ máy tính điểm đã đổi phiên bản', en: 'the scoring engine changed version' },
          assessments: 4,
        },
      });
    if (url.pathname === '/api/v1/dashboard/export')
      return new Response('a;b\n', {
        headers: {
          'content-type': 'text/csv',
          'content-disposition': 'attachment; filename="tieuchi-dashboard-2026-12-01.csv"',
        },
      });
    return json({ error: { code: 'notFound', message: { vi: 'Không có.', en: 'Not found.' } } }, 404);
  }) as typeof globalThis.fetch;
  return { fetch: fake, calls };
}

async function open(fetch?: typeof globalThis.fetch): Promise<TcServerDashboard> {
  const el = document.createElement('tc-server-dashboard');
  if (fetch) el.fetch = fetch;
  await mount(el);
  await el.reload();
  await el.updateComplete;
  return el;
}

const $ = (el: TcServerDashboard, sel: string) => el.shadowRoot!.querySelector(sel);
const choose = async (el: TcServerDashboard, name: string, value: string) => {
  const s = $(el, `select[name=${name}]`) as HTMLSelectElement;
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.reload();
  await el.updateComplete;
};

beforeEach(async () => {
  setLocale('vi');
  await store.storage.clearSync();
});

afterEach(() => {
  document.body.replaceChildren();
  Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
});

describe('<tc-server-dashboard>', () => {
  it('not enrolled: says the dashboard shows the data on this device, and asks nothing of a server', async () => {
    const server = fakeServer();
    const el = await open(server.fetch);
    expect($(el, '[data-local-source]')?.getAttribute('data-local-source')).toBe('notEnrolled');
    expect(shadowText(el)).toContain('Đang xem dữ liệu trên máy này');
    expect(server.calls).toEqual([]);
  });

  it("a station's device keeps the local dashboard (the server's is for the council)", async () => {
    await store.storage.putSync({ server: link('station') });
    const el = await open(fakeServer().fetch);
    expect($(el, '[data-local-source]')?.getAttribute('data-local-source')).toBe('notCouncil');
  });

  it("an admin's device reads the server: rows best first by exact score, engine version, the device token", async () => {
    await store.storage.putSync({ server: link('admin') });
    const server = fakeServer();
    const el = await open(server.fetch);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    );
    expect(rows.map((r) => [r[0], r[5], r[6]])).toEqual([
      ['Bệnh viện quận Ninh Kiều', '95,0 %', 'ĐẠT'],
      ['Trạm Y tế xã Thạnh Tiến', '66,7 %', 'KHÔNG ĐẠT'],
      ['Trạm Y tế phường An Khánh', '66,5 %', 'KHÔNG ĐẠT'],
      ['Trạm Y tế xã Mỹ Khánh', '—', 'Không chấm được'],
    ]);
    expect(rows[0]![1]).toBe('Bệnh viện');
    expect(rows[0]![3]).toBe('Vòng thi 2026');
    expect($(el, '[data-engine]')?.textContent).toContain('phiên bản 7.1.0 tính; 4 phiếu vừa được tính lại');
    expect($(el, '[data-decisions]')?.textContent).toBe('4 phiếu · KHÔNG ĐẠT: 2 · ĐẠT: 1 · Không chấm được: 1');
    expect(server.calls.every((c) => c.auth === 'Bearer d.secret')).toBe(true);
    expect(server.calls.map((c) => c.url.pathname + c.url.search).sort()).toEqual([
      '/api/v1/campaigns',
      '/api/v1/dashboard',
    ]);
  });

  it('filters by facility kind and commune on the server, keeping every choice offered', async () => {
    await store.storage.putSync({ server: link('inspector') });
    const server = fakeServer();
    const el = await open(server.fetch);
    await choose(el, 'server-kind', 'commune-station');
    expect(server.calls.at(-1)!.url.search).toBe('?kind=commune-station');
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(3);
    await choose(el, 'server-commune', 'An Khánh');
    expect(server.calls.at(-1)!.url.search).toBe('?kind=commune-station&commune=An+Kh%C3%A1nh');
    expect([...el.shadowRoot!.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent)).toEqual([
      'Trạm Y tế phường An Khánh',
    ]);
    const kinds = [...el.shadowRoot!.querySelectorAll('select[name=server-kind] option')].map((o) => o.textContent);
    expect(kinds).toEqual(['Tất cả', 'Trạm y tế xã/phường', 'Bệnh viện']);
  });

  it('for a chosen campaign, says when and why its results were recomputed (Vietnam time)', async () => {
    await store.storage.putSync({ server: link('admin') });
    const server = fakeServer();
    const el = await open(server.fetch);
    await choose(el, 'server-campaign', CAMPAIGN);
    expect(server.calls.some((c) => c.url.pathname === `/api/v1/campaigns/${CAMPAIGN}/rank`)).toBe(true);
    const p = $(el, '[data-campaign-computed]')!;
    expect(p.getAttribute('data-campaign-computed')).toBe('engine');
    // 17:30 UTC on 30/11 is 00:30 on 01/12 in Vietnam.
    expect(p.textContent).toContain('01/12/2026 00:30');
    expect(p.textContent).toContain('vì bộ máy tính điểm đã đổi phiên bản');
  });

  it("downloads the server's CSV and XLSX with the filters, the UI language and the device token", async () => {
    await store.storage.putSync({ server: link('admin') });
    const server = fakeServer();
    const el = await open(server.fetch);
    await choose(el, 'server-kind', 'hospital');
    (($(el, 'button[data-action=server-csv]') as HTMLButtonElement) ?? null).click();
    await new Promise((r) => setTimeout(r, 0));
    const csv = server.calls.at(-1)!;
    expect(csv.url.pathname).toBe('/api/v1/dashboard/export');
    expect(Object.fromEntries(csv.url.searchParams)).toEqual({ kind: 'hospital', format: 'csv', lang: 'vi' });
    expect(csv.auth).toBe('Bearer d.secret');
    setLocale('en');
    ($(el, 'button[data-action=server-xlsx]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(Object.fromEntries(server.calls.at(-1)!.url.searchParams)).toMatchObject({ format: 'xlsx', lang: 'en' });
  });

  it('offline or with the server unreachable, says the data shown is this device’s and offers to try again', async () => {
    await store.storage.putSync({ server: link('admin') });
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    const off = await open(fakeServer().fetch);
    expect($(off, '[data-local-source]')?.getAttribute('data-local-source')).toBe('offline');
    document.body.replaceChildren();
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    const el = await open(fakeServer({ down: true }).fetch);
    expect($(el, '[data-local-source]')?.getAttribute('data-local-source')).toBe('unreachable');
    expect($(el, 'button[data-action=server-retry]')).not.toBeNull();
  });
});

describe('server rows order', () => {
  it('compares exact fractions, also when a part is a string of digits', () => {
    const big = row('x', 'X', 'hospital', 'A', { num: '90071992547409930', den: '1000000000000000' }, 'fail');
    const small = row('y', 'Y', 'hospital', 'A', { num: 90, den: 1 }, 'pass');
    expect([small, big].sort(byScore).map((r) => r.assessmentId)).toEqual(['x', 'y']);
  });
});
