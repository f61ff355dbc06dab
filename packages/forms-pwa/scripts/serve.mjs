#!/usr/bin/env node
/**
 * Serves the production build in dist/ on 127.0.0.1 (port PORT or 4173) with Vite's preview server and
 * prints the URL. Tablets need HTTPS and a real host: see docs/deploy.md.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('dist/ is missing: run `pnpm --filter @tieuchi/forms-pwa run build` first.');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4173);
const server = await preview({
  root,
  configFile: false,
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
});
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`Tiêu Chí is running at ${url}`);
console.log('Press Ctrl+C to stop.');
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close().then(() => process.exit(0)));
