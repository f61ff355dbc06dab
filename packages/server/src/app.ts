import { existsSync } from 'node:fs';
import './external/native-hash.js';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from './external/database.js';
import { authenticate, authorize } from './auth.js';
import { ApiError, errorBody } from './errors.js';
import { securityHeaders } from './security-headers.js';
import { registerHealth } from './resources/health.js';
import { registerSessions } from './resources/sessions.js';
import { registerUsers } from './resources/users.js';
import { registerDevices } from './resources/devices.js';
import { registerCampaigns } from './resources/campaigns.js';
import { registerAudits } from './resources/audits.js';
import { registerSync } from './resources/sync.js';
import { registerPhotos } from './resources/photos.js';
import { registerResults } from './resources/results.js';
import { registerDashboard, registerDashboardExport } from './resources/dashboard.js';
import { registerRounds } from './resources/rounds.js';
import { registerBundles } from './resources/bundles.js';
import { registerPlans } from './resources/plans.js';
import { registerSets } from './resources/sets.js';
import type { SetLibrary } from './data/criteria.js';

/** The Fastify instance type every resource registers on (TypeBox schemas give typed requests). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** What every resource needs besides the app. */
export interface Context {
  readonly db: Database;
  /** The clock (tests pass a fixed one to check expiry). */
  now(): Date;
  readonly options: AppOptions;
  /** The criteria sets pushes are validated against, by `id@version`. */
  readonly sets: SetLibrary;
}

/** Settings of one server. */
export interface AppOptions {
  /** The built app (packages/forms-pwa/dist) to serve at `/`; omitted or missing: API only. */
  appDir?: string;
  /** Session lifetime in seconds (default 12 hours). */
  sessionSeconds?: number;
  /** Lifetime of device enrolment codes in seconds (default 24 hours). */
  enrolmentSeconds?: number;
  /** Sign-in and enrolment attempts allowed per client address per minute (default 10). */
  loginAttemptsPerMinute?: number;
  /** Largest photo accepted, in bytes (default 10 MiB). */
  photoMaxBytes?: number;
  /** Largest bundle file accepted by `POST /bundles`, in bytes (default 64 MiB). */
  bundleMaxBytes?: number;
  /** The criteria sets (default: none loaded — every push is refused as an unknown set). */
  sets?: SetLibrary;
  /** TEST ONLY: where a push pauses (see data/test-pause.ts); never set in production. */
  testPause?: string;
  /** Log requests (default false). */
  logger?: boolean;
  /** Called with each registered route (the authorization test lists them). */
  onRoute?: (route: { method: string; url: string; access: unknown }) => void;
}

/**
 * Builds the server: the API under /api/v1, its OpenAPI document at /api/openapi.json, and the app's production
 * build at /, all on one origin with the same security headers.
 * @param db an open, migrated database.
 */
export async function buildApp(
  db: Database,
  options: AppOptions = {},
  now: () => Date = () => new Date(),
): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 8 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const ctx: Context = { db, now, options, sets: options.sets ?? new Map() };

  app.decorateRequest('actor', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = (route.config as { access?: unknown } | undefined)?.access;
    if (access === undefined) throw new Error(`Route ${route.method} ${route.url} declares no config.access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') options.onRoute?.({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(securityHeaders());
  });
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // static files
    req.actor = await authenticate(db, req, now());
    authorize(access, req.actor);
  });
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).send(errorBody(err.code, err.details));
    const e = err as { validation?: unknown; statusCode?: number; message?: string };
    if (e.validation) return reply.code(400).send(errorBody('invalid', e.message));
    if (e.statusCode === 429) return reply.code(429).send(errorBody('tooMany'));
    if (e.statusCode === 413) return reply.code(413).send(errorBody('tooLarge'));
    if (e.statusCode === 415) return reply.code(415).send(errorBody('invalid', e.message));
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.code(e.statusCode).send(errorBody('invalid', e.message));
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'internal', message: { vi: 'Lỗi máy chủ.', en: 'Server error.' } } });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('notFound')));

  await app.register(fastifyRateLimit, { global: false });
  // Response compression only where a route asks for it (`compress`: the dashboard's large answers); requests are
  // never decompressed (bundles and photos arrive as they are).
  await app.register(fastifyCompress, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tiêu Chí council server', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { summary: 'This OpenAPI document' } },
    async () => app.swagger(),
  );

  await app.register(
    async (api) => {
      const scoped = api as unknown as App;
      registerHealth(scoped, ctx);
      registerSessions(scoped, ctx);
      registerUsers(scoped, ctx);
      registerDevices(scoped, ctx);
      registerCampaigns(scoped, ctx);
      registerAudits(scoped, ctx);
      registerSync(scoped, ctx);
      registerPhotos(scoped, ctx);
      registerResults(scoped, ctx);
      registerDashboard(scoped, ctx);
      registerDashboardExport(scoped, ctx);
      registerRounds(scoped, ctx);
      registerBundles(scoped, ctx);
      registerPlans(scoped, ctx);
      registerSets(scoped, ctx);
    },
    { prefix: '/api/v1' },
  );

  if (options.appDir && existsSync(`${options.appDir}/index.html`)) {
    await app.register(fastifyStatic, {
      root: options.appDir,
      // The service worker and the page must always be revalidated; hashed assets may be cached for long.
      setHeaders(reply, path) {
        reply.header(
          'cache-control',
          /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}
