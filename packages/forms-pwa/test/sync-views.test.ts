import { describe, expect, it } from 'vitest';
import type { ServerCampaign } from '../src/sync/client.js';
import { enrolmentQrText, parseEnrolmentQr } from '../src/sync/enrol-code.js';
import { assessmentKindOf, campaignTasks } from '../src/sync/my-campaigns.js';
import { qrPath } from '../src/sync/tc-qr-code.js';
import { syncLine } from '../src/sync/tc-sync-status.js';
import type { SyncStatus } from '../src/sync/engine.js';
import { draft } from './helpers.js';

describe('enrolment QR text', () => {
  it('round-trips the server address and the code', () => {
    expect(parseEnrolmentQr(enrolmentQrText('https://tieuchi.cantho.gov.vn/', 'x'.repeat(43)))).toEqual({
      server: 'https://tieuchi.cantho.gov.vn/',
      code: 'x'.repeat(43),
    });
  });
  it('refuses any other QR code, a non-web address and a short or huge code', () => {
    expect(parseEnrolmentQr('https://example.com/')).toBeUndefined();
    expect(parseEnrolmentQr('{"tieuchi":"other","server":"https://a/","code":"12345678"}')).toBeUndefined();
    expect(parseEnrolmentQr(enrolmentQrText('javascript:alert(1)', '12345678'))).toBeUndefined();
    expect(parseEnrolmentQr(enrolmentQrText('https://a/', '1234'))).toBeUndefined();
    expect(parseEnrolmentQr(enrolmentQrText('https://a/', 'x'.repeat(101)))).toBeUndefined();
  });
  it('draws a QR code of the right size (version 1 is 21 modules + 8 quiet zone)', () => {
    const { size, d } = qrPath('hi');
    expect(size).toBe(29);
    expect(d.startsWith('M4 4h1v1h-1z')).toBe(true); // the finder pattern's top-left module is dark
  });
});

const campaign = (id: string, over: Partial<ServerCampaign> = {}): ServerCampaign => ({
  id,
  name: { vi: `Đợt ${id}`, en: `Round ${id}` },
  set: { id: 'test-small', version: '1.0', hash: 'h'.repeat(64) },
  kind: 'self-assessment',
  facilities: ['f1', 'f2'],
  opensOn: '2026-11-01',
  closesOn: '2026-11-30',
  baselineCampaignId: null,
  phase: 'open',
  createdAt: '2026-10-01T00:00:00.000Z',
  ...over,
});

describe('my campaigns', () => {
  const station = { id: 'u-st', role: 'station' as const, facilityId: 'f1' };
  const inspector = { id: 'u-in', role: 'inspector' as const, facilityId: null };
  const inCampaign = (id: string, status: 'draft' | 'locked', campaignId = 'c1', facilityId = 'f1') => ({
    ...draft({}, id),
    status,
    facility: { id: facilityId, name: facilityId, kind: 'commune-station' as const },
    campaign: { id: campaignId },
  });

  it("a station sees its own facility's task in each open campaign: todo, in progress, done; late after the close day", () => {
    const cs = [campaign('c1'), campaign('c2', { closesOn: '2026-12-31' }), campaign('c3', { opensOn: '2027-01-01' })];
    const today = '2026-12-01';
    expect(campaignTasks(station, cs, [], [], today).map((t) => [t.campaign.id, t.facilityId, t.state])).toEqual([
      ['c1', 'f1', 'late'],
      ['c2', 'f1', 'todo'],
    ]);
    const withDraft = campaignTasks(station, cs, [], [inCampaign('a', 'draft', 'c2')], today);
    expect(withDraft[1]).toMatchObject({ state: 'in-progress', assessmentId: 'a' });
    const done = campaignTasks(
      station,
      cs,
      [],
      [inCampaign('b', 'locked', 'c1'), inCampaign('d', 'draft', 'c1')],
      today,
    );
    expect(done[0]).toMatchObject({ state: 'done', assessmentId: 'b' });
    // the close day itself is not late (Vietnam days, inclusive)
    expect(campaignTasks(station, cs, [], [], '2026-11-30')[0]!.state).toBe('todo');
  });

  it('an inspector sees only assigned facilities; an admin has no tasks', () => {
    const cs = [campaign('c1', { kind: 'inspection' })];
    const asg = [
      { campaignId: 'c1', facilityId: 'f2', userId: 'u-in' },
      { campaignId: 'c1', facilityId: 'f1', userId: 'someone-else' },
    ];
    expect(campaignTasks(inspector, cs, asg, [], '2026-11-10').map((t) => t.facilityId)).toEqual(['f2']);
    expect(campaignTasks({ id: 'x', role: 'admin', facilityId: null }, cs, asg, [], '2026-11-10')).toEqual([]);
    expect(assessmentKindOf('inspection')).toBe('external-inspection');
    expect(assessmentKindOf('contest')).toBe('contest-round');
  });
});

describe('sync state at a glance', () => {
  const base: SyncStatus = {
    link: undefined,
    waiting: 0,
    lastSync: '2026-12-01T03:05:00.000Z',
    running: false,
    problem: undefined,
    refused: [],
    planConflicts: [],
    photosWaiting: 0,
    photosRefused: [],
    photosRunning: false,
  };
  it('says all synced with the last sync in Vietnam time, or how many changes wait', () => {
    expect(syncLine(base)).toEqual({ text: '✓ Đã đồng bộ hết · Lần cuối: 01/12/2026 10:05', tone: 'ok' });
    expect(syncLine({ ...base, waiting: 3 })).toEqual({ text: '3 thay đổi chờ gửi', tone: 'wait' });
  });
  it('offline, it says so and how many changes wait (not an error)', () => {
    expect(syncLine({ ...base, waiting: 2 }, false)).toEqual({
      text: 'Không có mạng · 2 thay đổi chờ gửi',
      tone: 'wait',
    });
  });
  it('counts photos waiting apart from changes: answers sent is not "all synced" while photos wait', () => {
    expect(syncLine({ ...base, photosWaiting: 2 })).toEqual({
      text: '✓ Đã gửi hết câu trả lời · 2 ảnh chờ gửi',
      tone: 'wait',
    });
    expect(syncLine({ ...base, waiting: 1, photosWaiting: 1 })).toEqual({
      text: '1 thay đổi chờ gửi · 1 ảnh chờ gửi',
      tone: 'wait',
    });
    expect(syncLine({ ...base, photosWaiting: 3 }, false).text).toBe(
      'Không có mạng · 0 thay đổi chờ gửi · 3 ảnh chờ gửi',
    );
  });
  it('a photo refused for good is a problem in the header and says why, where and what to do', async () => {
    const { photoRefusalText } = await import('../src/sync/tc-sync-status.js');
    const r = {
      hash: 'ab',
      status: 413,
      code: 'tooLarge',
      text: { vi: 'Tệp quá lớn.', en: 'The file is too large.' },
      at: '2026-12-01T03:00:00.000Z',
      bytes: 12_000_000,
      mime: 'image/jpeg',
      places: [{ assessmentId: 'a1', facility: 'Trạm Y tế An Khánh', itemId: '2.3' }],
    };
    expect(syncLine({ ...base, photosRefused: [r] })).toEqual({ text: '1 ảnh máy chủ không nhận', tone: 'bad' });
    expect(photoRefusalText(r)).toBe(
      'Ảnh quá lớn, máy chủ không nhận. Chụp lại ảnh nhỏ hơn (hoặc gỡ ảnh) ở phiếu Trạm Y tế An Khánh, mục 2.3.',
    );
    expect(photoRefusalText({ ...r, status: 415, places: [{ ...r.places[0]!, plan: true }] })).toBe(
      'Ảnh không đúng định dạng (máy chủ chỉ nhận JPEG, PNG, WebP). Chụp lại ảnh ở kế hoạch cải tiến của Trạm Y tế An Khánh, mục 2.3.',
    );
  });
  it('a revoked device is told its changes are kept and what to do', () => {
    const l = syncLine({ ...base, waiting: 2, problem: { kind: 'signInAgain', text: { vi: '', en: '' } } });
    expect(l.tone).toBe('bad');
    expect(l.text).toContain('vẫn được giữ trên máy');
    expect(l.text).toContain('mã mới');
  });
});

describe('campaigns as rounds', () => {
  it('an assessment made for a campaign is paired by the campaign, not by its typed round; others unchanged', async () => {
    const { campaignAsRound } = await import('../src/sync/campaign-rounds.js');
    const { roundsOf } = await import('../src/dashboard/dashboard-model.js');
    const plain = draft({}, 'p');
    expect(campaignAsRound(plain)).toBe(plain);
    const typed = {
      ...draft({}, 'c1'),
      round: { id: 'dot-1', label: 'Đợt 1' },
      campaign: { id: 'abc', label: 'Đợt A' },
    };
    const seen = campaignAsRound(typed);
    expect(seen.round).toEqual({ id: 'campaign.abc', label: 'Đợt A' });
    expect(campaignAsRound(typed)).toBe(seen); // cached: a re-render scores nothing again
    // Two stations typed different round names for the same campaign: one round on the dashboard.
    const other = {
      ...draft({}, 'c2'),
      round: { id: 'vong-1', label: 'Vòng 1' },
      campaign: { id: 'abc', label: 'Đợt A' },
    };
    const rounds = roundsOf([seen, campaignAsRound(other)].map((assessment) => ({ assessment }) as never));
    expect(rounds.map((r) => [r.id, r.count])).toEqual([['campaign.abc', 2]]);
  });
});
