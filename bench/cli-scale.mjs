/**
 * CLI at council scale: `tieuchi rank --baseline --followup` and `tieuchi aggregate` over STATIONS commune stations
 * x 2 rounds (default 10,000 stations = 20,000 assessment files, generated into a temp folder by
 * bench/lib/council.mjs), run by two builds of the CLI in one run:
 *   - before: packages/cli/src as it was at OLD_REF (default 42a5630, before issue 20), transpiled into a temp
 *     folder, on the same built core;
 *   - now: packages/cli/dist of this checkout.
 * Each run is its own Node process (bench/lib/cli-run.mjs): wall time, CPU time (user + system: on a shared
 * machine wall time mostly measures the other work), peak RSS, and the SHA-256 of all output,
 * which must be the same for both builds (the bench fails otherwise). Runs at 1,000, 5,000 and 20,000 files (the
 * last: STATIONS x 2) show whether memory grows with the number of files. "now" reads, verifies and scores in
 * worker threads (packages/cli/src/pool.ts; decision 0020). Writes bench/results/cli-scale.json ({ table, ... }).
 *
 *   node bench/cli-scale.mjs [--stations N] [--old-ref REF]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCouncil } from './lib/council.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = join(root, 'packages', 'cli');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const STATIONS = Number(arg('stations', process.env.CLI_SCALE_STATIONS ?? 10000));
const OLD_REF = arg('old-ref', '42a5630');

const b = spawnSync('pnpm', ['--filter', '@tieuchi/cli...', 'run', 'build'], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(1);
const { contentHash } = await import(join(root, 'packages', 'core', 'dist', 'index.js'));

const work = mkdtempSync(join(tmpdir(), 'tieuchi-cli-scale-'));
try {
  // The CLI as it was: its sources at OLD_REF, transpiled (no type check), next to this checkout's node_modules.
  const ts = createRequire(join(cliDir, 'package.json'))('typescript');
  const old = join(work, 'old');
  mkdirSync(join(old, 'dist'), { recursive: true });
  const files = execFileSync('git', ['ls-tree', '--name-only', OLD_REF, 'packages/cli/src/'], { cwd: root })
    .toString()
    .split('\n')
    .filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const src = execFileSync('git', ['show', `${OLD_REF}:${f}`], { cwd: root, maxBuffer: 1 << 26 }).toString();
    const js = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(old, 'dist', f.split('/').pop().replace(/\.ts$/, '.js')), js);
  }
  writeFileSync(join(old, 'package.json'), readFileSync(join(cliDir, 'package.json')));
  symlinkSync(join(cliDir, 'node_modules'), join(old, 'node_modules'));
  const builds = { before: join(old, 'dist', 'main.js'), now: join(cliDir, 'dist', 'main.js') };

  const run = (build, argFile) => {
    const r = spawnSync(process.execPath, [join(root, 'bench', 'lib', 'cli-run.mjs'), builds[build], argFile], {
      cwd: root, // both builds find the criteria sets in ./criteria
      encoding: 'utf8',
    });
    const line = r.stderr.trim().split('\n').pop();
    const m = JSON.parse(line);
    if (m.code !== 0) throw new Error(`${build} exited ${m.code}`);
    return m;
  };

  const rows = [];
  for (const stations of [...new Set([500, 2500, STATIONS].filter((n) => n <= STATIONS))]) {
    console.log(`generating ${stations * 2} files ...`);
    const dir = join(work, `council-${stations}`);
    const paths = writeCouncil(root, dir, stations, contentHash);
    const commands = {
      // English: the Vietnamese text writes decimals with a comma since issue 18, the build before did not.
      'rank --baseline --followup': ['rank', '--baseline', '2025-r1', '--followup', '2026-r1', '--lang', 'en'],
      aggregate: ['aggregate', '--lang', 'en'],
    };
    for (const [name, argv] of Object.entries(commands)) {
      const argFile = join(work, `args-${stations}-${argv[0]}.txt`);
      writeFileSync(argFile, [...argv, ...paths].join('\n'));
      const load = loadavg()[0];
      const before = run('before', argFile);
      const now = run('now', argFile);
      const same = before.stdout === now.stdout && before.stderr === now.stderr;
      console.log(name, paths.length, { before, now, same });
      if (!same) throw new Error(`${name}: output differs between the builds`);
      rows.push({ name, files: paths.length, load, before, now });
    }
    rmSync(dir, { recursive: true, force: true });
  }

  const s = (ms) => (ms / 1000).toFixed(1).replace('.', ',');
  const mbs = (x) => String(Math.round(x));
  const table = [
    `Generated councils (1300/QĐ-BYT, 2 rounds per station), ${cpus().length} cores; one Node process per run; output`,
    `SHA-256 identical before/now in every row. "before" = packages/cli/src at ${OLD_REF}, same core.`,
    '',
    '| command | files | before: wall | before: CPU | before: peak RSS | now: wall | now: CPU | now: peak RSS | load avg (1 min) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${r.files.toLocaleString('en')} | ${s(r.before.ms)} s | ${s(r.before.cpuMs)} s | ${mbs(r.before.maxRssMB)} MB | ${s(r.now.ms)} s | ${s(r.now.cpuMs)} s | ${mbs(r.now.maxRssMB)} MB | ${r.load.toFixed(1)} |`,
    ),
  ].join('\n');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'cli-scale.json'), JSON.stringify({ table, rows }, null, 2));
  console.log(table);
} finally {
  rmSync(work, { recursive: true, force: true });
}
