import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Content-Security-Policy of the production build. No 'unsafe-eval': validation uses core's
 * pre-generated ajv standalone code. Added at build time only, because Vite's dev server injects
 * inline scripts.
 */
export const CSP = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'tieuchi-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  base: './',
  resolve: {
    alias: {
      '@tieuchi/core': resolve(here, '../core/src/index.ts'),
      // Report sources too (no build needed); the subpath first, since an alias also matches as a prefix.
      '@tieuchi/report/browser': resolve(here, '../report/src/browser.ts'),
      '@tieuchi/report': resolve(here, '../report/src/index.ts'),
    },
  },
  // The report worker imports pdfmake on demand: ES module workers keep that a separate, lazy chunk.
  worker: { format: 'es' },
  server: { fs: { allow: [resolve(here, '../..')] } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  plugins: [
    cspMeta(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Tiêu Chí — đánh giá chất lượng cơ sở y tế',
        short_name: 'Tiêu Chí',
        description: 'Chấm điểm tiêu chí chất lượng cơ sở y tế, không cần mạng',
        lang: 'vi',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#0b6e4f',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        navigateFallback: 'index.html',
      },
    }),
  ],
});
