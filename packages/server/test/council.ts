/**
 * A small council set up through the API only: an admin (from the first-start code), two inspectors, two
 * stations, a campaign over two facilities with one assignment, an enrolled device and a revoked one.
 */
import { expect } from 'vitest';
import { contentHash } from '@tieuchi/core';
import { call } from './harness.js';
import { qd1300 } from './assessments.js';

/** The roles the authorization test checks every route for. */
export const ACTORS = [
  'anonymous',
  'admin',
  'inspector',
  'otherInspector',
  'station',
  'otherStation',
  'device',
  'revokedDevice',
] as const;
export type ActorName = (typeof ACTORS)[number];

export interface Council {
  base: string;
  tokens: Record<Exclude<ActorName, 'anonymous'>, string>;
  ids: {
    admin: string;
    inspector: string;
    otherInspector: string;
    station: string;
    otherStation: string;
    campaign: string;
    device: string;
    revokedDevice: string;
  };
}

export const PASSWORD = 'mật khẩu đủ dài 123';

/** A campaign over facilities F-A and F-B with the repository's qd1300 commune-station set. */
export const CAMPAIGN_BODY = {
  name: { vi: 'Tự đánh giá 2026', en: 'Self-assessment 2026' },
  set: { id: 'qd1300-commune-health', version: '2023.1', hash: contentHash(qd1300()) },
  kind: 'self-assessment',
  facilities: ['F-A', 'F-B'],
  opensOn: '2026-01-01',
  closesOn: '2027-12-31',
};

async function ok(p: ReturnType<typeof call>, status: number) {
  const a = await p;
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  return a.body;
}

/** Builds the council on a fresh server whose first-admin code is `adminCode`. */
export async function setUpCouncil(base: string, adminCode: string): Promise<Council> {
  const boot = await ok(
    call(base, 'POST', '/api/v1/bootstrap', {
      code: adminCode,
      login: 'admin',
      displayName: 'Hội đồng',
      password: PASSWORD,
    }),
    201,
  );
  const admin = boot.token as string;
  const user = async (login: string, role: string, facilityId?: string) => {
    const u = await ok(
      call(
        base,
        'POST',
        '/api/v1/users',
        { login, displayName: login, role, ...(facilityId ? { facilityId } : {}), password: PASSWORD },
        admin,
      ),
      201,
    );
    const s = await ok(call(base, 'POST', '/api/v1/sessions', { login, password: PASSWORD }), 201);
    return { id: u.id as string, token: s.token as string };
  };
  const inspector = await user('insp1', 'inspector');
  const otherInspector = await user('insp2', 'inspector');
  const station = await user('st-a', 'station', 'F-A');
  const otherStation = await user('st-b', 'station', 'F-C');
  const campaign = await ok(call(base, 'POST', '/api/v1/campaigns', CAMPAIGN_BODY, admin), 201);
  await ok(
    call(
      base,
      'POST',
      `/api/v1/campaigns/${campaign.id}/assignments`,
      { facilityId: 'F-A', userId: inspector.id },
      admin,
    ),
    201,
  );
  const enrol = async () => {
    const d = await ok(
      call(base, 'POST', '/api/v1/devices', { userId: station.id, label: 'Máy tính bảng trạm A' }, admin),
      201,
    );
    const e = await ok(call(base, 'POST', '/api/v1/enrol', { code: d.code }), 201);
    return { id: d.device.id as string, token: e.token as string };
  };
  const device = await enrol();
  const revoked = await enrol();
  await ok(call(base, 'POST', `/api/v1/devices/${revoked.id}/revoke`, undefined, admin), 200);
  return {
    base,
    tokens: {
      admin,
      inspector: inspector.token,
      otherInspector: otherInspector.token,
      station: station.token,
      otherStation: otherStation.token,
      device: device.token,
      revokedDevice: revoked.token,
    },
    ids: {
      admin: boot.user.id,
      inspector: inspector.id,
      otherInspector: otherInspector.id,
      station: station.id,
      otherStation: otherStation.id,
      campaign: campaign.id,
      device: device.id,
      revokedDevice: revoked.id,
    },
  };
}
