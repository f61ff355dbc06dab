import type { Queryable } from '../../external/database.js';

/** Stores a photo unless one with the same hash is there; true when it was new. */
export async function putPhoto(
  q: Queryable,
  p: { sha256: string; mediaType: string; bytes: Uint8Array; userId: string; deviceId: string | null },
): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO photos (sha256, media_type, size, bytes, uploaded_by, uploaded_device) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
    [p.sha256, p.mediaType, p.bytes.length, p.bytes, p.userId, p.deviceId],
  );
  return rows.length === 1;
}

/** True when the photo is stored (a device skips uploading it again). */
export async function hasPhoto(q: Queryable, sha256: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM photos WHERE sha256 = $1', [sha256]);
  return rows.length === 1;
}

/** A stored photo's bytes and media type, or null. */
export async function getPhoto(q: Queryable, sha256: string): Promise<{ mediaType: string; bytes: Buffer } | null> {
  const { rows } = await q.query<{ media_type: string; bytes: Uint8Array }>(
    'SELECT media_type, bytes FROM photos WHERE sha256 = $1',
    [sha256],
  );
  const r = rows[0];
  return r
    ? { mediaType: r.media_type, bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength) }
    : null;
}
