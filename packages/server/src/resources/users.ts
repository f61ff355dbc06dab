import { randomUUID } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { hashPassword } from '../data/secrets.js';
import { ApiError } from '../errors.js';
import { logAudit } from '../model/query/audits.js';
import { deleteUserSessions } from '../model/query/sessions.js';
import { createUser, listUsers, setPasswordHash } from '../model/query/users.js';
import { authErrors, bearer, ErrorReply, IdParams, RoleSchema, UserReply } from './schemas.js';

/** Users: the council admin lists and creates people and resets their passwords. */
export function registerUsers(app: App, ctx: Context): void {
  app.get(
    '/users',
    {
      config: { access: ['admin'] },
      schema: { summary: 'List users', security: bearer, response: { 200: Type.Array(UserReply), ...authErrors } },
    },
    async () => listUsers(ctx.db),
  );

  app.post(
    '/users',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Create a user (a station needs its facility id)',
        security: bearer,
        body: Type.Object(
          {
            login: Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9._-]+$' }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            role: RoleSchema,
            facilityId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserReply, 409: ErrorReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      if (b.role === 'station' && !b.facilityId) throw new ApiError('invalid', 'a station needs facilityId');
      const passwordHash = b.password ? await hashPassword(b.password) : null;
      const user = await ctx.db.transaction(async (tx) => {
        const u = await createUser(tx, {
          id: randomUUID(),
          login: b.login,
          displayName: b.displayName,
          role: b.role,
          facilityId: b.role === 'station' ? b.facilityId! : null,
          passwordHash,
        });
        if (!u) throw new ApiError('loginTaken');
        await logAudit(tx, actor, {
          action: 'user.create',
          subjectKind: 'user',
          subjectId: u.id,
          details: { role: u.role },
        });
        return u;
      });
      return reply.code(201).send(user);
    },
  );

  app.post(
    '/users/:id/password',
    {
      config: { access: ['admin'] },
      schema: {
        summary: "Reset a user's password (ends their sessions)",
        security: bearer,
        params: IdParams,
        body: Type.Object(
          { password: Type.String({ minLength: 10, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 404: ErrorReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const hash = await hashPassword(req.body.password);
      await ctx.db.transaction(async (tx) => {
        if (!(await setPasswordHash(tx, req.params.id, hash))) throw new ApiError('notFound');
        await deleteUserSessions(tx, req.params.id);
        await logAudit(tx, actor, { action: 'user.password-reset', subjectKind: 'user', subjectId: req.params.id });
      });
      return reply.code(204).send(null);
    },
  );
}
