/**
 * The council admin's calls to the server (people sign in with login and password; the session token is kept in
 * this page's memory only, never stored). Every refusal is a `SyncError` carrying the server's vi/en message.
 */
import { request, type ServerAssignment, type ServerCampaign, type ServerUser } from './client.js';

/** A device as the server shows it. */
export interface ServerDevice {
  id: string;
  userId: string;
  label: string;
  enrolled: boolean;
  revoked: boolean;
  keyRegisteredAt: string | null;
  createdAt: string;
  lastSeenAt: string | null;
}

/** A signed-in person's session. */
export interface AdminSession {
  baseUrl: string;
  token: string;
  user: ServerUser;
  expiresAt: string;
}

/** What a new campaign needs (the server checks it again). */
export interface NewCampaign {
  name: { vi: string; en: string };
  set: { id: string; version: string; hash: string };
  kind: ServerCampaign['kind'];
  facilities: string[];
  opensOn: string;
  closesOn: string;
  baselineCampaignId?: string | null;
  checksCampaignId?: string | null;
}

/**
 * A typed round the server found on assessments not yet paired with a campaign (`GET /api/v1/rounds`): the round
 * as typed, the set it was used with and how many assessments carry it.
 */
export interface TypedRound {
  round: string;
  /** The round's label as typed, when the documents carry one. */
  label: string | null;
  setId: string;
  setVersion: string;
  /** The assessment kinds found under the round. */
  kinds: string[];
  /** How many assessments carry it. */
  assessments: number;
  /** How many of them are already placed in a campaign. */
  mapped: number;
  /** The campaign it is mapped to, or null. */
  campaignId: string | null;
}

let current: AdminSession | undefined;

/** The page's session, if someone signed in. */
export const adminSession = (): AdminSession | undefined => current;

/** Forgets the session here and ends it on the server. */
export async function signOut(): Promise<void> {
  const s = current;
  current = undefined;
  if (s) await api(s, 'DELETE', '/api/v1/sessions/current').catch(() => undefined);
}

async function api(s: { baseUrl: string; token?: string }, method: string, path: string, body?: unknown) {
  return request(fetch, new URL(path, s.baseUrl), {
    method,
    headers: {
      ...(s.token ? { authorization: `Bearer ${s.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Signs a person in with login and password. */
export async function signIn(baseUrl: string, login: string, password: string): Promise<AdminSession> {
  const r = (await api({ baseUrl }, 'POST', '/api/v1/sessions', { login, password })) as Omit<AdminSession, 'baseUrl'>;
  current = { ...r, baseUrl };
  return current;
}

/** Creates the first council admin with the one-time code the server printed at its first start. */
export async function bootstrap(
  baseUrl: string,
  b: { code: string; login: string; displayName: string; password: string },
): Promise<AdminSession> {
  const r = (await api({ baseUrl }, 'POST', '/api/v1/bootstrap', b)) as Omit<AdminSession, 'baseUrl'>;
  current = { ...r, baseUrl };
  return current;
}

/** The admin's calls, for a signed-in session. */
export function adminApi(s: AdminSession) {
  return {
    users: () => api(s, 'GET', '/api/v1/users') as Promise<ServerUser[]>,
    createUser: (u: {
      login: string;
      displayName: string;
      role: ServerUser['role'];
      facilityId?: string;
      password?: string;
    }) => api(s, 'POST', '/api/v1/users', u) as Promise<ServerUser>,
    resetPassword: (id: string, password: string) =>
      api(s, 'POST', `/api/v1/users/${encodeURIComponent(id)}/password`, { password }),
    devices: () => api(s, 'GET', '/api/v1/devices') as Promise<ServerDevice[]>,
    createDevice: (userId: string, label: string) =>
      api(s, 'POST', '/api/v1/devices', { userId, label }) as Promise<{
        device: ServerDevice;
        code: string;
        shortCode: string;
        expiresAt: string;
      }>,
    revokeDevice: (id: string) =>
      api(s, 'POST', `/api/v1/devices/${encodeURIComponent(id)}/revoke`) as Promise<ServerDevice>,
    campaigns: () => api(s, 'GET', '/api/v1/campaigns') as Promise<ServerCampaign[]>,
    createCampaign: (c: NewCampaign) => api(s, 'POST', '/api/v1/campaigns', c) as Promise<ServerCampaign>,
    assignments: (id: string) =>
      api(s, 'GET', `/api/v1/campaigns/${encodeURIComponent(id)}/assignments`) as Promise<ServerAssignment[]>,
    assign: (id: string, facilityId: string, userId: string) =>
      api(s, 'POST', `/api/v1/campaigns/${encodeURIComponent(id)}/assignments`, {
        facilityId,
        userId,
      }) as Promise<ServerAssignment>,
    /** Releases an inspection campaign's results to the stations it inspected (once). */
    release: (id: string) =>
      api(s, 'POST', `/api/v1/campaigns/${encodeURIComponent(id)}/release`) as Promise<ServerCampaign>,
    /** Typed rounds on assessments that name no campaign (mapped or not). */
    rounds: () => api(s, 'GET', '/api/v1/rounds') as Promise<TypedRound[]>,
    /** Maps a typed round (of one set) to a campaign, outside the content hash; `placed`: how many were placed now. */
    mapRound: (m: { round: string; setId: string; setVersion: string; campaignId: string }) =>
      api(s, 'POST', '/api/v1/rounds/map', m) as Promise<{ placed: number; assessments: number }>,
  };
}

/** The admin calls of a session. */
export type AdminApi = ReturnType<typeof adminApi>;
