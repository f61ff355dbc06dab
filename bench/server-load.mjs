/**
 * Council server under load: BENCH_DEVICES devices (default 100), each its own process running the app's own sync
 * module (packages/server/test/load/device.mjs), push two campaigns' assessments concurrently over real TCP to the
 * production server process (bin/run-server.js) on a throwaway PostgreSQL cluster. Each device pushes, per
 * campaign, a first draft, the corrected draft and the locked assessment (each based on the revision the server
 * answered), re-sends the last one, and pulls. Then: lost / duplicated / wrong-revision counts, and the server's
 * rankings (by score in both rounds, by improvement) set against `tieuchi rank` on the same files.
 * Needs `pnpm -r --filter './packages/**' run build` and Debian's postgresql. Writes bench/results/server-load.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchCluster, pgBin } from './lib/pg-cluster.mjs';
import { checkLoad, runLoad } from '../packages/server/test/load/run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DEVICES = Number(process.env.BENCH_DEVICES ?? 100);

/** Starts the server process and resolves with its URL and first-admin code. */
function startServer(env) {
  const proc = spawn(process.execPath, [join(root, 'packages/server/bin/run-server.js')], {
    env: { ...process.env, TIEUCHI_DATA_DIR: '', PORT: '0', TIEUCHI_LOGIN_RATE: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const on = (d) => {
      out += d;
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url && out.includes('Press Ctrl+C'))
        resolve({ url, adminCode: /quản trị viên đầu tiên: ([A-Z0-9-]+)/.exec(out)[1], proc });
    };
    proc.stdout.on('data', on);
    proc.stderr.on('data', on);
    proc.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
}

const cluster = startBenchCluster();
const dir = mkdtempSync(join(tmpdir(), 'tieuchi-bench-load-'));
let server;
let figures;
try {
  server = await startServer({ DATABASE_URL: cluster.url });
  const load = await runLoad({ base: server.url, adminCode: server.adminCode, devices: DEVICES, dir });
  const check = await checkLoad(server.url, dir, load);
  const ms = load.reports.flatMap((r) => r.pushes.map((p) => p.ms)).sort((a, b) => a - b);
  const rankEqual = Object.fromEntries(
    Object.entries(check.rankings).map(([k, [a, b]]) => [k, isDeepStrictEqual(a, b)]),
  );
  figures = {
    devices: DEVICES,
    pushes: ms.length,
    wallMs: load.wallMs,
    pushMedianMs: ms[Math.floor(ms.length / 2)],
    pushP95Ms: ms[Math.floor(ms.length * 0.95)],
    stored: check.stored,
    lost: check.lost.length,
    duplicated: check.duplicated.length,
    wrongRevision: check.wrongRevision.length,
    rankEqual,
  };
} finally {
  server?.proc.kill('SIGTERM');
  await new Promise((r) => (server ? server.proc.once('exit', r) : r()));
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
const f = figures;
const n = (x) => x.toFixed(1).replace('.', ',');
const table = [
  `${f.devices} devices (separate processes, the app's sync module) × 2 campaigns × 3 pushes + 1 re-send each, all at once, ` +
    `to the server process on PostgreSQL ${pgBin.split('/').at(-2)} over 127.0.0.1.`,
  '',
  '| devices | pushes | wall time | push median | push p95 | stored | lost | duplicated | wrong revision | ranking = `tieuchi rank` |',
  '|---|---|---|---|---|---|---|---|---|---|',
  `| ${f.devices} | ${f.pushes} | ${n(f.wallMs / 1000)} s | ${n(f.pushMedianMs)} ms | ${n(f.pushP95Ms)} ms | ${f.stored} | ${f.lost} | ${f.duplicated} | ${f.wrongRevision} | ${Object.values(f.rankEqual).every(Boolean) ? 'yes (score ×2, gain)' : JSON.stringify(f.rankEqual)} |`,
].join('\n');
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/server-load.json'), JSON.stringify({ ...figures, table }, null, 2));
console.log(table);
const clean =
  f.lost + f.duplicated + f.wrongRevision === 0 &&
  f.stored === 2 * f.devices &&
  Object.values(f.rankEqual).every(Boolean);
if (!clean) process.exit(1);
