import { defineConfig } from 'vitest/config';

// Every suite runs against embedded PGlite AND a real PostgreSQL cluster that test/global-setup.ts starts
// (initdb/pg_ctl in a temporary folder, on a free port) and stops at the end. Server processes are spawned from
// the build (dist/), so `pnpm run test` builds first. One file at a time: each starts PGlite (~0.5 GB).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
