/**
 * The council dashboard as the server computes it (issue 12 §4): `GET /api/v1/dashboard` with filters by campaign,
 * facility kind and commune, the campaign ranking's "computed when and why" (`GET /api/v1/campaigns/:id/rank`,
 * ADR 0016), and the server's CSV and XLSX exports. Only `fetch` with the device's token: no DOM, no IndexedDB.
 */
import type { Exact } from '../core.js';
import { request, SyncError, type ServerCampaign } from '../sync/client.js';

/** The dashboard's filters; an empty or missing value means "all". */
export interface DashboardFilters {
  campaign?: string | undefined;
  kind?: string | undefined;
  commune?: string | undefined;
}

/** One assessment as the server's dashboard lists it, with core's score summary. */
export interface ServerDashboardRow {
  assessmentId: string;
  campaignId: string | null;
  facility: { id: string; name: string; kind: string | null; commune: string | null };
  status: string;
  /** Core's exact total percentage, or null (nothing applicable, or not scorable). */
  percent: Exact | null;
  /** `pass`, `fail`, `incomplete`, `none`, or `unscored` when core refused the document. */
  decision: string;
  complete: boolean;
  scoredAt: string;
}

/** The server's dashboard answer. */
export interface ServerDashboard {
  rows: ServerDashboardRow[];
  decisions: Record<string, number>;
  /** The scoring engine's version and how many summaries were recomputed for this answer. */
  computed: { engineVersion: string; recomputedNow: number };
}

/** When and why a campaign's stored result was last computed (engine version, set or data change). */
export interface ServerComputed {
  at: string;
  engineVersion: string;
  because: string;
  text: { vi: string; en: string };
  assessments: number;
}

/** Where the server is and the token to use (the device's). */
export interface ServerAccess {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch | undefined;
}

/** The query string of the filters (empty values left out, so the server sees "all"). */
export function filterQuery(f: DashboardFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of ['campaign', 'kind', 'commune'] as const) if (f[k]) q.set(k, f[k]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The server-side dashboard calls for one device. */
export function serverDashboardApi(access: ServerAccess) {
  const f = access.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const headers = { authorization: `Bearer ${access.token}` };
  const url = (path: string) => new URL(path, access.baseUrl);
  return {
    /** The campaigns this person may see. */
    campaigns: async () => (await request(f, url('/api/v1/campaigns'), { headers })) as ServerCampaign[],
    /** The dashboard rows for the filters. */
    dashboard: async (filters: DashboardFilters) =>
      (await request(f, url(`/api/v1/dashboard${filterQuery(filters)}`), { headers })) as ServerDashboard,
    /** When and why the campaign's ranking was last computed (computes it if stale). */
    computed: async (campaignId: string) =>
      (
        (await request(f, url(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/rank?by=score`), {
          headers,
        })) as { computed: ServerComputed }
      ).computed,
    /**
     * The server's export of the same rows (CSV or XLSX, headings in `lang`), as a Blob with the file name the
     * server suggests.
     */
    exportFile: async (
      filters: DashboardFilters,
      format: 'csv' | 'xlsx',
      lang: 'vi' | 'en',
    ): Promise<{ name: string; blob: Blob }> => {
      const res = await f(url(`/api/v1/dashboard/export${filterQuery(filters, { format, lang })}`), { headers });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as {
          error?: { code?: string; message?: { vi: string; en: string } };
        };
        throw new SyncError(
          res.status,
          body.error?.code ?? 'http',
          body.error?.message ?? { vi: `Lỗi máy chủ (${res.status}).`, en: `Server error (${res.status}).` },
        );
      }
      const disposition = res.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `tieuchi-dashboard.${format}`;
      return { name, blob: await res.blob() };
    },
  };
}

/** The calls of {@link serverDashboardApi}. */
export type ServerDashboardApi = ReturnType<typeof serverDashboardApi>;
