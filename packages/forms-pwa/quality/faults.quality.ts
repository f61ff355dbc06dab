/**
 * Storage and update faults in real Chromium against the production build:
 *   - the device's storage is full while a photo is saved (IndexedDB refuses it with QuotaExceededError): the app says "Bộ nhớ đầy — hãy xuất bản sao lưu", keeps the photo,
 *     and stores it once space is back;
 *   - a new version of the app is deployed in the middle of an assessment: the update toast appears, and
 *     "Tải lại" right after the last answer and a half-typed note loses nothing.
 * (Quota, a blocking old tab and another tab's upgrade are also unit-tested in test/storage-faults.test.ts.)
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  cardStatuses,
  createAssessment,
  importFile,
  launch,
  openApp,
  saveState,
  serve,
  waitSaved,
  type Served,
} from '../e2e/harness.js';

const smallSet = readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function withSmallSet(page: Page, url: string): Promise<string> {
  await openApp(page, url);
  await importFile(page, url, 'small-set.json', smallSet);
  await page.locator('[data-import-ok]').waitFor();
  return createAssessment(page, url, 'Trạm Y tế sự cố', 'test-small@1.0');
}

async function answer(page: Page, itemId: string, value: string): Promise<void> {
  const before = (await saveState(page)).at;
  await page.locator(`tc-item-card[data-item-id="${itemId}"] button[data-value="${value}"]`).click();
  await waitSaved(page, before);
}

const storedPhotos = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('tieuchi');
        open.onsuccess = () => {
          const req = open.result.transaction('photos').objectStore('photos').count();
          req.onsuccess = () => resolve(req.result);
        };
      }),
  );

describe('faults in Chromium', () => {
  it('storage full while saving a photo: a clear message, the photo kept, stored once space is back', async () => {
    const served: Served = await serve();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    try {
      const id = await withSmallSet(page, served.url);
      await answer(page, 'i1', 'met');
      await page.goto(`${served.url}#/a/${id}/s/s2`);
      await page.locator('tc-item-card[data-item-id="i4"]').waitFor();
      // A noisy picture (about 1 MB as JPEG).
      const png = await page.evaluate(() => {
        const c = document.createElement('canvas');
        c.width = 1600;
        c.height = 1200;
        const g = c.getContext('2d')!;
        const img = g.createImageData(1600, 1200);
        for (let i = 0; i < img.data.length; i++) img.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
        g.putImageData(img, 0, 0);
        return c.toDataURL('image/png').split(',')[1]!;
      });
      // The device is full: IndexedDB refuses the photo with a QuotaExceededError, as a browser does.
      // (CDP's Storage.overrideQuotaForOrigin is not enforced here once the service worker's precache
      // already exceeds the quota, so the refusal is injected at the object store.)
      await page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        (window as unknown as { __full: boolean }).__full = true;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (this.name === 'photos' && (window as unknown as { __full: boolean }).__full)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        };
      });
      await page
        .locator('tc-item-card[data-item-id="i4"] input[type=file]')
        .setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
      const banner = page.locator('[data-storage-problem="quota"]');
      await banner.waitFor({ timeout: 20_000 });
      expect(await banner.textContent()).toContain('Bộ nhớ đầy — hãy xuất bản sao lưu');
      expect(await storedPhotos(page)).toBe(0);
      // Space is back (the user exported and cleaned up): "retry" stores the photo and links it.
      await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
      await page.locator('[data-action="retry-save"]').click();
      await banner.waitFor({ state: 'detached', timeout: 20_000 });
      await page.locator('tc-item-card[data-item-id="i4"] tc-photo-evidence figure img[src^="blob:"]').waitFor();
      expect(await storedPhotos(page)).toBe(1);
      await page.reload();
      await page.locator('tc-item-card[data-item-id="i4"] tc-photo-evidence figure img[src^="blob:"]').waitFor();
    } finally {
      await page.context().close();
      await served.close();
    }
  });

  it('a new version deployed mid-assessment: the toast appears, and reloading right away loses nothing', async () => {
    // Our own copy of the build, so that this test can "deploy" a new service worker.
    const root = mkdtempSync(join(tmpdir(), 'tieuchi-update-'));
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    const server = await preview({
      root,
      configFile: false,
      logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0 },
    });
    const url = server.resolvedUrls!.local[0]!;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    try {
      const id = await withSmallSet(page, url);
      await page.evaluate(async () => void (await navigator.serviceWorker.ready));
      await page.reload(); // the first visit installs the worker; from now on it controls the page
      await page.locator('tc-item-card').first().waitFor();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller);
      await answer(page, 'i1', 'met');
      appendFileSync(join(root, 'dist/sw.js'), `\n// deployed ${Date.now()}\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const toast = page.locator('tc-update-toast [data-update]');
      await toast.waitFor({ timeout: 30_000 });
      expect(await toast.textContent()).toContain('Đã có phiên bản mới');
      // The inspector answers and types a note, and taps "Tải lại" at once (no wait for "saved").
      await page.locator('tc-item-card[data-item-id="i2"] button[data-value="partial"]').click();
      await page.locator('tc-item-card[data-item-id="i2"] textarea').fill('Nhà vệ sinh thiếu xà phòng');
      const reloaded = page.waitForEvent('framenavigated', { timeout: 30_000 });
      await toast.locator('button').click();
      await reloaded;
      await page.locator('tc-item-card').first().waitFor();
      expect(new URL(page.url()).hash).toContain(id);
      expect(await cardStatuses(page)).toMatchObject({ i1: 'answered', i2: 'answered' });
      expect(await page.locator('tc-item-card[data-item-id="i2"] textarea').inputValue()).toBe(
        'Nhà vệ sinh thiếu xà phòng',
      );
      expect(await page.locator('tc-update-toast [data-update]').count()).toBe(0);
    } finally {
      await page.context().close();
      (server.httpServer as import('node:http').Server).closeAllConnections?.();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
