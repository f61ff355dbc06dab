/**
 * Authorization on every route, on both engines, over real TCP to spawned servers.
 * The routes come from the running server's own OpenAPI document; a route without a case here — or a case for
 * any role missing — fails the test. The same sequence of requests runs on PGlite and on PostgreSQL, and the
 * answers (ids, times and secrets replaced by placeholders) must be identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  engineEnv,
  ENGINES,
  newDataDir,
  newPostgresDatabase,
  spawnServer,
  type Engine,
  type Spawned,
} from './harness.js';
import { createHash } from 'node:crypto';
import { draft, locked } from './assessments.js';
import { ACTORS, CAMPAIGN_BODY, PASSWORD, setUpCouncil, type ActorName, type Council } from './council.js';

type Status = Record<ActorName, number>;
interface Case {
  /** Fills path parameters and body; may make what the request acts on first (with the admin token). */
  prepare(c: Council, actor: ActorName): Promise<{ path: string; body?: unknown; token?: string }>;
  expect: Status;
}

/** Status for: anonymous, admin, inspector, otherInspector, station, otherStation, device, revokedDevice. */
const S = (...s: number[]): Status => Object.fromEntries(ACTORS.map((a, i) => [a, s[i]!])) as Status;
const ADMIN_ONLY = (ok: number) => S(401, ok, 403, 403, 403, 403, 403, 401);
const SIGNED_IN = (ok: number) => S(401, ok, ok, ok, ok, ok, ok, 401);
const PUBLIC = (ok: number) => S(ok, ok, ok, ok, ok, ok, ok, 401);

let serial = 0;
/** Some bytes that stand for a photo (the server checks only their hash, type and size). */
const photoBytes = (n: number) => new TextEncoder().encode(`\x89PNG photo number ${n}`);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const admin = (c: Council) => c.tokens.admin;
async function throwawayUser(c: Council) {
  const r = await call(
    c.base,
    'POST',
    '/api/v1/users',
    { login: `tmp${++serial}`, displayName: 'tmp', role: 'inspector' },
    admin(c),
  );
  return r.body.id as string;
}
async function throwawayDevice(c: Council) {
  const r = await call(c.base, 'POST', '/api/v1/devices', { userId: c.ids.station, label: `tmp${++serial}` }, admin(c));
  return r.body as { device: { id: string }; code: string };
}
/** A photo uploaded by the admin and referenced by an admin's draft of F-A in the campaign (made once per server). */
const referenced = new Map<string, Promise<string>>();
function referencedPhoto(c: Council): Promise<string> {
  if (!referenced.has(c.base))
    referenced.set(
      c.base,
      (async () => {
        const bytes = photoBytes(0);
        const hash = sha256(bytes);
        await call(c.base, 'PUT', `/api/v1/photos/${hash}`, bytes, admin(c));
        const d = draft('authz-photo', 'F-A', { id: c.ids.campaign, label: 'Tự đánh giá 2026' });
        d.answers['t1.1'] = { ...d.answers['t1.1']!, evidence: [hash] };
        const r = await call(c.base, 'POST', '/api/v1/sync/push', { assessment: d }, admin(c));
        if (r.status !== 201) throw new Error(`push with a photo: ${r.status} ${JSON.stringify(r.body)}`);
        return hash;
      })(),
    );
  return referenced.get(c.base)!;
}
/**
 * Made once per server: a campaign with the fixture campaign as baseline and an inspection campaign checking the
 * fixture campaign (the inspector assigned to F-A in both), each with a locked assessment of F-A, and one in the
 * fixture campaign: compare and reconcile then have a pair for F-A.
 */
const paired = new Map<string, Promise<{ follow: string; inspection: string }>>();
function pairedCampaigns(c: Council) {
  if (!paired.has(c.base))
    paired.set(
      c.base,
      (async () => {
        const mk = async (body: object) => {
          const r = await call(c.base, 'POST', '/api/v1/campaigns', { ...CAMPAIGN_BODY, ...body }, admin(c));
          if (r.status !== 201) throw new Error(`campaign: ${r.status} ${JSON.stringify(r.body)}`);
          await call(
            c.base,
            'POST',
            `/api/v1/campaigns/${r.body.id}/assignments`,
            { facilityId: 'F-A', userId: c.ids.inspector },
            admin(c),
          );
          return r.body.id as string;
        };
        const follow = await mk({ baselineCampaignId: c.ids.campaign });
        const inspection = await mk({ kind: 'inspection', checksCampaignId: c.ids.campaign });
        const push = async (id: string, campaign: string, kind?: 'external-inspection') => {
          const doc = locked(id, 'F-A', { campaign: { id: campaign, label: 'x' }, ...(kind ? { kind } : {}) });
          const r = await call(c.base, 'POST', '/api/v1/sync/push', { assessment: doc }, admin(c));
          if (r.status !== 201) throw new Error(`push: ${r.status} ${JSON.stringify(r.body)}`);
        };
        await push('authz-pair-base', c.ids.campaign);
        await push('authz-pair-follow', follow);
        await push('authz-pair-inspection', inspection, 'external-inspection');
        return { follow, inspection };
      })(),
    );
  return paired.get(c.base)!;
}
/** A bundle holding one draft of F-A in the fixture campaign. */
const bundleOf = (c: Council) => ({
  schemaVersion: 1,
  kind: 'bundle',
  createdAt: '2026-12-01T08:00:00.000Z',
  assessments: [draft(`authz-bundle-${++serial}`, 'F-A', { id: c.ids.campaign, label: 'Tự đánh giá 2026' })],
});
const LOGINS: Partial<Record<ActorName, string>> = {
  admin: 'admin',
  inspector: 'insp1',
  otherInspector: 'insp2',
  station: 'st-a',
  otherStation: 'st-b',
};

const CASES: Record<string, Case> = {
  'GET /api/openapi.json': { prepare: async () => ({ path: '/api/openapi.json' }), expect: PUBLIC(200) },
  'GET /api/v1/health': { prepare: async () => ({ path: '/api/v1/health' }), expect: PUBLIC(200) },
  'POST /api/v1/bootstrap': {
    prepare: async () => ({
      path: '/api/v1/bootstrap',
      body: { code: 'AAAAA-BBBBB-CCCCC-DDDDD', login: 'second', displayName: 'x', password: PASSWORD },
    }),
    expect: PUBLIC(409),
  },
  'POST /api/v1/sessions': {
    prepare: async () => ({ path: '/api/v1/sessions', body: { login: 'insp2', password: PASSWORD } }),
    expect: PUBLIC(201),
  },
  'DELETE /api/v1/sessions/current': {
    // A fresh session of the same person, so the fixture's tokens stay valid.
    async prepare(c, actor) {
      const login = LOGINS[actor];
      if (!login) return { path: '/api/v1/sessions/current' };
      const s = await call(c.base, 'POST', '/api/v1/sessions', { login, password: PASSWORD });
      return { path: '/api/v1/sessions/current', token: s.body.token };
    },
    expect: SIGNED_IN(204),
  },
  'GET /api/v1/me': { prepare: async () => ({ path: '/api/v1/me' }), expect: SIGNED_IN(200) },
  'GET /api/v1/users': { prepare: async () => ({ path: '/api/v1/users' }), expect: ADMIN_ONLY(200) },
  'POST /api/v1/users': {
    prepare: async () => ({
      path: '/api/v1/users',
      body: { login: `new${++serial}`, displayName: 'Mới', role: 'station', facilityId: 'F-B' },
    }),
    expect: ADMIN_ONLY(201),
  },
  'POST /api/v1/users/{id}/password': {
    prepare: async (c) => ({
      path: `/api/v1/users/${await throwawayUser(c)}/password`,
      body: { password: 'một mật khẩu mới' },
    }),
    expect: ADMIN_ONLY(204),
  },
  'GET /api/v1/devices': { prepare: async () => ({ path: '/api/v1/devices' }), expect: ADMIN_ONLY(200) },
  'POST /api/v1/devices': {
    prepare: async (c) => ({ path: '/api/v1/devices', body: { userId: c.ids.otherStation, label: 'Máy B' } }),
    expect: ADMIN_ONLY(201),
  },
  'POST /api/v1/devices/{id}/revoke': {
    prepare: async (c) => ({ path: `/api/v1/devices/${(await throwawayDevice(c)).device.id}/revoke` }),
    expect: ADMIN_ONLY(200),
  },
  'GET /api/v1/devices/{id}': {
    prepare: async (c) => ({ path: `/api/v1/devices/${c.ids.device}` }),
    // Admins see any device; a device sees itself; a person's session does not stand for their device.
    expect: S(401, 200, 403, 403, 403, 403, 200, 401),
  },
  'POST /api/v1/enrol': {
    prepare: async (c) => ({ path: '/api/v1/enrol', body: { code: (await throwawayDevice(c)).code } }),
    expect: PUBLIC(201),
  },
  'PUT /api/v1/device/key': {
    prepare: async () => ({
      path: '/api/v1/device/key',
      body: { jwk: { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'BBBB' } },
    }),
    expect: S(401, 403, 403, 403, 403, 403, 200, 401),
  },
  'GET /api/v1/campaigns': { prepare: async () => ({ path: '/api/v1/campaigns' }), expect: SIGNED_IN(200) },
  'POST /api/v1/campaigns': {
    prepare: async () => ({ path: '/api/v1/campaigns', body: CAMPAIGN_BODY }),
    expect: ADMIN_ONLY(201),
  },
  'GET /api/v1/campaigns/{id}': {
    prepare: async (c) => ({ path: `/api/v1/campaigns/${c.ids.campaign}` }),
    // inspector: assigned; station and its device: facility F-A in scope; the others: not theirs.
    expect: S(401, 200, 200, 403, 200, 403, 200, 401),
  },
  'GET /api/v1/campaigns/{id}/rank': {
    prepare: async (c) => ({ path: `/api/v1/campaigns/${c.ids.campaign}/rank` }),
    // admin; the inspector assigned in it. Stations (and their devices) do not read rankings.
    expect: S(401, 200, 200, 403, 403, 403, 403, 401),
  },
  'GET /api/v1/campaigns/{id}/aggregate': {
    prepare: async (c) => ({ path: `/api/v1/campaigns/${c.ids.campaign}/aggregate` }),
    expect: S(401, 200, 200, 403, 403, 403, 403, 401),
  },
  'GET /api/v1/campaigns/{id}/compare': {
    prepare: async (c) => ({ path: `/api/v1/campaigns/${(await pairedCampaigns(c)).follow}/compare?facility=F-A` }),
    // admin; the inspector assigned to F-A; the station of F-A and its device.
    expect: S(401, 200, 200, 403, 200, 403, 200, 401),
  },
  'GET /api/v1/campaigns/{id}/reconcile': {
    prepare: async (c) => ({
      path: `/api/v1/campaigns/${(await pairedCampaigns(c)).inspection}/reconcile?facility=F-A`,
    }),
    // The station of F-A (and its device) only once the council released the inspection: not yet here.
    expect: S(401, 200, 200, 403, 403, 403, 403, 401),
  },
  'POST /api/v1/campaigns/{id}/release': {
    prepare: async (c) => ({
      path: `/api/v1/campaigns/${
        (
          await call(
            c.base,
            'POST',
            '/api/v1/campaigns',
            { ...CAMPAIGN_BODY, kind: 'inspection', checksCampaignId: c.ids.campaign },
            admin(c),
          )
        ).body.id
      }/release`,
    }),
    expect: ADMIN_ONLY(200),
  },
  'GET /api/v1/rounds': { prepare: async () => ({ path: '/api/v1/rounds' }), expect: ADMIN_ONLY(200) },
  'POST /api/v1/rounds/map': {
    // A fresh typed round (an admin's draft of F-A naming no campaign) mapped to the fixture campaign.
    async prepare(c) {
      const round = `vong-${++serial}`;
      const d = draft(`authz-round-${serial}`, 'F-A') as ReturnType<typeof draft> & { round?: object };
      d.round = { id: round };
      await call(c.base, 'POST', '/api/v1/sync/push', { assessment: d }, admin(c));
      return {
        path: '/api/v1/rounds/map',
        body: { round, setId: 'qd1300-commune-health', setVersion: '2023.1', campaignId: c.ids.campaign },
      };
    },
    expect: ADMIN_ONLY(200),
  },
  'POST /api/v1/bundles': {
    prepare: async (c) => ({ path: '/api/v1/bundles', body: bundleOf(c) }),
    // admin; the station of F-A and its device. Another station's import is refused (400, the document listed
    // as forbidden); inspectors do not import bundles.
    expect: S(401, 200, 403, 403, 200, 400, 200, 401),
  },
  'GET /api/v1/campaigns/{id}/assignments': {
    prepare: async (c) => ({ path: `/api/v1/campaigns/${c.ids.campaign}/assignments` }),
    expect: S(401, 200, 200, 403, 403, 403, 403, 401),
  },
  'POST /api/v1/campaigns/{id}/assignments': {
    prepare: async (c) => ({
      path: `/api/v1/campaigns/${c.ids.campaign}/assignments`,
      body: { facilityId: 'F-A', userId: c.ids.inspector },
    }),
    expect: ADMIN_ONLY(200),
  },
  'DELETE /api/v1/campaigns/{id}/assignments/{facilityId}/{userId}': {
    // The admin removes an assignment made for the purpose; the others try to remove the fixture's own one.
    async prepare(c, actor) {
      if (actor !== 'admin') return { path: `/api/v1/campaigns/${c.ids.campaign}/assignments/F-A/${c.ids.inspector}` };
      await call(
        c.base,
        'POST',
        `/api/v1/campaigns/${c.ids.campaign}/assignments`,
        { facilityId: 'F-B', userId: c.ids.otherInspector },
        admin(c),
      );
      return { path: `/api/v1/campaigns/${c.ids.campaign}/assignments/F-B/${c.ids.otherInspector}` };
    },
    expect: ADMIN_ONLY(204),
  },
  'POST /api/v1/sync/push': {
    prepare: async (c, actor) => ({
      path: '/api/v1/sync/push',
      body: {
        assessment: draft(`authz-${actor}-${++serial}`, 'F-A', { id: c.ids.campaign, label: 'Tự đánh giá 2026' }),
      },
    }),
    // F-A: the station's own facility; not the other station's. A self-assessment: never an inspector's, even one
    // assigned in this campaign (inspectors write inspections and contest rounds: the write cases below).
    expect: S(401, 201, 403, 403, 201, 403, 201, 401),
  },
  'POST /api/v1/sync/resolve': {
    // A fresh conflicted draft of F-A (in the campaign) for each role: two edits of t1.5 from the same base.
    async prepare(c) {
      const d = draft(`authz-conflict-${++serial}`, 'F-A', { id: c.ids.campaign, label: 'Tự đánh giá 2026' });
      const first = await call(c.base, 'POST', '/api/v1/sync/push', { assessment: d }, admin(c));
      const edit = (v: number) => ({
        assessment: { ...d, answers: { ...d.answers, 't1.5': { value: v } }, baseRevision: first.body.revision },
      });
      await call(c.base, 'POST', '/api/v1/sync/push', edit(50), admin(c));
      const merged = await call(c.base, 'POST', '/api/v1/sync/push', edit(60), admin(c));
      return {
        path: '/api/v1/sync/resolve',
        body: { assessmentId: d.id, revision: merged.body.revision, path: '/answers/t1.5', choice: 0 },
      };
    },
    // Whoever may write the self-assessment draft: admin, the station and its device (not an inspector).
    expect: S(401, 200, 403, 403, 200, 403, 200, 401),
  },
  'GET /api/v1/dashboard': {
    prepare: async (c) => ({ path: `/api/v1/dashboard?campaign=${c.ids.campaign}&kind=commune-station` }),
    // Every signed-in role reads its own scope (admin: all; inspector: assigned; station: its facility).
    expect: S(401, 200, 200, 200, 200, 200, 200, 401),
  },
  'GET /api/v1/dashboard/export': {
    prepare: async (c) => ({ path: `/api/v1/dashboard/export?campaign=${c.ids.campaign}&format=csv` }),
    expect: S(401, 200, 200, 200, 200, 200, 200, 401),
  },
  'GET /api/v1/sync/pull': {
    prepare: async () => ({ path: '/api/v1/sync/pull?after=0&limit=500' }),
    expect: S(401, 200, 200, 200, 200, 200, 200, 401),
  },
  'PUT /api/v1/photos/{sha256}': {
    async prepare() {
      const bytes = photoBytes(++serial);
      return { path: `/api/v1/photos/${sha256(bytes)}`, body: bytes };
    },
    expect: S(401, 201, 201, 201, 201, 201, 201, 401),
  },
  'GET /api/v1/photos/{sha256}/exists': {
    prepare: async (c) => ({ path: `/api/v1/photos/${await referencedPhoto(c)}/exists` }),
    // Stored for everyone; `stored: true` only for those who may read it (checked in the photo-scope test).
    expect: S(401, 200, 200, 200, 200, 200, 200, 401),
  },
  'GET /api/v1/photos/{sha256}': {
    prepare: async (c) => ({ path: `/api/v1/photos/${await referencedPhoto(c)}` }),
    // A photo of a draft of F-A in the campaign, uploaded by the admin: the admin; the inspector assigned to F-A;
    // the station of F-A and its device. The others get 404, as for a photo that does not exist.
    expect: S(401, 200, 200, 404, 200, 404, 200, 401),
  },
  'GET /api/v1/audits': { prepare: async () => ({ path: '/api/v1/audits?limit=500' }), expect: ADMIN_ONLY(200) },
  'POST /api/v1/sync/plans': {
    // A fresh draft of F-A in the campaign (pushed by the admin) and its improvement plan, for each role.
    async prepare(c, actor) {
      const id = `authz-plan-${actor}-${++serial}`;
      const d = draft(id, 'F-A', { id: c.ids.campaign, label: 'Tự đánh giá 2026' });
      await call(c.base, 'POST', '/api/v1/sync/push', { assessment: d }, admin(c));
      const plan = {
        schemaVersion: 1,
        kind: 'improvement-plan',
        id: `${id}-plan`,
        assessmentId: id,
        facilityId: 'F-A',
        actions: [{ id: 'act-t1.1', itemId: 't1.1', status: 'planned' }],
      };
      return { path: '/api/v1/sync/plans', body: { plan } };
    },
    // Whoever may pull the assessment: admin, the inspector assigned to F-A, the station of F-A and its device.
    expect: S(401, 201, 201, 403, 201, 403, 201, 401),
  },
  'GET /api/v1/sets/{id}/{version}': {
    prepare: async () => ({ path: '/api/v1/sets/qd1300-commune-health/2023.1' }),
    // The fixture campaign uses the set: the admin, the inspector assigned in it, the station of F-A and its device.
    // The others see no campaign or assessment using it: a missing set, as for one that does not exist.
    expect: S(401, 200, 200, 404, 200, 404, 200, 401),
  },
  'GET /api/v1/sync/plans': {
    prepare: async () => ({ path: '/api/v1/sync/plans?after=0&limit=500' }),
    expect: S(401, 200, 200, 200, 200, 200, 200, 401),
  },
};

/** Replaces what legitimately differs between two runs (ids, times, secrets) by stable placeholders. */
function normaliser() {
  const ids = new Map<string, string>();
  const walk = (v: unknown, key = ''): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v !== 'string') return v;
    if (['token', 'code', 'shortCode'].includes(key)) return '<secret>';
    if (key === 'engine') return '<engine>'; // the one answer that names the engine
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v)) return '<time>';
    return v.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!ids.has(id)) ids.set(id, `<id${ids.size + 1}>`);
      return ids.get(id)!;
    });
  };
  return walk;
}

const servers = new Map<Engine, Spawned>();
const councils = new Map<Engine, Council>();
const cleanups: (() => void)[] = [];
const answers = new Map<Engine, unknown[]>();

beforeAll(async () => {
  // allSettled: a server that started is stopped in afterAll even when the other failed, and every failure is shown.
  const started = await Promise.allSettled(
    ENGINES.map(async (engine) => {
      let target: string;
      if (engine === 'postgres') target = await newPostgresDatabase('authz');
      else {
        const d = newDataDir();
        cleanups.push(d.remove);
        target = d.dir;
      }
      return [engine, await spawnServer({ ...engineEnv(engine, target), TIEUCHI_LOGIN_RATE: '1000' })] as const;
    }),
  );
  for (const r of started) if (r.status === 'fulfilled') servers.set(r.value[0], r.value[1]);
  const failed = started.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failed.length) throw new AggregateError(failed, `${failed.length} server(s) did not start`);
});

afterAll(async () => {
  for (const s of servers.values()) await s.stop();
  for (const c of cleanups) c();
});

describe.each(ENGINES)('authorization on %s', (engine) => {
  it(
    'every registered route has a case for every role, and each answers as expected',
    { timeout: 300_000 },
    async () => {
      const server = servers.get(engine)!;
      serial = 0; // the same names on both engines
      const council = await setUpCouncil(server.url, server.adminCode!);
      councils.set(engine, council);
      const doc = (await call(server.url, 'GET', '/api/openapi.json')).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(routes.length).toBeGreaterThan(15);
      const missing = routes.filter((r) => !CASES[r]);
      expect(missing, 'routes without an authorization case').toEqual([]);
      expect(
        Object.keys(CASES).filter((k) => !routes.includes(k)),
        'cases for routes that do not exist',
      ).toEqual([]);
      for (const [route, c] of Object.entries(CASES))
        expect(Object.keys(c.expect).sort(), route).toEqual([...ACTORS].sort());

      const norm = normaliser();
      const seen: unknown[] = [];
      const wrong: string[] = [];
      for (const route of routes.sort()) {
        const method = route.split(' ')[0]!;
        for (const actor of ACTORS) {
          const { path, body, token } = await CASES[route]!.prepare(council, actor);
          const useToken = token ?? (actor === 'anonymous' ? undefined : council.tokens[actor]);
          const a = await call(server.url, method, path, body, useToken);
          if (a.status !== CASES[route]!.expect[actor])
            wrong.push(
              `${route} as ${actor}: ${a.status} (expected ${CASES[route]!.expect[actor]}) ${JSON.stringify(a.body).slice(0, 200)}`,
            );
          if (a.status === 401) expect(a.body.error.code, `${route} as ${actor}`).toBe('unauthenticated');
          seen.push({
            route,
            actor,
            status: a.status,
            body: route === 'GET /api/openapi.json' ? '<doc>' : norm(a.body),
          });
        }
      }
      expect(wrong).toEqual([]);
      answers.set(engine, seen);
    },
  );
});

describe('PGlite and PostgreSQL', () => {
  it('give identical API answers to the same requests', () => {
    const [a, b] = ENGINES.map((e) => answers.get(e));
    expect(a, 'both engines ran').toBeDefined();
    expect(b, 'both engines ran').toBeDefined();
    expect(a!.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });
});

/**
 * Who may write which kind of document (issue 12 §2 roles), on every write path (push, bundle import, conflict
 * resolution): a station only its own facility's self-assessments, never an inspection or contest-round scoring
 * about it; an inspector only inspections and contest rounds where assigned (facility and campaign); the
 * document's kind must be its campaign's (also through a typed round mapped to a campaign). Each case lists the
 * status for every role and, for refusals, the error code whose message reaches the tablet.
 */
interface WriteFixture {
  inspection: string;
  contest: string;
}
interface WriteCase {
  prepare(c: Council, fx: WriteFixture, actor: ActorName): Promise<{ path: string; body: unknown }>;
  expect: Status;
  codes: Partial<Record<ActorName, string>>;
}
type Kind = 'self-assessment' | 'external-inspection' | 'contest-round';
/** A draft of `facility` of the given kind, in a campaign (or none). */
function kindDraft(id: string, facility: string, kind: Kind, campaign?: string) {
  const d = draft(id, facility, campaign ? { id: campaign, label: 'x' } : undefined) as ReturnType<typeof draft> &
    Record<string, unknown>;
  d.assessmentKind = kind;
  return d;
}
async function adminPush(c: Council, doc: object) {
  const r = await call(c.base, 'POST', '/api/v1/sync/push', { assessment: doc }, admin(c));
  if (r.status !== 201 && r.status !== 200) throw new Error(`admin push: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { revision: string };
}
const STATION_REFUSED = { station: 'stationOwnOnly', device: 'stationOwnOnly', otherStation: 'forbidden' };
const WRITE_CASES: Record<string, WriteCase> = {
  'push an inspection of F-A in the inspection campaign': {
    prepare: async (c, fx, actor) => ({
      path: '/api/v1/sync/push',
      body: { assessment: kindDraft(`w-insp-${actor}`, 'F-A', 'external-inspection', fx.inspection) },
    }),
    // The inspector assigned to F-A in it (and the admin); never the inspected station.
    expect: S(401, 201, 201, 403, 403, 403, 403, 401),
    codes: { otherInspector: 'inspectorOwnOnly', ...STATION_REFUSED },
  },
  'push a contest-round scoring of F-A in the contest campaign': {
    prepare: async (c, fx, actor) => ({
      path: '/api/v1/sync/push',
      body: { assessment: kindDraft(`w-contest-${actor}`, 'F-A', 'contest-round', fx.contest) },
    }),
    expect: S(401, 201, 201, 403, 403, 403, 403, 401),
    codes: { otherInspector: 'inspectorOwnOnly', ...STATION_REFUSED },
  },
  'push an inspection of F-B, in scope but not assigned to the inspector': {
    prepare: async (c, fx, actor) => ({
      path: '/api/v1/sync/push',
      body: { assessment: kindDraft(`w-inspb-${actor}`, 'F-B', 'external-inspection', fx.inspection) },
    }),
    expect: S(401, 201, 403, 403, 403, 403, 403, 401),
    codes: { inspector: 'inspectorOwnOnly', otherInspector: 'inspectorOwnOnly', station: 'forbidden' },
  },
  'push a self-assessment into the inspection campaign': {
    prepare: async (c, fx, actor) => ({
      path: '/api/v1/sync/push',
      body: { assessment: kindDraft(`w-mixed-${actor}`, 'F-A', 'self-assessment', fx.inspection) },
    }),
    expect: S(401, 400, 403, 403, 400, 403, 400, 401),
    codes: { admin: 'kindMismatch', inspector: 'inspectorOwnOnly', station: 'kindMismatch', device: 'kindMismatch' },
  },
  'push a self-assessment under the id of an inspection draft of F-A': {
    // The admin's inspection draft; the push names its revision as base (a plain update, no merge).
    async prepare(c, fx, actor) {
      const id = `w-takeover-${actor}`;
      const { revision } = await adminPush(c, kindDraft(id, 'F-A', 'external-inspection', fx.inspection));
      const doc = { ...kindDraft(id, 'F-A', 'self-assessment', c.ids.campaign), baseRevision: revision };
      return { path: '/api/v1/sync/push', body: { assessment: doc } };
    },
    // Judged on the stored copy too: the station's own self-assessment campaign does not open the inspection.
    expect: S(401, 200, 403, 403, 403, 403, 403, 401),
    codes: { inspector: 'inspectorOwnOnly', ...STATION_REFUSED },
  },
  'push a self-assessment whose typed round is mapped to the inspection campaign': {
    async prepare(c, fx, actor) {
      const round = `w-round-${actor}`;
      const insp = kindDraft(`w-round-insp-${actor}`, 'F-A', 'external-inspection') as Record<string, unknown>;
      insp.round = { id: round };
      await adminPush(c, insp);
      const mapped = await call(
        c.base,
        'POST',
        '/api/v1/rounds/map',
        { round, setId: 'qd1300-commune-health', setVersion: '2023.1', campaignId: fx.inspection },
        admin(c),
      );
      if (mapped.status !== 200) throw new Error(`map: ${mapped.status} ${JSON.stringify(mapped.body)}`);
      const doc = kindDraft(`w-round-self-${actor}`, 'F-A', 'self-assessment') as Record<string, unknown>;
      doc.round = { id: round };
      return { path: '/api/v1/sync/push', body: { assessment: doc } };
    },
    expect: S(401, 400, 403, 403, 400, 403, 400, 401),
    codes: { admin: 'kindMismatch', inspector: 'inspectorOwnOnly', station: 'kindMismatch', device: 'kindMismatch' },
  },
  'import a bundle holding an inspection of F-A': {
    prepare: async (c, fx, actor) => ({
      path: '/api/v1/bundles',
      body: {
        schemaVersion: 1,
        kind: 'bundle',
        createdAt: '2026-12-01T08:00:00.000Z',
        assessments: [kindDraft(`w-bundle-${actor}`, 'F-A', 'external-inspection', fx.inspection)],
      },
    }),
    // Inspectors do not import bundles (route access); a station's import is refused whole, the inspection listed.
    expect: S(401, 200, 403, 403, 400, 400, 400, 401),
    codes: { station: 'stationOwnOnly', device: 'stationOwnOnly', otherStation: 'forbidden' },
  },
  'resolve a conflict of an inspection draft of F-A': {
    async prepare(c, fx, actor) {
      const d = kindDraft(`w-conflict-${actor}`, 'F-A', 'external-inspection', fx.inspection);
      const first = await adminPush(c, d);
      const edit = (v: number) => ({
        ...d,
        answers: { ...d.answers, 't1.5': { value: v } },
        baseRevision: first.revision,
      });
      await adminPush(c, edit(50));
      const merged = await adminPush(c, edit(60));
      return {
        path: '/api/v1/sync/resolve',
        body: { assessmentId: d.id, revision: merged.revision, path: '/answers/t1.5', choice: 0 },
      };
    },
    expect: S(401, 200, 200, 403, 403, 403, 403, 401),
    codes: { otherInspector: 'inspectorOwnOnly', ...STATION_REFUSED },
  },
};

/** The refusal code of an answer: the error's own, or (a refused bundle) the first refused document's. */
function codeOf(body: unknown): string | undefined {
  const e = (body as { error?: { code?: string; details?: { refused?: { code: string }[] } } } | null)?.error;
  return e?.code === 'bundleRefused' ? e.details?.refused?.[0]?.code : e?.code;
}

const writeAnswers = new Map<Engine, unknown[]>();
describe.each(ENGINES)('who writes which kind of document on %s', (engine) => {
  it(
    'refuses a station any inspection or contest round, and an inspector anything unassigned, on every write path',
    {
      timeout: 300_000,
    },
    async () => {
      const c = councils.get(engine);
      expect(c, 'the route cases ran first and set up the council').toBeDefined();
      const mk = async (body: object) => {
        const r = await call(c!.base, 'POST', '/api/v1/campaigns', { ...CAMPAIGN_BODY, ...body }, admin(c!));
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        const a = { facilityId: 'F-A', userId: c!.ids.inspector };
        expect((await call(c!.base, 'POST', `/api/v1/campaigns/${r.body.id}/assignments`, a, admin(c!))).status).toBe(
          201,
        );
        return r.body.id as string;
      };
      const fx = { inspection: await mk({ kind: 'inspection' }), contest: await mk({ kind: 'contest' }) };
      const wrong: string[] = [];
      const seen: unknown[] = [];
      for (const [name, w] of Object.entries(WRITE_CASES))
        for (const actor of ACTORS) {
          const { path, body } = await w.prepare(c!, fx, actor);
          const a = await call(c!.base, 'POST', path, body, actor === 'anonymous' ? undefined : c!.tokens[actor]);
          const code = a.status >= 400 ? codeOf(a.body) : undefined;
          const want = w.codes[actor] ?? (a.status === 401 ? 'unauthenticated' : code);
          if (a.status !== w.expect[actor] || code !== want)
            wrong.push(`${name} as ${actor}: ${a.status} ${code} (expected ${w.expect[actor]} ${want})`);
          // The message the tablet shows: in Vietnamese and English.
          if (a.status >= 400 && !(a.body as { error?: { message?: { vi?: string; en?: string } } }).error?.message?.vi)
            wrong.push(`${name} as ${actor}: no message`);
          seen.push({ name, actor, status: a.status, code });
        }
      expect(wrong).toEqual([]);
      writeAnswers.set(engine, seen);
    },
  );
});

describe('PGlite and PostgreSQL, writes by kind', () => {
  it('give identical answers', () => {
    const [a, b] = ENGINES.map((e) => writeAnswers.get(e));
    expect(a, 'both engines ran').toBeDefined();
    expect(b).toEqual(a);
  });
});
