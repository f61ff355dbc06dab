import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../src/sync/tc-admin-campaigns.js';
import type { AdminApi } from '../src/sync/admin-api.js';
import type { ServerCampaign } from '../src/sync/client.js';
import { setLocale } from '../src/i18n.js';
import { mount } from './helpers.js';

const campaign = (id: string, kind: ServerCampaign['kind'], over: Partial<ServerCampaign> = {}): ServerCampaign => ({
  id,
  name: { vi: `Đợt ${id}`, en: `Campaign ${id}` },
  set: { id: 'qd1300', version: '1.0', hash: 'h' },
  kind,
  facilities: [],
  opensOn: '2026-01-01',
  closesOn: '2026-12-31',
  baselineCampaignId: null,
  phase: 'open',
  createdAt: '2026-01-01T00:00:00.000Z',
  releasedAt: null,
  ...over,
});

/** A fake of the campaign routes: `POST /campaigns/:id/release` sets `releasedAt` (the server's answer). */
function fakeApi() {
  const campaigns = [campaign('self', 'self-assessment'), campaign('insp', 'inspection', { checksCampaignId: 'self' })];
  const released: string[] = [];
  const api = {
    campaigns: async () => campaigns,
    users: async () => [],
    assignments: async () => [],
    release: async (id: string) => {
      released.push(id);
      const c = campaigns.find((x) => x.id === id)!;
      c.releasedAt = '2026-12-01T17:30:00.000Z'; // 02/12/2026 00:30 in Vietnam
      return c;
    },
  } as unknown as AdminApi;
  return { api, released };
}

const settle = async (el: HTMLElement & { updateComplete: Promise<boolean> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

beforeEach(() => setLocale('vi'));
afterEach(() => document.body.replaceChildren());

describe('<tc-admin-campaigns> release', () => {
  it('offers the release on an inspection campaign only, and shows the Vietnam day once released', async () => {
    const { api, released } = fakeApi();
    const el = document.createElement('tc-admin-campaigns');
    el.api = api;
    await mount(el);
    await settle(el);
    const root = el.shadowRoot!;
    // The form offers the built-in sets, which load when used (not at start-up).
    await expect
      .poll(() => root.querySelectorAll('select[name=set] option').length, { timeout: 10_000 })
      .toBeGreaterThan(3);
    const card = (id: string) => root.querySelector(`li[data-campaign="Đợt ${id}"]`)!;
    expect(card('self').querySelector('[data-action="release"]')).toBeNull();
    expect(card('insp').textContent).toContain('Chưa công bố');
    (card('insp').querySelector('[data-action="release"]') as HTMLButtonElement).click();
    await settle(el);
    expect(released).toEqual(['insp']);
    expect(card('insp').querySelector('[data-released]')!.textContent).toContain('02/12/2026');
    expect(card('insp').querySelector('[data-action="release"]')).toBeNull();
  });
});
