import { randomUUID } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { campaignPhase, isRealDay } from '../data/vn-time.js';
import { ApiError } from '../errors.js';
import type { Actor, Campaign } from '../model/frames.js';
import { logAudit } from '../model/query/audits.js';
import {
  addAssignment,
  createCampaign,
  getCampaign,
  isAssigned,
  listAssignments,
  listCampaigns,
  listCampaignsFor,
  releaseCampaign,
  removeAssignment,
} from '../model/query/campaigns.js';
import { getUser } from '../model/query/users.js';
import type { Queryable } from '../external/database.js';
import {
  AssignmentSchema,
  authErrors,
  bearer,
  CampaignReply,
  Day,
  ErrorReply,
  IdParams,
  KindSchema,
} from './schemas.js';

const Text = Type.String({ minLength: 1, maxLength: 300 });
const NewCampaign = Type.Object(
  {
    name: Type.Object({ vi: Text, en: Text }, { additionalProperties: false }),
    set: Type.Object(
      {
        id: Text,
        version: Type.String({ minLength: 1, maxLength: 50 }),
        hash: Type.String({ pattern: '^[A-Za-z0-9:_-]{16,200}$' }),
      },
      { additionalProperties: false },
    ),
    kind: KindSchema,
    facilities: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20000, uniqueItems: true }),
    opensOn: Day,
    closesOn: Day,
    baselineCampaignId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    /** An inspection campaign: the self-assessment campaign it checks (same set id and version). */
    checksCampaignId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** May this actor see the campaign? Admins: all; inspectors: where assigned; stations: where their facility is in scope. */
async function maySee(q: Queryable, actor: Actor, c: Campaign): Promise<boolean> {
  if (actor.user.role === 'admin') return true;
  if (actor.user.role === 'inspector') return isAssigned(q, c.id, actor.user.id);
  return actor.user.facilityId !== null && c.facilities.includes(actor.user.facilityId);
}

/**
 * Campaigns (đợt đánh giá / vòng thi) and their assignments. Only council admins create them; inspectors see the
 * campaigns they are assigned in, stations those whose scope holds their facility. Phases are Vietnam days.
 */
export function registerCampaigns(app: App, ctx: Context): void {
  const show = (c: Campaign) => ({ ...c, phase: campaignPhase(c.opensOn, c.closesOn, ctx.now()) });

  app.get(
    '/campaigns',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'Campaigns this person may see',
        security: bearer,
        response: { 200: Type.Array(CampaignReply), ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const list =
        actor.user.role === 'admin'
          ? await listCampaigns(ctx.db)
          : await listCampaignsFor(ctx.db, actor.user.id, actor.user.role === 'station' ? actor.user.facilityId : null);
      return list.map(show);
    },
  );

  app.post(
    '/campaigns',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Create a campaign',
        security: bearer,
        body: NewCampaign,
        response: { 201: CampaignReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      for (const day of [b.opensOn, b.closesOn])
        if (!isRealDay(day)) throw new ApiError('invalid', `${day} is not a calendar day`);
      if (b.closesOn < b.opensOn) throw new ApiError('invalid', 'closesOn is before opensOn');
      const created = await ctx.db.transaction(async (tx) => {
        if (b.baselineCampaignId) {
          const base = await getCampaign(tx, b.baselineCampaignId);
          if (!base || base.kind !== b.kind || base.set.id !== b.set.id) throw new ApiError('badBaseline');
        }
        if (b.checksCampaignId) {
          const checked = await getCampaign(tx, b.checksCampaignId);
          const fits =
            b.kind === 'inspection' &&
            checked?.kind === 'self-assessment' &&
            checked.set.id === b.set.id &&
            checked.set.version === b.set.version;
          if (!fits) throw new ApiError('badChecks');
        }
        const c = await createCampaign(
          tx,
          {
            ...b,
            id: randomUUID(),
            baselineCampaignId: b.baselineCampaignId ?? null,
            checksCampaignId: b.checksCampaignId ?? null,
          },
          actor.user.id,
        );
        await logAudit(tx, actor, { action: 'campaign.create', subjectKind: 'campaign', subjectId: c.id });
        return c;
      });
      return reply.code(201).send(show(created));
    },
  );

  app.get(
    '/campaigns/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        summary: 'One campaign',
        security: bearer,
        params: IdParams,
        response: { 200: CampaignReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const c = await getCampaign(ctx.db, req.params.id);
      if (!c) throw new ApiError('notFound');
      if (!(await maySee(ctx.db, actor, c))) throw new ApiError('forbidden');
      return show(c);
    },
  );

  app.post(
    '/campaigns/:id/release',
    {
      config: { access: ['admin'] },
      schema: {
        summary:
          "Release an inspection campaign's results to the stations it inspected (once; until then a station pulls, reads and reconciles none of them)",
        security: bearer,
        params: IdParams,
        response: { 200: CampaignReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const c = await ctx.db.transaction(async (tx) => {
        const found = await getCampaign(tx, req.params.id);
        if (!found) throw new ApiError('notFound');
        if (found.kind !== 'inspection') throw new ApiError('notInspection');
        if (await releaseCampaign(tx, found.id, actor.user.id))
          await logAudit(tx, actor, { action: 'campaign.release', subjectKind: 'campaign', subjectId: found.id });
        return (await getCampaign(tx, found.id))!;
      });
      return show(c);
    },
  );

  const AssignmentReply = Type.Object({ campaignId: Type.String(), facilityId: Type.String(), userId: Type.String() });

  app.get(
    '/campaigns/:id/assignments',
    {
      config: { access: ['admin', 'inspector'] },
      schema: {
        summary: "A campaign's assignments",
        security: bearer,
        params: IdParams,
        response: { 200: Type.Array(AssignmentReply), 404: ErrorReply, ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const c = await getCampaign(ctx.db, req.params.id);
      if (!c) throw new ApiError('notFound');
      if (!(await maySee(ctx.db, actor, c))) throw new ApiError('forbidden');
      return listAssignments(ctx.db, c.id);
    },
  );

  app.post(
    '/campaigns/:id/assignments',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Assign an inspector to a facility of the campaign',
        security: bearer,
        params: IdParams,
        body: AssignmentSchema,
        response: { 201: AssignmentReply, 200: AssignmentReply, 404: ErrorReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const a = { campaignId: req.params.id, facilityId: req.body.facilityId, userId: req.body.userId };
      const added = await ctx.db.transaction(async (tx) => {
        const c = await getCampaign(tx, a.campaignId);
        if (!c) throw new ApiError('notFound');
        if (!c.facilities.includes(a.facilityId)) throw new ApiError('notInScope');
        const u = await getUser(tx, a.userId);
        if (!u) throw new ApiError('notFound');
        if (u.role !== 'inspector') throw new ApiError('notAnInspector');
        const isNew = await addAssignment(tx, a);
        if (isNew)
          await logAudit(tx, actor, {
            action: 'assignment.add',
            subjectKind: 'campaign',
            subjectId: c.id,
            details: { facilityId: a.facilityId, userId: a.userId },
          });
        return isNew;
      });
      return reply.code(added ? 201 : 200).send(a);
    },
  );

  app.delete(
    '/campaigns/:id/assignments/:facilityId/:userId',
    {
      config: { access: ['admin'] },
      schema: {
        summary: 'Remove an assignment',
        security: bearer,
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          facilityId: Type.String({ minLength: 1 }),
          userId: Type.String({ format: 'uuid' }),
        }),
        response: { 204: Type.Null(), 404: ErrorReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const a = { campaignId: req.params.id, facilityId: req.params.facilityId, userId: req.params.userId };
      await ctx.db.transaction(async (tx) => {
        if (!(await removeAssignment(tx, a))) throw new ApiError('notFound');
        await logAudit(tx, actor, {
          action: 'assignment.remove',
          subjectKind: 'campaign',
          subjectId: a.campaignId,
          details: { facilityId: a.facilityId, userId: a.userId },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
