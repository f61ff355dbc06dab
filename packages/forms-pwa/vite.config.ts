import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify as minifyHtml } from 'html-minifier-next';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP, CSP_META } from './scripts/security-headers.mjs';
import { builtinSetWithHash, checkBuiltinSets } from './scripts/check-sets.js';
import { START_UP_TABLES, englishModule, splitEnglish } from './scripts/split-english.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Content-Security-Policy, defined once in scripts/security-headers.mjs (the start server sends it as a header
 * with the other security headers; the build also puts it in a meta tag, without `frame-ancestors`, which only a
 * header can carry). No 'unsafe-eval', no 'unsafe-inline'. Added at build time only, because Vite's dev server
 * injects inline scripts.
 */
export { CSP };

function cspMeta(): Plugin {
  return {
    name: 'tieuchi-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Every built-in criteria set (`criteria/*.json`) is validated by core when the app is built, and the build fails on
 * a set core refuses: the views trust built-in sets and score them without the validators (ADR 0017).
 */
function builtinSetsValid(): Plugin {
  const criteria = resolve(here, '../../criteria');
  return {
    name: 'tieuchi-builtin-sets',
    apply: 'build',
    buildStart() {
      const problems = checkBuiltinSets(criteria);
      if (problems.length) this.error(`Built-in criteria sets refused by core:\n${problems.join('\n')}`);
    },
    // Each set's content hash, computed here (core's contentHash), goes into its chunk: trusted scoring's pinned-set
    // check compares with it, so the start-up path carries no hashing code (`src/data/builtin.ts`, ADR 0017).
    load(id) {
      return dirname(id) === criteria && id.endsWith('.json')
        ? builtinSetWithHash(readFileSync(id, 'utf8'))
        : undefined;
    },
  };
}

/**
 * The start-up message table's English half loads when the user switches to English (issue 20, ADR 0017): the build
 * strips the `en` texts from the tables `src/messages.ts` is made of and puts them in `src/messages-en.ts`'s chunk.
 */
function englishApart(): Plugin {
  const src = resolve(here, 'src');
  const tables = new Map(START_UP_TABLES.map((f) => [resolve(src, f), f]));
  const en = resolve(src, 'messages-en.ts');
  return {
    name: 'tieuchi-english-apart',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (id === en) return englishModule(src);
      const file = tables.get(id);
      return file ? splitEnglish(readFileSync(id, 'utf8'), file).code : undefined;
    },
  };
}

/**
 * The templates' indentation and the styles' whitespace out of the built code (issue 20): Lit clones a template's
 * whitespace as text nodes (31 of an item card's 174 nodes), and every view pays for them in cloning, styling and
 * memory, and in bytes on the start-up path (1,2 KB gzip on fill-in's). `minify-literals` finds the `html` and `css`
 * templates; `html` ones go through html-minifier-next's whitespace collapsing (a single space is kept between inline
 * content and between expressions), `css` ones through Lightning CSS. Build only: the tests of the production build
 * see what users get. Left as written: `svg` fragments (parsed as HTML on their own, `<path/><circle/>` would nest),
 * empty attributes (`<option value="">` is another option without it), and the space at a template's start or end
 * when it is on the same line (`html\`<strong>${code}</strong> \``: the space before the text that follows).
 */
function minifiedTemplates(): Plugin {
  const src = resolve(here, 'src');
  const collapse = async (template: string): Promise<string> => {
    const out = await minifyHtml(template, {
      caseSensitive: true,
      collapseWhitespace: true,
      removeComments: true,
      decodeEntities: true,
      removeAttributeQuotes: false,
      removeEmptyAttributes: false,
    });
    const kept = (ws: string | undefined) => (ws && !ws.includes('\n') ? ' ' : '');
    const lead = kept(/^\s+/.exec(template)?.[0]);
    const trail = kept(/\s+$/.exec(template)?.[0]);
    return (out.startsWith(' ') ? '' : lead) + out + (out.endsWith(' ') ? '' : trail);
  };
  return {
    name: 'tieuchi-minified-templates',
    apply: 'build',
    async transform(code, id) {
      if (!id.startsWith(src) || !id.endsWith('.ts') || !/\b(html|css)`/.test(code)) return undefined;
      const out = await minifyHTMLLiterals(code, {
        fileName: id,
        sourceMap: false,
        htmlTags: ['html'],
        html: collapse,
      });
      return out ? { code: out.code, map: null } : undefined;
    },
  };
}

/**
 * The start-up path's functions compiled off the main thread (issue 20): V8 compiles a function the first time it
 * runs, on the main thread, unless the file says every function in it runs at load (`//# allFunctionsCalledOnLoad`,
 * V8's explicit compile hint, Chromium 136+); then the whole file is compiled with the script, on a background
 * thread while it streams in. The hint goes on the entry chunk, on each view's chunk (`shell/view-modules.ts`) and on
 * the chunks they import statically: code that runs as soon as its view opens. Other chunks (the PDF maker, the QR
 * reader, the validators, the workers, criteria data) stay lazily compiled.
 */
function compileHints(): Plugin {
  const views = resolve(here, 'src/shell/view-modules.ts');
  return {
    name: 'tieuchi-compile-hints',
    apply: 'build',
    enforce: 'post',
    // After Vite's own last changes to the chunks (it puts its dependency map at a chunk's top): the hint counts only
    // on the file's first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const viewIds = new Set(this.getModuleInfo(views)?.dynamicallyImportedIds ?? []);
        const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c]] : [])));
        const marked = new Set<string>();
        // The generated validators (400 KB; a view runs the one for its document kind, if any) stay lazy.
        const validators = (c: { moduleIds: string[] }) =>
          c.moduleIds.some((m) => m.endsWith('/generated/validators.js'));
        const mark = (name: string) => {
          const chunk = chunks.get(name);
          if (!chunk || marked.has(name) || validators(chunk)) return;
          marked.add(name);
          chunk.imports.forEach(mark);
        };
        for (const c of chunks.values())
          if (c.isEntry || (c.facadeModuleId && viewIds.has(c.facadeModuleId))) mark(c.fileName);
        for (const name of marked) {
          const chunk = chunks.get(name)!;
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

export default defineConfig({
  base: './',
  resolve: {
    alias: {
      // core's validator-free part (ADR 0017), for the start-up path; the subpath first (an alias matches as a prefix).
      '@tieuchi/core/trusted': resolve(here, '../core/src/trusted.ts'),
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
    // Everything the entry loads statically (Rolldown's `$initial` tag) in one chunk: the start-up path fetches all of
    // it anyway, and one file compresses better than the ~14 the automatic split made of it (shared with lazy routes):
    // 4.4 KB gzip less on each view's start-up path (issue 20, ADR 0017). Lazy routes still get their own chunks.
    // `view-kit`: the small helpers home, fill-in and most views share (one file instead of six). `fill`: the fill-in
    // view with its cards, answer controls and score panel in one chunk (eight before, shared with Results, the builder
    // preview and the loop views, which now fetch this one): 4.0 KB less on fill-in's path. Last round's hints (the plan
    // hint, the previous-round search and core's plan code) are not in it: they load after the first cards
    // (`fill/previous-lazy.ts`). Groups are matched in order.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'startup', tags: ['$initial'] },
            {
              name: 'view-kit',
              test: /src[\\/](model[\\/]progress|cssom|numbers|dates)\.ts$|lit-html[\\/]directive\.js$/,
            },
            {
              name: 'fill',
              test: /src[\\/](fill[\\/](tc-fill|tc-item-card|tc-answer-control|tc-score-panel|tc-section-nav|tc-fill-status|progressive|previous-lazy|land)|kinds[\\/]controls)\.ts$|lit-html[\\/](directive-helpers|directives[\\/]repeat)\.js$/,
            },
          ],
        },
      },
    },
  },
  plugins: [
    builtinSetsValid(),
    englishApart(),
    minifiedTemplates(),
    compileHints(),
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
