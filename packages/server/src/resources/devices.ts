import { randomUUID } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { actorOf, TOKEN_PREFIX } from '../auth.js';
import { hashToken, newShortCode, newToken, normaliseShortCode } from '../data/secrets.js';
import { ApiError } from '../errors.js';
import { logAudit } from '../model/query/audits.js';
import {
  consumeEnrolment,
  createDevice,
  getDevice,
  listDevices,
  revokeDevice,
  setDeviceKey,
} from '../model/query/devices.js';
import { getUser } from '../model/query/users.js';
import { authErrors, bearer, DeviceReply, ErrorReply, IdParams, UserReply } from './schemas.js';

/** The short code and the long code share one lookup column space: short codes are hashed after normalising. */
const shortHash = (code: string) => hashToken(`short:${normaliseShortCode(code)}`);

/**
 * Devices, like ODK Central's app users: the admin creates a device for a person and gets a single-use, expiring
 * code (for the QR code) and a short code (to type); the device trades either for a revocable token, stored hashed.
 * A revoked device gets 401 at its next request. Each device registers the public key it signs with.
 */
export function registerDevices(app: App, ctx: Context): void {
  const enrolmentSeconds = ctx.options.enrolmentSeconds ?? 24 * 3600;
  const rateLimit = { max: ctx.options.loginAttemptsPerMinute ?? 10, timeWindow: 60_000 };

  app.get(
    '/devices',
    {
      config: { access: ['admin'] },
      schema: { summary: 'List devices', security: bearer, response: { 200: Type.Array(DeviceReply), ...authErrors } },
    },
    async () => listDevices(ctx.db),
  );

  app.post(
    '/devices',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Create a device for a person: returns its one-time enrolment codes (shown once)',
        security: bearer,
        body: Type.Object(
          { userId: Type.String({ format: 'uuid' }), label: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            device: DeviceReply,
            code: Type.String(),
            shortCode: Type.String(),
            expiresAt: Type.String({ format: 'date-time' }),
          }),
          404: ErrorReply,
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const code = newToken();
      const shortCode = newShortCode();
      const expiresAt = new Date(ctx.now().getTime() + enrolmentSeconds * 1000);
      const device = await ctx.db.transaction(async (tx) => {
        if (!(await getUser(tx, req.body.userId))) throw new ApiError('notFound');
        const d = await createDevice(tx, {
          id: randomUUID(),
          userId: req.body.userId,
          label: req.body.label,
          codeHash: hashToken(code),
          shortCodeHash: shortHash(shortCode),
          expiresAt,
        });
        await logAudit(tx, actor, {
          action: 'device.create',
          subjectKind: 'device',
          subjectId: d.id,
          details: { userId: d.userId },
        });
        return d;
      });
      return reply.code(201).send({ device, code, shortCode, expiresAt: expiresAt.toISOString() });
    },
  );

  app.post(
    '/devices/:id/revoke',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Revoke a device (its token stops working at once)',
        security: bearer,
        params: IdParams,
        response: { 200: DeviceReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return ctx.db.transaction(async (tx) => {
        const d = await revokeDevice(tx, req.params.id, ctx.now());
        if (!d) throw new ApiError('notFound');
        await logAudit(tx, actor, { action: 'device.revoke', subjectKind: 'device', subjectId: d.id });
        return d;
      });
    },
  );

  app.post(
    '/enrol',
    {
      config: { access: 'public', rateLimit },
      schema: {
        summary: 'A device trades its enrolment code (long, from the QR code, or short, typed) for its token',
        body: Type.Object({ code: Type.String({ minLength: 8, maxLength: 100 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ token: Type.String(), device: DeviceReply, user: UserReply }),
          400: ErrorReply,
          401: ErrorReply,
          429: ErrorReply,
        },
      },
    },
    async (req, reply) => {
      const token = TOKEN_PREFIX.device + newToken();
      const raw = req.body.code.trim();
      const out = await ctx.db.transaction(async (tx) => {
        const d =
          (await consumeEnrolment(tx, hashToken(raw), hashToken(token), ctx.now())) ??
          (await consumeEnrolment(tx, shortHash(raw), hashToken(token), ctx.now()));
        if (!d) throw new ApiError('badCode');
        const user = (await getUser(tx, d.userId))!;
        await logAudit(
          tx,
          { user, deviceId: d.id },
          { action: 'device.enrol', subjectKind: 'device', subjectId: d.id },
        );
        return { device: d, user };
      });
      return reply.code(201).send({ token, ...out });
    },
  );

  app.put(
    '/device/key',
    {
      config: { access: 'device' },
      schema: {
        summary: 'The calling device registers the public key it signs with (an opaque JWK)',
        security: bearer,
        body: Type.Object(
          {
            jwk: Type.Object(
              { kty: Type.String({ minLength: 1, maxLength: 10 }) },
              { additionalProperties: true, maxProperties: 20 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: DeviceReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return ctx.db.transaction(async (tx) => {
        const d = await setDeviceKey(tx, actor.deviceId!, req.body.jwk, ctx.now());
        if (!d) throw new ApiError('unauthenticated');
        await logAudit(tx, actor, {
          action: 'device.key',
          subjectKind: 'device',
          subjectId: d.id,
          details: { kty: req.body.jwk.kty },
        });
        return d;
      });
    },
  );

  app.get(
    '/devices/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'One device (admins: any; others: only the calling device)',
        security: bearer,
        params: IdParams,
        response: { 200: DeviceReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (actor.user.role !== 'admin' && actor.deviceId !== req.params.id) throw new ApiError('forbidden');
      const d = await getDevice(ctx.db, req.params.id);
      if (!d) throw new ApiError('notFound');
      return d;
    },
  );
}
