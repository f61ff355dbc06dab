import { createHash } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import { getPhoto, hasPhoto, putPhoto } from '../model/query/photos.js';
import { authErrors, bearer, ErrorReply } from './schemas.js';

/** Media types a photo may be uploaded as. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const Params = Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) });

/**
 * Photos travel apart from answers, addressed by the SHA-256 of their bytes: deduplicated, size-limited, and a
 * device asks first (GET …/exists) so an interrupted upload resumes with the photos still missing. Reads are scoped
 * to the reader (ADR 0018): an admin reads any photo; others what they uploaded themselves and the photos of the
 * assessments they may pull. A photo the reader may not read answers exactly as a missing one (404, or
 * `stored: false` from …/exists, after which the device simply uploads it: an idempotent 200/201), so its existence
 * is not revealed; a PUT answers 201 when this person had not sent it before, whoever else had.
 */
export function registerPhotos(app: App, ctx: Context): void {
  const maxBytes = ctx.options.photoMaxBytes ?? 10 * 1024 * 1024;
  app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );

  app.put(
    '/photos/:sha256',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      bodyLimit: maxBytes,
      schema: {
        summary: 'Upload a photo (raw bytes, image/jpeg, image/png or image/webp) under the SHA-256 of its bytes',
        security: bearer,
        params: Params,
        response: {
          200: Type.Object({ stored: Type.Boolean() }),
          201: Type.Object({ stored: Type.Boolean() }),
          413: ErrorReply,
          415: ErrorReply,
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const bytes = req.body as unknown;
      if (!Buffer.isBuffer(bytes))
        throw new ApiError('invalid', 'send the photo bytes as image/jpeg, image/png or image/webp');
      if (createHash('sha256').update(bytes).digest('hex') !== req.params.sha256) throw new ApiError('photoHash');
      const mediaType = String(req.headers['content-type']).split(';')[0]!.trim();
      const isNew = await ctx.db.transaction((tx) =>
        putPhoto(tx, {
          sha256: req.params.sha256,
          mediaType,
          bytes,
          userId: actor.user.id,
          deviceId: actor.deviceId,
        }),
      );
      return reply.code(isNew ? 201 : 200).send({ stored: true });
    },
  );

  app.get(
    '/photos/:sha256/exists',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'Is this photo stored and readable by me? (a device skips uploading it again)',
        security: bearer,
        params: Params,
        response: { 200: Type.Object({ stored: Type.Boolean() }), ...authErrors },
      },
    },
    async (req) => ({ stored: await hasPhoto(ctx.db, req.params.sha256, actorOf(req)) }),
  );

  app.get(
    '/photos/:sha256',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'A photo’s bytes (admin: any; others: their own uploads and photos of assessments in their scope)',
        security: bearer,
        params: Params,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), 404: ErrorReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const p = await getPhoto(ctx.db, req.params.sha256, actorOf(req));
      if (!p) throw new ApiError('notFound');
      return reply
        .header('content-type', p.mediaType)
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(p.bytes);
    },
  );
}
