import type { Database, Queryable } from '../../external/database.js';
import { type PullScope, STATION_SEES } from './sync.js';

/** Dashboard filters; each one given narrows the rows. */
export interface DashboardFilter {
  campaignId: string | null;
  facilityKind: string | null;
  commune: string | null;
}

/** One dashboard row: the assessment, its facility, and its stored score summary (null until computed). */
export interface DashboardRow {
  id: string;
  campaignId: string | null;
  facilityId: string;
  facilityName: string;
  facilityKind: string | null;
  commune: string | null;
  status: string;
  head: string;
  setKey: string;
  score: {
    revision: string;
    engineVersion: string;
    setHash: string;
    percent: unknown;
    decision: string;
    complete: boolean;
    computedAt: string;
  } | null;
}

/**
 * The dashboard's WHERE clause over `assessments a` (constant text): filters $1 campaign, $2 facility kind,
 * $3 commune; scope $4 all, $5 the station's facility, $6 the inspector's id (see {@link PullScope}).
 */
const IN_SCOPE = `($1::text IS NULL OR a.campaign_id = $1::text)
       AND ($2::text IS NULL OR a.facility_kind = $2::text)
       AND ($3::text IS NULL OR a.commune = $3::text)
       AND ($4::boolean
            OR (a.facility_id = $5::text AND ${STATION_SEES})
            OR ($6::uuid IS NOT NULL AND EXISTS (
                  SELECT 1 FROM assignments x
                  WHERE x.user_id = $6::uuid AND x.facility_id = a.facility_id AND x.campaign_id::text = a.campaign_id)))`;

function scopeParams(scope: PullScope, f: DashboardFilter): unknown[] {
  return [
    f.campaignId,
    f.facilityKind,
    f.commune,
    'all' in scope,
    'facilityId' in scope ? scope.facilityId : null,
    'inspectorId' in scope ? scope.inspectorId : null,
  ];
}

/** A statement: constant text and its parameters (exported for `EXPLAIN` in bench/server-dashboard.mjs). */
export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * The memory one dashboard read may sort in (`SET LOCAL`, this transaction only). 20,000 rows sort in about 10 MB;
 * PostgreSQL's default 4 MB sent that sort to temporary files (docs/benchmarks.md).
 */
export const DASHBOARD_WORK_MEM = '32MB';

/** What one dashboard read found. */
export interface DashboardRead {
  /** Assessments in scope whose summary is missing or was computed from another revision, engine or set. */
  stale: { id: string; head: string; setKey: string }[];
  /** The answer as JSON text; null when stale summaries were found and `evenIfStale` was not set. */
  body: string | null;
}

/**
 * The dashboard read, ONE statement in one transaction (with {@link DASHBOARD_WORK_MEM}): the assessments in scope
 * whose stored score summary is missing or stale (another revision, engine version or set hash: `setHashes`,
 * `id@version` → the hash of the set the server holds) and — only when there are none, or `evenIfStale` — the answer
 * as JSON text built by the database (rows by facility then id, the count of each decision, `computed`): at 20,000
 * rows this spares the server parsing every row and serialising it again (docs/benchmarks.md). The warm read (no
 * stale summary) is one scan; the caller rescores what is stale and reads again with `evenIfStale`. Rows without a
 * stored summary (pushed in between) are left for the next read.
 */
export async function dashboardRead(
  db: Database,
  scope: PullScope,
  f: DashboardFilter,
  opts: { engineVersion: string; setHashes: Record<string, string>; recomputedNow: number; evenIfStale: boolean },
): Promise<DashboardRead> {
  const { text, params } = dashboardReadStatement(scope, f, opts);
  const row = await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '${DASHBOARD_WORK_MEM}'`); // a constant, not a value
    const { rows } = await tx.query<{ stale: string | null; body: string | null }>(text, params);
    return rows[0]!;
  });
  const stale = row.stale ? (JSON.parse(row.stale) as [string, string, string][]) : [];
  return { stale: stale.map(([id, head, setKey]) => ({ id, head, setKey })), body: row.body };
}

/** The statement of {@link dashboardRead}. */
export function dashboardReadStatement(
  scope: PullScope,
  f: DashboardFilter,
  opts: { engineVersion: string; setHashes: Record<string, string>; recomputedNow: number; evenIfStale: boolean },
): Statement {
  return {
    text: `WITH r AS (
       SELECT a.id, a.head, a.set_id, a.set_version, a.campaign_id, a.facility_id, a.facility_name, a.facility_kind,
              a.commune, a.status, s.assessment_id AS scored, s.percent, s.decision, s.complete, s.computed_at,
              (s.assessment_id IS NULL OR s.revision <> a.head OR s.engine_version <> $7::text
               OR s.set_hash <> COALESCE($8::jsonb ->> (a.set_id || '@' || a.set_version), 'missing')) AS stale
       FROM assessments a LEFT JOIN assessment_scores s ON s.assessment_id = a.id
       WHERE ${IN_SCOPE}),
     st AS (SELECT r.id, r.head, r.set_id || '@' || r.set_version AS set_key FROM r WHERE r.stale)
     SELECT (SELECT json_agg(json_build_array(st.id, st.head, st.set_key)) FROM st)::text AS stale,
       CASE WHEN $9::boolean OR NOT EXISTS (SELECT 1 FROM st) THEN json_build_object(
         'rows', COALESCE((SELECT json_agg(json_build_object(
                   'assessmentId', r.id, 'campaignId', r.campaign_id,
                   'facility', json_build_object('id', r.facility_id, 'name', r.facility_name, 'kind', r.facility_kind,
                                                 'commune', r.commune),
                   'status', r.status, 'percent', r.percent, 'decision', r.decision, 'complete', r.complete,
                   'scoredAt', to_char(r.computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                 ORDER BY r.facility_id, r.id) FROM r WHERE r.scored IS NOT NULL), '[]'::json),
         'decisions', COALESCE((SELECT json_object_agg(d.decision, d.n ORDER BY d.decision)
                                FROM (SELECT r.decision, count(*)::int AS n FROM r WHERE r.scored IS NOT NULL
                                      GROUP BY r.decision) d), '{}'::json),
         'computed', json_build_object('engineVersion', $7::text, 'recomputedNow', $10::int))::text END AS body`,
    params: [
      ...scopeParams(scope, f),
      opts.engineVersion,
      JSON.stringify(opts.setHashes),
      opts.evenIfStale,
      opts.recomputedNow,
    ],
  };
}

/** The assessments in scope matching the filter, with their stored score summaries, by facility then id. */
export async function dashboardRows(q: Queryable, scope: PullScope, f: DashboardFilter): Promise<DashboardRow[]> {
  const { rows } = await q.query<{
    id: string;
    campaign_id: string | null;
    facility_id: string;
    facility_name: string;
    facility_kind: string | null;
    commune: string | null;
    status: string;
    head: string;
    set_key: string;
    s_revision: string | null;
    engine_version: string | null;
    set_hash: string | null;
    percent: unknown;
    decision: string | null;
    complete: boolean | null;
    computed_at: Date | null;
  }>(
    `SELECT a.id, a.campaign_id, a.facility_id, a.facility_name, a.facility_kind, a.commune,
            a.status, a.head, a.set_id || '@' || a.set_version AS set_key,
            s.revision AS s_revision, s.engine_version, s.set_hash, s.percent, s.decision, s.complete, s.computed_at
     FROM assessments a LEFT JOIN assessment_scores s ON s.assessment_id = a.id
     WHERE ${IN_SCOPE}
     ORDER BY a.facility_id, a.id`,
    scopeParams(scope, f),
  );
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    facilityId: r.facility_id,
    facilityName: r.facility_name,
    facilityKind: r.facility_kind,
    commune: r.commune,
    status: r.status,
    head: r.head,
    setKey: r.set_key,
    score:
      r.s_revision === null
        ? null
        : {
            revision: r.s_revision,
            engineVersion: r.engine_version!,
            setHash: r.set_hash!,
            percent: r.percent,
            decision: r.decision!,
            complete: r.complete!,
            computedAt: r.computed_at!.toISOString(),
          },
  }));
}

/** The current revision and document of the given assessments (those whose score summary must be recomputed). */
export async function documentsById(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, { head: string; body: Record<string, unknown> }>> {
  const { rows } = await q.query<{ id: string; head: string; body: Record<string, unknown> }>(
    'SELECT id, head, body FROM assessments WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { head: r.head, body: r.body }]));
}

/** Stores score summaries (replacing older ones), many in one statement. */
export async function putScores(
  q: Queryable,
  scores: readonly {
    id: string;
    revision: string;
    engineVersion: string;
    setHash: string;
    percent: unknown;
    decision: string;
    complete: boolean;
    computedAt: string;
  }[],
): Promise<void> {
  if (!scores.length) return;
  await q.query(
    `INSERT INTO assessment_scores
       (assessment_id, revision, engine_version, set_hash, percent, decision, complete, computed_at)
     SELECT x.id, x.revision, x.engine_version, x.set_hash, x.percent, x.decision, x.complete, x.computed_at
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, revision text, engine_version text, set_hash text,
                                             percent jsonb, decision text, complete boolean, computed_at timestamptz)
     ON CONFLICT (assessment_id) DO UPDATE SET revision = EXCLUDED.revision, engine_version = EXCLUDED.engine_version,
       set_hash = EXCLUDED.set_hash, percent = EXCLUDED.percent, decision = EXCLUDED.decision,
       complete = EXCLUDED.complete, computed_at = EXCLUDED.computed_at`,
    [
      JSON.stringify(
        scores.map((s) => ({
          id: s.id,
          revision: s.revision,
          engine_version: s.engineVersion,
          set_hash: s.setHash,
          percent: s.percent ?? null,
          decision: s.decision,
          complete: s.complete,
          computed_at: s.computedAt,
        })),
      ),
    ],
  );
}
