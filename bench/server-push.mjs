/**
 * Council server push latency: a qd1300 commune-station assessment (44 items) pushed and accepted — full
 * validation by core, one transaction — over HTTP to the server, on PostgreSQL (a throwaway Debian cluster,
 * started here) and on PGlite, side by side. Sequential pushes of new drafts, then re-pushes (idempotent).
 * Needs `pnpm --filter @tieuchi/server run build` and Debian's postgresql. Writes bench/results/server-push.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig, startServer } from '../packages/server/dist/index.js';
import { pgBin, startBenchCluster } from './lib/pg-cluster.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.BENCH_PUSHES ?? 300);
const example = JSON.parse(readFileSync(join(root, 'examples/qd1300-commune-health/pass.assessment.json'), 'utf8'));
const draft = (id) => ({
  ...example,
  id,
  status: 'draft',
  submittedAt: undefined,
  facility: { ...example.facility, id: 'F-A' },
});
const quiet = { ...process.env, DATABASE_URL: '', TIEUCHI_DATA_DIR: '', PORT: '0' };

async function measure(env) {
  const server = await startServer(readConfig({ ...quiet, ...env, TIEUCHI_LOGIN_RATE: '1000' }));
  try {
    const post = (path, body, token) =>
      fetch(new URL(path, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const boot = await post('/api/v1/bootstrap', {
      code: server.adminCode,
      login: 'admin',
      displayName: 'a',
      password: 'benchmark password',
    });
    const token = boot.body.token;
    const times = { create: [], repeat: [] };
    for (let i = 0; i < 20; i++) await post('/api/v1/sync/push', { assessment: draft(`warm-${i}`) }, token);
    for (const kind of ['create', 'repeat']) {
      for (let i = 0; i < N; i++) {
        const t = performance.now();
        const r = await post('/api/v1/sync/push', { assessment: JSON.parse(JSON.stringify(draft(`b-${i}`))) }, token);
        times[kind].push(performance.now() - t);
        if (r.status !== (kind === 'create' ? 201 : 200)) throw new Error(JSON.stringify(r.body));
      }
    }
    const stat = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] };
    };
    return { create: stat(times.create), repeat: stat(times.repeat) };
  } finally {
    await server.stop();
  }
}

const c = startBenchCluster();
let postgres;
try {
  postgres = await measure({ DATABASE_URL: c.url });
} finally {
  c.stop();
}
const dataDir = mkdtempSync(join(tmpdir(), 'tieuchi-bench-pglite-'));
let pglite;
try {
  pglite = await measure({ TIEUCHI_DATA_DIR: dataDir });
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const ms = (x) => `${x.toFixed(1).replace('.', ',')} ms`;
const table = [
  `${N} pushes of a 44-item qd1300 assessment each, sequential, over HTTP on 127.0.0.1 (full validation by core, one transaction).`,
  '',
  '| engine | new draft: median | new draft: p95 | repeated push (idempotent): median | p95 |',
  '|---|---|---|---|---|',
  `| PostgreSQL ${pgBin.split('/').at(-2)} | ${ms(postgres.create.median)} | ${ms(postgres.create.p95)} | ${ms(postgres.repeat.median)} | ${ms(postgres.repeat.p95)} |`,
  `| PGlite (embedded) | ${ms(pglite.create.median)} | ${ms(pglite.create.p95)} | ${ms(pglite.repeat.median)} | ${ms(pglite.repeat.p95)} |`,
].join('\n');
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/server-push.json'), JSON.stringify({ postgres, pglite, table }, null, 2));
console.log(table);
