import type { Queryable } from '../../external/database.js';
import { iso } from './iso.js';
import type { Actor, Audit } from '../frames.js';

/** An action to record: what was done to which subject. */
export interface AuditEntry {
  action: string;
  subjectKind: string;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

/** Appends one audit row (in the same transaction as the change it records). */
export async function logAudit(q: Queryable, actor: Actor | null, e: AuditEntry): Promise<void> {
  await q.query(
    `INSERT INTO audits (actor_user_id, actor_device_id, action, subject_kind, subject_id, details)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      actor?.user.id ?? null,
      actor?.deviceId ?? null,
      e.action,
      e.subjectKind,
      e.subjectId,
      JSON.stringify(e.details ?? {}),
    ],
  );
}

/** The newest audit rows first, at most `limit`, older than id `before` when given. */
export async function listAudits(q: Queryable, limit: number, before: number | null): Promise<Audit[]> {
  const { rows } = await q.query<{
    id: number;
    at: Date;
    actor_user_id: string | null;
    actor_device_id: string | null;
    action: string;
    subject_kind: string;
    subject_id: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT id, at, actor_user_id, actor_device_id, action, subject_kind, subject_id, details FROM audits
     WHERE ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $1`,
    [limit, before],
  );
  return rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    actorUserId: r.actor_user_id,
    actorDeviceId: r.actor_device_id,
    action: r.action,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    details: r.details,
  }));
}
