import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';

/** GET /api/v1/health: the server is up and which database engine it runs on. */
export function registerHealth(app: App, ctx: Context): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Server is up',
        response: { 200: Type.Object({ ok: Type.Boolean(), engine: Type.String() }) },
      },
    },
    async () => {
      await ctx.db.query('SELECT 1');
      return { ok: true, engine: ctx.db.engine };
    },
  );
}
