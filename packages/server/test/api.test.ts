/**
 * The API's behaviour on both engines, over real TCP to a spawned server: first admin, sign-in, password reset,
 * device enrolment and revocation, key registration, campaigns, the audit log, expiry, rate limits, serving the
 * app on the same origin, and (PGlite) the data-folder lock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, engineEnv, ENGINES, newDataDir, newPostgresDatabase, spawnServer, type Spawned } from './harness.js';
import { CAMPAIGN_BODY, PASSWORD } from './council.js';

const LIFETIME_S = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(ENGINES)('API on %s', (engine) => {
  let server: Spawned;
  let target: string;
  let removeDir = () => {};
  const env = () => ({
    ...engineEnv(engine, target),
    TIEUCHI_SESSION_SECONDS: String(LIFETIME_S),
    TIEUCHI_ENROLMENT_SECONDS: String(LIFETIME_S),
    TIEUCHI_LOGIN_RATE: '14',
  });
  const login = async (name: string, password = PASSWORD) => {
    const r = await call(server.url, 'POST', '/api/v1/sessions', { login: name, password });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.token as string;
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (engine === 'postgres') target = await newPostgresDatabase('api');
    else {
      const d = newDataDir();
      target = d.dir;
      removeDir = d.remove;
    }
    server = await spawnServer(env());
  });
  afterAll(async () => {
    await server?.stop();
    removeDir();
  });

  it('creates the first admin once, with the one-time code printed at start', async () => {
    expect(server.adminCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
    const body = { login: 'admin', displayName: 'Hội đồng', password: PASSWORD };
    const wrong = await call(server.url, 'POST', '/api/v1/bootstrap', { ...body, code: 'AAAAA-BBBBB-CCCCC-DDDDD' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'badCode']);
    const ok = await call(server.url, 'POST', '/api/v1/bootstrap', { ...body, code: server.adminCode!.toLowerCase() });
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ login: 'admin', role: 'admin', facilityId: null });
    expect(ok.body.user).not.toHaveProperty('passwordHash');
    const again = await call(server.url, 'POST', '/api/v1/bootstrap', {
      ...body,
      login: 'admin2',
      code: server.adminCode!,
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'adminExists']);
    ids.admin = ok.body.user.id;
  });

  it('creates people, signs them in, and a password reset ends their sessions', async () => {
    const admin = await login('admin');
    const mk = (b: object) => call(server.url, 'POST', '/api/v1/users', b, admin);
    const st = await mk({
      login: 'st-a',
      displayName: 'Trạm y tế xã A',
      role: 'station',
      facilityId: 'F-A',
      password: PASSWORD,
    });
    expect(st.status).toBe(201);
    ids.station = st.body.id;
    const insp = await mk({ login: 'insp1', displayName: 'Thanh tra 1', role: 'inspector', password: PASSWORD });
    ids.inspector = insp.body.id;
    expect((await mk({ login: 'st-x', displayName: 'x', role: 'station' })).status).toBe(400);
    const dup = await mk({ login: 'st-a', displayName: 'again', role: 'inspector' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'loginTaken']);
    expect((await mk({ login: 'Bad Login', displayName: 'x', role: 'inspector' })).status).toBe(400);

    const wrong = await call(server.url, 'POST', '/api/v1/sessions', { login: 'st-a', password: 'wrong password' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'badLogin']);
    const nobody = await call(server.url, 'POST', '/api/v1/sessions', { login: 'nobody', password: PASSWORD });
    expect(nobody.body).toEqual(wrong.body); // an unknown login looks the same as a wrong password

    const station = await login('st-a');
    expect((await call(server.url, 'GET', '/api/v1/me', undefined, station)).body.user.login).toBe('st-a');
    const reset = await call(
      server.url,
      'POST',
      `/api/v1/users/${ids.station}/password`,
      { password: 'mật khẩu mới 456' },
      admin,
    );
    expect(reset.status).toBe(204);
    expect((await call(server.url, 'GET', '/api/v1/me', undefined, station)).status).toBe(401);
    await login('st-a', 'mật khẩu mới 456');
  });

  it('enrols a device once by its short code, registers its key, and revoking it stops only that device', async () => {
    const admin = await login('admin');
    const made = await call(
      server.url,
      'POST',
      '/api/v1/devices',
      { userId: ids.station, label: 'Máy tính bảng A' },
      admin,
    );
    expect(made.status).toBe(201);
    expect(made.body.device).toMatchObject({ enrolled: false, revoked: false, publicKey: null });
    const typed = ` ${made.body.shortCode.toLowerCase().replace('-', ' ')} `;
    const enrol = await call(server.url, 'POST', '/api/v1/enrol', { code: typed });
    expect(enrol.status).toBe(201);
    expect(enrol.body.user.login).toBe('st-a');
    const token = enrol.body.token as string;
    // Either code is single-use: the QR code's long code died with the short one.
    const reuse = await call(server.url, 'POST', '/api/v1/enrol', { code: made.body.code });
    expect([reuse.status, reuse.body.error.code]).toEqual([401, 'badCode']);

    const me = await call(server.url, 'GET', '/api/v1/me', undefined, token);
    expect(me.body).toMatchObject({ user: { login: 'st-a' }, deviceId: made.body.device.id });
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    };
    const key = await call(server.url, 'PUT', '/api/v1/device/key', { jwk }, token);
    expect(key.status).toBe(200);
    expect(key.body.publicKey).toEqual(jwk);

    const other = await call(server.url, 'POST', '/api/v1/devices', { userId: ids.station, label: 'Máy B' }, admin);
    const otherToken = (await call(server.url, 'POST', '/api/v1/enrol', { code: other.body.code })).body
      .token as string;
    const station = await login('st-a', 'mật khẩu mới 456');

    const revoked = await call(server.url, 'POST', `/api/v1/devices/${made.body.device.id}/revoke`, undefined, admin);
    expect(revoked.body).toMatchObject({ revoked: true, publicKey: jwk });
    const after = await call(server.url, 'GET', '/api/v1/me', undefined, token);
    expect([after.status, after.body.error.code]).toEqual([401, 'unauthenticated']);
    expect((await call(server.url, 'PUT', '/api/v1/device/key', { jwk }, token)).status).toBe(401);
    expect((await call(server.url, 'GET', '/api/v1/me', undefined, otherToken)).status).toBe(200);
    expect((await call(server.url, 'GET', '/api/v1/me', undefined, station)).status).toBe(200);
    // A revoked device cannot be enrolled again with an unused code either.
    const third = await call(server.url, 'POST', '/api/v1/devices', { userId: ids.station, label: 'Máy C' }, admin);
    await call(server.url, 'POST', `/api/v1/devices/${third.body.device.id}/revoke`, undefined, admin);
    expect((await call(server.url, 'POST', '/api/v1/enrol', { code: third.body.code })).status).toBe(401);
  });

  it('creates campaigns with Vietnam-day phases, checks baselines and assignments, and scopes what each person sees', async () => {
    const admin = await login('admin');
    const post = (b: object) => call(server.url, 'POST', '/api/v1/campaigns', b, admin);
    const current = await post(CAMPAIGN_BODY);
    expect(current.status).toBe(201);
    expect(current.body).toMatchObject({
      kind: 'self-assessment',
      facilities: ['F-A', 'F-B'],
      opensOn: '2026-01-01',
      phase: 'open',
    });
    const past = await post({ ...CAMPAIGN_BODY, opensOn: '2020-01-01', closesOn: '2020-01-02' });
    expect(past.body.phase).toBe('closed');
    expect((await post({ ...CAMPAIGN_BODY, opensOn: '2999-01-01', closesOn: '2999-02-01' })).body.phase).toBe(
      'upcoming',
    );
    expect((await post({ ...CAMPAIGN_BODY, opensOn: '2026-02-01', closesOn: '2026-01-01' })).status).toBe(400);
    expect((await post({ ...CAMPAIGN_BODY, opensOn: '2026-02-30' })).status).toBe(400); // not a calendar day
    const withBase = await post({
      ...CAMPAIGN_BODY,
      name: { vi: 'Vòng 2', en: 'Round 2' },
      baselineCampaignId: past.body.id,
    });
    expect([withBase.status, withBase.body.baselineCampaignId]).toEqual([201, past.body.id]);
    const mixed = await post({ ...CAMPAIGN_BODY, kind: 'inspection', baselineCampaignId: past.body.id });
    expect([mixed.status, mixed.body.error.code]).toEqual([400, 'badBaseline']);

    const assign = (b: object) =>
      call(server.url, 'POST', `/api/v1/campaigns/${current.body.id}/assignments`, b, admin);
    expect((await assign({ facilityId: 'F-A', userId: ids.inspector })).status).toBe(201);
    expect((await assign({ facilityId: 'F-A', userId: ids.inspector })).status).toBe(200);
    expect((await assign({ facilityId: 'F-Z', userId: ids.inspector })).body.error.code).toBe('notInScope');
    expect((await assign({ facilityId: 'F-A', userId: ids.station })).body.error.code).toBe('notAnInspector');

    const inspector = await login('insp1');
    const seen = await call(server.url, 'GET', '/api/v1/campaigns', undefined, inspector);
    expect(seen.body.map((c: { id: string }) => c.id)).toEqual([current.body.id]);
    const station = await login('st-a', 'mật khẩu mới 456');
    const stationSees = await call(server.url, 'GET', '/api/v1/campaigns', undefined, station);
    expect(stationSees.body.length).toBe(4); // every campaign here holds F-A
    expect((await call(server.url, 'GET', '/api/v1/campaigns', undefined, admin)).body.length).toBe(4);
  });

  it('records every change in the audit log, newest first', async () => {
    const admin = await login('admin');
    const r = await call(server.url, 'GET', '/api/v1/audits?limit=200', undefined, admin);
    expect(r.status).toBe(200);
    const actions = new Set(r.body.map((a: { action: string }) => a.action));
    for (const a of [
      'user.bootstrap',
      'user.create',
      'user.password-reset',
      'device.create',
      'device.enrol',
      'device.key',
      'device.revoke',
      'campaign.create',
      'assignment.add',
    ]) {
      expect(actions, a).toContain(a);
    }
    const ids2 = r.body.map((a: { id: number }) => a.id);
    expect(ids2).toEqual([...ids2].sort((a: number, b: number) => b - a));
    const page = await call(server.url, 'GET', `/api/v1/audits?limit=2&before=${ids2[1]}`, undefined, admin);
    expect(page.body.map((a: { id: number }) => a.id)).toEqual(ids2.slice(2, 4));
    const enrolRow = r.body.find((a: { action: string }) => a.action === 'device.enrol');
    expect(enrolRow.actorDeviceId).toBe(enrolRow.subjectId);
  });

  it('expires sessions and unused enrolment codes', async () => {
    const admin = await login('admin');
    const d = await call(server.url, 'POST', '/api/v1/devices', { userId: ids.station, label: 'Máy hết hạn' }, admin);
    expect(d.status).toBe(201);
    await sleep(LIFETIME_S * 1000 + 500);
    const me = await call(server.url, 'GET', '/api/v1/me', undefined, admin);
    expect([me.status, me.body.error.code]).toEqual([401, 'unauthenticated']);
    expect((await call(server.url, 'POST', '/api/v1/enrol', { code: d.body.shortCode })).status).toBe(401);
  });

  it('serves the app and the API on one origin with the security headers', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<!doctype html>');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-'); // neither unsafe-eval nor unsafe-inline
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await call(server.url, 'GET', '/api/v1/health');
    expect(api.body).toEqual({ ok: true, engine });
    expect(api.headers.get('content-security-policy')).toBe(csp);
    const doc = await call(server.url, 'GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toContain('/api/v1/campaigns/{id}/assignments');
    const missing = await call(server.url, 'GET', '/api/v1/nothing-here');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'notFound']);
    const badJson = await fetch(new URL('/api/v1/sessions', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"login":',
    });
    expect(badJson.status).toBe(400);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++)
      statuses.push(
        (await call(server.url, 'POST', '/api/v1/sessions', { login: 'admin', password: 'guess ' + i })).status,
      );
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    const limited = await call(server.url, 'POST', '/api/v1/sessions', { login: 'admin', password: PASSWORD });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'tooMany']);
  });

  it(
    engine === 'pglite'
      ? 'locks the data folder: a second server names the first one’s pid; a killed one leaves a lock that is recovered'
      : 'lets a second server share the PostgreSQL database (no folder lock), and survives a killed one',
    async () => {
      if (engine === 'postgres') {
        const second = await spawnServer(env());
        try {
          expect(second.adminCode).toBeNull();
          expect((await call(second.url, 'GET', '/api/v1/health')).body).toEqual({ ok: true, engine });
        } finally {
          await second.stop();
        }
        await server.kill();
        server = await spawnServer(env());
        await login('admin');
        return;
      }
      let second: unknown;
      try {
        await spawnServer(env());
      } catch (err) {
        second = err;
      }
      expect((second as { code: number }).code).toBe(2);
      expect((second as { output: string }).output).toContain(`process ${server.proc.pid}`);
      await server.kill();
      server = await spawnServer(env());
      expect(server.adminCode).toBeNull(); // the data survived: the admin still exists
      await login('admin');
    },
  );
});
