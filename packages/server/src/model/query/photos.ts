import type { Queryable } from '../../external/database.js';
import type { Actor } from '../frames.js';
import { STATION_SEES } from './sync.js';

/**
 * Stores a photo unless one with the same hash is there, and records this person as one of its uploaders.
 * @returns true when this person had not uploaded it before (whether someone else had is not told: ADR 0018)
 */
export async function putPhoto(
  q: Queryable,
  p: { sha256: string; mediaType: string; bytes: Uint8Array; userId: string; deviceId: string | null },
): Promise<boolean> {
  await q.query(
    `INSERT INTO photos (sha256, media_type, size, bytes, uploaded_by, uploaded_device) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (sha256) DO NOTHING`,
    [p.sha256, p.mediaType, p.bytes.length, p.bytes, p.userId, p.deviceId],
  );
  const { rows } = await q.query(
    'INSERT INTO photo_uploads (sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING sha256',
    [p.sha256, p.userId],
  );
  return rows.length === 1;
}

/**
 * The condition "this reader may read photo p" (ADR 0018): an admin any; anyone what they uploaded themselves;
 * otherwise a photo referenced by an assessment the reader may pull (a station: its facility's; an inspector: the
 * facilities assigned to them in the assessment's campaign). Parameters $2 admin, $3 user id, $4 the station's
 * facility (or null), $5 the inspector's id (or null).
 */
const MAY_READ = `($2::boolean
  OR EXISTS (SELECT 1 FROM photo_uploads u WHERE u.sha256 = p.sha256 AND u.user_id = $3::uuid)
  OR EXISTS (SELECT 1 FROM photo_refs r JOIN assessments a ON a.id = r.assessment_id
             WHERE r.sha256 = p.sha256
               AND ((a.facility_id = $4::text AND ${STATION_SEES})
                    OR ($5::uuid IS NOT NULL AND EXISTS (
                          SELECT 1 FROM assignments s WHERE s.user_id = $5::uuid AND s.facility_id = a.facility_id
                            AND s.campaign_id::text = a.campaign_id)))))`;

function readerParams(actor: Actor): [boolean, string, string | null, string | null] {
  const u = actor.user;
  return [u.role === 'admin', u.id, u.role === 'station' ? u.facilityId : null, u.role === 'inspector' ? u.id : null];
}

/** True when the photo is stored AND this reader may read it (otherwise false: existence is not revealed). */
export async function hasPhoto(q: Queryable, sha256: string, reader: Actor): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM photos p WHERE p.sha256 = $1 AND ${MAY_READ}`, [
    sha256,
    ...readerParams(reader),
  ]);
  return rows.length === 1;
}

/** A stored photo's bytes and media type when this reader may read it, or null (missing or not theirs). */
export async function getPhoto(
  q: Queryable,
  sha256: string,
  reader: Actor,
): Promise<{ mediaType: string; bytes: Buffer } | null> {
  const { rows } = await q.query<{ media_type: string; bytes: Uint8Array }>(
    `SELECT media_type, bytes FROM photos p WHERE p.sha256 = $1 AND ${MAY_READ}`,
    [sha256, ...readerParams(reader)],
  );
  const r = rows[0];
  return r
    ? { mediaType: r.media_type, bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) }
    : null;
}
