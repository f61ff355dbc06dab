/**
 * Council dashboard at scale, PostgreSQL and PGlite side by side: assessments of two campaigns over N stations
 * (growth 1,000 → 20,000 assessments, i.e. up to 10,000 stations × 2 campaigns), then `GET /api/v1/dashboard`
 * over HTTP as the admin: all assessments, one campaign, one campaign and one commune. "cold" is the first read
 * after the growth (new score summaries computed by core and stored); "warm" reads them from the store (its CPU
 * time is the Node process's: HTTP client and server, and PGlite when embedded; not PostgreSQL's own process).
 * The documents are written straight into the database (the read path is what is measured; pushing 20,000
 * documents through the API is bench/server-push.mjs's subject). Needs the server build and Debian's postgresql.
 * `BENCH_DASHBOARD_ENGINES=postgres` (or `pglite`) measures one engine only.
 * Writes bench/results/server-dashboard.json.
 *
 * THE command to re-measure on a quiet machine (issue 12 §5: ≤ 1 s over 10,000 stations × 2 campaigns):
 *   pnpm --filter '@tieuchi/server...' run build && pnpm bench server-dashboard --no-build
 * (the same as `node bench/server-dashboard.mjs`, and it writes the table into docs/benchmarks.md).
 * Besides wall times it records, per warm read, the CPU time of the Node process (HTTP client and server, and PGlite
 * when embedded) and of PostgreSQL's own processes (from /proc), the load average, and each read's server
 * execution time (`EXPLAIN (ANALYZE, BUFFERS)` of the dashboard's one statement, as the server runs it);
 * `BENCH_DASHBOARD_PLANS=1` prints the plans at the largest size. On a loaded machine wall time is mostly waiting for
 * a core; CPU time is what a quiet machine would spend.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, ENGINE_VERSION } from '@tieuchi/core';
import { DASHBOARD_WORK_MEM, dashboardReadStatement, readConfig, startServer } from '../packages/server/dist/index.js';
import { pgBin, startBenchCluster } from './lib/pg-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_DASHBOARD_SIZES ?? '1000,5000,20000').split(',').map(Number);
const STATIONS = Math.max(...SIZES) / 2;
const COMMUNES = Array.from({ length: 100 }, (_, i) => `Xã ${i + 1}`);
const example = JSON.parse(readFileSync(join(root, 'examples/qd1300-commune-health/pass.assessment.json'), 'utf8'));
const set = JSON.parse(readFileSync(join(root, 'criteria/qd1300-commune-health.json'), 'utf8'));
const quiet = { ...process.env, DATABASE_URL: '', TIEUCHI_DATA_DIR: '', PORT: '0', TIEUCHI_LOGIN_RATE: '1000' };
const fid = (i) => `S-${String(i).padStart(5, '0')}`;

/** Assessment n (station n mod STATIONS, campaign by half): a draft with answers varied in a fixed pattern. */
function doc(n, campaign) {
  const i = n % STATIONS;
  const answers = {};
  Object.entries(example.answers).forEach(([k, a], j) => {
    answers[k] = a.value === 'met' && (i * 7 + j * 3 + n) % 11 < 3 ? { value: 'not-met' } : { value: a.value };
  });
  const d = {
    ...example,
    schemaVersion: 2,
    id: `dash-${n}`,
    status: 'draft',
    facility: { ...example.facility, id: fid(i), name: `Trạm ${i}`, commune: COMMUNES[i % COMMUNES.length] },
    campaign: { id: campaign },
    answers,
  };
  delete d.submittedAt;
  return d;
}

/**
 * CPU time (ms) used so far by the PostgreSQL server processes of a cluster (the postmaster's children: the
 * backends that run the statements), from /proc: unlike wall time it does not grow with other processes' load.
 */
function clusterCpuMs(dataDir) {
  if (!dataDir) return 0;
  const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
    if (f[1] === postmaster || pid === postmaster) ticks += Number(f[11]) + Number(f[12]); // utime + stime
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

async function measure(env, dataDir) {
  const server = await startServer(readConfig({ ...quiet, ...env }));
  try {
    const call = async (method, path, body, token) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const pgCpu = clusterCpuMs(dataDir);
      const r = await fetch(new URL(path, server.url), {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await r.json();
      if (!r.ok) throw new Error(`${path}: ${r.status} ${JSON.stringify(json).slice(0, 300)}`);
      const used = process.cpuUsage(cpu);
      const ms = performance.now() - t;
      return {
        json,
        ms,
        cpuMs: (used.user + used.system) / 1000,
        pgCpuMs: dataDir ? clusterCpuMs(dataDir) - pgCpu : undefined, // PGlite's is in the Node process's
        encoding: r.headers.get('content-encoding') ?? 'identity',
      };
    };
    const { json: boot } = await call('POST', '/api/v1/bootstrap', {
      code: server.adminCode,
      login: 'admin',
      displayName: 'a',
      password: 'benchmark password',
    });
    const token = boot.token;
    const facilities = Array.from({ length: STATIONS }, (_, i) => fid(i));
    const campaign = async (r) =>
      (
        await call(
          'POST',
          '/api/v1/campaigns',
          {
            name: { vi: `Vòng ${r}`, en: `Round ${r}` },
            set: { id: set.id, version: set.version, hash: set.contentHash ?? contentHash(set) },
            kind: 'self-assessment',
            facilities,
            opensOn: '2026-01-01',
            closesOn: '2027-12-31',
          },
          token,
        )
      ).json.id;
    const campaigns = [await campaign(1), await campaign(2)];
    const rows = [];
    let have = 0;
    for (const size of SIZES) {
      for (let from = have; from < size; from += 1000) {
        const batch = [];
        for (let n = from; n < Math.min(size, from + 1000); n++) {
          const c = campaigns[n < STATIONS ? 0 : 1];
          const d = doc(n, c);
          batch.push({ id: d.id, f: d.facility.id, c, h: contentHash(d), ch: n + 1, body: d });
        }
        await server.db.query(
          `INSERT INTO assessments (id, facility_id, campaign_id, set_id, set_version, status, head, change, body)
           SELECT x.id, x.f, x.c, $2, $3, 'draft', x.h, x.ch, x.body
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, f text, c text, h text, ch bigint, body jsonb)`,
          [JSON.stringify(batch), set.id, set.version],
        );
      }
      have = size;
      const cold = await call('GET', '/api/v1/dashboard', undefined, token);
      const warm = await call('GET', '/api/v1/dashboard', undefined, token);
      const one = await call('GET', `/api/v1/dashboard?campaign=${campaigns[0]}`, undefined, token);
      const commune = await call(
        'GET',
        `/api/v1/dashboard?campaign=${campaigns[0]}&commune=${encodeURIComponent(COMMUNES[1])}`,
        undefined,
        token,
      );
      if (cold.json.rows.length !== size || cold.json.computed.recomputedNow !== size - (rows.at(-1)?.size ?? 0))
        throw new Error(`dashboard rows ${cold.json.rows.length} / recomputed ${cold.json.computed.recomputedNow}`);
      // The database's own time (EXPLAIN ANALYZE: execution time inside PostgreSQL/PGlite, no transfer, no HTTP),
      // for the dashboard's two statements as the admin: all rows, and one campaign.
      const explain = {};
      for (const [name, filter] of [
        ['all', { campaignId: null, facilityKind: null, commune: null }],
        ['campaign', { campaignId: campaigns[0], facilityKind: null, commune: null }],
      ]) {
        const setHashes = { [`${set.id}@${set.version}`]: set.contentHash ?? contentHash(set) };
        const opts = { engineVersion: ENGINE_VERSION, setHashes, recomputedNow: 0, evenIfStale: false };
        const st = dashboardReadStatement({ all: true }, filter, opts);
        // As the server runs it: in a transaction with the dashboard's work_mem.
        const explained = (format) =>
          server.db.transaction(async (tx) => {
            await tx.query(`SET LOCAL work_mem = '${DASHBOARD_WORK_MEM}'`);
            return (await tx.query(`EXPLAIN (ANALYZE, BUFFERS${format}) ${st.text}`, st.params)).rows;
          });
        const p = (await explained(', FORMAT JSON'))[0]['QUERY PLAN'];
        explain[name] = Math.round((Array.isArray(p) ? p : JSON.parse(p))[0]['Execution Time']);
        if (process.env.BENCH_DASHBOARD_PLANS && size === Math.max(...SIZES))
          console.log(`--- ${name}\n${(await explained('')).map((r) => r['QUERY PLAN']).join('\n')}`);
      }
      // Answers over 64 KiB travel gzip-compressed (fetch asks for gzip and decompresses).
      if (warm.encoding !== 'gzip') throw new Error(`dashboard answer sent as ${warm.encoding}, not gzip`);
      rows.push({
        size,
        load: loadavg()[0].toFixed(1),
        explainMs: explain,
        coldMs: cold.ms,
        warmMs: warm.ms,
        warmCpuMs: warm.cpuMs,
        warmPgCpuMs: warm.pgCpuMs,
        campaignCpuMs: one.cpuMs,
        campaignPgCpuMs: one.pgCpuMs,
        campaignMs: one.ms,
        campaignRows: one.json.rows.length,
        communeMs: commune.ms,
        communeRows: commune.json.rows.length,
      });
      console.log(env.DATABASE_URL ? 'postgres' : 'pglite', JSON.stringify(rows.at(-1)));
    }
    return rows;
  } finally {
    await server.stop();
  }
}

// BENCH_DASHBOARD_ENGINES=postgres measures PostgreSQL only (PGlite is for trials and slow at 20,000).
const ENGINES = (process.env.BENCH_DASHBOARD_ENGINES ?? 'postgres,pglite').split(',');
let postgres = [];
if (ENGINES.includes('postgres')) {
  const cluster = startBenchCluster();
  try {
    postgres = await measure({ DATABASE_URL: cluster.url }, cluster.dataDir);
  } finally {
    cluster.stop();
  }
}
let pglite = [];
if (ENGINES.includes('pglite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tieuchi-bench-dash-'));
  try {
    pglite = await measure({ TIEUCHI_DATA_DIR: dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const ms = (x) => `${Math.round(x).toLocaleString('vi-VN')} ms`;
// PostgreSQL's CPU is measured from /proc (its own processes); for PGlite it is inside the Node process's CPU.
const cpu = (node, pg) => (pg === undefined ? `CPU ${ms(node)}` : `CPU Node ${ms(node)} + PostgreSQL ${ms(pg)}`);
const line = (engine, r) =>
  `| ${engine} | ${r.size.toLocaleString('vi-VN')} | ${r.load} | ${ms(r.coldMs)} | ${ms(r.warmMs)} (${cpu(r.warmCpuMs, r.warmPgCpuMs)}; EXPLAIN ${ms(r.explainMs.all)}) | ${ms(r.campaignMs)} (${cpu(r.campaignCpuMs, r.campaignPgCpuMs)}; EXPLAIN ${ms(r.explainMs.campaign)}; ${r.campaignRows} rows) | ${ms(r.communeMs)} (${r.communeRows}) |`;
const table = [
  `Dashboard over HTTP as the admin; assessments of two campaigns over ${STATIONS.toLocaleString('vi-VN')} stations and 100 communes.`,
  '',
  '| engine | assessments | load average | all, cold (scores computed) | all, warm: wall (CPU; server execution) | one campaign, warm: wall (CPU; server execution) | campaign + commune, warm (rows) |',
  '|---|---|---|---|---|---|---|',
  ...postgres.map((r) => line(`PostgreSQL ${pgBin.split('/').at(-2)}`, r)),
  ...pglite.map((r) => line('PGlite', r)),
].join('\n');
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/server-dashboard.json'), JSON.stringify({ postgres, pglite, table }, null, 2));
console.log(table);
