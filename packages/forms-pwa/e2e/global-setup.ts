/** Builds the production app once if dist/ is missing (CI normally runs `pnpm -r build` first). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (existsSync(`${root}/dist/index.html`) && existsSync(`${root}/dist/sw.js`)) return;
  await build({ root, logLevel: 'warn' });
}
