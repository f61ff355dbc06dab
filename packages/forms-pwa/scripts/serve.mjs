#!/usr/bin/env node
/**
 * Serves the production build in dist/ on 127.0.0.1 (port PORT or 4173) with Vite's preview server, sending the
 * security headers of `security-headers.mjs` on every response, and prints the URL. Tablets need HTTPS and a real
 * host: see docs/deploy.md. `startServer` is also what the e2e harness serves, so every e2e test runs under
 * exactly these headers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { SECURITY_HEADERS } from './security-headers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the server on `host`:`port` (0: a free port; `strictPort` refuses another).
 * @returns Vite's preview server
 */
export function startServer({ port = 4173, host = '127.0.0.1', strictPort = true, logLevel = 'warn' } = {}) {
  return preview({
    root,
    configFile: false,
    logLevel,
    preview: { host, port, strictPort, open: false, headers: { ...SECURITY_HEADERS } },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
    console.error('dist/ is missing: run `pnpm --filter @tieuchi/forms-pwa run build` first.');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4173);
  const server = await startServer({ port });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`Tiêu Chí is running at ${url}`);
  console.log('Press Ctrl+C to stop.');
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close().then(() => process.exit(0)));
}
