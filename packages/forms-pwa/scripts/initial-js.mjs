/**
 * What JavaScript a fresh load of the built app fetches before it can run: the module scripts and
 * modulepreloads of dist/index.html, followed through their static `import ... from` / `export ... from`
 * (dynamic `import()` chunks — PDF code, criteria sets, the import/export module — are lazy and left out).
 * Shared by the Lighthouse script and the rendering benchmark.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

/**
 * @param {string} dist the build folder (holding index.html)
 * @returns {{ initial: { file: string, bytes: number, gzip: number }[], lazy: { file: string, bytes: number, gzip: number }[], gzipTotal: number }}
 */
export function initialJs(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const roots = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((f) => posix.normalize(f.replace(/^\.?\//, '')));
  const seen = new Set();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      if (!m[1].startsWith('.')) continue;
      queue.push(posix.normalize(posix.join(dirname(file), m[1])));
    }
  }
  const size = (file) => {
    const buf = readFileSync(join(dist, file));
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const initial = [...seen].map(size).sort((a, b) => b.gzip - a.gzip);
  const lazy = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js') && !seen.has(`assets/${f}`))
    .map((f) => size(`assets/${f}`))
    .sort((a, b) => b.gzip - a.gzip);
  return { initial, lazy, gzipTotal: initial.reduce((n, f) => n + f.gzip, 0) };
}
