import type { Queryable } from '../../external/database.js';

/** A typed round (the document's `round.id`) of one criteria set version, over assessments that name no campaign. */
export interface TypedRound {
  round: string;
  /** One of the labels typed with it (the smallest, for a stable answer), or null. */
  label: string | null;
  setId: string;
  setVersion: string;
  /** The assessment kinds among them (self-assessment, external-inspection, contest-round). */
  kinds: string[];
  /** How many assessments carry it (and name no campaign in the document). */
  assessments: number;
  /** How many of those are placed in a campaign by a mapping. */
  mapped: number;
  /** The campaign it is mapped to, or null. */
  campaignId: string | null;
}

/** Every typed round of assessments that name no campaign, with its set, kinds, counts and mapping. */
export async function listTypedRounds(q: Queryable): Promise<TypedRound[]> {
  const { rows } = await q.query<{
    round: string;
    label: string | null;
    set_id: string;
    set_version: string;
    kinds: string[];
    n: number;
    mapped: number;
    campaign_id: string | null;
  }>(
    `SELECT a.round, min(a.body->'round'->>'label') AS label, a.set_id, a.set_version,
            array_agg(DISTINCT a.assessment_kind ORDER BY a.assessment_kind) AS kinds, count(*)::int AS n,
            (count(*) FILTER (WHERE a.campaign_id IS NOT NULL))::int AS mapped, m.campaign_id::text AS campaign_id
     FROM assessments a
     LEFT JOIN round_mappings m ON m.round = a.round AND m.set_id = a.set_id AND m.set_version = a.set_version
     WHERE a.round IS NOT NULL AND a.body->'campaign' IS NULL
     GROUP BY a.round, a.set_id, a.set_version, m.campaign_id
     ORDER BY a.round, a.set_id, a.set_version`,
  );
  return rows.map((r) => ({
    round: r.round,
    label: r.label,
    setId: r.set_id,
    setVersion: r.set_version,
    kinds: r.kinds,
    assessments: r.n,
    mapped: r.mapped,
    campaignId: r.campaign_id,
  }));
}

/** One round's mapping, or null. */
export async function getRoundMapping(
  q: Queryable,
  round: string,
  setId: string,
  setVersion: string,
): Promise<string | null> {
  const { rows } = await q.query<{ campaign_id: string }>(
    'SELECT campaign_id::text AS campaign_id FROM round_mappings WHERE round = $1 AND set_id = $2 AND set_version = $3',
    [round, setId, setVersion],
  );
  return rows[0]?.campaign_id ?? null;
}

/** The assessment kinds and facilities of the assessments carrying a typed round (and naming no campaign). */
export async function roundMembers(
  q: Queryable,
  round: string,
  setId: string,
  setVersion: string,
): Promise<{ kinds: string[]; facilities: string[]; count: number }> {
  const { rows } = await q.query<{ assessment_kind: string; facility_id: string }>(
    `SELECT assessment_kind, facility_id FROM assessments
     WHERE round = $1 AND set_id = $2 AND set_version = $3 AND body->'campaign' IS NULL`,
    [round, setId, setVersion],
  );
  return {
    kinds: [...new Set(rows.map((r) => r.assessment_kind))].sort(),
    facilities: [...new Set(rows.map((r) => r.facility_id))].sort(),
    count: rows.length,
  };
}

/**
 * Takes the change counter's row lock until the transaction ends: a push running at the same time either commits
 * before (and is seen by what follows) or takes its change number after this commits (and then sees the mapping).
 */
export async function holdPushes(q: Queryable): Promise<void> {
  await q.query('SELECT value FROM sync_counter FOR UPDATE');
}

/**
 * Maps a typed round to a campaign and places its assessments in it (their `campaign_id` column; the documents are
 * not changed). Call {@link holdPushes} first in the same transaction.
 * @returns how many assessments were placed
 */
export async function mapRound(
  q: Queryable,
  m: { round: string; setId: string; setVersion: string; campaignId: string; userId: string },
): Promise<number> {
  await q.query(
    `INSERT INTO round_mappings (round, set_id, set_version, campaign_id, mapped_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (round, set_id, set_version) DO NOTHING`,
    [m.round, m.setId, m.setVersion, m.campaignId, m.userId],
  );
  const { rows } = await q.query(
    `UPDATE assessments SET campaign_id = $4
     WHERE round = $1 AND set_id = $2 AND set_version = $3 AND body->'campaign' IS NULL
       AND campaign_id IS DISTINCT FROM $4
     RETURNING id`,
    [m.round, m.setId, m.setVersion, m.campaignId],
  );
  return rows.length;
}
