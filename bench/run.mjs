/**
 * `pnpm bench`: builds @tieuchi/core (the benchmarks import the built package), runs every bench/*.mjs
 * benchmark in turn, and puts each one's Markdown table into docs/benchmarks.md between
 * `<!-- NAME:start -->` and `<!-- NAME:end -->` (NAME is the script's name, e.g. `scoring`).
 *
 * A benchmark script writes bench/results/NAME.json with a `table` field holding its Markdown.
 *
 *   pnpm bench                # all benchmarks
 *   pnpm bench scoring        # only bench/scoring.mjs
 *   pnpm bench --no-build     # skip building core
 *   pnpm bench --tables-only  # only rewrite docs/benchmarks.md from bench/results/*.json
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = `${root}docs/benchmarks.md`;
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));

function run(cmd, argv) {
  console.log(`$ ${[cmd, ...argv].join(' ')}`);
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

// Under `pnpm bench`, npm_execpath is the running pnpm's script: use it rather than trusting PATH.
const pnpm = process.env.npm_execpath?.endsWith('.cjs') ? [process.execPath, process.env.npm_execpath] : ['pnpm'];
const build = [...pnpm.slice(1), '--filter', '@tieuchi/core', 'run', 'build'];
const tablesOnly = args.includes('--tables-only');
if (!tablesOnly && !args.includes('--no-build') && run(pnpm[0], build) !== 0) process.exit(1);

const names = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .map((f) => f.slice(0, -4))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();
if (!names.length) {
  console.error(`No benchmark named ${only.join(', ')} in bench/`);
  process.exit(1);
}

let failed = 0;
for (const name of names) {
  if (!tablesOnly && run(process.execPath, [`bench/${name}.mjs`]) !== 0) {
    console.error(`bench/${name}.mjs failed`);
    failed++;
    continue;
  }
  const resultPath = `${here}results/${name}.json`;
  const { table } = JSON.parse(readFileSync(resultPath, 'utf8'));
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) {
    console.error(`docs/benchmarks.md has no ${start} ... ${end} markers: table not written`);
    failed++;
    continue;
  }
  writeFileSync(docPath, `${doc.slice(0, i + start.length)}\n${table}\n${doc.slice(j)}`);
  console.log(`updated docs/benchmarks.md (${name})`);
}
process.exit(failed ? 1 : 0);
