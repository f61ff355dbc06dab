import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { listAudits } from '../model/query/audits.js';
import { authErrors, bearer } from './schemas.js';

const AuditReply = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorDeviceId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectKind: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** Audits: the council admin reads the append-only log, newest first, a page at a time. */
export function registerAudits(app: App, ctx: Context): void {
  app.get(
    '/audits',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Read the audit log (newest first)',
        security: bearer,
        querystring: Type.Object({
          limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
          before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$' })),
        }),
        response: { 200: Type.Array(AuditReply), ...authErrors },
      },
    },
    async (req) =>
      listAudits(ctx.db, Number(req.query.limit ?? 100), req.query.before ? Number(req.query.before) : null),
  );
}
