/**
 * Issue 12's remaining server pieces on both engines, over real TCP to a spawned server (ADR 0018): photo reads
 * scoped to the reader, compare and reconcile over campaigns (core's answers, stored and recomputed), typed rounds
 * mapped to campaigns, and bundle import (verified as a push is, atomic, idempotent).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareAssessments,
  contentHash,
  reconcile,
  score,
  writeContainer,
  type Assessment,
  type Scored,
} from '@tieuchi/core';
import { call, engineEnv, ENGINES, newDataDir, newPostgresDatabase, spawnServer, type Spawned } from './harness.js';
import { draft, locked, plan, qd1300 } from './assessments.js';
import { CAMPAIGN_BODY, setUpCouncil, type Council } from './council.js';

const SET = { setId: 'qd1300-commune-health', setVersion: '2023.1' };
const png = (text: string) => new TextEncoder().encode(`\x89PNG ${text}`);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
/** Core's score of a document, as the server computes it. */
function scored(a: Assessment): Scored {
  const set = qd1300();
  const r = score(set, a);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { set, assessment: a, result: r.value };
}
/** A value as it comes back through JSON. */
const json = (v: unknown) => JSON.parse(JSON.stringify(v));

describe.each(ENGINES)('campaign views, rounds, bundles and photo scope on %s', (engine) => {
  let server: Spawned;
  let council: Council;
  let removeDir = () => {};
  const as = (who: keyof Council['tokens']) => council.tokens[who];
  const get = (path: string, who: keyof Council['tokens'] = 'admin') =>
    call(server.url, 'GET', path, undefined, as(who));
  const post = (path: string, body: unknown, who: keyof Council['tokens'] = 'admin') =>
    call(server.url, 'POST', path, body, as(who));
  const push = async (doc: Assessment, who: keyof Council['tokens'] = 'admin') => {
    const r = await post('/api/v1/sync/push', { assessment: doc }, who);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const campaign = async (body: object) => {
    const r = await post('/api/v1/campaigns', { ...CAMPAIGN_BODY, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const pulledIds = async () =>
    ((await get('/api/v1/sync/pull?after=0&limit=500')).body.changes as { id: string }[]).map((c) => c.id);
  const inFixture = () => ({ id: council.ids.campaign, label: 'Tự đánh giá 2026' });

  beforeAll(async () => {
    let target: string;
    if (engine === 'postgres') target = await newPostgresDatabase('views');
    else {
      const d = newDataDir();
      target = d.dir;
      removeDir = d.remove;
    }
    server = await spawnServer({ ...engineEnv(engine, target), TIEUCHI_LOGIN_RATE: '1000' });
    council = await setUpCouncil(server.url, server.adminCode!);
  });
  afterAll(async () => {
    await server?.stop();
    removeDir();
  });

  it('lets a person read a photo they uploaded or one an assessment in their scope references, and no other', async () => {
    const mine = png('taken at station A');
    const put = (b: Uint8Array, who: keyof Council['tokens']) =>
      call(server.url, 'PUT', `/api/v1/photos/${sha256(b)}`, b, as(who));
    expect((await put(mine, 'station')).status).toBe(201);
    expect((await get(`/api/v1/photos/${sha256(mine)}`, 'station')).status).toBe(200);
    // Another station: as if the photo did not exist.
    expect((await get(`/api/v1/photos/${sha256(mine)}`, 'otherStation')).status).toBe(404);
    expect((await get(`/api/v1/photos/${sha256(mine)}/exists`, 'otherStation')).body).toEqual({ stored: false });
    // Sending the same bytes does not tell it someone else had (201 like a first upload); then it reads its own.
    expect((await put(mine, 'otherStation')).status).toBe(201);
    expect((await put(mine, 'otherStation')).status).toBe(200);
    expect((await get(`/api/v1/photos/${sha256(mine)}`, 'otherStation')).status).toBe(200);

    const evidence = png('evidence of F-B');
    expect((await put(evidence, 'admin')).status).toBe(201);
    const withPhoto = (id: string, facility: string) => {
      const d = draft(id, facility, inFixture());
      d.answers['t1.1'] = { ...d.answers['t1.1']!, evidence: [sha256(evidence)] };
      return d;
    };
    await push(withPhoto('photo-fb', 'F-B'));
    const path = `/api/v1/photos/${sha256(evidence)}`;
    // The inspector is assigned to F-A only; the station is F-A's.
    for (const who of ['inspector', 'otherInspector', 'station', 'otherStation'] as const)
      expect((await get(path, who)).status, who).toBe(404);
    expect((await get(path, 'admin')).status).toBe(200);
    await post(`/api/v1/campaigns/${council.ids.campaign}/assignments`, {
      facilityId: 'F-B',
      userId: council.ids.otherInspector,
    });
    expect((await get(path, 'otherInspector')).status).toBe(200);
    expect((await get(`${path}/exists`, 'otherInspector')).body).toEqual({ stored: true });
    await push(withPhoto('photo-fa', 'F-A'));
    for (const who of ['inspector', 'station', 'device'] as const) expect((await get(path, who)).status, who).toBe(200);
    expect((await get(path, 'otherStation')).status).toBe(404);
  });

  it("compares a facility's assessment with its baseline campaign's, with core's numbers, stored until data change", async () => {
    const follow = await campaign({ baselineCampaignId: council.ids.campaign });
    const before = locked('cmp-before', 'F-A', { campaign: inFixture(), answers: { 't1.1': { value: 'not-met' } } });
    const after = locked('cmp-after', 'F-A', { campaign: { id: follow, label: 'Đợt 2' } });
    await push(before);
    await push(after);
    const r = await get(`/api/v1/campaigns/${follow}/compare?facility=F-A`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const expected = compareAssessments(scored(before), scored(after));
    expect(expected.ok).toBe(true);
    expect(r.body.result).toEqual(json(expected.ok && expected.value));
    // By hand: only t1.1 (binary, 3 points) changed, from not met to met.
    expect(r.body.result.newlyMet).toEqual(['t1.1']);
    expect(r.body.result.newlyLost).toEqual([]);
    expect(r.body.result.total.deltaPoints).toEqual({ num: 3, den: 1 });
    expect(r.body.pair).toEqual({ first: 'cmp-before', second: 'cmp-after' });
    expect(r.body.computed.because).toBe('first');
    const again = await get(`/api/v1/campaigns/${follow}/compare?facility=F-A`);
    expect(again.body.computed.at).toBe(r.body.computed.at);
    // A newer assessment of F-A in the campaign: recomputed, and it is the one compared.
    await push(locked('cmp-after-2', 'F-A', { campaign: { id: follow, label: 'Đợt 2' } }));
    const later = await get(`/api/v1/campaigns/${follow}/compare?facility=F-A`);
    expect(later.body.computed.because).toBe('assessments');
    expect(later.body.pair.second).toBe('cmp-after-2');
    const none = await get(`/api/v1/campaigns/${follow}/compare?facility=F-B`);
    expect([none.status, none.body.error.code]).toEqual([404, 'nothingToPair']);
    const noBase = await get(`/api/v1/campaigns/${council.ids.campaign}/compare?facility=F-A`);
    expect([noBase.status, noBase.body.error.code]).toEqual([400, 'noBaseline']);
  });

  it('reconciles a self-assessment with the inspection campaign that names the campaign it checks', async () => {
    const bad = await post('/api/v1/campaigns', { ...CAMPAIGN_BODY, checksCampaignId: council.ids.campaign });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'badChecks']);
    const inspection = await campaign({ kind: 'inspection', checksCampaignId: council.ids.campaign });
    expect((await get(`/api/v1/campaigns/${inspection}`)).body.checksCampaignId).toBe(council.ids.campaign);
    const self = locked('rec-self', 'F-A', { campaign: inFixture(), answers: { 't1.2': { value: 'not-met' } } });
    const insp = locked('rec-insp', 'F-A', {
      campaign: { id: inspection, label: 'Kiểm tra' },
      kind: 'external-inspection',
    });
    await push(self);
    await push(insp);
    const r = await get(`/api/v1/campaigns/${inspection}/reconcile?facility=F-A`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const expected = reconcile(scored(self), scored(insp));
    expect(r.body.result).toEqual(json(expected.ok && expected.value));
    // By hand: the two differ on t1.2 only.
    expect(r.body.result.disagreements.map((d: { id: string }) => d.id)).toEqual(['t1.2']);
    expect(r.body.result.agreed).toBe(r.body.result.compared - 1);
    expect(r.body.pair).toEqual({ first: 'rec-self', second: 'rec-insp' });
    // Asked from the self-assessment campaign: the same pair and result.
    const fromSelf = await get(`/api/v1/campaigns/${council.ids.campaign}/reconcile?facility=F-A`);
    expect(fromSelf.body.result).toEqual(r.body.result);
    // The station reads its own facility's once the council released the inspection, never another's; the
    // inspector assigned to F-A likewise.
    const early = await get(`/api/v1/campaigns/${inspection}/reconcile?facility=F-A`, 'station');
    expect([early.status, early.body.error.code]).toEqual([403, 'notReleased']);
    expect((await post(`/api/v1/campaigns/${inspection}/release`, {})).body.releasedAt).toEqual(expect.any(String));
    expect((await get(`/api/v1/campaigns/${inspection}/reconcile?facility=F-A`, 'station')).status).toBe(200);
    expect((await get(`/api/v1/campaigns/${inspection}/reconcile?facility=F-B`, 'station')).status).toBe(403);
    expect((await get(`/api/v1/campaigns/${inspection}/reconcile?facility=F-B`, 'inspector')).status).toBe(403);
  });

  it('keeps an inspection from the station it inspects until the council releases it, then the next pull brings it', async () => {
    const inspection = await campaign({ kind: 'inspection', checksCampaignId: council.ids.campaign });
    const photo = png('inspector photo of F-A');
    expect((await call(server.url, 'PUT', `/api/v1/photos/${sha256(photo)}`, photo, as('admin'))).status).toBe(201);
    const insp = locked('rel-insp', 'F-A', {
      campaign: { id: inspection, label: 'Kiểm tra' },
      kind: 'external-inspection',
      answers: { 't1.1': { value: 'met', evidence: [sha256(photo)] } },
    });
    const stationPull = async (after: number) =>
      (await get(`/api/v1/sync/pull?after=${after}&limit=500`, 'station')).body as {
        changes: { id: string }[];
        next: number;
      };
    const stationPlans = async (after: number) =>
      (await get(`/api/v1/sync/plans?after=${after}&limit=500`, 'station')).body as {
        plans: { id: string }[];
        next: number;
      };
    const before = await stationPull(0);
    await push(insp);
    // The inspectors' improvement plan for it, pushed before the release too.
    const planned = await post('/api/v1/sync/plans', { plan: plan('rel-insp', 'F-A', [{ owner: 'Đoàn kiểm tra' }]) });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    // The station's own plan, pushed after: the station pulls it, so its plan cursor passes the hidden one's number.
    await push(draft('rel-self', 'F-A', inFixture()));
    const own = await post('/api/v1/sync/plans', { plan: plan('rel-self', 'F-A') }, 'device');
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const cursor = (await stationPull(before.next)).next;
    const planCursor = (await stationPlans(0)).next;
    expect(planCursor).toBeGreaterThan(planned.body.change);
    expect((await stationPlans(0)).plans.map((p) => p.id)).not.toContain('rel-insp-plan');
    // Not released: the station neither pulls the inspection nor reads its photo; the admin does.
    expect((await stationPull(0)).changes.map((c) => c.id)).not.toContain('rel-insp');
    expect(await pulledIds()).toContain('rel-insp');
    expect((await get(`/api/v1/photos/${sha256(photo)}`, 'station')).status).toBe(404);
    // Only an admin releases, only an inspection campaign, once.
    expect((await post(`/api/v1/campaigns/${inspection}/release`, {}, 'inspector')).status).toBe(403);
    const notInsp = await post(`/api/v1/campaigns/${council.ids.campaign}/release`, {});
    expect([notInsp.status, notInsp.body.error.code]).toEqual([400, 'notInspection']);
    const released = await post(`/api/v1/campaigns/${inspection}/release`, {});
    expect(released.status).toBe(200);
    const again = await post(`/api/v1/campaigns/${inspection}/release`, {});
    expect(again.body.releasedAt).toBe(released.body.releasedAt);
    // A pull from the station's cursors taken before the release now brings it and its plan, and the photo reads.
    expect((await stationPull(cursor)).changes.map((c) => c.id)).toEqual(['rel-insp']);
    expect((await stationPlans(planCursor)).plans.map((p) => p.id)).toEqual(['rel-insp-plan']);
    expect((await get(`/api/v1/photos/${sha256(photo)}`, 'station')).status).toBe(200);
    // The other station still sees nothing of F-A.
    expect(
      (await get(`/api/v1/sync/pull?after=0&limit=500`, 'otherStation')).body.changes.map((c: { id: string }) => c.id),
    ).not.toContain('rel-insp');
    const audit = (await get('/api/v1/audits?limit=500')).body as { action: string; subjectId: string }[];
    expect(audit.filter((e) => e.action === 'campaign.release' && e.subjectId === inspection)).toHaveLength(1);
  });

  it('maps a typed round to a campaign of the same set and kind, outside the documents, and pairs by it', async () => {
    const round = { id: 'dot-2025', label: 'Đợt 2025' };
    const a = locked('round-a', 'F-A', { round });
    await push(a);
    await push(locked('round-b', 'F-B', { round }));
    await push(locked('round-insp', 'F-A', { round: { id: 'kt-2025' }, kind: 'external-inspection' }));
    const rounds = (await get('/api/v1/rounds')).body as { round: string }[];
    expect(rounds.find((x) => x.round === 'dot-2025')).toEqual({
      round: 'dot-2025',
      label: 'Đợt 2025',
      ...SET,
      kinds: ['self-assessment'],
      assessments: 2,
      mapped: 0,
      campaignId: null,
    });
    const target = await campaign({ facilities: ['F-A'] });
    const map = (body: object) =>
      post('/api/v1/rounds/map', { round: 'dot-2025', ...SET, campaignId: target, ...body });
    const other = await campaign({ set: { ...CAMPAIGN_BODY.set, version: '2099.1' } });
    const setWrong = await map({ campaignId: other });
    expect([setWrong.status, setWrong.body.error.code]).toEqual([409, 'roundMismatch']);
    const kindWrong = await map({ round: 'kt-2025' });
    expect([kindWrong.status, kindWrong.body.error.code]).toEqual([409, 'roundMismatch']);
    expect((await map({ round: 'no-such-round' })).status).toBe(404);

    const ok = await map({});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ placed: 2, assessments: 2, outsideScope: ['F-B'] });
    expect((await map({})).body.placed).toBe(0);
    const elsewhere = await map({ campaignId: council.ids.campaign });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, 'roundMapped']);
    expect(
      ((await get('/api/v1/rounds')).body as { round: string }[]).find((x) => x.round === 'dot-2025'),
    ).toMatchObject({ mapped: 2, campaignId: target });
    // The documents are not changed: same revision (content hash), no campaign written into them.
    const pulled = (await get('/api/v1/sync/pull?after=0&limit=500')).body.changes as {
      id: string;
      revision: string;
      document: Record<string, unknown>;
    }[];
    const stored = pulled.find((c) => c.id === 'round-a')!;
    expect(stored.revision).toBe(a.contentHash);
    expect(stored.document).not.toHaveProperty('campaign');
    expect(contentHash(stored.document as unknown as Assessment)).toBe(a.contentHash);
    // Rank pairs by the campaign; a later push of the same round joins it.
    expect((await get(`/api/v1/campaigns/${target}/rank`)).body.computed.assessments).toBe(2);
    await push(locked('round-c', 'F-A', { round }));
    expect((await get(`/api/v1/campaigns/${target}/rank`)).body.computed.assessments).toBe(3);
    const audits = (await get('/api/v1/audits?limit=500')).body as { action: string; subjectId: string }[];
    expect(audits.filter((x) => x.action === 'round.map' && x.subjectId === target)).toHaveLength(2);
    // The dashboard filters by the mapped campaign too, with core's score of each document (built by the database).
    const dash = (await get(`/api/v1/dashboard?campaign=${target}`)).body;
    expect(dash.rows.map((r: { assessmentId: string }) => r.assessmentId)).toEqual(['round-a', 'round-c', 'round-b']);
    const percent = scored(a).result.total.percent;
    expect(dash.rows[0]).toMatchObject({
      campaignId: target,
      facility: { id: 'F-A', kind: a.facility.kind },
      status: 'locked',
      percent: json(percent),
      decision: scored(a).result.decision,
      complete: scored(a).result.complete,
    });
    expect(dash.rows[0].scoredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(dash.decisions).toEqual({ [scored(a).result.decision]: 3 });
    expect(dash.computed.recomputedNow).toBe(3);
    expect((await get(`/api/v1/dashboard?campaign=${target}`)).body.computed.recomputedNow).toBe(0);
  });

  it('imports a bundle as a push would store it: atomic, idempotent, refused documents listed', async () => {
    const photo = png('bundle photo');
    const a = locked('bundle-a', 'F-A', {
      campaign: inFixture(),
      answers: { 't1.1': { value: 'met', evidence: [sha256(photo)] } },
    });
    const b = locked('bundle-b', 'F-B', { campaign: inFixture() });
    const bundle = (
      assessments: Assessment[],
      photos = [{ hash: sha256(photo), mime: 'image/png', dataBase64: base64(photo) }],
    ) => ({
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2026-12-01T09:00:00.000Z',
      assessments,
      ...(photos.length ? { photos } : {}),
    });
    const first = await post('/api/v1/bundles', bundle([a, b]));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.assessments.map((x: { id: string; result: string }) => [x.id, x.result])).toEqual([
      ['bundle-a', 'created'],
      ['bundle-b', 'created'],
    ]);
    expect(first.body.photos).toEqual({ stored: 1, already: 0 });
    const importsLogged = async () =>
      ((await get('/api/v1/audits?limit=500')).body as { action: string }[]).filter((x) => x.action === 'bundle.import')
        .length;
    expect(await importsLogged()).toBe(1);
    const idsBefore = await pulledIds();

    const again = await post('/api/v1/bundles', bundle([a, b]));
    expect(again.body.assessments.map((x: { result: string }) => x.result)).toEqual(['unchanged', 'unchanged']);
    expect(again.body.photos).toEqual({ stored: 0, already: 1 });
    expect(await importsLogged()).toBe(1);
    expect(await pulledIds()).toEqual(idsBefore);
    // The station of F-A reads the photo its assessment references.
    expect((await get(`/api/v1/photos/${sha256(photo)}`, 'station')).status).toBe(200);

    // One tampered document refuses the whole bundle, naming it; the good one in it is not stored.
    const good = locked('bundle-c', 'F-A', { campaign: inFixture() });
    const tampered = { ...b, id: 'bundle-d' };
    const refused = await post('/api/v1/bundles', bundle([good, tampered], []));
    expect([refused.status, refused.body.error.code]).toEqual([400, 'bundleRefused']);
    expect(refused.body.error.details.refused.map((x: { assessment: string }) => x.assessment)).toEqual(['bundle-d']);
    // A locked document changed on the server side of the bundle (same id, other content): immutable, listed.
    const changedA = locked('bundle-a', 'F-A', { campaign: inFixture(), answers: { 't1.3': { value: 'not-met' } } });
    const immutable = await post('/api/v1/bundles', bundle([good, changedA], []));
    expect(immutable.body.error.details.refused).toMatchObject([{ assessment: 'bundle-a', code: 'immutable' }]);
    // Another station may not import F-A's work.
    const foreign = await post('/api/v1/bundles', bundle([good], []), 'otherStation');
    expect(foreign.body.error.details.refused).toMatchObject([{ assessment: 'bundle-c', code: 'forbidden' }]);
    expect(await pulledIds()).toEqual(idsBefore);
    // The station imports its own.
    const own = await post('/api/v1/bundles', bundle([good], []), 'station');
    expect(own.body.assessments).toMatchObject([{ id: 'bundle-c', result: 'created' }]);
  });

  it("imports the app's zip backup the same way, and refuses one whose photo bytes were altered", async () => {
    const photo = png('zip bundle photo');
    const doc = locked('zip-a', 'F-A', {
      campaign: inFixture(),
      answers: { 't1.1': { value: 'met', evidence: [sha256(photo)] } },
    });
    const zip = async (bytes: Uint8Array) => {
      const chunks: Uint8Array[] = [];
      for await (const c of writeContainer({
        bundle: { schemaVersion: 1, kind: 'bundle', createdAt: '2026-12-01T09:00:00.000Z', assessments: [doc] },
        photos: [{ hash: sha256(photo), mime: 'image/png' }],
        readPhoto: async () => bytes,
      }))
        chunks.push(c);
      return Buffer.concat(chunks);
    };
    const send = async (body: Uint8Array) => {
      const res = await fetch(new URL('/api/v1/bundles', server.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${as('admin')}`, 'content-type': 'application/zip' },
        body: new Blob([body as Uint8Array<ArrayBuffer>]),
      });
      return { status: res.status, body: await res.json() };
    };
    const altered = await send(await zip(png('zip bundle photo, altered')));
    expect([altered.status, altered.body.error.code]).toEqual([400, 'bundleRefused']);
    expect(await pulledIds()).not.toContain('zip-a');
    const r = await send(await zip(photo));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.assessments).toMatchObject([{ id: 'zip-a', result: 'created' }]);
    expect(r.body.photos).toEqual({ stored: 1, already: 0 });
    const back = await fetch(new URL(`/api/v1/photos/${sha256(photo)}`, server.url), {
      headers: { authorization: `Bearer ${as('station')}` },
    });
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(photo);
  });
});
