import type { Queryable } from '../../external/database.js';

/** The stored current revision of an assessment. */
export interface StoredAssessment {
  id: string;
  facilityId: string;
  status: string;
  head: string;
  change: number;
  body: Record<string, unknown>;
}

/**
 * Serialises pushes of one assessment id (two pushes of a new document must not both insert it).
 * Transaction-scoped: released at COMMIT or ROLLBACK.
 */
export async function lockAssessmentId(q: Queryable, id: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [id]);
}

/** The current revision of an assessment, or null. */
export async function getAssessment(q: Queryable, id: string): Promise<StoredAssessment | null> {
  const { rows } = await q.query<{
    id: string;
    facility_id: string;
    status: string;
    head: string;
    change: number;
    body: Record<string, unknown>;
  }>('SELECT id, facility_id, status, head, change, body FROM assessments WHERE id = $1', [id]);
  const r = rows[0];
  return r
    ? { id: r.id, facilityId: r.facility_id, status: r.status, head: r.head, change: r.change, body: r.body }
    : null;
}

/** One stored revision's document, or null. */
export async function getRevision(q: Queryable, id: string, revision: string): Promise<Record<string, unknown> | null> {
  const { rows } = await q.query<{ body: Record<string, unknown> }>(
    'SELECT body FROM assessment_revisions WHERE assessment_id = $1 AND revision = $2',
    [id, revision],
  );
  return rows[0]?.body ?? null;
}

/**
 * Takes the next change number. MUST be the last statement of a push before its inserts: the counter row stays
 * locked until COMMIT, so change numbers become visible in commit order and a pull never skips one.
 */
export async function nextChange(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ value: number }>('UPDATE sync_counter SET value = value + 1 RETURNING value');
  return rows[0]!.value;
}

/** The SHA-256 of every photo a document references: answer evidence, drawn signatures, attestation images. */
export function photoRefsOf(body: object): string[] {
  const b = body as {
    answers?: Record<string, { evidence?: unknown }>;
    signatures?: { image?: unknown }[];
    attestations?: { imageHash?: unknown }[];
  };
  const out = new Set<string>();
  const add = (h: unknown) => {
    if (typeof h === 'string') out.add(h);
  };
  for (const a of Object.values(b.answers ?? {})) if (Array.isArray(a?.evidence)) a.evidence.forEach(add);
  for (const s of b.signatures ?? []) add(s?.image);
  for (const t of b.attestations ?? []) add(t?.imageHash);
  return [...out].sort();
}

/**
 * Stores a new revision and makes it the assessment's current one. A draft whose content comes back to an earlier
 * revision (an answer set back, a conflict resolved to one side) reuses that revision's row, moved to the new
 * change number, so the head's row always carries the head's change. A document without a campaign whose typed
 * round an admin mapped to a campaign (`round_mappings`) is placed in that campaign (the document is not changed).
 * The photos it references are recorded (`photo_refs`: who may read them).
 */
export async function storeRevision(
  q: Queryable,
  r: {
    id: string;
    facilityId: string;
    campaignId: string | null;
    /** The typed round (`round.id`), if any. */
    round: string | null;
    setId: string;
    setVersion: string;
    status: string;
    revision: string;
    change: number;
    body: object;
    userId: string;
    deviceId: string | null;
  },
): Promise<void> {
  const body = JSON.stringify(r.body);
  await q.query(
    `INSERT INTO assessment_revisions (assessment_id, revision, body, change, pushed_by, pushed_device)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (assessment_id, revision) DO UPDATE
       SET change = EXCLUDED.change, pushed_by = EXCLUDED.pushed_by, pushed_device = EXCLUDED.pushed_device`,
    [r.id, r.revision, body, r.change, r.userId, r.deviceId],
  );
  await q.query(
    `INSERT INTO assessments (id, facility_id, campaign_id, set_id, set_version, status, head, change, body, updated_at)
     VALUES ($1, $2, COALESCE($3::text, (SELECT m.campaign_id::text FROM round_mappings m
                                         WHERE m.round = $10::text AND m.set_id = $4 AND m.set_version = $5)),
             $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (id) DO UPDATE SET facility_id = $2, campaign_id = EXCLUDED.campaign_id, set_id = $4,
       set_version = $5, status = $6, head = $7, change = $8, body = $9, updated_at = now()`,
    [r.id, r.facilityId, r.campaignId, r.setId, r.setVersion, r.status, r.revision, r.change, body, r.round],
  );
  const refs = photoRefsOf(r.body);
  if (refs.length)
    await q.query(
      `INSERT INTO photo_refs (sha256, assessment_id) SELECT h, $2 FROM unnest($1::text[]) AS h
       ON CONFLICT DO NOTHING`,
      [refs, r.id],
    );
}

/** Who may pull what: everything (admin), one facility (station), or the facilities assigned (inspector). */
/**
 * The condition "a station may see assessment `a` of its own facility": everything except an inspection (the
 * council's `external-inspection`) whose campaign has not been released (migration 0006). Used by pull, photo
 * reads and the dashboard, so the three narrow together.
 */
export const STATION_SEES = `(a.assessment_kind IS DISTINCT FROM 'external-inspection'
            OR EXISTS (SELECT 1 FROM campaigns rc WHERE rc.id::text = a.campaign_id AND rc.released_at IS NOT NULL))`;

export type PullScope = { all: true } | { facilityId: string } | { inspectorId: string };

/** Current revisions with a change number above `after`, in change order, at most `limit`. */
export async function pullChanges(
  q: Queryable,
  scope: PullScope,
  after: number,
  limit: number,
): Promise<StoredAssessment[]> {
  const all = 'all' in scope;
  const facility = 'facilityId' in scope ? scope.facilityId : null;
  const inspector = 'inspectorId' in scope ? scope.inspectorId : null;
  const { rows } = await q.query<{
    id: string;
    facility_id: string;
    status: string;
    head: string;
    change: number;
    body: Record<string, unknown>;
  }>(
    `SELECT a.id, a.facility_id, a.status, a.head, a.change, a.body FROM assessments a
     WHERE a.change > $1
       AND ($3::boolean
            OR (a.facility_id = $4::text AND ${STATION_SEES})
            OR ($5::uuid IS NOT NULL AND EXISTS (
                  SELECT 1 FROM assignments s
                  WHERE s.user_id = $5::uuid AND s.facility_id = a.facility_id AND s.campaign_id::text = a.campaign_id)))
     ORDER BY a.change LIMIT $2`,
    [after, limit, all, facility, inspector],
  );
  return rows.map((r) => ({
    id: r.id,
    facilityId: r.facility_id,
    status: r.status,
    head: r.head,
    change: r.change,
    body: r.body,
  }));
}

/** True when the inspector is assigned to this facility in this campaign. */
export async function inspectorAssigned(
  q: Queryable,
  userId: string,
  campaignId: string,
  facilityId: string,
): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM assignments WHERE user_id = $1 AND campaign_id::text = $2 AND facility_id = $3 LIMIT 1',
    [userId, campaignId, facilityId],
  );
  return rows.length > 0;
}
