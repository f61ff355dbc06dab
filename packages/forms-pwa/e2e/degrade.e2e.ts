/**
 * How the app degrades where an engine lacks what it uses, for gaps none of the three engines here has (see
 * docs/compatibility.md): a page without OffscreenCanvas (Safari before 16.4) gets its report photos downscaled
 * on the page, one per task, says so, and the downloaded PDF still carries the photo at the report's size.
 * Chromium with OffscreenCanvas removed before the app loads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePng } from './core-flows.js';
import { createAssessment, importFile, openApp, ROOT, servedApp } from './harness.js';

const app = servedApp();
const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-degrade-'));

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('graceful degradation (Chromium with a feature removed)', () => {
  it('without OffscreenCanvas the report photos are downscaled on the page, with a message, and nothing is lost', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await ctx.addInitScript(() => {
      delete (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas;
    });
    const page = await ctx.newPage();
    await openApp(page, app.served.url);
    expect(await page.evaluate(() => typeof (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas)).toBe(
      'undefined',
    );
    await importFile(
      page,
      app.served.url,
      'small-set.json',
      readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8'),
    );
    await page.locator('[data-import-ok]').waitFor();
    const id = await createAssessment(page, app.served.url, 'Trạm không OffscreenCanvas', 'test-small@1.0');
    await page.goto(`${app.served.url}#/a/${id}/s/s2`);
    await page
      .locator('tc-item-card[data-item-id="i4"] input[type=file]')
      .setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: makePng(2400, 1800) });
    await page.locator('tc-item-card[data-item-id="i4"] tc-photo-evidence figure img[src^="blob:"]').waitFor();
    await page.goto(`${app.served.url}#/a/${id}/results`);
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.locator('tc-report-export button[data-action="report-pdf"]').click(),
    ]);
    const path = join(tmp, dl.suggestedFilename());
    await dl.saveAs(path);
    expect(await page.locator('tc-report-export [data-report-note]').textContent()).toContain('thu nhỏ trên trang');
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((l) => l.trim().split(/\s+/))
      .filter((r) => r[2] === 'image');
    expect(images.map((r) => [r[3], r[4]])).toEqual([['1000', '750']]);
    await ctx.close();
  }, 90_000);
});
