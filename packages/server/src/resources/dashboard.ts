import { Type } from '@fastify/type-provider-typebox';
import { ENGINE_VERSION, score, type Assessment } from '@tieuchi/core';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { dashboardRows, documentsById, putScores, type DashboardRow } from '../model/query/dashboard.js';
import type { PullScope } from '../model/query/sync.js';
import { authErrors, bearer } from './schemas.js';

const Row = Type.Object({
  assessmentId: Type.String(),
  campaignId: Type.Union([Type.String(), Type.Null()]),
  facility: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.String(), Type.Null()]),
    commune: Type.Union([Type.String(), Type.Null()]),
  }),
  status: Type.String(),
  /** Core's exact total percentage {num, den}, or null (nothing applicable, or not scorable). */
  percent: Type.Unknown(),
  /** Core's decision (pass, fail, incomplete, none), or `unscored` when core refused the document. */
  decision: Type.String(),
  complete: Type.Boolean(),
  scoredAt: Type.String({ format: 'date-time' }),
});

/**
 * The council dashboard read from the server (no re-importing files): every assessment in the reader's scope
 * (admin: all; inspector: assigned facilities in their campaigns; station: its own facility), filtered by
 * campaign, facility kind and commune, with core's score summary. Summaries are stored per assessment with the
 * revision, engine version and set hash they came from, and recomputed on read when any differs (ADR 0016); the
 * answer says how many were recomputed now and for which engine version.
 */
export function registerDashboard(app: App, ctx: Context): void {
  app.get(
    '/dashboard',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'Assessments with their scores, filtered by campaign, facility kind and commune',
        security: bearer,
        querystring: Type.Object(
          {
            campaign: Type.Optional(Type.String({ format: 'uuid' })),
            kind: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            commune: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            rows: Type.Array(Row),
            decisions: Type.Record(Type.String(), Type.Integer()),
            computed: Type.Object({ engineVersion: Type.String(), recomputedNow: Type.Integer() }),
          }),
          ...authErrors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const scope: PullScope =
        actor.user.role === 'admin'
          ? { all: true }
          : actor.user.role === 'station'
            ? { facilityId: actor.user.facilityId! }
            : { inspectorId: actor.user.id };
      const rows = await dashboardRows(ctx.db, scope, {
        campaignId: req.query.campaign ?? null,
        facilityKind: req.query.kind ?? null,
        commune: req.query.commune ?? null,
      });
      const recomputed = await refreshScores(ctx, rows);
      const decisions: Record<string, number> = {};
      for (const r of rows) decisions[r.score!.decision] = (decisions[r.score!.decision] ?? 0) + 1;
      return {
        rows: rows.map((r) => ({
          assessmentId: r.id,
          campaignId: r.campaignId,
          facility: { id: r.facilityId, name: r.facilityName, kind: r.facilityKind, commune: r.commune },
          status: r.status,
          percent: r.score!.percent ?? null,
          decision: r.score!.decision,
          complete: r.score!.complete,
          scoredAt: r.score!.computedAt,
        })),
        decisions,
        computed: { engineVersion: ENGINE_VERSION, recomputedNow: recomputed },
      };
    },
  );
}

/** Recomputes (with core's `score`) and stores the summaries that are missing or stale; returns how many. */
async function refreshScores(ctx: Context, rows: DashboardRow[]): Promise<number> {
  const setHash = (key: string) => ctx.sets.get(key)?.hash ?? 'missing';
  const stale = rows.filter(
    (r) =>
      !r.score ||
      r.score.revision !== r.head ||
      r.score.engineVersion !== ENGINE_VERSION ||
      r.score.setHash !== setHash(r.setKey),
  );
  if (!stale.length) return 0;
  const docs = await documentsById(
    ctx.db,
    stale.map((r) => r.id),
  );
  const at = ctx.now().toISOString();
  const fresh = stale.map((r) => {
    const found = docs.get(r.id);
    const doc = found?.body as unknown as Assessment | undefined;
    const set = ctx.sets.get(r.setKey)?.set;
    const result = set && doc ? score(set, doc) : null;
    const summary =
      result && result.ok
        ? {
            percent: result.value.total.percent ?? null,
            decision: result.value.decision,
            complete: result.value.complete,
          }
        : { percent: null, decision: 'unscored', complete: false };
    // Stored under the revision actually scored (a push may have moved the head since the rows were read).
    r.score = {
      revision: found?.head ?? r.head,
      engineVersion: ENGINE_VERSION,
      setHash: setHash(r.setKey),
      ...summary,
      computedAt: at,
    };
    return { id: r.id, ...r.score };
  });
  await putScores(ctx.db, fresh);
  return fresh.length;
}
