import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Component and module tests: happy-dom with fake-indexeddb. */
export default defineConfig({
  resolve: {
    alias: {
      '@tieuchi/core/trusted': resolve(here, '../core/src/trusted.ts'),
      '@tieuchi/core': resolve(here, '../core/src/index.ts'),
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
