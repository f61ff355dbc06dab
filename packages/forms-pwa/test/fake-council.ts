/**
 * An in-memory stand-in for the council server's sync routes, for the app's unit tests only (the real server runs
 * in packages/server's tests and the two-profile e2e). It follows ADR 0008 with core's own functions: revision =
 * content hash of the pushed copy, a push based on an older revision is merged with `mergeThreeWay`, a pull pages
 * through changes in order. Switches make it answer 401 (revoked device), refuse a document, or drop connections.
 */
import { contentHash, mergePlans, mergeThreeWay, type Assessment, type ImprovementPlan } from '@tieuchi/core';

interface Stored {
  head: string;
  change: number;
  body: Assessment;
  revisions: Map<string, Assessment>;
}

interface StoredPlan {
  head: string;
  change: number;
  body: ImprovementPlan;
  conflicts: unknown[];
  revisions: Map<string, ImprovementPlan>;
}

export class FakeCouncil {
  readonly docs = new Map<string, Stored>();
  /** Plans by id (ADR 0021): same counter, merged with core's `mergePlans`; conflicts kept with both values. */
  readonly plans = new Map<string, StoredPlan>();
  /** Criteria sets served by `GET /sets/{id}/{version}`, by `id@version` (ADR 0021). */
  readonly sets = new Map<string, unknown>();
  change = 0;
  /** Tokens answered with 401. */
  readonly revoked = new Set<string>();
  /** Assessment ids refused with a 400 and a message. */
  readonly refuse = new Set<string>();
  /** Pull requests left before the connection drops (a TypeError, as fetch gives offline); -1: never. */
  dropPullAfter = -1;
  pushes = 0;
  private _tokens = 0;

  private json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }

  /** A fetch for `createSyncClient`. */
  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const auth = String((init.headers as Record<string, string> | undefined)?.authorization ?? '');
    const token = auth.replace(/^Bearer /, '');
    if (url.pathname === '/api/v1/enrol')
      return this.json(201, {
        token: `d.token-${++this._tokens}`,
        device: { id: `dev-${this._tokens}` },
        user: { id: 'u1' },
      });
    if (!token || this.revoked.has(token))
      return this.json(401, {
        error: {
          code: 'unauthenticated',
          message: {
            vi: 'Cần đăng nhập, hoặc thiết bị đã bị thu hồi.',
            en: 'Sign-in needed, or this device was revoked.',
          },
        },
      });
    if (url.pathname === '/api/v1/me')
      return this.json(200, {
        user: {
          id: 'u1',
          login: 'tram1',
          displayName: 'Trạm 1',
          role: 'station',
          facilityId: 'f1',
          disabled: false,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
        deviceId: 'dev',
      });
    if (url.pathname === '/api/v1/device/key') return this.json(200, {});
    if (url.pathname.startsWith('/api/v1/photos/')) return this.json(200, { stored: true });
    const setPath = /^\/api\/v1\/sets\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (setPath) {
      const set = this.sets.get(`${decodeURIComponent(setPath[1]!)}@${decodeURIComponent(setPath[2]!)}`);
      return set
        ? this.json(200, { hash: contentHash(set as object), set })
        : this.json(404, { error: { code: 'notFound', message: { vi: 'Không tìm thấy.', en: 'Not found.' } } });
    }
    if (url.pathname === '/api/v1/sync/push') return this.push(JSON.parse(String(init.body)).assessment);
    if (url.pathname === '/api/v1/sync/plans' && init.method === 'POST') {
      const b = JSON.parse(String(init.body)) as { plan: ImprovementPlan; baseRevision?: string };
      return this.pushPlan(b.plan, b.baseRevision);
    }
    if (url.pathname === '/api/v1/sync/plans') {
      const after = Number(url.searchParams.get('after'));
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const rows = [...this.plans.values()]
        .filter((d) => d.change > after)
        .sort((a, b) => a.change - b.change)
        .slice(0, limit);
      return this.json(200, {
        plans: rows.map((r) => this.planReply(r)),
        next: rows.length ? rows[rows.length - 1]!.change : after,
      });
    }
    if (url.pathname === '/api/v1/sync/pull') {
      if (this.dropPullAfter === 0) throw new TypeError('Failed to fetch');
      if (this.dropPullAfter > 0) this.dropPullAfter--;
      const after = Number(url.searchParams.get('after'));
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const rows = [...this.docs.values()]
        .filter((d) => d.change > after)
        .sort((a, b) => a.change - b.change)
        .slice(0, limit);
      return this.json(200, {
        changes: rows.map((r) => ({ id: r.body.id, revision: r.head, change: r.change, document: r.body })),
        next: rows.length ? rows[rows.length - 1]!.change : after,
      });
    }
    return this.json(404, { error: { code: 'notFound', message: { vi: 'Không tìm thấy.', en: 'Not found.' } } });
  };

  private push(doc: Assessment & { baseRevision?: string }): Response {
    this.pushes++;
    if (this.refuse.has(doc.id))
      return this.json(400, {
        error: {
          code: 'invalidDocument',
          message: {
            vi: 'Phiếu không hợp lệ; không có gì được lưu.',
            en: 'The assessment is not valid; nothing was stored.',
          },
        },
      });
    const { baseRevision, ...pushed } = doc;
    const revision = contentHash(pushed);
    const current = this.docs.get(doc.id);
    if (current?.revisions.has(revision))
      return this.json(200, {
        result: 'unchanged',
        revision: current.head,
        change: current.change,
        document: current.body,
      });
    let next = pushed as Assessment;
    let result = current ? 'updated' : 'created';
    if (current && baseRevision !== current.head) {
      const base = baseRevision ? (current.revisions.get(baseRevision) ?? null) : null;
      const m = mergeThreeWay(base, next, current.body);
      if (!m.ok) throw new Error(JSON.stringify(m.errors));
      next = m.value.merged;
      result = 'merged';
    }
    const head = contentHash(next);
    const stored: Stored = current ?? { head, change: 0, body: next, revisions: new Map() };
    stored.revisions.set(revision, pushed as Assessment);
    stored.revisions.set(head, next);
    if (current && head === current.head)
      return this.json(200, { result: 'unchanged', revision: head, change: current.change, document: current.body });
    Object.assign(stored, { head, body: next, change: ++this.change });
    this.docs.set(doc.id, stored);
    return this.json(result === 'created' ? 201 : 200, {
      result,
      revision: head,
      change: stored.change,
      document: next,
    });
  }

  private planReply(r: StoredPlan) {
    return {
      id: r.body.id,
      assessmentId: r.body.assessmentId,
      revision: r.head,
      change: r.change,
      plan: r.body,
      conflicts: r.conflicts,
    };
  }

  private pushPlan(plan: ImprovementPlan, baseRevision: string | undefined): Response {
    if (!this.docs.has(plan.assessmentId))
      return this.json(409, {
        error: { code: 'planAssessmentMissing', message: { vi: 'Chưa có phiếu.', en: 'No assessment yet.' } },
      });
    const revision = contentHash(plan);
    const current = this.plans.get(plan.id);
    if (current && (revision === current.head || (baseRevision !== current.head && current.revisions.has(revision))))
      return this.json(200, { result: 'unchanged', ...this.planReply(current) });
    let next = plan;
    let conflicts: unknown[] = current?.conflicts ?? [];
    if (current && baseRevision !== current.head) {
      const m = mergePlans((baseRevision && current.revisions.get(baseRevision)) || null, plan, current.body)!;
      next = m.merged;
      conflicts = [...conflicts, ...m.conflicts.map((c) => ({ ...c, by: 'Trạm 1', at: '2026-12-01T02:00:00.000Z' }))];
    } else if (current) conflicts = [];
    const head = contentHash(next);
    const stored: StoredPlan = current ?? { head, change: 0, body: next, conflicts, revisions: new Map() };
    stored.revisions.set(revision, plan);
    stored.revisions.set(head, next);
    Object.assign(stored, { head, body: next, conflicts, change: ++this.change });
    this.plans.set(plan.id, stored);
    return this.json(current ? 200 : 201, { result: current ? 'updated' : 'created', ...this.planReply(stored) });
  }
}
