import { Type } from '@fastify/type-provider-typebox';
import {
  contentHash,
  mergeThreeWay,
  resolveConflict,
  upgradeAssessment,
  verifyAssessment,
  verifyAttestations,
  type Assessment,
} from '@tieuchi/core';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { testPause } from '../data/test-pause.js';
import { ApiError } from '../errors.js';
import type { Queryable } from '../external/database.js';
import type { Actor } from '../model/frames.js';
import { logAudit } from '../model/query/audits.js';
import { getCampaign } from '../model/query/campaigns.js';
import { getRoundMapping } from '../model/query/rounds.js';
import { registeredKeys } from '../model/query/devices.js';
import {
  getAssessment,
  getRevision,
  inspectorAssigned,
  lockAssessmentId,
  nextChange,
  pullChanges,
  storeRevision,
  type PullScope,
} from '../model/query/sync.js';
import { KIND_OF_CAMPAIGN } from './rounds.js';
import { authErrors, bearer, ErrorReply } from './schemas.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Core's verdict on the device signatures of a submitted or locked push (ADR 0007), judged at the time of receipt. */
const Signatures = Type.Object({
  status: Type.Union([Type.Literal('unsigned'), Type.Literal('signed')]),
  registered: Type.Boolean(),
  checks: Type.Array(
    Type.Object({
      signer: Type.Object({ name: Type.String(), role: Type.String() }),
      signedAt: Type.String(),
      keyId: Type.String(),
      valid: Type.Boolean(),
      key: Type.Union([Type.Literal('registered'), Type.Literal('revoked'), Type.Literal('unknown')]),
      counts: Type.Boolean(),
    }),
  ),
});
const Pushed = Type.Object({
  result: Type.String(),
  revision: Type.String(),
  change: Type.Integer(),
  document: Type.Unknown(),
  signatures: Type.Optional(Signatures),
});

/** What a pull returns for one assessment. */
const Change = Type.Object({
  id: Type.String(),
  revision: Type.String(),
  change: Type.Integer(),
  document: Type.Unknown(),
});

/**
 * Sync (ADR 0008): push one assessment (validated by core; idempotent by id + content hash; merged answer by
 * answer against the revision the device last pulled; one transaction), and pull changes after a cursor.
 */
export function registerSync(app: App, ctx: Context): void {
  app.post(
    '/sync/push',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'Push one assessment (idempotent; drafts are merged with the server copy)',
        security: bearer,
        body: Type.Object({ assessment: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: false }),
        response: { 200: Pushed, 201: Pushed, 409: ErrorReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const received = checkDocument(ctx, req.body.assessment);
      // Hash (above) and signatures (below) are checked on the document as received; it is stored migrated forward,
      // which never changes what the hash covers (issue 18, decision 0005).
      const doc = upgradeAssessment(received);
      await mayPush(ctx, actor, doc);
      // Signatures are judged by when the server received the push (a key revoked later still counts for it).
      const receivedAt = ctx.now().toISOString();
      const signatures = doc.status === 'draft' ? undefined : await signatureVerdict(ctx, received, receivedAt);
      const signed = signatures && { signatures: signatures.status, registered: signatures.registered, receivedAt };
      const out = await ctx.db.transaction(async (tx) => {
        await lockAssessmentId(tx, doc.id);
        const r = await applyPush(tx, actor, doc, { action: 'assessment.push', details: { ...signed } });
        if (r.result !== 'unchanged') await testPause(ctx.options.testPause, 'in-transaction', doc.id);
        return r;
      });
      await testPause(ctx.options.testPause, 'after-commit', doc.id);
      return reply.code(out.result === 'created' ? 201 : 200).send(signatures ? { ...out, signatures } : out);
    },
  );

  app.post(
    '/sync/resolve',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'Resolve one stored conflict of a draft once (core resolveConflict); every device gets it by pull',
        security: bearer,
        body: Type.Object(
          {
            assessmentId: Type.String({ minLength: 1, maxLength: 200 }),
            /** The revision the person looked at when choosing: a resolution of an outdated view is refused. */
            revision: Type.String({ minLength: 1, maxLength: 200 }),
            /** The conflict's `path`, e.g. `/answers/t1.5`. */
            path: Type.String({ minLength: 1, maxLength: 500 }),
            /** The index of the chosen candidate, or a value the person typed instead. */
            choice: Type.Union([
              Type.Integer({ minimum: 0, maximum: 100 }),
              Type.Object({ value: Type.Unknown() }, { additionalProperties: false }),
            ]),
          },
          { additionalProperties: false },
        ),
        response: { 200: Pushed, 404: ErrorReply, 409: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { assessmentId, revision, path, choice } = req.body;
      return ctx.db.transaction(async (tx) => {
        await lockAssessmentId(tx, assessmentId);
        const current = await getAssessment(tx, assessmentId);
        if (!current) throw new ApiError('notFound');
        const doc = current.body as unknown as Assessment;
        await mayChange(tx, actor, doc);
        if (current.status !== 'draft') throw new ApiError('immutable');
        if (revision !== current.head) throw new ApiError('changedSince');
        const r = resolveConflict(doc, path, choice as Parameters<typeof resolveConflict>[2]);
        if (!r.ok) throw new ApiError('noConflict', r.errors);
        const next = checkDocument(ctx, r.value);
        const nextRevision = contentHash(next);
        const change = await commitRevision(tx, actor, next, nextRevision, {
          action: 'assessment.resolve',
          details: { path, from: current.head, revision: nextRevision },
        });
        return { result: 'resolved', revision: nextRevision, change, document: next };
      });
    },
  );

  app.get(
    '/sync/pull',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'Assessments changed after a cursor, in commit order (resume with `next`)',
        security: bearer,
        querystring: Type.Object({
          after: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$' })),
          limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
        }),
        response: { 200: Type.Object({ changes: Type.Array(Change), next: Type.Integer() }), ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const after = Number(req.query.after ?? 0);
      const scope: PullScope =
        actor.user.role === 'admin'
          ? { all: true }
          : actor.user.role === 'station'
            ? { facilityId: actor.user.facilityId! }
            : { inspectorId: actor.user.id };
      const rows = await pullChanges(ctx.db, scope, after, Number(req.query.limit ?? 100));
      return {
        changes: rows.map((r) => ({ id: r.id, revision: r.head, change: r.change, document: r.body })),
        next: rows.length ? rows[rows.length - 1]!.change : after,
      };
    },
  );
}

/**
 * May this actor push this (verified) document? A station only its own facility's self-assessments; an inspector
 * only inspections and contest rounds of a campaign where they are assigned to the facility (issue 12 §2 roles). A
 * document naming a campaign must fit it (facility in scope, same set id and version, the assessment kind of the
 * campaign's kind); so must the campaign its typed round was mapped to (it is placed there: `storeRevision`).
 * Throws the ApiError that answers the push (its message reaches the tablet as it is).
 */
export async function mayPush(ctx: Context, actor: Actor, doc: Assessment): Promise<void> {
  mayWrite(actor, doc);
  if (doc.campaign) {
    const c = UUID.test(doc.campaign.id) ? await getCampaign(ctx.db, doc.campaign.id) : null;
    if (!c) throw new ApiError('unknownCampaign');
    const fits =
      c.facilities.includes(doc.facility.id) &&
      c.set.id === doc.criteriaSet.id &&
      c.set.version === doc.criteriaSet.version;
    if (!fits) throw new ApiError('notInCampaign');
    if (KIND_OF_CAMPAIGN[c.kind] !== doc.assessmentKind) throw new ApiError('kindMismatch');
  } else if (doc.round) {
    const mapped = await getRoundMapping(ctx.db, doc.round.id, doc.criteriaSet.id, doc.criteriaSet.version);
    const c = mapped ? await getCampaign(ctx.db, mapped) : null;
    if (c && KIND_OF_CAMPAIGN[c.kind] !== doc.assessmentKind) throw new ApiError('kindMismatch');
  }
  if (actor.user.role === 'inspector') {
    if (!doc.campaign || !(await inspectorAssigned(ctx.db, actor.user.id, doc.campaign.id, doc.facility.id)))
      throw new ApiError('inspectorOwnOnly');
  }
}

/**
 * May this actor change the document the server holds under this id (judged on the stored copy: a push cannot take
 * over an inspection by sending a self-assessment with its id)? The same rules as {@link mayPush} for the stored
 * facility, kind and campaign. Runs in the caller's transaction.
 */
async function mayChange(tx: Queryable, actor: Actor, stored: Assessment): Promise<void> {
  mayWrite(actor, stored);
  if (actor.user.role === 'inspector') {
    const c = stored.campaign;
    if (!c || !(await inspectorAssigned(tx, actor.user.id, c.id, stored.facility.id)))
      throw new ApiError('inspectorOwnOnly');
  }
}

/** What storing one pushed document did. */
export interface PushOutcome {
  result: 'created' | 'updated' | 'merged' | 'unchanged';
  revision: string;
  change: number;
  document: unknown;
}

/**
 * Stores one pushed (verified, authorised, upgraded) document inside the caller's transaction, which holds the
 * document id's lock: idempotent by content hash (the current revision, or a re-send of one the server has), a
 * locked/submitted copy is immutable, a draft pushed against an older revision is merged answer by answer with
 * core's `mergeThreeWay` against the revision it was based on. Shared by push and bundle import.
 */
export async function applyPush(
  tx: Queryable,
  actor: Actor,
  doc: Assessment,
  audit: { action: string; details: Record<string, unknown> },
): Promise<PushOutcome> {
  const current = await getAssessment(tx, doc.id);
  if (current) await mayChange(tx, actor, current.body as unknown as Assessment);
  const { baseRevision, ...pushed } = doc;
  const revision = contentHash(pushed);
  // Already stored: the current revision, or (a re-send after a lost answer, based on an older revision) one
  // the server has. A push based on the current head is always a new change, even back to older content.
  const stored =
    current &&
    (revision === current.head ||
      (baseRevision !== current.head && (await getRevision(tx, doc.id, revision)) !== null));
  if (stored) return { result: 'unchanged', revision: current.head, change: current.change, document: current.body };
  let next: Assessment = pushed as Assessment;
  let result: PushOutcome['result'] = current ? 'updated' : 'created';
  if (current) {
    if (current.status !== 'draft') throw new ApiError('immutable');
    if (baseRevision !== current.head) {
      if (pushed.status !== 'draft') throw new ApiError('stale');
      const base = baseRevision ? ((await getRevision(tx, doc.id, baseRevision)) as Assessment | null) : null;
      const m = mergeThreeWay(base, pushed as Assessment, current.body as unknown as Assessment);
      if (!m.ok) throw new ApiError('invalid', m.errors);
      next = m.value.merged;
      result = 'merged';
    }
  }
  const nextRevision = contentHash(next);
  if (current && nextRevision === current.head)
    return { result: 'unchanged', revision: current.head, change: current.change, document: current.body };
  const change = await commitRevision(tx, actor, next, nextRevision, {
    action: audit.action,
    details: { result, revision: nextRevision, status: next.status, ...audit.details },
  });
  return { result, revision: nextRevision, change, document: next };
}

/**
 * Stores `next` as the assessment's new revision: takes the change number (the LAST statement before the inserts:
 * ADR 0008), stores the revision and writes the audit row, all in the caller's transaction.
 * @returns the change number taken
 */
export async function commitRevision(
  tx: Queryable,
  actor: Actor,
  next: Assessment,
  revision: string,
  audit: { action: string; details: Record<string, unknown> },
): Promise<number> {
  const change = await nextChange(tx);
  await storeRevision(tx, {
    id: next.id,
    facilityId: next.facility.id,
    campaignId: next.campaign?.id ?? null,
    round: next.round?.id ?? null,
    setId: next.criteriaSet.id,
    setVersion: next.criteriaSet.version,
    status: next.status,
    revision,
    change,
    body: next,
    userId: actor.user.id,
    deviceId: actor.deviceId,
  });
  await logAudit(tx, actor, {
    action: audit.action,
    subjectKind: 'assessment',
    subjectId: next.id,
    details: audit.details,
  });
  return change;
}

/** Core's check of a sealed document's device signatures against the council's registered keys. */
async function signatureVerdict(ctx: Context, doc: Assessment, receivedAt: string) {
  const set = ctx.sets.get(`${doc.criteriaSet.id}@${doc.criteriaSet.version}`)?.set;
  const report = await verifyAttestations(doc, {
    keys: await registeredKeys(ctx.db),
    receivedAt,
    ...(set ? { set } : {}),
  });
  return {
    status: report.status,
    registered: report.registered,
    checks: report.checks.map((c) => ({
      signer: c.signer,
      signedAt: c.signedAt,
      keyId: c.keyId,
      valid: c.valid,
      key: c.key,
      counts: c.counts,
    })),
  };
}

/** Problems of core's verifier that mean the server has no such set, or not this content of it. */
const SET_PROBLEMS = new Set([
  'verify.no-set',
  'answer.set-mismatch',
  'answer.hash-mismatch',
  'verify.set-pin-mismatch',
]);
/** Problems that mean a submitted or locked document's content hash is missing or does not match. */
const HASH_PROBLEMS = new Set(['verify.hash-missing', 'verify.hash-mismatch', 'verify.set-hash-missing']);

/**
 * Checks a pushed document with core's one verifier (the same verdict as the app's import and the CLI): schema, its
 * set (and the pinned set hash of a submitted or locked one), every answer, and the content hash of a submitted or
 * locked one (missing = refused).
 */
export function checkDocument(ctx: Context, raw: unknown): Assessment {
  const r = verifyAssessment(raw, { findSet: (id, version) => ctx.sets.get(`${id}@${version}`)?.set });
  if (r.ok) return r.value;
  const codes = r.errors.map((e) => e.code);
  if (codes.some((c) => SET_PROBLEMS.has(c))) throw new ApiError('unknownSet', r.errors);
  if (codes.some((c) => HASH_PROBLEMS.has(c))) throw new ApiError('badHash', r.errors);
  throw new ApiError('invalidDocument', r.errors);
}

/**
 * Who writes which document, before any lookup: a station only its own facility's self-assessments (never an
 * inspection or contest-round scoring about it, which the council's inspectors own); an inspector never a
 * self-assessment (assignments are checked by the callers). An admin writes any.
 */
function mayWrite(actor: Actor, doc: Assessment): void {
  const role = actor.user.role;
  if (role === 'station') {
    if (doc.facility.id !== actor.user.facilityId) throw new ApiError('forbidden');
    if (doc.assessmentKind !== 'self-assessment') throw new ApiError('stationOwnOnly');
  } else if (role === 'inspector' && doc.assessmentKind === 'self-assessment') throw new ApiError('inspectorOwnOnly');
}
