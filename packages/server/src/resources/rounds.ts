import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import type { CampaignKind } from '../model/frames.js';
import { logAudit } from '../model/query/audits.js';
import { getCampaign } from '../model/query/campaigns.js';
import { getRoundMapping, holdPushes, listTypedRounds, mapRound, roundMembers } from '../model/query/rounds.js';
import { authErrors, bearer, ErrorReply } from './schemas.js';

/** The assessment kind (the document's `assessmentKind`) each campaign kind holds. */
export const KIND_OF_CAMPAIGN: Record<CampaignKind, string> = {
  'self-assessment': 'self-assessment',
  inspection: 'external-inspection',
  contest: 'contest-round',
};

const Short = Type.String({ minLength: 1, maxLength: 500 });
const RoundReply = Type.Object({
  round: Type.String(),
  label: Type.Union([Type.String(), Type.Null()]),
  setId: Type.String(),
  setVersion: Type.String(),
  kinds: Type.Array(Type.String()),
  assessments: Type.Integer(),
  mapped: Type.Integer(),
  campaignId: Type.Union([Type.String(), Type.Null()]),
});

/**
 * Typed rounds → campaigns (ADR 0018). Assessments made before campaigns carry only a typed round name; an admin
 * lists those rounds and maps each (with its criteria set id and version) to a campaign of the same set and kind.
 * The mapping lives in the server's tables, never in the document (so no content hash changes); rank, aggregate,
 * the dashboard, compare and reconcile then pair the assessments by that campaign, and later pushes of the same
 * round are placed in it too. Audited.
 */
export function registerRounds(app: App, ctx: Context): void {
  app.get(
    '/rounds',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Typed rounds of assessments that name no campaign, with set, kinds, counts and their mapping',
        security: bearer,
        response: { 200: Type.Array(RoundReply), ...authErrors },
      },
    },
    async () => listTypedRounds(ctx.db),
  );

  app.post(
    '/rounds/map',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Map a typed round (of one set id and version) to a campaign: every matching assessment joins it',
        security: bearer,
        body: Type.Object(
          {
            round: Short,
            setId: Type.String({ minLength: 1, maxLength: 300 }),
            setVersion: Type.String({ minLength: 1, maxLength: 50 }),
            campaignId: Type.String({ format: 'uuid' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            round: Type.String(),
            setId: Type.String(),
            setVersion: Type.String(),
            campaignId: Type.String(),
            /** Assessments placed in the campaign by this request (0 when repeated). */
            placed: Type.Integer(),
            /** Assessments carrying the round in all. */
            assessments: Type.Integer(),
            /** Facilities of those assessments that are not in the campaign's scope (mapped all the same). */
            outsideScope: Type.Array(Type.String()),
          }),
          404: ErrorReply,
          409: ErrorReply,
          ...authErrors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { round, setId, setVersion, campaignId } = req.body;
      return ctx.db.transaction(async (tx) => {
        await holdPushes(tx);
        const c = await getCampaign(tx, campaignId);
        if (!c) throw new ApiError('notFound');
        const members = await roundMembers(tx, round, setId, setVersion);
        if (members.count === 0) throw new ApiError('notFound');
        if (c.set.id !== setId || c.set.version !== setVersion)
          throw new ApiError('roundMismatch', {
            campaign: `${c.set.id}@${c.set.version}`,
            round: `${setId}@${setVersion}`,
          });
        const want = KIND_OF_CAMPAIGN[c.kind];
        const wrong = members.kinds.filter((k) => k !== want);
        if (wrong.length) throw new ApiError('roundMismatch', { campaignKind: c.kind, assessmentKinds: members.kinds });
        const existing = await getRoundMapping(tx, round, setId, setVersion);
        if (existing && existing !== campaignId) throw new ApiError('roundMapped', { campaignId: existing });
        const placed = await mapRound(tx, { round, setId, setVersion, campaignId, userId: actor.user.id });
        const outsideScope = members.facilities.filter((f) => !c.facilities.includes(f));
        await logAudit(tx, actor, {
          action: 'round.map',
          subjectKind: 'campaign',
          subjectId: campaignId,
          details: { round, setId, setVersion, placed, assessments: members.count },
        });
        return { round, setId, setVersion, campaignId, placed, assessments: members.count, outsideScope };
      });
    },
  );
}
