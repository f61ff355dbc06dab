import { Type } from '@fastify/type-provider-typebox';
import { contentHash, mergePlans, validateImprovementPlan, type ImprovementPlan } from '@tieuchi/core';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import { ApiError } from '../errors.js';
import type { Actor } from '../model/frames.js';
import { logAudit } from '../model/query/audits.js';
import {
  assessmentExists,
  getPlan,
  getPlanRevision,
  lockPlanId,
  planOfAssessment,
  pullPlans,
  storePlanRevision,
  type StoredPlanConflict,
  visibleAssessment,
} from '../model/query/plans.js';
import { nextChange, type PullScope } from '../model/query/sync.js';
import { authErrors, bearer, ErrorReply } from './schemas.js';

/** A field two devices changed differently since their shared revision: both values, who pushed ours, when. */
const PlanConflict = Type.Object({
  actionId: Type.String(),
  itemId: Type.String(),
  field: Type.String(),
  ours: Type.Unknown(),
  theirs: Type.Unknown(),
  by: Type.String(),
  at: Type.String(),
});
const PlanReply = Type.Object({
  id: Type.String(),
  assessmentId: Type.String(),
  revision: Type.String(),
  change: Type.Integer(),
  plan: Type.Unknown(),
  conflicts: Type.Array(PlanConflict),
});
const PushedPlan = Type.Object({
  result: Type.String(),
  id: Type.String(),
  assessmentId: Type.String(),
  revision: Type.String(),
  change: Type.Integer(),
  plan: Type.Unknown(),
  conflicts: Type.Array(PlanConflict),
});

/** Who may pull what, as for assessments: admin all, a station its facility, an inspector the assigned. */
export function scopeOf(actor: Actor): PullScope {
  return actor.user.role === 'admin'
    ? { all: true }
    : actor.user.role === 'station'
      ? { facilityId: actor.user.facilityId! }
      : { inspectorId: actor.user.id };
}

type Conflict = { actionId: string; itemId: string; field: string; ours: unknown; theirs: unknown };
const fieldOf = (p: ImprovementPlan, actionId: string, field: string): unknown => {
  const a = p.actions.find((x) => x.id === actionId) as Record<string, unknown> | undefined;
  return field === 'action' ? a : a?.[field];
};
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Improvement plans on the server (ADR 0021): push one plan (validated by core's schema; refused for an assessment
 * the pusher may not see; idempotent by content hash; merged field by field of each action with core's
 * `mergePlans` against the revision the device last shared, a real conflict kept with both values), and pull the
 * plans changed after a cursor, in commit order, scoped by the facility of their assessment.
 */
export function registerPlans(app: App, ctx: Context): void {
  app.post(
    '/sync/plans',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'Push one improvement plan (idempotent; merged action by action with the server copy)',
        security: bearer,
        body: Type.Object(
          {
            plan: Type.Record(Type.String(), Type.Unknown()),
            /** The revision this device last pulled or pushed (omit for a plan it never shared). */
            baseRevision: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: PushedPlan, 201: PushedPlan, 404: ErrorReply, 409: ErrorReply, ...authErrors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const checked = validateImprovementPlan(req.body.plan);
      if (!checked.ok) throw new ApiError('invalidPlan', checked.errors);
      const plan = checked.value;
      if (actor.user.role === 'station' && plan.facilityId !== actor.user.facilityId) throw new ApiError('forbidden');
      const seen = await visibleAssessment(ctx.db, scopeOf(actor), plan.assessmentId);
      if (!seen)
        throw new ApiError((await assessmentExists(ctx.db, plan.assessmentId)) ? 'forbidden' : 'planAssessmentMissing');
      if (plan.facilityId !== seen.facilityId && plan.facilityId !== seen.registryId)
        throw new ApiError('invalidPlan', [{ code: 'plan.facility-mismatch', pointer: '/facilityId' }]);
      const baseRevision = req.body.baseRevision;
      const out = await ctx.db.transaction(async (tx) => {
        await lockPlanId(tx, plan.id);
        const current = (await getPlan(tx, plan.id)) ?? (await planOfAssessment(tx, plan.assessmentId));
        if (current && current.id !== plan.id)
          throw new ApiError('invalidPlan', [{ code: 'plan.one-per-assessment', pointer: '/id' }]);
        const revision = contentHash(plan);
        const resend =
          current &&
          (revision === current.head ||
            (baseRevision !== current.head && (await getPlanRevision(tx, plan.id, revision)) !== null));
        // Nothing new (a resend, or a merge that changes nothing): the stored plan, as it is.
        const unchanged = (c: NonNullable<typeof current>) => ({
          result: 'unchanged' as const,
          id: plan.id,
          assessmentId: plan.assessmentId,
          revision: c.head,
          change: c.change,
          plan: c.body,
          conflicts: c.conflicts,
        });
        if (current && resend) return unchanged(current);
        let next = plan;
        let result = current ? 'updated' : 'created';
        let conflicts: StoredPlanConflict[] = current?.conflicts ?? [];
        if (current) {
          const head = current.body as unknown as ImprovementPlan;
          if (baseRevision === current.head) {
            // The device had the current plan (and its conflicts): a field it changed is settled by that change.
            conflicts = conflicts.filter((c) =>
              sameJson(fieldOf(head, c.actionId, c.field), fieldOf(plan, c.actionId, c.field)),
            );
          } else {
            const base = baseRevision ? await getPlanRevision(tx, plan.id, baseRevision) : null;
            const m = mergePlans(base as ImprovementPlan | null, plan, head);
            if (!m) throw new ApiError('invalidPlan', [{ code: 'plan.not-the-same', pointer: '' }]);
            next = m.merged;
            result = 'merged';
            const at = ctx.now().toISOString();
            const found = m.conflicts.map((c) => ({ ...c, by: actor.user.displayName, at }));
            const key = (c: Conflict) => `${c.actionId}\u0000${c.field}`;
            const fresh = new Set(found.map(key));
            conflicts = [...conflicts.filter((c) => !fresh.has(key(c))), ...found];
          }
        }
        const nextRevision = contentHash(next);
        if (current && nextRevision === current.head && sameJson(conflicts, current.conflicts))
          return unchanged(current);
        // The change number is taken LAST before the writes (ADR 0008): numbers become visible in commit order.
        const change = await nextChange(tx);
        await storePlanRevision(tx, {
          id: plan.id,
          assessmentId: plan.assessmentId,
          facilityId: seen.facilityId,
          revision: nextRevision,
          change,
          body: next,
          conflicts,
          userId: actor.user.id,
          deviceId: actor.deviceId,
        });
        await logAudit(tx, actor, {
          action: 'plan.push',
          subjectKind: 'plan',
          subjectId: plan.id,
          details: { result, revision: nextRevision, assessmentId: plan.assessmentId, conflicts: conflicts.length },
        });
        return {
          result,
          id: plan.id,
          assessmentId: plan.assessmentId,
          revision: nextRevision,
          change,
          plan: next,
          conflicts,
        };
      });
      return reply.code(out.result === 'created' ? 201 : 200).send(out);
    },
  );

  app.get(
    '/sync/plans',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      schema: {
        summary: 'Improvement plans changed after a cursor, in commit order, of assessments the reader may pull',
        security: bearer,
        querystring: Type.Object({
          after: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$' })),
          limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$' })),
        }),
        response: { 200: Type.Object({ plans: Type.Array(PlanReply), next: Type.Integer() }), ...authErrors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const after = Number(req.query.after ?? 0);
      const rows = await pullPlans(ctx.db, scopeOf(actor), after, Number(req.query.limit ?? 100));
      return {
        plans: rows.map((r) => ({
          id: r.id,
          assessmentId: r.assessmentId,
          revision: r.head,
          change: r.change,
          plan: r.body,
          conflicts: r.conflicts,
        })),
        next: rows.length ? rows[rows.length - 1]!.change : after,
      };
    },
  );
}
