import type { Queryable } from '../../external/database.js';
import { IN_SCOPE, scopeParams } from './plans.js';
import type { PullScope } from './sync.js';

/**
 * True when the reader may fetch a criteria set (ADR 0021): a campaign they see uses it (an inspector's assigned
 * campaign, a station's campaign over its facility), or an assessment they may pull names it.
 */
export async function readerUsesSet(
  q: Queryable,
  scope: PullScope,
  userId: string,
  facilityId: string | null,
  setId: string,
  version: string,
): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM campaigns c
     WHERE c.set_id = $6 AND c.set_version = $7
       AND (EXISTS (SELECT 1 FROM assignments s WHERE s.campaign_id = c.id AND s.user_id::text = $4)
            OR ($5::text IS NOT NULL AND c.facilities @> jsonb_build_array($5::text)))
     UNION ALL
     SELECT 1 FROM assessments a WHERE a.set_id = $6 AND a.set_version = $7 AND ${IN_SCOPE}
     LIMIT 1`,
    [...scopeParams(scope), userId, facilityId, setId, version],
  );
  return rows.length > 0;
}
