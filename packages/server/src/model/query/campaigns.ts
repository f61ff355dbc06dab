import type { Queryable } from '../../external/database.js';
import { iso } from './iso.js';
import type { Assignment, Campaign, CampaignKind } from '../frames.js';

interface Row {
  id: string;
  name_vi: string;
  name_en: string;
  set_id: string;
  set_version: string;
  set_hash: string;
  kind: CampaignKind;
  facilities: string[];
  opens_on: string;
  closes_on: string;
  baseline_campaign_id: string | null;
  checks_campaign_id: string | null;
  created_at: Date;
  released_at: Date | null;
}
const COLUMNS =
  'id, name_vi, name_en, set_id, set_version, set_hash, kind, facilities, opens_on, closes_on, baseline_campaign_id, checks_campaign_id, created_at, released_at';

function frame(r: Row): Campaign {
  return {
    id: r.id,
    name: { vi: r.name_vi, en: r.name_en },
    set: { id: r.set_id, version: r.set_version, hash: r.set_hash },
    kind: r.kind,
    facilities: r.facilities,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    baselineCampaignId: r.baseline_campaign_id,
    checksCampaignId: r.checks_campaign_id,
    createdAt: iso(r.created_at),
    releasedAt: r.released_at ? iso(r.released_at) : null,
  };
}

/** Inserts a campaign. */
export async function createCampaign(
  q: Queryable,
  c: Omit<Campaign, 'createdAt' | 'releasedAt'>,
  createdBy: string,
): Promise<Campaign> {
  const { rows } = await q.query<Row>(
    `INSERT INTO campaigns (id, name_vi, name_en, set_id, set_version, set_hash, kind, facilities, opens_on, closes_on,
       baseline_campaign_id, created_by, checks_campaign_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
    [
      c.id,
      c.name.vi,
      c.name.en,
      c.set.id,
      c.set.version,
      c.set.hash,
      c.kind,
      JSON.stringify(c.facilities),
      c.opensOn,
      c.closesOn,
      c.baselineCampaignId,
      createdBy,
      c.checksCampaignId,
    ],
  );
  return frame(rows[0]!);
}

/** A campaign by id, or null. */
export async function getCampaign(q: Queryable, id: string): Promise<Campaign | null> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM campaigns WHERE id = $1`, [id]);
  return rows[0] ? frame(rows[0]) : null;
}

/** Every campaign (newest opening first). */
export async function listCampaigns(q: Queryable): Promise<Campaign[]> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM campaigns ORDER BY opens_on DESC, id`);
  return rows.map(frame);
}

/** The campaigns an inspector is assigned in, or whose scope holds a station's facility. */
export async function listCampaignsFor(q: Queryable, userId: string, facilityId: string | null): Promise<Campaign[]> {
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM campaigns c
     WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.campaign_id = c.id AND a.user_id = $1)
        OR ($2::text IS NOT NULL AND c.facilities @> jsonb_build_array($2::text))
     ORDER BY opens_on DESC, id`,
    [userId, facilityId],
  );
  return rows.map(frame);
}

/** Adds an assignment; false when it already existed. */
export async function addAssignment(q: Queryable, a: Assignment): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO assignments (campaign_id, facility_id, user_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING campaign_id`,
    [a.campaignId, a.facilityId, a.userId],
  );
  return rows.length === 1;
}

/** Removes an assignment; false when there was none. */
export async function removeAssignment(q: Queryable, a: Assignment): Promise<boolean> {
  const { rows } = await q.query(
    'DELETE FROM assignments WHERE campaign_id = $1 AND facility_id = $2 AND user_id = $3 RETURNING campaign_id',
    [a.campaignId, a.facilityId, a.userId],
  );
  return rows.length === 1;
}

/** The assignments of a campaign, by facility then user. */
export async function listAssignments(q: Queryable, campaignId: string): Promise<Assignment[]> {
  const { rows } = await q.query<{ campaign_id: string; facility_id: string; user_id: string }>(
    'SELECT campaign_id, facility_id, user_id FROM assignments WHERE campaign_id = $1 ORDER BY facility_id, user_id',
    [campaignId],
  );
  return rows.map((r) => ({ campaignId: r.campaign_id, facilityId: r.facility_id, userId: r.user_id }));
}

/** True when the user is assigned to the campaign (any facility). */
export async function isAssigned(q: Queryable, campaignId: string, userId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM assignments WHERE campaign_id = $1 AND user_id = $2 LIMIT 1', [
    campaignId,
    userId,
  ]);
  return rows.length > 0;
}

/**
 * The inspection campaign that checks a self-assessment campaign (the latest opening when several do), or null.
 */
export async function inspectionChecking(q: Queryable, selfCampaignId: string): Promise<Campaign | null> {
  const { rows } = await q.query<Row>(
    `SELECT ${COLUMNS} FROM campaigns WHERE checks_campaign_id = $1 ORDER BY opens_on DESC, created_at DESC, id LIMIT 1`,
    [selfCampaignId],
  );
  return rows[0] ? frame(rows[0]) : null;
}

/** True when the inspector is assigned to this facility in any of these campaigns. */
export async function isAssignedFacility(
  q: Queryable,
  campaignIds: readonly string[],
  userId: string,
  facilityId: string,
): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM assignments WHERE campaign_id = ANY($1::uuid[]) AND user_id = $2 AND facility_id = $3 LIMIT 1',
    [campaignIds, userId, facilityId],
  );
  return rows.length > 0;
}

/**
 * Releases an inspection campaign's results to the stations (once; a second call changes nothing and answers
 * false). Each inspection assessment of the campaign, and the improvement plan of each, takes a new change number,
 * so a station's pull from its old cursors picks them up (they were hidden from it when they took their numbers).
 * The rows are locked first and the change numbers taken last, as a push does (ADR 0008), so numbers stay in
 * commit order and a concurrent push cannot deadlock with the release.
 */
export async function releaseCampaign(q: Queryable, id: string, userId: string): Promise<boolean> {
  const { rows } = await q.query<{ id: string }>(
    'UPDATE campaigns SET released_at = now(), released_by = $2 WHERE id = $1 AND released_at IS NULL RETURNING id',
    [id, userId],
  );
  if (!rows.length) return false;
  const { rows: docs } = await q.query<{ id: string }>(
    `SELECT id FROM assessments WHERE campaign_id = $1::text AND assessment_kind = 'external-inspection'
     ORDER BY id FOR UPDATE`,
    [id],
  );
  if (!docs.length) return true;
  const ids = docs.map((d) => d.id);
  const { rows: plans } = await q.query<{ id: string }>(
    'SELECT id FROM plans WHERE assessment_id = ANY($1::text[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  const { rows: counter } = await q.query<{ value: string | number }>(
    'UPDATE sync_counter SET value = value + $1 RETURNING value',
    [docs.length + plans.length],
  );
  const first = Number(counter[0]!.value) - docs.length - plans.length;
  // Numbered from `first`, in the order given: the assessments first, then their plans.
  const NUMBERED = `SELECT id, $2::bigint + ordinality AS change FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ordinality)`;
  await q.query(`UPDATE assessments r SET change = n.change FROM (${NUMBERED}) n WHERE r.id = n.id`, [ids, first]);
  if (plans.length)
    await q.query(`UPDATE plans r SET change = n.change FROM (${NUMBERED}) n WHERE r.id = n.id`, [
      plans.map((p) => p.id),
      first + docs.length,
    ]);
  return true;
}
