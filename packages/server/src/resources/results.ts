import { Type } from '@fastify/type-provider-typebox';
import { ENGINE_VERSION } from '@tieuchi/core';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { computeView, type View } from '../data/results.js';
import { ApiError } from '../errors.js';
import type { Campaign } from '../model/frames.js';
import { getCampaign, isAssigned } from '../model/query/campaigns.js';
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
  computed: Type.Object({
    at: Type.String({ format: 'date-time' }),
    engineVersion: Type.String(),
    because: Type.String(),
    text: Type.Object({ vi: Type.String(), en: Type.String() }),
    assessments: Type.Integer(),
  }),
});

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

  const answer = async (c: Campaign, view: View) => {
    const campaigns = view.startsWith('rank-g') ? [c.id, c.baselineCampaignId!] : [c.id];
    // A baseline campaign has the same set (the campaign route refuses another), so one hash covers both.
    const setHashes = `${c.set.id}@${c.set.version}=${ctx.sets.get(`${c.set.id}@${c.set.version}`)?.hash ?? 'missing'}`;
    const stored = await getResult(ctx.db, c.id, view);
    const state = await campaignDataState(ctx.db, campaigns);
    let inputs: ResultInputs = { engineVersion: ENGINE_VERSION, setHashes, ...state };
    let because = staleBecause(stored, inputs);
    let out: { at: string; body: { result: unknown; unscored: unknown[] }; because: Because };
    if (stored && because === null) {
      out = {
        at: stored.computedAt,
        body: stored.body as { result: unknown; unscored: unknown[] },
        because: stored.reason as Because,
      };
    } else {
      // One statement reads the documents and the state they are in, so what is stored matches its inputs.
      const docs = await campaignDocuments(ctx.db, campaigns, COUNTED);
      inputs = { ...inputs, dataChange: docs.state.dataChange, dataCount: docs.state.dataCount };
      because = staleBecause(stored, inputs) ?? because!;
      const body = computeView(view, docs.counted, ctx.sets, c.id, c.baselineCampaignId ?? undefined);
      const at = ctx.now().toISOString();
      await putResult(ctx.db, c.id, view, { ...inputs, computedAt: at, reason: because, body });
      out = { at, body, because };
    }
    return {
      campaignId: c.id,
      view,
      result: out.body.result,
      unscored: out.body.unscored,
      computed: {
        at: out.at,
        engineVersion: ENGINE_VERSION,
        because: out.because,
        text: BECAUSE[out.because],
        assessments: inputs.dataCount,
      },
    };
  };

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
