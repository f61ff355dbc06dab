/**
 * End-to-end harness: the production build served by Vite's preview server inside the test process
 * (127.0.0.1, a free port), and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Served {
  url: string;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Serves dist/ on 127.0.0.1. `port` 0 picks a free one; pass the old port to restart on the same origin. */
export async function serve(port = 0): Promise<Served> {
  // The real start server (scripts/serve.mjs), so every e2e test runs under the headers it sends.
  const { startServer } = await import('../scripts/serve.mjs');
  const server = await startServer({ port, strictPort: port !== 0, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return {
    url,
    server,
    close: async () => {
      (server.httpServer as import('node:http').Server).closeAllConnections?.();
      await server.close();
    },
  };
}

/**
 * Headless Chromium answers the save picker (File System Access) with AbortError, as if the user cancelled: in a
 * context given this, it refuses instead (NotAllowedError), so the app's backup takes its download path, as in
 * Firefox and WebKit.
 */
export async function refuseSavePicker(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() =>
    Object.defineProperty(window, 'showSaveFilePicker', {
      value: () => Promise.reject(new DOMException('no user to choose a file', 'NotAllowedError')),
    }),
  );
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

export const launchPersistent = (userDataDir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });

/** PIDs of the browser (not its helper) processes using this profile directory. */
export function browserPids(userDataDir: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes(`--user-data-dir=${userDataDir}`) && !l.includes('--type='))
    .map((l) => Number(l.trim().split(/\s+/)[0]))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Opens the app and waits until the store has loaded. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => {
    const app = document.querySelector('tc-app');
    return !!app?.shadowRoot?.querySelector('main > *');
  });
}

/**
 * Waits until the service worker installed by the first visit is ready, then reloads and opens the app again, so
 * that from here on the worker controls the page (what "works offline after one visit" rests on).
 */
export async function reloadUnderServiceWorker(page: Page, url: string): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await openApp(page, url);
}

/** The save indicator's attributes (state and time of the last durable write). */
export const saveState = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('tc-app')?.shadowRoot?.querySelector<HTMLElement>('[data-save]');
    return { state: el?.dataset.save ?? '', at: el?.dataset.savedAt ?? '' };
  });

/** Waits until every change is durable and the save time moved past `after`. */
export async function waitSaved(page: Page, after: string): Promise<void> {
  await page.waitForFunction((prev) => {
    const el = document.querySelector('tc-app')?.shadowRoot?.querySelector<HTMLElement>('[data-save]');
    return el?.dataset.save === 'saved' && (el.dataset.savedAt ?? '') > prev;
  }, after);
}

/** Imports a file through the Import / Export view. */
export async function importFile(page: Page, url: string, name: string, text: string): Promise<void> {
  await page.goto(`${url}#/io`);
  await page
    .locator('input[data-import]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/**
 * Creates an assessment of a provisional facility through the New view; resolves to its id.
 * @param setKey `${id}@${version}` of the set, or undefined for the first one offered
 */
export async function createAssessment(page: Page, url: string, name: string, setKey?: string): Promise<string> {
  await page.goto(`${url}#/new`);
  const setSelect = page.locator('select[name=set]');
  await setSelect.waitFor();
  if (setKey) await setSelect.selectOption(setKey);
  await page.locator('select[name=facility]').selectOption('__new__');
  await page.locator('input[name=fname]').fill(name);
  await page.locator('textarea[name=assessors]').fill('Nguyễn Thị Thử');
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/#\/a\//);
  await page.locator('tc-item-card').first().waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
}

/** The item cards' answered state: item id -> status. */
export const cardStatuses = (page: Page) =>
  page.evaluate(() => {
    const fill = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
    const cards = [...(fill?.shadowRoot?.querySelectorAll('tc-item-card') ?? [])];
    return Object.fromEntries(
      cards.map((c) => [
        (c as HTMLElement).dataset.itemId,
        c.shadowRoot?.querySelector('article')?.dataset.status ?? '',
      ]),
    );
  });

/**
 * The usual setup of an e2e file: the production build served and one Chromium, started before the file's tests and
 * closed after them. `page()` opens the app in a fresh context at 1280×800.
 */
export function servedApp(): { readonly served: Served; readonly browser: Browser; page(): Promise<Page> } {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return {
    get served() {
      return served!;
    },
    get browser() {
      return browser!;
    },
    async page() {
      const ctx = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await openApp(page, served!.url);
      return page;
    },
  };
}

/** axe-core on the whole document of `page`: its serious and critical violations (id and first targets), none wanted. */
export async function axeSerious(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const a = (
      window as unknown as {
        axe: {
          run(
            d: unknown,
            o: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
