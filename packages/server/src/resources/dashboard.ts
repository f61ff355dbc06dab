import { Type } from '@fastify/type-provider-typebox';
import { ENGINE_VERSION, formatPercent, score, toCsv, type Assessment, type Exact } from '@tieuchi/core';
import type { App, Context } from '../app.js';
import { actorOf } from '../auth.js';
import {
  dashboardRead,
  dashboardRows,
  documentsById,
  putScores,
  type DashboardFilter,
  type DashboardRow,
} from '../model/query/dashboard.js';
import type { PullScope } from '../model/query/sync.js';
import { authErrors, bearer } from './schemas.js';
import { vnDay } from '../data/vn-time.js';
import type { Actor } from '../model/frames.js';

const Row = Type.Object({
  assessmentId: Type.String(),
  campaignId: Type.Union([Type.String(), Type.Null()]),
  facility: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.String(), Type.Null()]),
    commune: Type.Union([Type.String(), Type.Null()]),
  }),
  status: Type.String(),
  /** Core's exact total percentage {num, den}, or null (nothing applicable, or not scorable). */
  percent: Type.Unknown(),
  /** Core's decision (pass, fail, incomplete, none), or `unscored` when core refused the document. */
  decision: Type.String(),
  complete: Type.Boolean(),
  scoredAt: Type.String({ format: 'date-time' }),
});

/**
 * Compression of the dashboard's answers (@fastify/compress): 20,000 rows are about 6 MB of JSON, which gzip at
 * level 1 makes about 16 times smaller for some 20 ms of CPU (docs/benchmarks.md); answers under 64 KiB (a station's
 * or a commune's rows) are sent as they are. Only when the client accepts gzip (browsers and Node's fetch do).
 */
export const DASHBOARD_COMPRESSION = {
  encodings: ['gzip' as const],
  threshold: 64 * 1024,
  zlibOptions: { level: 1 },
};

/**
 * The council dashboard read from the server (no re-importing files): every assessment in the reader's scope
 * (admin: all; inspector: assigned facilities in their campaigns; station: its own facility), filtered by
 * campaign, facility kind and commune, with core's score summary. Summaries are stored per assessment with the
 * revision, engine version and set hash they came from, and recomputed on read when any differs (ADR 0016); the
 * answer says how many were recomputed now and for which engine version.
 */
export function registerDashboard(app: App, ctx: Context): void {
  app.get(
    '/dashboard',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      compress: DASHBOARD_COMPRESSION,
      schema: {
        summary: 'Assessments with their scores, filtered by campaign, facility kind and commune',
        security: bearer,
        querystring: Type.Object(Filters, { additionalProperties: false }),
        response: {
          200: Type.Object({
            rows: Type.Array(Row),
            decisions: Type.Record(Type.String(), Type.Integer()),
            computed: Type.Object({ engineVersion: Type.String(), recomputedNow: Type.Integer() }),
          }),
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      // The database builds the answer in one statement (docs/benchmarks.md); when it finds stale score summaries
      // instead, they are brought up to date and it is asked again.
      const scope = scopeOf(actorOf(req));
      const filter = filterOf(req.query);
      const opts = { engineVersion: ENGINE_VERSION, setHashes: setHashesOf(ctx), recomputedNow: 0, evenIfStale: false };
      let read = await dashboardRead(ctx.db, scope, filter, opts);
      if (read.body === null) {
        const recomputedNow = (await rescore(ctx, read.stale)).length;
        read = await dashboardRead(ctx.db, scope, filter, { ...opts, recomputedNow, evenIfStale: true });
      }
      return reply.type('application/json; charset=utf-8').send(read.body as never); // JSON text, sent as it is
    },
  );
}

/** Who sees what: the same scope as pull. */
function scopeOf(actor: Actor): PullScope {
  return actor.user.role === 'admin'
    ? { all: true }
    : actor.user.role === 'station'
      ? { facilityId: actor.user.facilityId! }
      : { inspectorId: actor.user.id };
}

const filterOf = (query: { campaign?: string; kind?: string; commune?: string }): DashboardFilter => ({
  campaignId: query.campaign ?? null,
  facilityKind: query.kind ?? null,
  commune: query.commune ?? null,
});

/** `id@version` → the content hash of each set the server holds. */
function setHashesOf(ctx: Context): Record<string, string> {
  return Object.fromEntries([...ctx.sets].map(([key, s]) => [key, s.hash]));
}

/** The filters of the dashboard and its exports. */
const Filters = {
  campaign: Type.Optional(Type.String({ format: 'uuid' })),
  kind: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  commune: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
};

/** The rows in the actor's scope matching the filters, their score summaries brought up to date. */
async function loadDashboard(
  ctx: Context,
  actor: Actor,
  query: { campaign?: string; kind?: string; commune?: string },
): Promise<{ rows: DashboardRow[]; recomputed: number }> {
  const rows = await dashboardRows(ctx.db, scopeOf(actor), filterOf(query));
  return { rows, recomputed: await refreshScores(ctx, rows) };
}

/**
 * A percentage as the fraction a spreadsheet's percent cell holds (82.8 % → 0.828). A spreadsheet cell is a
 * binary double anyway; the exact {num, den} stays in the JSON API.
 */
const cellFraction = (x: Exact): number => Number(x.num) / Number(x.den) / 100;

/** Column titles of the exports, Vietnamese first. */
const TITLES = {
  vi: ['Mã phiếu', 'Mã cơ sở', 'Tên cơ sở', 'Loại cơ sở', 'Xã/phường', 'Đợt', 'Trạng thái', 'Tỷ lệ điểm', 'Kết luận'],
  en: ['Assessment', 'Facility id', 'Facility', 'Facility kind', 'Commune', 'Campaign', 'Status', 'Score', 'Decision'],
} as const;

/**
 * Registers the dashboard's CSV and XLSX exports (the same rows as the dashboard read): CSV through core's
 * `toCsv` (cells that a spreadsheet would run as formulas are neutralised), XLSX through `@tieuchi/sheets`
 * (percentages as real numbers, a header block naming the export, the filters and the Vietnam day).
 */
export function registerDashboardExport(app: App, ctx: Context): void {
  app.get(
    '/dashboard/export',
    {
      config: { access: ['admin', 'inspector', 'station'] },
      compress: DASHBOARD_COMPRESSION, // the CSV; an XLSX file is a zip already (not a compressible type)
      schema: {
        summary: 'The dashboard rows as CSV or XLSX (format=csv|xlsx, lang=vi|en), with the same filters',
        security: bearer,
        querystring: Type.Object(
          {
            ...Filters,
            format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
            lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
          },
          { additionalProperties: false },
        ),
        response: { ...authErrors },
      },
    },
    async (req, reply) => {
      const { rows } = await loadDashboard(ctx, actorOf(req), req.query);
      const lang = req.query.lang ?? 'vi';
      const titles = [...TITLES[lang]];
      const values = rows.map(
        (r) =>
          [
            r.id,
            r.facilityId,
            r.facilityName,
            r.facilityKind ?? '',
            r.commune ?? '',
            r.campaignId ?? '',
            r.status,
            r.score!.percent as Exact | null,
            r.score!.decision,
          ] as const,
      );
      const day = vnDay(ctx.now());
      if (req.query.format === 'csv') {
        const csv = toCsv(
          titles,
          values.map((v) => [...v.slice(0, 7), v[7] ? formatPercent(v[7]) : '', v[8]] as (string | number)[]),
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="tieuchi-dashboard-${day}.csv"`)
          .send(csv as never);
      }
      const { writeWorkbook, XLSX_MIME } = await import('@tieuchi/sheets');
      const bytes = await writeWorkbook([
        {
          name: lang === 'vi' ? 'Bảng theo dõi' : 'Dashboard',
          header: [
            { label: lang === 'vi' ? 'Xuất từ máy chủ Tiêu Chí' : 'Exported from the Tiêu Chí server', value: day },
            { label: lang === 'vi' ? 'Đợt' : 'Campaign', value: req.query.campaign ?? '—' },
            { label: lang === 'vi' ? 'Loại cơ sở' : 'Facility kind', value: req.query.kind ?? '—' },
            { label: lang === 'vi' ? 'Xã/phường' : 'Commune', value: req.query.commune ?? '—' },
          ],
          columns: titles.map((title, i) => (i === 7 ? { title, kind: 'percent' as const, decimals: 1 } : { title })),
          rows: values.map((v) => [...(v.slice(0, 7) as string[]), v[7] ? cellFraction(v[7]) : null, v[8]]),
        },
      ]);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', `attachment; filename="tieuchi-dashboard-${day}.xlsx"`)
        .send(Buffer.from(bytes) as never);
    },
  );
}

/** Recomputes (with core's `score`) and stores the summaries that are missing or stale; returns how many. */
async function refreshScores(ctx: Context, rows: DashboardRow[]): Promise<number> {
  const setHash = (key: string) => ctx.sets.get(key)?.hash ?? 'missing';
  const stale = rows.filter(
    (r) =>
      !r.score ||
      r.score.revision !== r.head ||
      r.score.engineVersion !== ENGINE_VERSION ||
      r.score.setHash !== setHash(r.setKey),
  );
  const fresh = await rescore(ctx, stale);
  const byId = new Map(fresh.map((f) => [f.id, f]));
  for (const r of stale) {
    const { id: _id, ...score } = byId.get(r.id)!;
    r.score = score;
  }
  return fresh.length;
}

/** Scores the given assessments with core and stores their summaries; returns them. */
async function rescore(ctx: Context, stale: readonly { id: string; head: string; setKey: string }[]) {
  if (!stale.length) return [];
  const setHash = (key: string) => ctx.sets.get(key)?.hash ?? 'missing';
  const docs = await documentsById(
    ctx.db,
    stale.map((r) => r.id),
  );
  const at = ctx.now().toISOString();
  const fresh = stale.map((r) => {
    const found = docs.get(r.id);
    const doc = found?.body as unknown as Assessment | undefined;
    const set = ctx.sets.get(r.setKey)?.set;
    const result = set && doc ? score(set, doc) : null;
    const summary =
      result && result.ok
        ? {
            percent: result.value.total.percent ?? null,
            decision: result.value.decision as string,
            complete: result.value.complete,
          }
        : { percent: null, decision: 'unscored', complete: false };
    // Stored under the revision actually scored (a push may have moved the head since the rows were read).
    return {
      id: r.id,
      revision: found?.head ?? r.head,
      engineVersion: ENGINE_VERSION,
      setHash: setHash(r.setKey),
      ...summary,
      computedAt: at,
    };
  });
  await putScores(ctx.db, fresh);
  return fresh;
}
