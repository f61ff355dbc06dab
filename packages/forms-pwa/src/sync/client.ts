/**
 * The device side of sync with the council server, as a pure module: only `fetch`, no DOM, no IndexedDB, so the
 * app, Node scripts and tests (devices as separate processes) all use the same code. The outbox and the sync
 * state shown to people live elsewhere; this module only talks to the server (see packages/server, ADR 0008).
 *
 * @example
 * const { token } = await enrol('https://tieuchi.example.gov.vn/', 'ABCDE-FGHJK');
 * const client = createSyncClient({ baseUrl: 'https://tieuchi.example.gov.vn/', token });
 * const pushed = await client.push(draft, lastPulledRevision);
 * const cursor = await client.pullAll(savedCursor, (change) => store(change.document));
 */

/** A server refusal, with the message in Vietnamese and English to show as it is. */
export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: { vi: string; en: string },
    readonly details?: unknown,
  ) {
    super(text.en);
    this.name = 'SyncError';
  }
  /** True when the token is expired or the device revoked: keep the outbox, ask to sign in or enrol again. */
  get signInAgain(): boolean {
    return this.status === 401;
  }
}

/** What the server answers to a push. `merged`: the server merged it with other devices' changes. */
export interface PushResult {
  result: 'created' | 'updated' | 'merged' | 'unchanged';
  /** The revision (content hash) now current on the server: the base of this device's next push. */
  revision: string;
  change: number;
  document: Record<string, unknown>;
}

/** One changed assessment from a pull. */
export interface PulledChange {
  id: string;
  revision: string;
  change: number;
  document: Record<string, unknown>;
}

/** A field two devices changed differently in a plan (kept: `theirs`), with who pushed `ours` and when. */
export interface PlanConflictRecord {
  actionId: string;
  itemId: string;
  field: string;
  ours: unknown;
  theirs: unknown;
  by: string;
  at: string;
}

/** One improvement plan as the server holds it (ADR 0021): pushed back, or pulled. */
export interface ServerPlan {
  id: string;
  assessmentId: string;
  /** The revision (content hash) now current on the server: the base of this device's next push. */
  revision: string;
  change: number;
  plan: Record<string, unknown>;
  conflicts: PlanConflictRecord[];
}

/** What the server answers to a plan push. */
export interface PlanPushResult extends ServerPlan {
  result: 'created' | 'updated' | 'merged' | 'unchanged';
}

/** A person as the server shows them. */
export interface ServerUser {
  id: string;
  login: string;
  displayName: string;
  role: 'admin' | 'inspector' | 'station';
  facilityId: string | null;
  disabled: boolean;
  createdAt: string;
}

/** A campaign (đợt đánh giá / vòng thi) as the server shows it, with its phase today in Vietnam. */
export interface ServerCampaign {
  id: string;
  name: { vi: string; en: string };
  set: { id: string; version: string; hash: string };
  kind: 'self-assessment' | 'inspection' | 'contest';
  facilities: string[];
  opensOn: string;
  closesOn: string;
  baselineCampaignId: string | null;
  /** An inspection campaign: the self-assessment campaign it checks (reconcile pairs the two). */
  checksCampaignId?: string | null | undefined;
  phase: 'upcoming' | 'open' | 'closed';
  createdAt: string;
  /** When the council released an inspection campaign's results to the stations (null: not yet). */
  releasedAt?: string | null | undefined;
}

/** Which inspector assesses which facility in a campaign. */
export interface ServerAssignment {
  campaignId: string;
  facilityId: string;
  userId: string;
}

/** How to reach the server. */
export interface SyncClientOptions {
  /** The server's address (the app's own origin when served by it). */
  baseUrl: string;
  /** The device token from {@link enrol}. */
  token: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

/** One JSON request; a refusal becomes a {@link SyncError} with the server's message. */
export async function request(f: typeof fetch, url: URL, init: RequestInit): Promise<unknown> {
  const res = await f(url, init);
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('application/json') ? await res.json() : await res.arrayBuffer();
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: { vi: string; en: string }; details?: unknown } }).error;
    throw new SyncError(
      res.status,
      e?.code ?? 'http',
      e?.message ?? { vi: `Lỗi máy chủ (${res.status}).`, en: `Server error (${res.status}).` },
      e?.details,
    );
  }
  return body;
}

/**
 * Enrols this device with the code from the QR code or the typed short code.
 * @returns the device token (keep it; it is shown once) and who the device acts for.
 */
export async function enrol(
  baseUrl: string,
  code: string,
  f: typeof fetch = fetch,
): Promise<{ token: string; deviceId: string; userId: string }> {
  const body = (await request(f, new URL('/api/v1/enrol', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  })) as { token: string; device: { id: string }; user: { id: string } };
  return { token: body.token, deviceId: body.device.id, userId: body.user.id };
}

/** A client for one enrolled device. */
export function createSyncClient(options: SyncClientOptions) {
  const f = options.fetch ?? fetch;
  const auth = { authorization: `Bearer ${options.token}` };
  const url = (path: string) => new URL(path, options.baseUrl);
  return {
    /**
     * Pushes one assessment. `baseRevision` is the revision this device last pulled or pushed for it (omit for a
     * new one); the server merges a draft against it when others changed it meanwhile. Safe to retry.
     */
    async push(assessment: object, baseRevision?: string): Promise<PushResult> {
      const doc = baseRevision ? { ...assessment, baseRevision } : assessment;
      return (await request(f, url('/api/v1/sync/push'), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ assessment: doc }),
      })) as PushResult;
    },
    /** One page of changes after `after` (a cursor from a previous pull; 0 at first). */
    async pull(after: number, limit = 100): Promise<{ changes: PulledChange[]; next: number }> {
      return (await request(f, url(`/api/v1/sync/pull?after=${after}&limit=${limit}`), { headers: auth })) as {
        changes: PulledChange[];
        next: number;
      };
    },
    /**
     * Pulls every change after `after`, page by page, calling `onChange` for each in order. Resumable: keep the
     * returned cursor (or the last `change` seen) and start from it after a dropped connection.
     */
    async pullAll(after: number, onChange: (c: PulledChange) => void | Promise<void>, limit = 100): Promise<number> {
      let cursor = after;
      for (;;) {
        const page = await this.pull(cursor, limit);
        for (const c of page.changes) {
          await onChange(c);
          cursor = c.change;
        }
        if (page.next === cursor && page.changes.length < limit) return cursor;
      }
    },
    /**
     * Pushes one improvement plan (ADR 0021). `baseRevision` is the plan revision this device last shared; the
     * server merges the plan field by field of each action against it. Safe to retry.
     */
    async pushPlan(plan: object, baseRevision?: string): Promise<PlanPushResult> {
      return (await request(f, url('/api/v1/sync/plans'), {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ plan, ...(baseRevision ? { baseRevision } : {}) }),
      })) as PlanPushResult;
    },
    /** One page of plans changed after `after` (a plan cursor of its own; 0 at first). */
    async pullPlans(after: number, limit = 100): Promise<{ plans: ServerPlan[]; next: number }> {
      return (await request(f, url(`/api/v1/sync/plans?after=${after}&limit=${limit}`), { headers: auth })) as {
        plans: ServerPlan[];
        next: number;
      };
    },
    /**
     * A criteria set the server validates against (ADR 0021), when this reader works with it (a campaign or an
     * assessment of theirs uses it). Untrusted input like any other: verify it before storing it.
     */
    async getSet(id: string, version: string): Promise<{ hash: string; set: Record<string, unknown> }> {
      return (await request(f, url(`/api/v1/sets/${encodeURIComponent(id)}/${encodeURIComponent(version)}`), {
        headers: auth,
      })) as { hash: string; set: Record<string, unknown> };
    },
    /** Registers the public key this device signs with (an opaque JWK; ADR 0007/0008). */
    async registerKey(jwk: object): Promise<void> {
      await request(f, url('/api/v1/device/key'), {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ jwk }),
      });
    },
    /** Who the token acts for. */
    async me(): Promise<{ user: ServerUser; deviceId: string | null }> {
      return (await request(f, url('/api/v1/me'), { headers: auth })) as { user: ServerUser; deviceId: string | null };
    },
    /** The campaigns this device's person may see (admins: all; inspectors: assigned; stations: in scope). */
    async campaigns(): Promise<ServerCampaign[]> {
      return (await request(f, url('/api/v1/campaigns'), { headers: auth })) as ServerCampaign[];
    },
    /** A campaign's assignments (admins and inspectors only). */
    async assignments(campaignId: string): Promise<ServerAssignment[]> {
      return (await request(f, url(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/assignments`), {
        headers: auth,
      })) as ServerAssignment[];
    },
    /** Uploads a photo unless the server has it already; true when it was sent. */
    async uploadPhoto(
      sha256: string,
      bytes: Uint8Array,
      mediaType: 'image/jpeg' | 'image/png' | 'image/webp',
    ): Promise<boolean> {
      const has = (await request(f, url(`/api/v1/photos/${sha256}/exists`), { headers: auth })) as { stored: boolean };
      if (has.stored) return false;
      await request(f, url(`/api/v1/photos/${sha256}`), {
        method: 'PUT',
        headers: { ...auth, 'content-type': mediaType },
        body: bytes as BodyInit,
      });
      return true;
    },
  };
}

/** A client made by {@link createSyncClient}. */
export type SyncClient = ReturnType<typeof createSyncClient>;
