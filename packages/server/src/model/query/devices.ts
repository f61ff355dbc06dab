import type { Queryable } from '../../external/database.js';
import { iso } from './iso.js';
import type { Device } from '../frames.js';
import type { RegisteredKey } from '@tieuchi/core';

interface Row {
  id: string;
  user_id: string;
  label: string;
  enrolled_at: Date | null;
  revoked_at: Date | null;
  public_key: unknown;
  key_registered_at: Date | null;
  created_at: Date;
  last_seen_at: Date | null;
}
const COLUMNS = 'id, user_id, label, enrolled_at, revoked_at, public_key, key_registered_at, created_at, last_seen_at';

function frame(r: Row): Device {
  return {
    id: r.id,
    userId: r.user_id,
    label: r.label,
    enrolled: r.enrolled_at !== null,
    revoked: r.revoked_at !== null,
    publicKey: r.public_key,
    keyRegisteredAt: iso(r.key_registered_at),
    createdAt: iso(r.created_at),
    lastSeenAt: iso(r.last_seen_at),
  };
}

/** Creates a device for a user together with its single-use enrolment codes (stored as hashes). */
export async function createDevice(
  q: Queryable,
  d: { id: string; userId: string; label: string; codeHash: string; shortCodeHash: string; expiresAt: Date },
): Promise<Device> {
  const { rows } = await q.query<Row>(
    `INSERT INTO devices (id, user_id, label) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [d.id, d.userId, d.label],
  );
  await q.query('INSERT INTO enrolments (code_hash, short_code_hash, device_id, expires_at) VALUES ($1, $2, $3, $4)', [
    d.codeHash,
    d.shortCodeHash,
    d.id,
    d.expiresAt,
  ]);
  return frame(rows[0]!);
}

/**
 * Uses an enrolment code (the long or the short one): marks it used and gives the device its token hash.
 * @returns the device, or null when the code is unknown, used, expired, or its device revoked.
 */
export async function consumeEnrolment(
  q: Queryable,
  codeHash: string,
  tokenHash: string,
  now: Date,
): Promise<Device | null> {
  const { rows } = await q.query<{ device_id: string }>(
    `UPDATE enrolments SET used_at = $2
     WHERE (code_hash = $1 OR short_code_hash = $1) AND used_at IS NULL AND expires_at > $2
       AND device_id IN (SELECT id FROM devices WHERE revoked_at IS NULL)
     RETURNING device_id`,
    [codeHash, now],
  );
  if (!rows[0]) return null;
  const dev = await q.query<Row>(
    `UPDATE devices SET token_hash = $2, enrolled_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
    [rows[0].device_id, tokenHash, now],
  );
  return frame(dev.rows[0]!);
}

/** The device and user ids of a live (enrolled, not revoked) device token, or null; notes when it was seen. */
export async function deviceForToken(
  q: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ deviceId: string; userId: string } | null> {
  const { rows } = await q.query<{ id: string; user_id: string }>(
    'UPDATE devices SET last_seen_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id, user_id',
    [tokenHash, now],
  );
  return rows[0] ? { deviceId: rows[0].id, userId: rows[0].user_id } : null;
}

/** A device by id, or null. */
export async function getDevice(q: Queryable, id: string): Promise<Device | null> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM devices WHERE id = $1`, [id]);
  return rows[0] ? frame(rows[0]) : null;
}

/** Every device, newest first. */
export async function listDevices(q: Queryable): Promise<Device[]> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM devices ORDER BY created_at DESC, id`);
  return rows.map(frame);
}

/** Revokes a device: its token stops working at its next request; unused enrolment codes die with it. */
export async function revokeDevice(q: Queryable, id: string, now: Date): Promise<Device | null> {
  const { rows } = await q.query<Row>(
    `UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, now],
  );
  return rows[0] ? frame(rows[0]) : null;
}

/** Registers (or replaces) the public key a live device signs with, as an opaque JWK. */
export async function setDeviceKey(q: Queryable, id: string, jwk: unknown, now: Date): Promise<Device | null> {
  const { rows } = await q.query<Row>(
    `UPDATE devices SET public_key = $2, key_registered_at = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
    [id, JSON.stringify(jwk), now],
  );
  return rows[0] ? frame(rows[0]) : null;
}

/**
 * Every device key the council registered, with when it was registered and revoked: the list core's signature
 * check judges statements against (a key carried only inside a pushed document stays "unknown").
 */
export async function registeredKeys(q: Queryable): Promise<RegisteredKey[]> {
  const { rows } = await q.query<Pick<Row, 'label' | 'public_key' | 'key_registered_at' | 'revoked_at'>>(
    'SELECT label, public_key, key_registered_at, revoked_at FROM devices WHERE public_key IS NOT NULL ORDER BY id',
    [],
  );
  return rows.map((r) => {
    const k: RegisteredKey = { publicKey: r.public_key as RegisteredKey['publicKey'], label: r.label };
    const registeredAt = iso(r.key_registered_at);
    const revokedAt = iso(r.revoked_at);
    if (registeredAt) k.registeredAt = registeredAt;
    if (revokedAt) k.revokedAt = revokedAt;
    return k;
  });
}
