/**
 * PDF report benchmark (Node): a 300-item assessment with 30 photos (1600 px noisy JPEGs, ~450 KB each, as
 * the app stores them), rendered two ways:
 *   - ours: buildReport + renderPdf from @tieuchi/report, with the photos downscaled to REPORT_PHOTO_SIDE px;
 *   - plain: the same document definition handed to pdfmake 0.3.11 directly, with the original photos.
 * Writes bench/results/report.json ({ table, ... }); `pnpm bench` puts the table into docs/benchmarks.md.
 * Browser timing (a worker, progress) comes with the app integration.
 *
 *   node bench/report.mjs [--rounds N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release, arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(root, 'packages', 'report');
if (!existsSync(join(reportDir, 'dist', 'node.js'))) {
  const r = spawnSync('pnpm', ['--filter', '@tieuchi/report...', 'run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const { buildReport, REPORT_PHOTO_SIDE } = await import(join(reportDir, 'dist', 'index.js'));
const { renderPdf, downscaleJpeg } = await import(join(reportDir, 'dist', 'node.js'));
const { bigCase, photoSet } = await import(join(reportDir, 'test', 'support', 'synthetic.mjs'));
const { score } = await import(join(root, 'packages', 'core', 'dist', 'index.js'));
const requireFromReport = createRequire(join(reportDir, 'package.json'));
const pdfmake = requireFromReport('pdfmake');
const pdfmakeVersion = JSON.parse(readFileSync(requireFromReport.resolve('pdfmake/package.json'), 'utf8')).version;

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const MB = 1024 * 1024;

console.log('photos: generating or reading the cache (.tmp/report-photos) ...');
const photos = photoSet(30, REPORT_PHOTO_SIDE);
const { set, assessment, hashes } = bigCase({ photos: photos.map((p) => p.original) });
const scored = score(set, assessment);
if (!scored.ok) throw new Error(scored.errors[0].message.en);
const result = scored.value;
const input = (which) => ({
  set,
  assessment,
  result,
  photos: hashes.map((hash, i) => ({ hash, data: photos[i][which], caption: `Ảnh ${i + 1}` })),
});

// Plain pdfmake: its own Roboto files from disk, no wrapper; the same definition with the original photos.
const fonts = requireFromReport('pdfmake/fonts/Roboto.js');
async function plain(doc) {
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true); // what pdfmake does without a policy, minus the warning
  pdfmake.setProgressCallback(undefined);
  return new Uint8Array(await pdfmake.createPdf(doc).getBuffer());
}

async function time(fn) {
  await fn(); // warm-up: loads pdfmake and fonts, JIT
  const runs = [];
  let bytes;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    bytes = await fn();
    runs.push(performance.now() - t0);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)], runs, bytes: bytes.length };
}

const load = loadavg()[0];
console.log(`timing ${ROUNDS} rounds each ...`);
const ours = await time(() => renderPdf(buildReport(input('small'))));
const plainRun = await time(() => plain(buildReport(input('original'))));
const layout = await time(async () => ({ length: JSON.stringify(Object.keys(buildReport(input('small')))).length }));
// Downscaling in Node with jpeg-js (pure JS), for scale: the app does it with a canvas when a photo is taken.
const t0 = performance.now();
for (const p of photos.slice(0, 3)) downscaleJpeg(p.original, REPORT_PHOTO_SIDE);
const downscaleMs = (performance.now() - t0) / 3;

const fmtMs = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const fmtMb = (b) => (b / MB).toFixed(2);
const originalKb = photos.reduce((s, p) => s + p.original.length, 0) / 30 / 1024;
const smallKb = photos.reduce((s, p) => s + p.small.length, 0) / 30 / 1024;
const table = [
  '| path (Node, 300 items, 30 photos) | photos embedded | ms (median) | PDF size | vs plain |',
  '|---|---|---:|---:|---:|',
  `| ours: \`buildReport\` + \`renderPdf\` | ${REPORT_PHOTO_SIDE} px, ${Math.round(smallKb)} KB each | ${fmtMs(ours.ms)} | ${fmtMb(ours.bytes)} MB | time x${(ours.ms / plainRun.ms).toFixed(2)}, size x${(ours.bytes / plainRun.bytes).toFixed(2)} |`,
  `| plain pdfmake ${pdfmakeVersion}, same definition | 1600 px originals, ${Math.round(originalKb)} KB each | ${fmtMs(plainRun.ms)} | ${fmtMb(plainRun.bytes)} MB | 1.00 |`,
  '',
  `- \`buildReport\` alone (pure layout): ${fmtMs(layout.ms)} ms. Targets from the issue: <= 5 MB (ours ${fmtMb(ours.bytes)} MB).`,
  `- Downscaling one 1600 px photo to ${REPORT_PHOTO_SIDE} px in Node with jpeg-js (pure JS, decode + area average + encode): ${fmtMs(downscaleMs)} ms; not in the timed path: in the app a canvas (\`createImageBitmap\` with a resize) does it before layout, to be timed in the browser.`,
  `- Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, ${platform()} ${release()} ${arch()}; 1-min load average ${load.toFixed(2)} before timing; ${ROUNDS} rounds after a warm-up; measured ${new Date().toISOString().slice(0, 10)}.`,
].join('\n');

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'report.json'),
  JSON.stringify(
    {
      table,
      ours,
      plain: plainRun,
      layoutMs: layout.ms,
      downscaleMs,
      photoKb: { original: originalKb, small: smallKb },
      rounds: ROUNDS,
      pdfmake: pdfmakeVersion,
    },
    null,
    2,
  ) + '\n',
);
console.log(table);
