import type { Queryable } from '../../external/database.js';

/** Stores a new session (by token hash) that expires at `expiresAt`. */
export async function createSession(q: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await q.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    userId,
    expiresAt,
  ]);
}

/** The user id of a session that has not expired, or null. */
export async function sessionUser(q: Queryable, tokenHash: string, now: Date): Promise<string | null> {
  const { rows } = await q.query<{ user_id: string }>(
    'SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2',
    [tokenHash, now],
  );
  return rows[0]?.user_id ?? null;
}

/** Ends one session (sign out). */
export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Ends every session of a user (after a password reset). */
export async function deleteUserSessions(q: Queryable, userId: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Stores the hash of a first-admin code; any older unused code stops working. */
export async function replaceBootstrapCode(q: Queryable, codeHash: string, expiresAt: Date): Promise<void> {
  await q.query('DELETE FROM bootstrap_codes WHERE used_at IS NULL');
  await q.query('INSERT INTO bootstrap_codes (code_hash, expires_at) VALUES ($1, $2)', [codeHash, expiresAt]);
}

/** Marks a first-admin code used; true only for a valid, unused, unexpired code (so it works once). */
export async function consumeBootstrapCode(q: Queryable, codeHash: string, now: Date): Promise<boolean> {
  const { rows } = await q.query(
    'UPDATE bootstrap_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING code_hash',
    [codeHash, now],
  );
  return rows.length === 1;
}
