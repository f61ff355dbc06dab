import { defineConfig } from 'vitest/config';

/**
 * Quality audits in real headless Chromium against the production build in dist/: axe-core on every main
 * view, installability through the DevTools protocol, the initial-JavaScript budget, hostile imports
 * through the UI. (Lighthouse is slow and machine-dependent: `node scripts/lighthouse.mjs`, not a test.)
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['quality/**/*.quality.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
