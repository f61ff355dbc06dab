/**
 * Form rendering, side by side in the same headless Chromium: a 300-item form on ONE page (every item rendered
 * at once, the worst case) in
 *   - Tiêu Chí's fill-in view (production build of packages/forms-pwa, built first),
 *   - SurveyJS's framework-free UI (survey-core 2.5.38 + survey-js-ui 2.5.38): a radiogroup per item and a
 *     visible `expression` question for the running total (SurveyJS's documented way to show a score),
 *   - a plain hand-written page (radio buttons and a sum in a change listener): the floor.
 * Measured: time to render all 300 items interactive (from data in memory to the frame after the last item
 * rendered is painted), time from a click on an answer to the updated total painted, and the initial JavaScript (gzip).
 * Ours: from the route change with the assessment loaded.
 *
 * Writes bench/results/rendering.json with the Markdown table bench/run.mjs puts in docs/benchmarks.md.
 *   node bench/rendering.mjs [--no-build] [--rounds N]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { initialJs } from '../packages/forms-pwa/scripts/initial-js.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const pwa = fileURLToPath(new URL('../packages/forms-pwa/', import.meta.url));
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 7;
const ANSWERS = 15;
const log = (s) => console.log(s);

// --- The form: 30 criteria x 10 binary items, one section --------------------------------------------------
const N_CRIT = 30;
const N_ITEMS = 10;
const criteria = Array.from({ length: N_CRIT }, (_, c) => ({
  id: `c${c}`,
  code: `${c + 1}`,
  title: { vi: `Tiêu chí ${c + 1}` },
  items: Array.from({ length: N_ITEMS }, (_, i) => ({
    id: `c${c}i${i}`,
    code: `${c + 1}.${i + 1}`,
    text: { vi: `Nội dung kiểm tra số ${c * N_ITEMS + i + 1}: cơ sở có thực hiện đúng quy định hay không.` },
    guidance: { vi: 'Quan sát và xem hồ sơ.' },
    verification: ['observe', 'records'],
    response: { kind: 'binary', points: 1 },
    naAllowed: i % 3 === 0,
    knockout: i === 0 && c % 10 === 0,
    provenance: { wording: 'paraphrase' },
  })),
}));
const set = {
  schemaVersion: 1,
  kind: 'criteria-set',
  id: 'bench-300',
  version: '1',
  title: { vi: 'Bộ 300 chỉ tiêu (đo hiệu năng)' },
  source: { documents: [{ number: 'BENCH', role: 'reference' }] },
  applicability: { facilityKinds: ['commune-station'] },
  wording: 'paraphrase',
  scoring: {
    model: 'points',
    aggregation: 'sum',
    maxPoints: 300,
    passRules: [{ kind: 'total-percent-at-least', percent: 80 }, { kind: 'no-failed-knockout' }],
  },
  sections: [{ id: 's1', title: { vi: 'Tất cả' }, criteria }],
};
const items = criteria.flatMap((c) => c.items);

/** The same form for SurveyJS: one page, a radiogroup per item, a visible expression for the total. */
const surveyJson = {
  title: set.title.vi,
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'expression',
          name: 'total',
          title: 'Tổng điểm',
          expression: items.map((it) => `iif({${it.id}} = 'met', 1, 0)`).join(' + '),
        },
        ...items.map((it) => ({
          type: 'radiogroup',
          name: it.id,
          title: `${it.code} ${it.text.vi}`,
          description: it.guidance.vi,
          choices: [
            { value: 'met', text: 'Đạt' },
            { value: 'not-met', text: 'Không đạt' },
            ...(it.naAllowed ? [{ value: 'na', text: 'Không áp dụng' }] : []),
          ],
        })),
      ],
    },
  ],
};

// --- Pages -----------------------------------------------------------------------------------------------
// The packages' folders (their exports maps do not expose package.json or the UMD bundles).
const surveyCoreDir = join(here, 'node_modules/survey-core');
const surveyUiDir = join(here, 'node_modules/survey-js-ui');
const SURVEY_LIBS = [join(surveyCoreDir, 'survey.core.min.js'), join(surveyUiDir, 'survey-js-ui.min.js')];
const surveyHtml = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>SurveyJS</title>
<link rel="stylesheet" href="/lib/survey-core.min.css"><script src="/lib/survey.core.min.js"></script><script src="/lib/survey-js-ui.min.js"></script>
<script src="/survey-data.js"></script></head><body><div id="root"></div></body></html>`;

const PLAIN_SCRIPT = `
window.renderPlain = (items) => {
  const root = document.getElementById('root');
  const values = new Map();
  const total = document.createElement('output');
  total.id = 'total';
  total.textContent = '0';
  root.append(total);
  const frag = document.createDocumentFragment();
  for (const it of items) {
    const art = document.createElement('article');
    const h = document.createElement('h3');
    h.textContent = it.code + ' ' + it.text.vi;
    const p = document.createElement('p');
    p.textContent = it.guidance.vi;
    art.append(h, p);
    for (const [v, label] of [['met', 'Đạt'], ['not-met', 'Không đạt'], ...(it.naAllowed ? [['na', 'Không áp dụng']] : [])]) {
      const l = document.createElement('label');
      const r = document.createElement('input');
      r.type = 'radio'; r.name = it.id; r.value = v;
      l.append(r, ' ' + label);
      art.append(l);
    }
    frag.append(art);
  }
  root.append(frag);
  root.addEventListener('change', (e) => {
    values.set(e.target.name, e.target.value);
    let sum = 0;
    for (const v of values.values()) if (v === 'met') sum++;
    total.textContent = String(sum);
  });
};`;
const plainHtml = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Plain</title><script src="/plain.js"></script>
<style>article{border:1px solid #ddd;border-radius:8px;padding:8px;margin:8px}label{display:inline-flex;min-height:44px;align-items:center;margin-right:12px}</style>
</head><body><div id="root"></div></body></html>`;

const TYPES = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const send = (body, type) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (path === '/survey.html') return send(surveyHtml, TYPES['.html']);
  if (path === '/survey-data.js') return send(`window.SURVEY_JSON = ${JSON.stringify(surveyJson)};`, TYPES['.js']);
  if (path === '/plain.html') return send(plainHtml, TYPES['.html']);
  if (path === '/plain.js') return send(`${PLAIN_SCRIPT}\nwindow.ITEMS = ${JSON.stringify(items)};`, TYPES['.js']);
  let file;
  if (path.startsWith('/lib/'))
    file = [...SURVEY_LIBS, join(surveyCoreDir, 'survey-core.min.css')].find((f) => f.endsWith(path.slice(5)));
  else if (path.startsWith('/app/')) {
    const rel = normalize(path.slice(5) || 'index.html');
    if (!rel.startsWith('..')) file = join(pwa, 'dist', rel.endsWith('/') || rel === '.' ? 'index.html' : rel);
  }
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});

// --- Run -------------------------------------------------------------------------------------------------
if (!args.includes('--no-build')) {
  log('building packages/forms-pwa (vite build)...');
  const r = spawnSync(process.execPath, [join(pwa, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: pwa,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(1);
}
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x) => Math.round(x * 10) / 10;

/** Clicks answers and times each until the total's text changed and the next frame came. */
const answerTimes = (page, clickFn, totalFn) =>
  page.evaluate(
    async ({ n, clickSrc, totalSrc }) => {
      const click = new Function('k', clickSrc);
      const total = new Function(totalSrc);
      const out = [];
      for (let k = 0; k < n; k++) {
        const before = total();
        const t0 = performance.now();
        click(k);
        // Look for the new total at each animation frame, starting with the first one after the click, for every
        // engine alike: a renderer that updates in a microtask (Lit) paints in the same frame as one that updates
        // synchronously, and checking synchronously first would charge it one frame more.
        await new Promise((res) => {
          const tick = () =>
            total() !== before ? requestAnimationFrame(() => setTimeout(res, 0)) : requestAnimationFrame(tick);
          requestAnimationFrame(tick);
        });
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 30));
      }
      return out;
    },
    { n: ANSWERS, clickSrc: clickFn, totalSrc: totalFn },
  );

async function measureOurs() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const url = `${base}/app/`;
  await page.goto(`${url}#/io`);
  await page
    .locator('input[data-import]')
    .setInputFiles({ name: 'set.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(set)) });
  await page.locator('[data-import-ok]').waitFor();
  await page.goto(`${url}#/new`);
  await page.locator('select[name=set]').selectOption('bench-300@1');
  await page.locator('select[name=facility]').selectOption('__new__');
  await page.locator('input[name=fname]').fill('Trạm đo');
  await page.locator('textarea[name=assessors]').fill('Người đo');
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/#\/a\//);
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]);
  const renders = [];
  for (let k = 0; k < ROUNDS; k++) {
    await page.goto(`${url}#/`);
    await page.locator('tc-home').waitFor();
    renders.push(
      await page.evaluate(async (hash) => {
        const t0 = performance.now();
        location.hash = hash;
        const fill = await new Promise((res) => {
          const tick = () => {
            const f = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
            if (f?.shadowRoot?.querySelectorAll('tc-item-card').length === 300) res(f);
            else requestAnimationFrame(tick);
          };
          tick();
        });
        await fill.updateComplete;
        await Promise.all([...fill.shadowRoot.querySelectorAll('tc-item-card')].map((c) => c.updateComplete));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // that frame painted
        return performance.now() - t0;
      }, `#/a/${id}`),
    );
  }
  const answers = await answerTimes(
    page,
    `const fill = document.querySelector('tc-app').shadowRoot.querySelector('tc-fill');
     const card = fill.shadowRoot.querySelectorAll('tc-item-card')[k + 1];
     ((c) => c.shadowRoot ?? c)(card.shadowRoot.querySelector('tc-answer-control')).querySelector('button[data-value="met"]').click();`,
    `return document.querySelector('tc-app').shadowRoot.querySelector('tc-fill').shadowRoot.querySelector('tc-score-panel').shadowRoot.querySelector('[data-total]').textContent;`,
  );
  await page.close();
  return { renders, answers, js: initialJs(join(pwa, 'dist')).gzipTotal };
}

async function measureSurvey() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const renders = [];
  for (let k = 0; k < ROUNDS; k++) {
    await page.goto(`${base}/survey.html`);
    renders.push(
      await page.evaluate(async () => {
        const root = document.getElementById('root');
        const t0 = performance.now();
        const model = new window.Survey.Model(window.SURVEY_JSON);
        window.model = model;
        model.render(root);
        await new Promise((res) => {
          const tick = () =>
            root.querySelectorAll('input[type=radio][value="met"]').length === 300
              ? res()
              : requestAnimationFrame(tick);
          tick();
        });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // that frame painted
        return performance.now() - t0;
      }),
    );
  }
  const answers = await answerTimes(
    page,
    `document.querySelectorAll('#root input[type=radio][value="met"]')[k + 1].click();`,
    `const q = document.querySelector('#root [data-name="total"]'); return q ? q.textContent : '';`,
  );
  const totalShown = await page.evaluate(() => document.querySelector('#root [data-name="total"]')?.textContent ?? '');
  const value = await page.evaluate(() => window.model.getValue('total'));
  await page.close();
  if (errors.length) throw new Error(`SurveyJS page errors: ${errors.join('; ')}`);
  if (value !== ANSWERS) throw new Error(`SurveyJS total is ${value} after ${ANSWERS} answers (shown: ${totalShown})`);
  const js = SURVEY_LIBS.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return { renders, answers, js };
}

async function measurePlain() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const renders = [];
  for (let k = 0; k < ROUNDS; k++) {
    await page.goto(`${base}/plain.html`);
    renders.push(
      await page.evaluate(async () => {
        const t0 = performance.now();
        window.renderPlain(window.ITEMS);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // that frame painted
        return performance.now() - t0;
      }),
    );
  }
  const answers = await answerTimes(
    page,
    `document.querySelectorAll('#root input[type=radio][value="met"]')[k + 1].click();`,
    `return document.getElementById('total').textContent;`,
  );
  await page.close();
  return { renders, answers, js: gzipSync(PLAIN_SCRIPT, { level: 9 }).length };
}

const load = loadavg()[0];
const ours = await measureOurs();
const survey = await measureSurvey();
const plain = await measurePlain();
const version = browser.version();
await browser.close();
server.close();

const summary = (r) => ({
  renderMs: round1(median(r.renders)),
  answerMs: round1(median(r.answers)),
  jsGzipBytes: r.js,
  renders: r.renders.map(round1),
  answers: r.answers.map(round1),
});
const res = {
  items: 300,
  rounds: ROUNDS,
  answers: ANSWERS,
  ours: summary(ours),
  surveyjs: summary(survey),
  plain: summary(plain),
  chromium: version,
  loadavg: load,
  measuredAt: new Date().toISOString(),
};
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const x = (a, b) => (a / b >= 10 ? Math.round(a / b).toLocaleString('en') : (a / b).toFixed(1));
const row = (name, r) => `| ${name} | ${r.renderMs.toLocaleString('en')} | ${r.answerMs} | ${kb(r.jsGzipBytes)} |`;
res.table = [
  '| 300 items on one page | render, all items interactive (ms, median) | answer to updated total (ms, median) | initial JS (gzip) |',
  '|---|---:|---:|---:|',
  row('Tiêu Chí fill-in view (production build)', res.ours),
  row('SurveyJS (survey-core + survey-js-ui 2.5.38)', res.surveyjs),
  row('plain hand-written page (floor)', res.plain),
  '',
  `- SurveyJS / ours: render **${x(res.surveyjs.renderMs, res.ours.renderMs)}x** slower, answer-to-total **${x(res.surveyjs.answerMs, res.ours.answerMs)}x** slower, **${x(res.surveyjs.jsGzipBytes, res.ours.jsGzipBytes)}x** the JavaScript.`,
  `- Ours / plain page: render **${x(res.ours.renderMs, res.plain.renderMs)}x**, answer-to-total **${x(res.ours.answerMs, res.plain.answerMs)}x** (the plain page has no score engine, no autosave, no per-item guidance, evidence or N/A logic). Targets from the issue: render <= 200 ms, answer <= 16 ms, initial JS <= 100 KB gzip.`,
  `- Ours includes core's full explained score (per criterion and section, pass rules) and the durable IndexedDB write queued on each answer; SurveyJS re-evaluates one 300-term expression. ${ROUNDS} renders and ${ANSWERS} answers each; all renders: ours ${res.ours.renders.join(', ')}; SurveyJS ${res.surveyjs.renders.join(', ')}.`,
  `- Machine: ${cpus()[0]?.model.trim() ?? '?'}, ${cpus().length} cores, Chromium ${version} headless, Node ${process.version}; 1-min load average ${load.toFixed(2)} before timing; measured ${res.measuredAt.slice(0, 10)}.`,
].join('\n');
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results/rendering.json'), `${JSON.stringify(res, null, 2)}\n`);
log(`\n${res.table}\n\nwrote bench/results/rendering.json`);
