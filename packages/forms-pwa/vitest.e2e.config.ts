import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests against the production build in dist/: headless Chromium, and for the core flows also Firefox ESR
 * and WebKitGTK (e2e/core-flows.*.e2e.ts). Files run one after another: each launches its browser once.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
