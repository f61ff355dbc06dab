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
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '@tieuchi/core';
import { readConfig, startServer } from '../packages/server/dist/index.js';
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

async function measure(env) {
  const server = await startServer(readConfig({ ...quiet, ...env }));
  try {
    const call = async (method, path, body, token) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
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
      return { json, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
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
      rows.push({
        size,
        coldMs: cold.ms,
        warmMs: warm.ms,
        warmCpuMs: warm.cpuMs,
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
    postgres = await measure({ DATABASE_URL: cluster.url });
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
const line = (engine, r) =>
  `| ${engine} | ${r.size.toLocaleString('vi-VN')} | ${ms(r.coldMs)} | ${ms(r.warmMs)} (CPU ${ms(r.warmCpuMs)}) | ${ms(r.campaignMs)} (${r.campaignRows}) | ${ms(r.communeMs)} (${r.communeRows}) |`;
const table = [
  `Dashboard over HTTP as the admin; assessments of two campaigns over ${STATIONS.toLocaleString('vi-VN')} stations and 100 communes.`,
  '',
  '| engine | assessments | all, cold (scores computed) | all, warm | one campaign, warm (rows) | campaign + commune, warm (rows) |',
  '|---|---|---|---|---|---|',
  ...postgres.map((r) => line(`PostgreSQL ${pgBin.split('/').at(-2)}`, r)),
  ...pglite.map((r) => line('PGlite', r)),
].join('\n');
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/server-dashboard.json'), JSON.stringify({ postgres, pglite, table }, null, 2));
console.log(table);
