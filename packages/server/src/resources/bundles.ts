import { Type } from '@fastify/type-provider-typebox';
import {
  decodeBase64,
  readContainer,
  upgradeAssessment,
  verifyBundleSigned,
  type Assessment,
  type Problem,
} from '@tieuchi/core';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { ApiError, API_ERRORS } from '../errors.js';
import { logAudit } from '../model/query/audits.js';
import { registeredKeys } from '../model/query/devices.js';
import { putPhoto } from '../model/query/photos.js';
import { lockAssessmentId } from '../model/query/sync.js';
import { authErrors, bearer, ErrorReply } from './schemas.js';
import { applyPush, mayPush, type PushOutcome } from './sync.js';

/**
 * Turns a request body of one media type into the bundle's JSON value (what core's verifier reads). JSON bundles
 * arrive parsed already; another container (e.g. the streamed zip of ADR 0012) plugs in here with its own decoder
 * and a content-type parser registered for its media type.
 */
export type BundleDecoder = (body: unknown) => Promise<unknown>;

/** The bundle body types the import accepts, by media type. */
export const BUNDLE_DECODERS = new Map<string, BundleDecoder>([
  ['application/json', async (body) => body],
  ['application/zip', decodeContainer],
]);

/**
 * The app's streamed backup (a zip container, ADR 0012) as the JSON bundle it stands for: core reads the container
 * (manifest, documents, each photo hashed as it arrives) and each photo's bytes go back into `dataBase64`, so the
 * one verifier then checks the file exactly as a JSON bundle (a photo whose bytes do not match stays empty and is
 * refused there). The body is already limited to the import's size.
 */
async function decodeContainer(body: unknown): Promise<unknown> {
  if (!(body instanceof Uint8Array)) throw new ApiError('invalid', 'send the zip bundle as application/zip');
  const photos = new Map<number, string>();
  const read = await readContainer(body, {
    onPhoto: (p) => {
      if (p.matches) photos.set(p.index, Buffer.concat(p.chunks).toString('base64'));
    },
  });
  if (!read.ok)
    throw new ApiError('bundleRefused', {
      refused: [{ assessment: 'bundle', code: 'invalidDocument', problems: read.errors }],
    });
  const bundle = read.value.bundle;
  bundle.photos?.forEach((p, i) => (p.dataBase64 = photos.get(i) ?? ''));
  return bundle;
}

/** One assessment of a bundle that was refused, with why (every problem core or the server found). */
interface Refusal {
  /** Its id, or its place in the bundle when it has no readable id. */
  assessment: string;
  code: string;
  problems: unknown;
}

/** Groups the verifier's problems by the assessment they point into (`/assessments/<i>/…`); the rest under "bundle". */
function refusalsOf(raw: unknown, problems: readonly Problem[]): Refusal[] {
  const list = (raw as { assessments?: unknown }).assessments;
  const by = new Map<string, Problem[]>();
  for (const p of problems) {
    const m = /^\/assessments\/(\d+)(\/|$)/.exec(p.pointer);
    let key = 'bundle';
    if (m) {
      const a = Array.isArray(list) ? (list[Number(m[1])] as { id?: unknown } | undefined) : undefined;
      key = typeof a?.id === 'string' ? a.id : `/assessments/${m[1]}`;
    }
    by.set(key, [...(by.get(key) ?? []), p]);
  }
  return [...by].map(([assessment, ps]) => ({ assessment, code: 'invalidDocument', problems: ps }));
}

const refusalOf = (id: string, e: unknown): Refusal => {
  if (!(e instanceof ApiError)) throw e;
  const m = API_ERRORS[e.code];
  return { assessment: id, code: e.code, problems: e.details ?? { vi: m.vi, en: m.en } };
};

/**
 * Bundle import (ADR 0018): an admin (any facility) or a station (its own facility) sends a bundle file that never
 * travelled over sync. It is checked exactly as a push is — core's one verifier over the whole bundle (schema,
 * sets, answers, content hashes, photo bytes) and the device signatures against the registered keys at the time of
 * receipt, then each assessment's campaign fit and the sender's rights — and stored in ONE transaction: every
 * assessment as a push would store it (idempotent by content hash; drafts merged answer by answer), every photo by
 * its hash. Any refusal refuses the whole bundle (nothing stored) and lists every refused assessment with why.
 * Re-importing the same bundle changes nothing. Plans, facility lists and sets in the file are not stored (the
 * server has no store for them; its sets come from `criteria/`): the answer counts them.
 */
export function registerBundles(app: App, ctx: Context): void {
  const maxBytes = ctx.options.bundleMaxBytes ?? 64 * 1024 * 1024;
  app.addContentTypeParser('application/zip', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/bundles',
    {
      config: { access: ['admin', 'station'] },
      bodyLimit: maxBytes,
      schema: {
        summary:
          "Import a bundle file (application/json, or the app's zip backup as application/zip) into the server: verified as a push is, atomic, idempotent",
        security: bearer,
        body: Type.Unknown({ description: 'A Tiêu Chí bundle (bundle.schema.json)' }),
        response: {
          200: Type.Object({
            assessments: Type.Array(
              Type.Object({
                id: Type.String(),
                result: Type.String(),
                revision: Type.String(),
                change: Type.Integer(),
              }),
            ),
            photos: Type.Object({ stored: Type.Integer(), already: Type.Integer() }),
            notStored: Type.Object({ plans: Type.Integer(), facilities: Type.Integer(), criteriaSets: Type.Integer() }),
          }),
          413: ErrorReply,
          415: ErrorReply,
          ...authErrors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const type = String(req.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      const decode = BUNDLE_DECODERS.get(type);
      if (!decode) throw new ApiError('invalid', `send the bundle as ${[...BUNDLE_DECODERS.keys()].join(' or ')}`);
      const raw = await decode(req.body);
      const receivedAt = ctx.now().toISOString();
      const verdict = await verifyBundleSigned(raw, {
        findSet: (id, version) => ctx.sets.get(`${id}@${version}`)?.set,
        keys: await registeredKeys(ctx.db),
        receivedAt,
      });
      if (!verdict.outcome.ok)
        throw new ApiError('bundleRefused', { refused: refusalsOf(raw, verdict.outcome.errors) });
      const bundle = verdict.outcome.value;
      const refused: Refusal[] = [];
      const docs: Assessment[] = [];
      for (const received of bundle.assessments) {
        const doc = upgradeAssessment(received);
        try {
          // The server scores with its own sets only: a set known only from the file is refused, as a push is.
          if (!ctx.sets.has(`${doc.criteriaSet.id}@${doc.criteriaSet.version}`)) throw new ApiError('unknownSet');
          await mayPush(ctx, actor, doc);
          docs.push(doc);
        } catch (e) {
          refused.push(refusalOf(doc.id, e));
        }
      }
      if (refused.length) throw new ApiError('bundleRefused', { refused });
      const out = await ctx.db.transaction(async (tx) => {
        // Every id's lock first, in one order, so two imports (or an import and a push) cannot deadlock.
        for (const id of docs.map((d) => d.id).sort()) await lockAssessmentId(tx, id);
        const stored: (PushOutcome & { id: string })[] = [];
        for (const doc of docs) {
          const sig = verdict.signatures.get(doc.id);
          const signed =
            doc.status === 'draft' || !sig ? {} : { signatures: sig.status, registered: sig.registered, receivedAt };
          try {
            stored.push({
              id: doc.id,
              ...(await applyPush(tx, actor, doc, { action: 'assessment.import', details: signed })),
            });
          } catch (e) {
            refused.push(refusalOf(doc.id, e));
          }
        }
        if (refused.length) throw new ApiError('bundleRefused', { refused }); // rolls every write back
        let photosNew = 0;
        for (const p of bundle.photos ?? []) {
          const bytes = decodeBase64(p.dataBase64)!; // the verifier checked the bytes against the hash
          const isNew = await putPhoto(tx, {
            sha256: p.hash,
            mediaType: p.mime,
            bytes,
            userId: actor.user.id,
            deviceId: actor.deviceId,
          });
          if (isNew) photosNew++;
        }
        const changed = stored.filter((s) => s.result !== 'unchanged').length;
        if (changed || photosNew)
          await logAudit(tx, actor, {
            action: 'bundle.import',
            subjectKind: 'bundle',
            subjectId: null,
            details: { assessments: stored.length, changed, photos: photosNew },
          });
        return { stored, photosNew };
      });
      const photos = bundle.photos?.length ?? 0;
      return {
        assessments: out.stored.map((s) => ({ id: s.id, result: s.result, revision: s.revision, change: s.change })),
        photos: { stored: out.photosNew, already: photos - out.photosNew },
        notStored: {
          plans: bundle.plans?.length ?? 0,
          facilities: bundle.facilities?.length ?? 0,
          criteriaSets: bundle.criteriaSets?.length ?? 0,
        },
      };
    },
  );
}
