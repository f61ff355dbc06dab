import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { readerUsesSet } from '../model/query/sets.js';
import { scopeOf } from './plans.js';
import { authErrors, bearer, ErrorReply } from './schemas.js';

/**
 * The criteria sets the server validates against, for devices that pulled a document whose set they lack
 * (ADR 0021): an admin any loaded set; others a set a campaign they see uses, or an assessment they may pull
 * names. Anything else answers as a missing set (404). The device verifies what it gets with core.
 */
export function registerSets(app: App, ctx: Context): void {
  app.get(
    '/sets/:id/:version',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'One criteria set (id and version) the reader works with, as the server loaded it',
        security: bearer,
        params: Type.Object({
          id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' }),
          version: Type.String({ minLength: 1, maxLength: 100 }),
        }),
        response: { 200: Type.Object({ hash: Type.String(), set: Type.Unknown() }), 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { id, version } = req.params;
      const hit = ctx.sets.get(`${id}@${version}`);
      if (!hit) throw new ApiError('notFound');
      const facility = actor.user.role === 'station' ? actor.user.facilityId : null;
      if (
        actor.user.role !== 'admin' &&
        !(await readerUsesSet(ctx.db, scopeOf(actor), actor.user.id, facility, id, version))
      )
        throw new ApiError('notFound');
      return { hash: hit.hash, set: hit.set };
    },
  );
}
