import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserPids,
  cardStatuses,
  createAssessment,
  importFile,
  launchPersistent,
  openApp,
  reloadUnderServiceWorker,
  ROOT,
  saveState,
  serve,
  servedApp,
  waitSaved,
} from './harness.js';

const smallSet = readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8');
const SMALL = 'test-small@1.0';

const app = servedApp();

/** A fresh page in its own context, with the small test set imported. */
async function freshPage(): Promise<Page> {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await openApp(page, app.served.url);
  await importFile(page, app.served.url, 'small-set.json', smallSet);
  await page.locator('[data-import-ok]').waitFor();
  return page;
}

/** Clicks an answer button on an item card and waits until it is durable. */
async function answer(page: Page, itemId: string, value: string): Promise<void> {
  const before = (await saveState(page)).at;
  await page.locator(`tc-item-card[data-item-id="${itemId}"] button[data-value="${value}"]`).click();
  await waitSaved(page, before);
}

describe('forms-pwa in Chromium (production build)', () => {
  it('restores answers after a reload', async () => {
    const page = await freshPage();
    const id = await createAssessment(page, app.served.url, 'Trạm E2E tải lại', SMALL);
    await answer(page, 'i1', 'met');
    await answer(page, 'i2', 'partial');
    await page.reload();
    await page.locator('tc-item-card').first().waitFor();
    expect(await cardStatuses(page)).toMatchObject({ i1: 'answered', i2: 'answered' });
    await expect
      .poll(() =>
        page.locator('tc-item-card[data-item-id="i2"] button[aria-pressed="true"]').getAttribute('data-value'),
      )
      .toBe('partial');
    // And the home list shows it with its score.
    await page.goto(app.served.url);
    await expect.poll(() => page.locator(`li[data-assessment="${id}"]`).textContent()).toContain('3/10');
    await page.context().close();
  });

  it('keeps the save indicator in a box of its own size, whatever it says (issue 20)', async () => {
    const page = await freshPage();
    await createAssessment(page, app.served.url, 'Trạm E2E lưu', SMALL);
    // The box's place and size, and whether it is contained (its text change then lays out only the box).
    const box = () =>
      page.evaluate(() => {
        const el = document.querySelector('tc-app')!.shadowRoot!.querySelector<HTMLElement>('[data-save]')!;
        const r = el.getBoundingClientRect();
        return {
          rect: [r.x, r.y, r.width, r.height].join(),
          contain: getComputedStyle(el).contain,
          text: el.textContent,
        };
      });
    await page.reload();
    await page.locator('tc-item-card').first().waitFor();
    const idle = await box();
    expect(idle.text?.trim()).toBe('');
    await answer(page, 'i1', 'met');
    const saved = await box();
    expect(saved.text?.trim()).toBe('✓ Đã lưu');
    expect(saved.rect).toBe(idle.rect);
    expect(saved.contain).toBe('strict');
    await page.context().close();
  });

  it('stores a photo as a downscaled JPEG with its capture time, and runs under the CSP', async () => {
    const page = await freshPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await createAssessment(page, app.served.url, 'Trạm E2E ảnh', SMALL);
    await page.goto(`${page.url().replace(/#.*/, '')}${new URL(page.url()).hash}/s/s2`);
    await page.locator('tc-item-card[data-item-id="i4"]').waitFor();
    expect(await page.locator('tc-item-card[data-item-id="i4"] .warnline').count()).toBe(1); // photo required
    // A 2400x1800 "camera" picture, drawn in the page (no image library needed here).
    const big = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 2400;
      c.height = 1800;
      const g = c.getContext('2d')!;
      g.fillStyle = '#0b6e4f';
      g.fillRect(0, 0, 2400, 1800);
      g.fillStyle = '#fff';
      g.fillRect(600, 400, 1200, 1000);
      return c.toDataURL('image/png').split(',')[1]!;
    });
    await page
      .locator('tc-item-card[data-item-id="i4"] input[type=file]')
      .setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: Buffer.from(big, 'base64') });
    await page.locator('tc-item-card[data-item-id="i4"] tc-photo-evidence figure img[src^="blob:"]').waitFor();
    await expect.poll(() => page.locator('tc-item-card[data-item-id="i4"] .warnline').count()).toBe(0);
    const stored = await page.evaluate(
      () =>
        new Promise<{ mime: string; width: number; height: number; capturedAt: string; type: string }[]>(
          (resolve, reject) => {
            const open = indexedDB.open('tieuchi');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const req = open.result.transaction('photos').objectStore('photos').getAll();
              req.onsuccess = () =>
                resolve(
                  req.result.map((p) => ({
                    mime: p.mime,
                    width: p.width,
                    height: p.height,
                    capturedAt: p.capturedAt,
                    type: p.blob.type,
                  })),
                );
            };
          },
        ),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ mime: 'image/jpeg', type: 'image/jpeg', width: 1600, height: 1200 });
    expect(stored[0]!.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Decoded, downscaled and encoded in the photo worker, not on the page (issue 20); the report worker then makes
    // the report-size copy at once, so the first PDF has no photo left to prepare.
    await expect
      .poll(() => page.workers().map((w) => w.url()))
      .toEqual(
        expect.arrayContaining([expect.stringMatching(/photo\.worker/), expect.stringMatching(/report\.worker/)]),
      );
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('works offline from the service worker and keeps saving', async () => {
    const own = await serve();
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await openApp(page, own.url);
    await reloadUnderServiceWorker(page, own.url);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await own.close();
    await expect(fetch(own.url)).rejects.toThrow();

    await page.reload();
    await openApp(page, own.url);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // A built-in criteria set loads from the precache: create and answer while offline.
    const id = await createAssessment(page, own.url, 'Trạm E2E ngoại tuyến');
    const first = page.locator('tc-item-card button[data-value]').first();
    // The item card the button is in (its answer control renders into the card's shadow root).
    const itemId = await first.evaluate((b) =>
      (b.getRootNode() as ShadowRoot).host.closest('tc-item-card')?.getAttribute('data-item-id'),
    );
    expect(itemId).toBeTruthy();
    const before = (await saveState(page)).at;
    await first.click();
    await waitSaved(page, before);
    await page.reload();
    await page.locator('tc-item-card').first().waitFor();
    expect((await cardStatuses(page))[itemId!]).toBe('answered');
    expect(page.url()).toContain(id);
    await ctx.close();
  });

  it('loses no answer when the browser is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tieuchi-crash-'));
    try {
      let ctx = await launchPersistent(dir);
      let page = ctx.pages()[0] ?? (await ctx.newPage());
      await openApp(page, app.served.url);
      await importFile(page, app.served.url, 'small-set.json', smallSet);
      await page.locator('[data-import-ok]').waitFor();
      const id = await createAssessment(page, app.served.url, 'Trạm E2E sự cố', SMALL);
      await answer(page, 'i1', 'not-met');
      await answer(page, 'i2', 'met');
      await page.goto(`${app.served.url}#/a/${id}/s/s2`);
      await answer(page, 'i3', 'some'); // the last answer: the browser is killed right after it is durable
      const pids = browserPids(dir);
      expect(pids.length).toBeGreaterThan(0);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await ctx.close().catch(() => undefined);

      ctx = await launchPersistent(dir);
      page = ctx.pages()[0] ?? (await ctx.newPage());
      await openApp(page, `${app.served.url}#/a/${id}`);
      await page.locator('tc-item-card').first().waitFor();
      expect(await cardStatuses(page)).toMatchObject({ i1: 'answered', i2: 'answered' });
      await page.goto(`${app.served.url}#/a/${id}/s/s2`);
      await expect.poll(async () => (await cardStatuses(page)).i3).toBe('answered');
      await ctx.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a malformed bundle with a message and changes nothing', async () => {
    const page = await freshPage();
    const id = await createAssessment(page, app.served.url, 'Trạm E2E nhập lỗi', SMALL);
    await answer(page, 'i1', 'met');
    const hostile = JSON.stringify({
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2025-01-01T00:00:00Z',
      assessments: [{ id, kind: 'assessment', answers: { i1: { value: '<script>alert(1)</script>' } } }],
    });
    for (const [name, text] of [
      ['broken.json', '{"kind": "bundle", "assessments": ['],
      ['hostile.json', hostile],
    ] as const) {
      await importFile(page, app.served.url, name, text);
      await page.locator('[data-import-error]').waitFor();
      expect(await page.locator('[data-import-error]').textContent()).toMatch(/không hợp lệ/);
    }
    await page.goto(`${app.served.url}#/a/${id}`);
    await page.locator('tc-item-card').first().waitFor();
    expect(await cardStatuses(page)).toMatchObject({ i1: 'answered', i2: 'unanswered' });
    await page.context().close();
  });

  it('shows a hostile note as text and runs nothing', async () => {
    const page = await freshPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const id = await createAssessment(page, app.served.url, '<img src=x onerror=alert(2)>', SMALL);
    const note = '<img src=x onerror=alert(1)>';
    const before = (await saveState(page)).at;
    await page.locator('tc-item-card[data-item-id="i1"] textarea').fill(note);
    await waitSaved(page, before);
    await page.reload();
    await page.locator('tc-item-card').first().waitFor();
    expect(await page.locator('tc-item-card[data-item-id="i1"] textarea').inputValue()).toBe(note);
    await page.goto(`${app.served.url}#/a/${id}/results`);
    await page.goto(app.served.url);
    await page.locator(`li[data-assessment="${id}"]`).waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('locks the assessment on submit', async () => {
    const page = await freshPage();
    const id = await createAssessment(page, app.served.url, 'Trạm E2E nộp', SMALL);
    await answer(page, 'i1', 'met');
    await page.goto(`${app.served.url}#/a/${id}/submit`);
    const lock = page.locator('button[data-action="lock"]');
    await lock.waitFor();
    expect(await lock.isDisabled()).toBe(true); // three items still open
    await page.locator('li[data-item="i2"] button').first().click(); // N/A is allowed for i2
    for (const item of ['i3', 'i4']) {
      await page.locator(`li[data-item="${item}"] input`).fill('Không có người phụ trách');
      await page.locator(`li[data-item="${item}"] input`).press('Enter');
      await page.locator(`li[data-item="${item}"]`).waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.locator('[data-unanswered]').count()).toBe(0);
    await page.locator('tc-submit input[type=checkbox]').check(); // acknowledge the missing photo
    await lock.click();
    await page.waitForURL(/\/results$/);
    await expect.poll(() => page.locator('[data-hash]').textContent()).toMatch(/[0-9a-f]{64}/);
    await page.goto(`${app.served.url}#/a/${id}`);
    await page.locator('[data-locked]').waitFor();
    expect(await page.locator('tc-item-card[data-item-id="i1"] button[data-value="met"]').isDisabled()).toBe(true);
    await page.reload();
    await page.locator('[data-locked]').waitFor();
    await page.context().close();
  });
});
