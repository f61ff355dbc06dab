import { Type } from '@fastify/type-provider-typebox';
import { ENGINE_VERSION } from '@tieuchi/core';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { computePair, computeView, type PairView, type Unscored, type View } from '../data/results.js';
import { ApiError } from '../errors.js';
import type { Campaign } from '../model/frames.js';
import { getCampaign, inspectionChecking, isAssigned, isAssignedFacility } from '../model/query/campaigns.js';
import {
  campaignDataState,
  campaignDocuments,
  getResult,
  putResult,
  type ResultInputs,
} from '../model/query/results.js';
import { authErrors, bearer, ErrorReply, IdParams } from './schemas.js';

/** Only sealed work is ranked and aggregated: drafts are work in progress. */
const COUNTED = ['submitted', 'locked'] as const;

/** Why a result was (re)computed. */
const BECAUSE = {
  first: { vi: 'lần tính đầu tiên', en: 'first computation' },
  engine: { vi: 'bộ máy tính điểm đã đổi phiên bản', en: 'the scoring engine changed version' },
  set: { vi: 'bộ tiêu chí đã thay đổi', en: 'a criteria set changed' },
  assessments: { vi: 'có phiếu mới hoặc phiếu đã thay đổi', en: 'assessments were added or changed' },
} as const;
type Because = keyof typeof BECAUSE;

const ResultReply = Type.Object({
  campaignId: Type.String(),
  view: Type.String(),
  /** Core's result (ScoreRanking, ImprovementRanking or Aggregate), exact fractions as {num, den}. */
  result: Type.Unknown(),
  /** Documents core could not score, with why (listed, never dropped). */
  unscored: Type.Array(Type.Unknown()),
  /** Compare and reconcile: the two assessments paired (baseline or self-assessment first). */
  pair: Type.Optional(Type.Object({ first: Type.String(), second: Type.String() })),
  computed: Type.Object({
    at: Type.String({ format: 'date-time' }),
    engineVersion: Type.String(),
    because: Type.String(),
    text: Type.Object({ vi: Type.String(), en: Type.String() }),
    assessments: Type.Integer(),
  }),
});

/** What is stored per result: core's result, the documents it could not score, and for a pair which two it used. */
interface StoredBody {
  result: unknown;
  unscored: Unscored[];
  pair?: { first: string; second: string };
  /** A pair view with no assessment on one side: answered 404 until one arrives. */
  missing?: boolean;
}

/** Why the stored result no longer fits the inputs, or null when it still does. */
function staleBecause(stored: ResultInputs | null, now: ResultInputs): Because | null {
  if (!stored) return 'first';
  if (stored.engineVersion !== now.engineVersion) return 'engine';
  if (stored.setHashes !== now.setHashes) return 'set';
  if (stored.dataChange !== now.dataChange || stored.dataCount !== now.dataCount) return 'assessments';
  return null;
}

/**
 * Campaign results (ADR 0016): ranking by score or by improvement over the baseline campaign, and the aggregate,
 * computed by core over the campaign's submitted and locked assessments (paired by campaign, never by typed round
 * names), stored with the engine version, the sets' hashes and the data they came from, and recomputed when any
 * of those changes; every answer says when and why it was computed. Admins: every campaign; inspectors: the
 * campaigns they are assigned in.
 */
export function registerResults(app: App, ctx: Context): void {
  const mayRead = async (campaignId: string, req: Parameters<typeof actorOf>[0]): Promise<Campaign> => {
    const actor = actorOf(req);
    const c = await getCampaign(ctx.db, campaignId);
    if (!c) throw new ApiError('notFound');
    if (actor.user.role === 'inspector' && !(await isAssigned(ctx.db, c.id, actor.user.id)))
      throw new ApiError('forbidden');
    return c;
  };

  /**
   * The stored result of `key` for `storeId` when its inputs still hold, else computed by `compute` over the
   * documents of `campaigns` (of one facility, when given), stored and returned (ADR 0016).
   */
  const cached = async (
    storeId: string,
    key: string,
    c: Campaign,
    campaigns: string[],
    facility: string | null,
    compute: (docs: Awaited<ReturnType<typeof campaignDocuments>>['counted']) => StoredBody,
  ) => {
    // Paired campaigns have the same set (the campaign route refuses another), so one hash covers both.
    const setHashes = `${c.set.id}@${c.set.version}=${ctx.sets.get(`${c.set.id}@${c.set.version}`)?.hash ?? 'missing'}`;
    const stored = await getResult(ctx.db, storeId, key);
    const state = await campaignDataState(ctx.db, campaigns, facility);
    let inputs: ResultInputs = { engineVersion: ENGINE_VERSION, setHashes, ...state };
    let because = staleBecause(stored, inputs);
    let out: { at: string; body: StoredBody; because: Because };
    if (stored && because === null) {
      out = { at: stored.computedAt, body: stored.body as StoredBody, because: stored.reason as Because };
    } else {
      // One statement reads the documents and the state they are in, so what is stored matches its inputs.
      const docs = await campaignDocuments(ctx.db, campaigns, COUNTED, facility);
      inputs = { ...inputs, dataChange: docs.state.dataChange, dataCount: docs.state.dataCount };
      because = staleBecause(stored, inputs) ?? because!;
      const body = compute(docs.counted);
      const at = ctx.now().toISOString();
      await putResult(ctx.db, storeId, key, { ...inputs, computedAt: at, reason: because, body });
      out = { at, body, because };
    }
    if (out.body.missing) throw new ApiError('nothingToPair', out.body.unscored.length ? out.body.unscored : undefined);
    return {
      campaignId: storeId,
      view: key,
      result: out.body.result,
      unscored: out.body.unscored,
      ...(out.body.pair ? { pair: out.body.pair } : {}),
      computed: {
        at: out.at,
        engineVersion: ENGINE_VERSION,
        because: out.because,
        text: BECAUSE[out.because],
        assessments: inputs.dataCount,
      },
    };
  };

  const answer = (c: Campaign, view: View) => {
    const campaigns = view.startsWith('rank-g') ? [c.id, c.baselineCampaignId!] : [c.id];
    return cached(c.id, view, c, campaigns, null, (docs) =>
      computeView(view, docs, ctx.sets, c.id, c.baselineCampaignId ?? undefined),
    );
  };

  /** Compare or reconcile one facility over two campaigns (`first` before/self, `second` after/inspection). */
  const pairAnswer = (view: PairView, first: Campaign, second: Campaign, facility: string) =>
    cached(second.id, `${view}/${facility}`, second, [first.id, second.id], facility, (docs) => {
      const r = computePair(view, docs, ctx.sets, first.id, second.id);
      return 'missing' in r ? { result: null, unscored: r.missing, missing: true } : r;
    });

  /** May this actor read one facility's results in these campaigns? 403 otherwise. */
  const mayReadFacility = async (req: Parameters<typeof actorOf>[0], campaigns: string[], facility: string) => {
    const actor = actorOf(req);
    const role = actor.user.role;
    if (role === 'admin') return;
    if (role === 'station' && actor.user.facilityId === facility) return;
    if (role === 'inspector' && (await isAssignedFacility(ctx.db, campaigns, actor.user.id, facility))) return;
    throw new ApiError('forbidden');
  };

  /** A station reads an inspection campaign's results only once the council released them (migration 0006). */
  const releasedToStation = (req: Parameters<typeof actorOf>[0], campaigns: (Campaign | null)[]) => {
    if (actorOf(req).user.role !== 'station') return;
    if (campaigns.some((c) => c && c.kind === 'inspection' && !c.releasedAt)) throw new ApiError('notReleased');
  };

  const FacilityQuery = Type.Object(
    { facility: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  );

  app.get(
    '/campaigns/:id/compare',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary:
          "One facility's assessment in this campaign compared with its assessment in the baseline campaign (core compareAssessments)",
        security: bearer,
        params: IdParams,
        querystring: FacilityQuery,
        response: { 200: ResultReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const c = await getCampaign(ctx.db, req.params.id);
      if (!c) throw new ApiError('notFound');
      const campaigns = c.baselineCampaignId ? [c.id, c.baselineCampaignId] : [c.id];
      await mayReadFacility(req, campaigns, req.query.facility);
      if (!c.baselineCampaignId) throw new ApiError('noBaseline');
      const base = await getCampaign(ctx.db, c.baselineCampaignId);
      if (!base) throw new ApiError('noBaseline');
      releasedToStation(req, [base, c]);
      return pairAnswer('compare', base, c, req.query.facility);
    },
  );

  app.get(
    '/campaigns/:id/reconcile',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary:
          "One facility's self-assessment reconciled with the council's inspection of it (core reconcile): the inspection campaign names the self-assessment campaign it checks; either may be asked",
        security: bearer,
        params: IdParams,
        querystring: FacilityQuery,
        response: { 200: ResultReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const c = await getCampaign(ctx.db, req.params.id);
      if (!c) throw new ApiError('notFound');
      let self: Campaign | null = null;
      let inspection: Campaign | null = null;
      if (c.kind === 'inspection' && c.checksCampaignId) {
        inspection = c;
        self = await getCampaign(ctx.db, c.checksCampaignId);
      } else if (c.kind === 'self-assessment') {
        self = c;
        inspection = await inspectionChecking(ctx.db, c.id);
      }
      await mayReadFacility(
        req,
        [self?.id, inspection?.id].filter((x): x is string => !!x),
        req.query.facility,
      );
      if (!self || !inspection) throw new ApiError('noChecked');
      releasedToStation(req, [inspection]);
      return pairAnswer('reconcile', self, inspection, req.query.facility);
    },
  );

  app.get(
    '/campaigns/:id/rank',
    {
      config: { access: ['admin', 'inspector'] },
      schema: {
        summary: 'Ranking of a campaign: by score, or by improvement over its baseline campaign (gain, gap closed)',
        security: bearer,
        params: IdParams,
        querystring: Type.Object(
          { by: Type.Optional(Type.Union([Type.Literal('score'), Type.Literal('gain'), Type.Literal('gap-closed')])) },
          { additionalProperties: false },
        ),
        response: { 200: ResultReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const c = await mayRead(req.params.id, req);
      const by = req.query.by ?? 'score';
      if (by !== 'score' && !c.baselineCampaignId) throw new ApiError('noBaseline');
      return answer(c, `rank-${by}`);
    },
  );

  app.get(
    '/campaigns/:id/aggregate',
    {
      config: { access: ['admin', 'inspector'] },
      schema: {
        summary: 'Pass rates per criterion and item, weakest criteria and score distribution over a campaign',
        security: bearer,
        params: IdParams,
        response: { 200: ResultReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => answer(await mayRead(req.params.id, req), 'aggregate'),
  );
}
