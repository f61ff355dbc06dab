#!/usr/bin/env node
// The public packages as a developer gets them (issue 18): `pnpm pack` each one (after the build), check what the
// tarball holds, run publint and @arethetypeswrong/cli over the tarballs, then install the CLI's tarballs into an
// empty project (offline, from pnpm's store) and run it there: `tieuchi score` finds the built-in sets without
// `--set`, and pdfmake is not installed (the report package is an optional peer) — `tieuchi report` says what to
// install instead. Exit 1 on any problem. Usage: node scripts/check-packages.mjs (the packages must be built).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The packages published to npm: every package not marked private (server and forms-pwa are deployed, not installed). */
const PUBLIC = readdirSync(join(root, 'packages')).filter((d) => {
  const f = join(root, 'packages', d, 'package.json');
  return existsSync(f) && JSON.parse(readFileSync(f, 'utf8')).private !== true;
});
const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-pack-'));
const problems = [];
const fail = (pkg, what) => problems.push(`${pkg}: ${what}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: root, env: process.env, ...opts });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, status: r.status };
}

const tarballs = {};
try {
  for (const name of PUBLIC) {
    const dir = join(root, 'packages', name);
    const pkgJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const packed = run('pnpm', ['pack', '--pack-destination', tmp, '--json'], { cwd: dir });
    if (!packed.ok) {
      fail(name, `pnpm pack failed:\n${packed.out}`);
      continue;
    }
    const tgz = JSON.parse(packed.out.slice(packed.out.indexOf('{'))).filename;
    tarballs[name] = tgz;
    const files = run('tar', ['-tzf', tgz]).out.split('\n').filter(Boolean);
    const pkg = JSON.parse(run('tar', ['-xzOf', tgz, 'package/package.json']).out);

    // What the tarball holds.
    if (!files.includes('package/README.md')) fail(name, 'no README.md in the tarball');
    const maps = files.filter((f) => f.endsWith('.map'));
    if (maps.length) fail(name, `ships source maps without their sources: ${maps.slice(0, 3).join(', ')}…`);
    if (files.some((f) => /^package\/(src|test)\//.test(f))) fail(name, 'ships src/ or test/');
    if (!Array.isArray(pkgJson.files)) fail(name, 'no `files` whitelist');
    if (!pkg.repository?.url || pkg.repository.directory !== `packages/${name}`)
      fail(name, '`repository` missing or not pointing at its folder');
    if (pkg.publishConfig?.access !== 'public') fail(name, '`publishConfig.access` is not "public"');
    if (pkg.exports && !pkg.types) fail(name, 'no top-level `types` (older resolution finds no types)');
    const subpaths = Object.keys(pkg.exports ?? {}).filter(
      (k) => k !== '.' && !k.includes('*') && k !== './package.json',
    );
    for (const k of subpaths)
      if (!pkg.typesVersions?.['*']?.[k.slice(2)]) fail(name, `no \`typesVersions\` entry for "${k}"`);
    const deps = JSON.stringify([pkg.dependencies, pkg.peerDependencies, pkg.optionalDependencies]);
    if (deps.includes('workspace:')) fail(name, 'a `workspace:` range was not replaced');

    // publint over the tarball (strict: warnings count).
    const lint = await publint({ pack: { tarball: readFileSync(tgz).buffer }, strict: true });
    for (const m of lint.messages)
      if (m.type !== 'suggestion') fail(name, `publint: ${formatMessage(m, lint.pkg) ?? m.code}`);

    // Are the types wrong? Every entry point under node10, node16 (CJS and ESM) and bundler resolution. The packages
    // are ESM only by design (Node >= 20.19 can `require()` them), so CJS resolving to ESM is not counted.
    if (pkg.exports || pkg.types) {
      const attw = run(join(root, 'node_modules', '.bin', 'attw'), [
        tgz,
        '--format',
        'ascii',
        '--no-color',
        '--ignore-rules',
        'cjs-resolves-to-esm',
      ]);
      if (!attw.ok) fail(name, `@arethetypeswrong/cli:\n${attw.out}`);
    }
  }

  // Installed in an empty project, as `npm install @tieuchi/cli` would (no @tieuchi/report: it is optional).
  if (tarballs.cli && tarballs.core && tarballs.criteria) {
    const app = join(tmp, 'app');
    // Every other public package from its tarball too, but not @tieuchi/report: the CLI must work without it.
    const local = Object.fromEntries(
      Object.entries(tarballs)
        .filter(([n]) => n !== 'cli' && n !== 'report')
        .map(([n, t]) => [`@tieuchi/${n}`, t]),
    );
    const spec = (p) => `file:${p}`;
    run('mkdir', ['-p', app]);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'empty-project',
        private: true,
        type: 'module',
        dependencies: { '@tieuchi/cli': spec(tarballs.cli) },
        pnpm: { overrides: Object.fromEntries(Object.entries(local).map(([k, v]) => [k, spec(v)])) },
      }),
    );
    const inst = run(
      'pnpm',
      ['install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false'],
      {
        cwd: app,
      },
    );
    if (!inst.ok) fail('cli', `installing the tarballs into an empty project failed:\n${inst.out}`);
    else {
      const bin = join(app, 'node_modules', '.bin', 'tieuchi');
      const example = join(root, 'examples', 'qd1300-commune-health', 'pass.assessment.json');
      const score = run(bin, ['score', example, '--lang', 'en'], { cwd: app });
      if (!score.ok || !/qd1300-commune-health@/.test(score.out))
        fail('cli', `installed \`tieuchi score\` without --set failed:\n${score.out}`);
      if (existsSync(join(app, 'node_modules', '.pnpm', 'node_modules', 'pdfmake')))
        fail('cli', 'installing the CLI installed pdfmake');
      const report = run(bin, ['report', example, '--out', join(app, 'r.pdf'), '--lang', 'en'], { cwd: app });
      if (report.ok || !report.out.includes('@tieuchi/report'))
        fail('cli', `\`tieuchi report\` without @tieuchi/report should name the package to install:\n${report.out}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`Package problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`packages ok: ${PUBLIC.map((p) => `@tieuchi/${p}`).join(', ')} (tarball contents, publint, attw, install)`);
