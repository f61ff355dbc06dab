#!/usr/bin/env node
// The whole test suite, as `pnpm test` runs it (and so the README's test command and .ci/run):
//   1. installs what the browser and PDF tests need from Debian when missing (chromium, poppler-utils);
//   2. builds every package, checks the generated types/validators are up to date, type-checks;
//   3. runs every `test` and `test:*` script of every package with vitest's JSON reporter;
//   4. ends with one line `N passed, N failed` (totals over all suites), exit 1 when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function sh(cmd, args, opts = {}) {
  console.log(
    `\n+ ${[cmd, ...args].join(' ')}${opts.cwd && opts.cwd !== root ? `   (in ${opts.cwd.slice(root.length + 1)})` : ''}`,
  );
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: process.env, ...opts });
  return r.status === 0;
}

/**
 * Like {@link sh}, for a test runner: its output goes through as it comes, and the last lines are kept so that a
 * runner failing with no failed test (an unhandled error, a crash) can be explained in the summary CI shows.
 */
function runTests(cmd, args, opts) {
  console.log(`\n+ ${[cmd, ...args].join(' ')}   (in ${relative(root, opts.cwd)})`);
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'pipe'], env: process.env, ...opts });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-64 * 1024);
    };
    child.stdout.on('data', (c) => (process.stdout.write(c), keep(c)));
    child.stderr.on('data', (c) => (process.stderr.write(c), keep(c)));
    child.on('close', (code, signal) => done({ ok: code === 0, code, signal, tail }));
  });
}

/** What a runner said about errors outside any test (vitest's "Unhandled Errors" block), else its last 15 lines. */
function whyRunnerFailed(r) {
  const lines = r.tail.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const at = lines.findIndex((l) => /Unhandled (Errors?|Rejection)/i.test(l));
  const picked = at >= 0 ? lines.slice(at, at + 20) : lines.filter((l) => l.trim()).slice(-15);
  const head = `exit ${r.code ?? r.signal}`;
  return [head, ...picked.map((l) => l.slice(0, 300))].map((l) => `      ${l}`).join('\n');
}

/** A check that is not a test runner counts as one test. */
function check(name, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

// 1. System packages for browser and PDF tests.
const have = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const missing = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!have('pdftotext') || !have('pdftoppm')) missing.push('poppler-utils');
// The core flows also run in Firefox ESR (WebDriver BiDi) and WebKitGTK's MiniBrowser (WebKitWebDriver under Xvfb).
if (!have('firefox-esr')) missing.push('firefox-esr');
if (!have('WebKitWebDriver')) missing.push('webkit2gtk-driver');
if (!have('Xvfb')) missing.push('xvfb');
if (!have('xauth')) missing.push('xauth');
// The server suites start a throwaway PostgreSQL cluster of their own (packages/server/test/global-setup.ts).
if (
  !existsSync('/usr/lib/postgresql') ||
  !readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
)
  missing.push('postgresql');
if (missing.length) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && have('apt-get')) {
    check(
      `apt-get install ${missing.join(' ')}`,
      sh('apt-get', ['update', '-qq']) &&
        sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing]),
    );
  } else {
    console.error(
      `Missing ${missing.join(', ')}: install them (Debian: apt-get install -y ${missing.join(' ')}) and run again.`,
    );
    check('system packages', false);
  }
}

// 2. Generated-code drift (before anything builds; the build never regenerates), build, types.
check(
  'generated types and validators are up to date',
  sh('pnpm', ['--filter', '@tieuchi/core', 'run', 'check-generated']),
);
check(
  'code is formatted (prettier --check; `pnpm format` fixes it)',
  sh('pnpm', ['exec', 'prettier', '--check', '--log-level', 'warn', '.']),
);
check('lint (eslint: typescript-eslint with types, lit, wc; decision 0015)', sh('pnpm', ['run', 'lint']));
check('build', sh('pnpm', ['-r', '--filter', './packages/**', 'run', 'build']));
check('typecheck', sh('pnpm', ['-r', '--filter', './packages/**', 'run', 'typecheck']));
check(
  'public packages as installed: tarball contents, publint, attw, empty-project install (scripts/check-packages.mjs)',
  sh('node', ['scripts/check-packages.mjs']),
);
check(
  "@tieuchi/core's public API matches docs/api/core.api.md (after a deliberate change: pnpm --filter @tieuchi/core run api:update)",
  sh('pnpm', ['--filter', '@tieuchi/core', 'run', 'api:check']),
);

// 3. Every test script of every package.
const pkgDirs = readdirSync(join(root, 'packages'))
  .map((d) => join(root, 'packages', d))
  .filter((d) => existsSync(join(d, 'package.json')));
for (const dir of pkgDirs) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const script of Object.keys(pkg.scripts ?? {}).filter((s) => s === 'test' || s.startsWith('test:'))) {
    const name = `${pkg.name} ${script}`;
    const file = join(out, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    const run = await runTests(
      'pnpm',
      ['run', script, '--reporter=default', '--reporter=json', `--outputFile=${file}`],
      { cwd: dir },
    );
    const ok = run.ok;
    if (!existsSync(file)) {
      check(`${name} (no results: the runner crashed)\n${whyRunnerFailed(run)}`, false);
      continue;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numFailedTests) {
      failures.push(`${name}: ${r.numFailedTests} failed`);
      // Name each failed test and its first error line: CI shows only the tail of this output.
      for (const suite of r.testResults ?? [])
        for (const t of suite.assertionResults ?? [])
          if (t.status === 'failed')
            failures.push(
              `    ${relative(dir, suite.name)} > ${t.fullName}: ${String(t.failureMessages?.[0] ?? '')
                .split('\n')[0]
                .slice(0, 300)}`,
            );
    }
    if (!ok && !r.numFailedTests)
      check(`${name} (runner failed: ${r.numFailedTestSuites} suite(s) could not run)\n${whyRunnerFailed(run)}`, false);
    if (r.numTotalTests === 0) check(`${name} ran no test`, false);
  }
}

const summary = `${passed} passed, ${failed} failed`;
if (failures.length)
  console.log(`\nFailed:\n${failures.map((f) => (f.startsWith('    ') ? f : `  - ${f}`)).join('\n')}`);
writeFileSync(join(root, '.tmp', 'test-summary.txt'), summary + '\n');
console.log(`\n${summary}`);
process.exit(failed ? 1 : 0);
