import type { Queryable } from '../../external/database.js';
import { STATION_SEES, type PullScope } from './sync.js';

/** A field two devices changed differently (core's `PlanConflict`), with who pushed the value not kept and when. */
export interface StoredPlanConflict {
  actionId: string;
  itemId: string;
  field: string;
  ours: unknown;
  theirs: unknown;
  by: string;
  at: string;
}

/** The stored current revision of an improvement plan (ADR 0021). */
export interface StoredPlan {
  id: string;
  assessmentId: string;
  facilityId: string;
  head: string;
  change: number;
  body: Record<string, unknown>;
  /** Fields two devices changed differently since their shared revision (core's `PlanConflict` + who and when). */
  conflicts: StoredPlanConflict[];
}

interface PlanRow {
  id: string;
  assessment_id: string;
  facility_id: string;
  head: string;
  change: number;
  body: Record<string, unknown>;
  conflicts: StoredPlanConflict[];
}
const fromRow = (r: PlanRow): StoredPlan => ({
  id: r.id,
  assessmentId: r.assessment_id,
  facilityId: r.facility_id,
  head: r.head,
  change: r.change,
  body: r.body,
  conflicts: r.conflicts,
});

/** Serialises pushes of one plan id (transaction-scoped advisory lock; a different key space from assessments). */
export async function lockPlanId(q: Queryable, id: string): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('plan:' || $1))", [id]);
}

/** The current revision of a plan, or null. */
export async function getPlan(q: Queryable, id: string): Promise<StoredPlan | null> {
  const { rows } = await q.query<PlanRow>(
    'SELECT id, assessment_id, facility_id, head, change, body, conflicts FROM plans WHERE id = $1',
    [id],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The plan stored for an assessment (one per assessment), or null. */
export async function planOfAssessment(q: Queryable, assessmentId: string): Promise<StoredPlan | null> {
  const { rows } = await q.query<PlanRow>(
    'SELECT id, assessment_id, facility_id, head, change, body, conflicts FROM plans WHERE assessment_id = $1',
    [assessmentId],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** One stored revision of a plan, or null. */
export async function getPlanRevision(
  q: Queryable,
  id: string,
  revision: string,
): Promise<Record<string, unknown> | null> {
  const { rows } = await q.query<{ body: Record<string, unknown> }>(
    'SELECT body FROM plan_revisions WHERE plan_id = $1 AND revision = $2',
    [id, revision],
  );
  return rows[0]?.body ?? null;
}

/** The SQL condition "the reader in scope ($1 all, $2 facility, $3 inspector) may pull assessment `a`" (constant). */
export const IN_SCOPE = `($1::boolean
            OR (a.facility_id = $2::text AND ${STATION_SEES})
            OR ($3::uuid IS NOT NULL AND EXISTS (
                  SELECT 1 FROM assignments s
                  WHERE s.user_id = $3::uuid AND s.facility_id = a.facility_id AND s.campaign_id::text = a.campaign_id)))`;

/** The parameters $1–$3 of {@link IN_SCOPE}. */
export const scopeParams = (scope: PullScope) => [
  'all' in scope,
  'facilityId' in scope ? scope.facilityId : null,
  'inspectorId' in scope ? scope.inspectorId : null,
];

/**
 * The facility (and registry mapping) of an assessment the reader may pull (the same scope as `pullChanges`), or null when it is not on
 * the server or not the reader's to see.
 */
export async function visibleAssessment(
  q: Queryable,
  scope: PullScope,
  assessmentId: string,
): Promise<{ facilityId: string; registryId: string | null } | null> {
  const { rows } = await q.query<{ facility_id: string; registry_id: string | null }>(
    `SELECT a.facility_id, a.body->'facility'->>'registryId' AS registry_id FROM assessments a
     WHERE a.id = $4 AND ${IN_SCOPE}`,
    [...scopeParams(scope), assessmentId],
  );
  const r = rows[0];
  return r ? { facilityId: r.facility_id, registryId: r.registry_id } : null;
}

/** True when an assessment with this id is stored (whoever may see it). */
export async function assessmentExists(q: Queryable, assessmentId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM assessments WHERE id = $1', [assessmentId]);
  return rows.length > 0;
}

/**
 * Stores a new revision of a plan and makes it current, with the change number the caller took LAST (ADR 0008);
 * the proof photos of its actions are recorded against its assessment (`photo_refs`), so whoever may read the
 * assessment may read them.
 */
export async function storePlanRevision(
  q: Queryable,
  r: {
    id: string;
    assessmentId: string;
    facilityId: string;
    revision: string;
    change: number;
    body: { actions?: { completionEvidence?: unknown }[] };
    conflicts: StoredPlanConflict[];
    userId: string;
    deviceId: string | null;
  },
): Promise<void> {
  const body = JSON.stringify(r.body);
  await q.query(
    `INSERT INTO plan_revisions (plan_id, revision, body, pushed_by, pushed_device) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (plan_id, revision) DO NOTHING`,
    [r.id, r.revision, body, r.userId, r.deviceId],
  );
  await q.query(
    `INSERT INTO plans (id, assessment_id, facility_id, head, change, body, conflicts, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (id) DO UPDATE SET head = $4, change = $5, body = $6, conflicts = $7, updated_at = now()`,
    [r.id, r.assessmentId, r.facilityId, r.revision, r.change, body, JSON.stringify(r.conflicts)],
  );
  const refs = new Set<string>();
  for (const a of r.body.actions ?? [])
    if (Array.isArray(a.completionEvidence))
      for (const h of a.completionEvidence) if (typeof h === 'string') refs.add(h);
  if (refs.size)
    await q.query(
      `INSERT INTO photo_refs (sha256, assessment_id) SELECT h, $2 FROM unnest($1::text[]) AS h
       ON CONFLICT DO NOTHING`,
      [[...refs].sort(), r.assessmentId],
    );
}

/** Current plans with a change number above `after` whose assessment the reader may pull, in change order. */
export async function pullPlans(q: Queryable, scope: PullScope, after: number, limit: number): Promise<StoredPlan[]> {
  const { rows } = await q.query<PlanRow>(
    `SELECT p.id, p.assessment_id, p.facility_id, p.head, p.change, p.body, p.conflicts
     FROM plans p JOIN assessments a ON a.id = p.assessment_id
     WHERE p.change > $4 AND ${IN_SCOPE}
     ORDER BY p.change LIMIT $5`,
    [...scopeParams(scope), after, limit],
  );
  return rows.map(fromRow);
}
