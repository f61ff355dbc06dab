import { randomUUID } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { actorOf, TOKEN_PREFIX } from '../auth.js';
import { hashAdminCode, hashPassword, hashToken, newToken, verifyPassword } from '../data/secrets.js';
import { ApiError } from '../errors.js';
import { logAudit } from '../model/query/audits.js';
import { consumeBootstrapCode, createSession, deleteSession } from '../model/query/sessions.js';
import { adminExists, createUser, getUserForLogin } from '../model/query/users.js';
import { authErrors, bearer, ErrorReply, UserReply } from './schemas.js';

const Login = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9._-]+$' });
const Password = Type.String({ minLength: 10, maxLength: 200 });
const SessionReply = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: UserReply,
});

/** A scrypt hash of nothing anyone types, so a wrong login costs as much time as a wrong password. */
const DUMMY_HASH = hashPassword('not a password of anyone');

/**
 * Sessions: the first admin (one-time code), sign in (rate-limited), sign out, who am I.
 * Also counts sign-in attempts per client address so guessing is slow.
 */
export function registerSessions(app: App, ctx: Context): void {
  const sessionSeconds = ctx.options.sessionSeconds ?? 12 * 3600;
  const rateLimit = { max: ctx.options.loginAttemptsPerMinute ?? 10, timeWindow: 60_000 };

  async function openSession(userId: string) {
    const token = TOKEN_PREFIX.session + newToken();
    const expiresAt = new Date(ctx.now().getTime() + sessionSeconds * 1000);
    await createSession(ctx.db, hashToken(token), userId, expiresAt);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  app.post(
    '/bootstrap',
    {
      config: { access: 'public', rateLimit },
      schema: {
        summary: 'Create the first council admin with the one-time code printed at first start',
        body: Type.Object(
          {
            code: Type.String({ minLength: 10, maxLength: 100 }),
            login: Login,
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            password: Password,
          },
          { additionalProperties: false },
        ),
        response: { 201: SessionReply, 401: ErrorReply, 409: ErrorReply, 400: ErrorReply },
      },
    },
    async (req, reply) => {
      const passwordHash = await hashPassword(req.body.password);
      const user = await ctx.db.transaction(async (tx) => {
        if (await adminExists(tx)) throw new ApiError('adminExists');
        if (!(await consumeBootstrapCode(tx, hashAdminCode(req.body.code), ctx.now()))) throw new ApiError('badCode');
        const u = await createUser(tx, {
          id: randomUUID(),
          login: req.body.login,
          displayName: req.body.displayName,
          role: 'admin',
          facilityId: null,
          passwordHash,
        });
        if (!u) throw new ApiError('loginTaken');
        await logAudit(
          tx,
          { user: u, deviceId: null },
          { action: 'user.bootstrap', subjectKind: 'user', subjectId: u.id },
        );
        return u;
      });
      return reply.code(201).send({ ...(await openSession(user.id)), user });
    },
  );

  app.post(
    '/sessions',
    {
      config: { access: 'public', rateLimit },
      schema: {
        summary: 'Sign in with login and password',
        body: Type.Object(
          { login: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: SessionReply, 401: ErrorReply, 400: ErrorReply, 429: ErrorReply },
      },
    },
    async (req, reply) => {
      const found = await getUserForLogin(ctx.db, req.body.login);
      const ok = await verifyPassword(req.body.password, found?.passwordHash ?? (await DUMMY_HASH));
      if (!found || !ok || found.user.disabled) throw new ApiError('badLogin');
      return reply.code(201).send({ ...(await openSession(found.user.id)), user: found.user });
    },
  );

  app.delete(
    '/sessions/current',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Sign out (ends this session token)',
        security: bearer,
        response: { 204: Type.Null(), ...authErrors },
      },
    },
    async (req, reply) => {
      actorOf(req);
      const token = req.headers.authorization!.slice('Bearer '.length);
      if (token.startsWith(TOKEN_PREFIX.session)) await deleteSession(ctx.db, hashToken(token));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Who this token belongs to',
        security: bearer,
        response: {
          200: Type.Object({ user: UserReply, deviceId: Type.Union([Type.String(), Type.Null()]) }),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return { user: actor.user, deviceId: actor.deviceId };
    },
  );
}
