import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/sync/tc-admin-rounds.js';
import type { TcAdminRounds } from '../src/sync/tc-admin-rounds.js';
import type { AdminApi, TypedRound } from '../src/sync/admin-api.js';
import type { ServerCampaign } from '../src/sync/client.js';
import { SyncError } from '../src/sync/client.js';
import { setLocale } from '../src/i18n.js';
import { mount } from './helpers.js';

const campaign = (id: string, vi: string, setId: string, version: string): ServerCampaign => ({
  id,
  name: { vi, en: vi },
  set: { id: setId, version, hash: 'h' },
  kind: 'contest',
  facilities: [],
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  baselineCampaignId: null,
  phase: 'open',
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** A typed round as `GET /api/v1/rounds` answers it (the server's reply schema, packages/server rounds.ts). */
const round = (r: string, setId: string, setVersion: string, assessments: number): TypedRound => ({
  round: r,
  label: null,
  setId,
  setVersion,
  kinds: ['self-assessment'],
  assessments,
  mapped: 0,
  campaignId: null,
});

/**
 * A small fake of the server's rounds routes (the contract `GET /api/v1/rounds`, `POST /api/v1/rounds/map`): it
 * maps a round of the right set and then stops listing it; a campaign of another set is refused with a message.
 */
function fakeApi() {
  let rounds: TypedRound[] = [
    round('Vòng 1 năm 2025', 'qd1300', '1.0', 12),
    round('vong 1/2025', 'qd1300', '1.0', 3),
    round('Đợt kiểm tra cũ', 'hospital', '2.0', 1),
    { ...round('Đã gắn', 'qd1300', '1.0', 5), mapped: 5, campaignId: 'c1' },
  ];
  const campaigns = [
    campaign('c1', 'Vòng thi 2025', 'qd1300', '1.0'),
    campaign('c2', 'Vòng thi 2026', 'qd1300', '1.0'),
    campaign('c3', 'Kiểm tra 2026', 'other', '1.0'),
  ];
  const posted: unknown[] = [];
  const api = {
    rounds: async () => rounds,
    campaigns: async () => campaigns,
    mapRound: async (m: { round: string; setId: string; setVersion: string; campaignId: string }) => {
      posted.push(m);
      const c = campaigns.find((x) => x.id === m.campaignId)!;
      if (c.set.id !== m.setId || c.set.version !== m.setVersion)
        throw new SyncError(400, 'setMismatch', {
          vi: 'Đợt dùng bộ tiêu chí khác.',
          en: 'The campaign uses another set.',
        });
      const r = rounds.find((x) => x.round === m.round && x.setId === m.setId)!;
      rounds = rounds.map((x) => (x === r ? { ...x, mapped: x.assessments, campaignId: m.campaignId } : x));
      return { ...m, placed: r.assessments, assessments: r.assessments, outsideScope: [] };
    },
  } as unknown as AdminApi;
  return { api, posted };
}

const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll(sel)];

async function open(api: AdminApi): Promise<TcAdminRounds> {
  const el = document.createElement('tc-admin-rounds');
  el.api = api;
  await mount(el);
  await el.load();
  await el.updateComplete;
  return el;
}

beforeEach(() => setLocale('vi'));
afterEach(() => document.body.replaceChildren());

describe('<tc-admin-rounds>', () => {
  it('lists the typed rounds with their set and count, offering only campaigns of the same set', async () => {
    const el = await open(fakeApi().api);
    const items = $$(el, 'li[data-round]');
    expect(items.map((li) => li.getAttribute('data-round'))).toEqual([
      'Vòng 1 năm 2025',
      'vong 1/2025',
      'Đợt kiểm tra cũ',
    ]);
    expect(items[0]!.textContent).toContain('qd1300 1.0 · 12 phiếu');
    const options = [...items[0]!.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['(chọn đợt)', 'Vòng thi 2025', 'Vòng thi 2026']);
    // No campaign uses the hospital set: it says what to do instead of offering a wrong one.
    expect(items[2]!.querySelector('[data-no-campaign]')).not.toBeNull();
    expect((items[0]!.querySelector('button[data-action=map-round]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('maps a round to the chosen campaign, says how many, and lists it no more', async () => {
    const { api, posted } = fakeApi();
    const el = await open(api);
    const li = $$(el, 'li[data-round]')[1]!;
    const select = li.querySelector('select') as HTMLSelectElement;
    select.value = 'c1';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    (li.querySelector('button[data-action=map-round]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(posted).toEqual([{ round: 'vong 1/2025', setId: 'qd1300', setVersion: '1.0', campaignId: 'c1' }]);
    expect(el.shadowRoot!.querySelector('[data-mapped]')?.textContent).toBe(
      'Đã gắn 3 phiếu của vòng "vong 1/2025" vào đợt "Vòng thi 2025".',
    );
    expect($$(el, 'li[data-round]').map((x) => x.getAttribute('data-round'))).toEqual([
      'Vòng 1 năm 2025',
      'Đợt kiểm tra cũ',
    ]);
  });

  it("shows the server's message when it refuses a mapping, in the UI language", async () => {
    const { api } = fakeApi();
    (api as unknown as { campaigns: () => Promise<ServerCampaign[]> }).campaigns = async () => [
      campaign('c9', 'Sai bộ', 'qd1300', '1.0'),
    ];
    const el = await open(api);
    // The server holds c9 under another set than the list said: the refusal is shown, nothing is listed as mapped.
    (api as unknown as { mapRound: unknown }).mapRound = async () => {
      throw new SyncError(400, 'setMismatch', {
        vi: 'Đợt dùng bộ tiêu chí khác.',
        en: 'The campaign uses another set.',
      });
    };
    setLocale('en');
    const li = $$(el, 'li[data-round]')[0]!;
    const select = li.querySelector('select') as HTMLSelectElement;
    select.value = 'c9';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    (li.querySelector('button[data-action=map-round]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-admin-error]')?.textContent).toBe('The campaign uses another set.');
    expect(el.shadowRoot!.querySelector('[data-mapped]')).toBeNull();
    expect($$(el, 'li[data-round]')).toHaveLength(3);
  });

  it('says when no typed round is left', async () => {
    const api = { rounds: async () => [], campaigns: async () => [] } as unknown as AdminApi;
    const el = await open(api);
    expect(el.shadowRoot!.querySelector('[data-rounds-empty]')).not.toBeNull();
  });
});
