import type { FastifyRequest } from 'fastify';
import type { Queryable } from './external/database.js';
import { hashToken } from './data/secrets.js';
import { ApiError } from './errors.js';
import type { Actor, Role } from './model/frames.js';
import { sessionUser } from './model/query/sessions.js';
import { deviceForToken } from './model/query/devices.js';
import { getUser } from './model/query/users.js';

/**
 * Who may call a route, declared on every route as `config.access` (a route without it does not start):
 * - `public`: anyone (sign-in, enrolment, health, the OpenAPI document);
 * - `signed-in`: any live session or device token;
 * - `device`: only an enrolled, unrevoked device token;
 * - a list of roles: a session or device token whose person has one of them.
 * Finer checks (a station's own facility, an inspector's assignments) are made in the handler.
 */
export type Access = 'public' | 'signed-in' | 'device' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Session tokens start with `s.`, device tokens with `d.`: one lookup per request, and logs tell them apart. */
export const TOKEN_PREFIX = { session: 's.', device: 'd.' } as const;

/**
 * Resolves the request's bearer token to an actor. No token: null. A token that is unknown, expired, revoked, or
 * whose person is disabled: throws 401 (even on public routes, so a revoked device learns it at once).
 */
export async function authenticate(q: Queryable, req: FastifyRequest, now: Date): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = /^Bearer ([A-Za-z0-9._~-]{10,200})$/.exec(header);
  if (!m) throw new ApiError('unauthenticated');
  const token = m[1]!;
  let userId: string | null = null;
  let deviceId: string | null = null;
  if (token.startsWith(TOKEN_PREFIX.session)) userId = await sessionUser(q, hashToken(token), now);
  else if (token.startsWith(TOKEN_PREFIX.device)) {
    const d = await deviceForToken(q, hashToken(token), now);
    if (d) ({ userId, deviceId } = d);
  }
  if (!userId) throw new ApiError('unauthenticated');
  const user = await getUser(q, userId);
  if (!user || user.disabled) throw new ApiError('unauthenticated');
  return { user, deviceId };
}

/** Checks a route's declared access for an actor: 401 without one, 403 when the role does not fit. */
export function authorize(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw new ApiError('unauthenticated');
  if (access === 'signed-in') return;
  if (access === 'device') {
    if (!actor.deviceId) throw new ApiError('deviceOnly');
    return;
  }
  if (!access.includes(actor.user.role)) throw new ApiError('forbidden');
}

/** The actor of a route whose access is not `public` (authorize has run, so it is set). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new ApiError('unauthenticated');
  return req.actor;
}
