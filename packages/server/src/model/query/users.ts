import type { Queryable } from '../../external/database.js';
import { iso } from './iso.js';
import type { Role, User } from '../frames.js';

interface Row {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  facility_id: string | null;
  disabled_at: Date | null;
  created_at: Date;
}
const COLUMNS = 'id, login, display_name, role, facility_id, disabled_at, created_at';

function frame(r: Row): User {
  return {
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    facilityId: r.facility_id,
    disabled: r.disabled_at !== null,
    createdAt: iso(r.created_at),
  };
}

/** Fields of a new user. */
export interface NewUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  facilityId: string | null;
  passwordHash: string | null;
}

/** Inserts a user; returns null when the login is taken. */
export async function createUser(q: Queryable, u: NewUser): Promise<User | null> {
  const { rows } = await q.query<Row>(
    `INSERT INTO users (id, login, display_name, role, facility_id, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (login) DO NOTHING RETURNING ${COLUMNS}`,
    [u.id, u.login, u.displayName, u.role, u.facilityId, u.passwordHash],
  );
  return rows[0] ? frame(rows[0]) : null;
}

/** A user by id, or null. */
export async function getUser(q: Queryable, id: string): Promise<User | null> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] ? frame(rows[0]) : null;
}

/** A user and their password hash by login (for sign-in), or null. */
export async function getUserForLogin(
  q: Queryable,
  login: string,
): Promise<{ user: User; passwordHash: string | null } | null> {
  const { rows } = await q.query<Row & { password_hash: string | null }>(
    `SELECT ${COLUMNS}, password_hash FROM users WHERE login = $1`,
    [login],
  );
  return rows[0] ? { user: frame(rows[0]), passwordHash: rows[0].password_hash } : null;
}

/** Every user, by login. */
export async function listUsers(q: Queryable): Promise<User[]> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM users ORDER BY login`);
  return rows.map(frame);
}

/** Replaces a user's password hash; false when there is no such user. */
export async function setPasswordHash(q: Queryable, id: string, hash: string): Promise<boolean> {
  const { rows } = await q.query('UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id', [id, hash]);
  return rows.length === 1;
}

/** True when at least one council admin exists. */
export async function adminExists(q: Queryable): Promise<boolean> {
  const { rows } = await q.query("SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL LIMIT 1");
  return rows.length > 0;
}
