// ESLint (issue 18, decision 0015): typescript-eslint's recommended rules with type information where it finds real
// bugs (promises nobody awaits or catches, promises passed where a function returning void is expected), Lit's and
// web components' rules for the app. Formatting is Prettier's job, not ESLint's. `pnpm lint`; the test command runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-check/**',
      '**/.tmp/**',
      '**/generated/**',
      'docs/**',
      'bench/**',
      'packages/criteria/sets/**',
      'packages/core/test/oracle/**',
      '**/*.d.ts',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      // Off: the control characters are the point — the CLI and its tests escape or find them in file text.
      'no-control-regex': 'off',
      // Unused bindings named `_x` are deliberate (rest-omit of a field, an ignored parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
    },
  },
  // Scripts and end-to-end helpers run in Node and hand functions to a browser page (page.evaluate).
  {
    files: ['**/*.mjs', 'packages/forms-pwa/e2e/**', 'packages/forms-pwa/scripts/**'],
    languageOptions: {
      globals: {
        Buffer: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
      },
    },
  },
  // Type-aware rules on the TypeScript sources, where they catch real bugs: a forgotten await or catch
  // (a storage write whose failure nobody sees) and a promise handed to a callback whose result is ignored.
  {
    files: ['packages/*/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // The app's Lit elements.
  { ...wc.configs['flat/recommended'], files: ['packages/forms-pwa/src/**/*.ts'] },
  { ...lit.configs['flat/recommended'], files: ['packages/forms-pwa/src/**/*.ts'] },
);
