/**
 * CLI at council scale: `tieuchi rank --baseline --followup` and `tieuchi aggregate` over generated councils of
 * commune stations x 2 rounds (1,000, 5,000 and 20,000 assessment files, generated into a temp folder by
 * bench/lib/council.mjs), run by two builds in one run:
 *   - before: packages/core/src AND packages/cli/src as they were at OLD_REF (default a96337e, main before the
 *     faster per-file verification), transpiled into a temp folder;
 *   - now: packages/core/dist and packages/cli/dist of this checkout.
 * Each run is its own Node process (bench/lib/cli-run.mjs): wall time, CPU time (user + system: on a shared
 * machine wall time mostly measures the other work), peak RSS, and the SHA-256 of all output,
 * which must be the same for both builds (the bench fails otherwise). "now" reads, verifies and scores in
 * worker threads (packages/cli/src/pool.ts; decision 0020). Writes bench/results/cli-scale.json ({ table, ... }).
 *
 *   node bench/cli-scale.mjs [--sizes 1000,5000,20000] [--old-ref REF]
 *
 * The 20,000-file row alone (e.g. again on a quiet machine): `node bench/cli-scale.mjs --sizes 20000`.
 * `--stations N` (older form) = sizes 1000, 5000 and 2N.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
const SIZES =
  arg('sizes', undefined)?.split(',').map(Number) ?? [1000, 5000, STATIONS * 2].filter((n) => n <= STATIONS * 2);
const OLD_REF = arg('old-ref', 'a96337e');

const b = spawnSync('pnpm', ['--filter', '@tieuchi/cli...', 'run', 'build'], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(1);
const { contentHash } = await import(join(root, 'packages', 'core', 'dist', 'index.js'));

const work = mkdtempSync(join(tmpdir(), 'tieuchi-cli-scale-'));
try {
  // Core and the CLI as they were: their sources at OLD_REF, transpiled (no type check). The old CLI finds the old
  // core as @tieuchi/core, and everything else in this checkout's node_modules.
  const ts = createRequire(join(cliDir, 'package.json'))('typescript');
  const old = join(work, 'old');
  const transpile = (pkg, to) => {
    const files = execFileSync('git', ['ls-tree', '-r', '--name-only', OLD_REF, `packages/${pkg}/src/`], { cwd: root })
      .toString()
      .split('\n')
      .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'));
    for (const f of files) {
      const src = execFileSync('git', ['show', `${OLD_REF}:${f}`], { cwd: root, maxBuffer: 1 << 28 }).toString();
      const js = f.endsWith('.js')
        ? src
        : ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } })
            .outputText;
      const out = join(to, 'dist', f.slice(`packages/${pkg}/src/`.length).replace(/\.ts$/, '.js'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, js);
    }
    writeFileSync(
      join(to, 'package.json'),
      execFileSync('git', ['show', `${OLD_REF}:packages/${pkg}/package.json`], { cwd: root }),
    );
  };
  const oldCore = join(old, 'cli', 'node_modules', '@tieuchi', 'core');
  transpile('core', oldCore);
  symlinkSync(join(root, 'packages', 'core', 'node_modules'), join(oldCore, 'node_modules'));
  transpile('cli', join(old, 'cli'));
  for (const dep of readdirSync(join(cliDir, 'node_modules')))
    if (dep !== '@tieuchi') symlinkSync(join(cliDir, 'node_modules', dep), join(old, 'cli', 'node_modules', dep));
  for (const dep of readdirSync(join(cliDir, 'node_modules', '@tieuchi')))
    if (dep !== 'core')
      symlinkSync(join(cliDir, 'node_modules', '@tieuchi', dep), join(old, 'cli', 'node_modules', '@tieuchi', dep));
  const builds = { before: join(old, 'cli', 'dist', 'main.js'), now: join(cliDir, 'dist', 'main.js') };

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
  for (const stations of [...new Set(SIZES.map((n) => Math.ceil(n / 2)))]) {
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
    `SHA-256 identical before/now in every row. "before" = packages/core/src and packages/cli/src at ${OLD_REF}.`,
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
