import type { Queryable } from '../../external/database.js';

/** What a stored campaign result was computed from (ADR 0016): when any of it differs, it is recomputed. */
export interface ResultInputs {
  engineVersion: string;
  /** The content hashes of the criteria sets used, joined in a fixed order. */
  setHashes: string;
  /** The highest change number among the campaign's assessments (0 when none). */
  dataChange: number;
  /** How many assessments the campaign has. */
  dataCount: number;
}

/** A stored campaign result. */
export interface StoredResult extends ResultInputs {
  computedAt: string;
  reason: string;
  body: unknown;
}

/**
 * The campaigns' assessments with a status in `counted` (their documents), and the state of all of them (highest
 * change number, count), read in ONE statement so the documents and the state agree.
 */
export async function campaignDocuments(
  q: Queryable,
  campaignIds: readonly string[],
  counted: readonly string[],
  facilityId: string | null = null,
): Promise<{
  counted: { id: string; campaignId: string; change: number; body: Record<string, unknown> }[];
  state: { dataChange: number; dataCount: number };
}> {
  const { rows } = await q.query<{
    id: string;
    campaign_id: string;
    change: number;
    body: Record<string, unknown> | null;
  }>(
    `SELECT id, campaign_id, change, CASE WHEN status = ANY($2::text[]) THEN body END AS body FROM assessments
     WHERE campaign_id = ANY($1::text[]) AND ($3::text IS NULL OR facility_id = $3::text) ORDER BY id`,
    [campaignIds, counted, facilityId],
  );
  let dataChange = 0;
  for (const r of rows) if (r.change > dataChange) dataChange = r.change;
  return {
    counted: rows
      .filter((r) => r.body !== null)
      .map((r) => ({ id: r.id, campaignId: r.campaign_id, change: r.change, body: r.body! })),
    state: { dataChange, dataCount: rows.length },
  };
}

/**
 * The state of the campaigns' assessments (of one facility, when given): highest change number and count (see
 * {@link ResultInputs}).
 */
export async function campaignDataState(
  q: Queryable,
  campaignIds: readonly string[],
  facilityId: string | null = null,
): Promise<{ dataChange: number; dataCount: number }> {
  const { rows } = await q.query<{ max: number | null; n: number }>(
    `SELECT max(change) AS max, count(*)::int AS n FROM assessments
     WHERE campaign_id = ANY($1::text[]) AND ($2::text IS NULL OR facility_id = $2::text)`,
    [campaignIds, facilityId],
  );
  return { dataChange: rows[0]?.max ?? 0, dataCount: rows[0]?.n ?? 0 };
}

/** The stored result of one view of a campaign, or null. */
export async function getResult(q: Queryable, campaignId: string, view: string): Promise<StoredResult | null> {
  const { rows } = await q.query<{
    engine_version: string;
    set_hashes: string;
    data_change: number;
    data_count: number;
    computed_at: Date;
    reason: string;
    body: unknown;
  }>(
    `SELECT engine_version, set_hashes, data_change, data_count, computed_at, reason, body
     FROM campaign_results WHERE campaign_id = $1 AND view = $2`,
    [campaignId, view],
  );
  const r = rows[0];
  return r
    ? {
        engineVersion: r.engine_version,
        setHashes: r.set_hashes,
        dataChange: r.data_change,
        dataCount: r.data_count,
        computedAt: r.computed_at.toISOString(),
        reason: r.reason,
        body: r.body,
      }
    : null;
}

/** Stores (or replaces) the result of one view of a campaign. */
export async function putResult(q: Queryable, campaignId: string, view: string, r: StoredResult): Promise<void> {
  await q.query(
    `INSERT INTO campaign_results
       (campaign_id, view, engine_version, set_hashes, data_change, data_count, computed_at, reason, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (campaign_id, view) DO UPDATE SET engine_version = $3, set_hashes = $4, data_change = $5,
       data_count = $6, computed_at = $7, reason = $8, body = $9`,
    [
      campaignId,
      view,
      r.engineVersion,
      r.setHashes,
      r.dataChange,
      r.dataCount,
      r.computedAt,
      r.reason,
      JSON.stringify(r.body),
    ],
  );
}
