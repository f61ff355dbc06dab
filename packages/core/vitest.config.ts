import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property and fuzz tests run thousands of cases; on a loaded 2-core CI machine they need more than 5 s.
    testTimeout: 60_000,
  },
});
