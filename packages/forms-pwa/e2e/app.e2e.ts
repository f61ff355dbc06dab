import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  browserPids,
  cardStatuses,
  createAssessment,
  importFile,
  launch,
  launchPersistent,
  openApp,
  saveState,
  serve,
  waitSaved,
  type Served,
} from './harness.js';

const smallSet = readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8');
const SMALL = 'test-small@1.0';

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** A fresh page in its own context, with the small test set imported. */
async function freshPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await openApp(page, served.url);
  await importFile(page, served.url, 'small-set.json', smallSet);
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
    const id = await createAssessment(page, served.url, 'Trạm E2E tải lại', SMALL);
    await answer(page, 'i1', 'met');
    await answer(page, 'i2', 'partial');
    await page.reload();
    await page.locator('tc-item-card').first().waitFor();
    expect(await cardStatuses(page)).toMatchObject({ i1: 'answered', i2: 'answered' });
    await expect.poll(() => page.locator('tc-item-card[data-item-id="i2"] button[aria-pressed="true"]').getAttribute('data-value')).toBe('partial');
    // And the home list shows it with its score.
    await page.goto(served.url);
    await expect.poll(() => page.locator(`li[data-assessment="${id}"]`).textContent()).toContain('3/10');
    await page.context().close();
  });

  it('works offline from the service worker and keeps saving', async () => {
    const own = await serve();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await openApp(page, own.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await openApp(page, own.url);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await own.close();
    await expect(fetch(own.url)).rejects.toThrow();

    await page.reload();
    await openApp(page, own.url);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // A built-in criteria set loads from the precache: create and answer while offline.
    const id = await createAssessment(page, own.url, 'Trạm E2E ngoại tuyến');
    const first = page.locator('tc-item-card button[data-value]').first();
    const itemId = await first.evaluate((b) => ((b.getRootNode() as ShadowRoot).host.getRootNode() as ShadowRoot).host.getAttribute('data-item-id'));
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
      await openApp(page, served.url);
      await importFile(page, served.url, 'small-set.json', smallSet);
      await page.locator('[data-import-ok]').waitFor();
      const id = await createAssessment(page, served.url, 'Trạm E2E sự cố', SMALL);
      await answer(page, 'i1', 'not-met');
      await answer(page, 'i2', 'met');
      await page.goto(`${served.url}#/a/${id}/s/s2`);
      await answer(page, 'i3', 'some'); // the last answer: the browser is killed right after it is durable
      const pids = browserPids(dir);
      expect(pids.length).toBeGreaterThan(0);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await ctx.close().catch(() => undefined);

      ctx = await launchPersistent(dir);
      page = ctx.pages()[0] ?? (await ctx.newPage());
      await openApp(page, `${served.url}#/a/${id}`);
      await page.locator('tc-item-card').first().waitFor();
      expect(await cardStatuses(page)).toMatchObject({ i1: 'answered', i2: 'answered' });
      await page.goto(`${served.url}#/a/${id}/s/s2`);
      await expect.poll(async () => (await cardStatuses(page)).i3).toBe('answered');
      await ctx.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a malformed bundle with a message and changes nothing', async () => {
    const page = await freshPage();
    const id = await createAssessment(page, served.url, 'Trạm E2E nhập lỗi', SMALL);
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
      await importFile(page, served.url, name, text);
      await page.locator('[data-import-error]').waitFor();
      expect(await page.locator('[data-import-error]').textContent()).toMatch(/không hợp lệ/);
    }
    await page.goto(`${served.url}#/a/${id}`);
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
    const id = await createAssessment(page, served.url, '<img src=x onerror=alert(2)>', SMALL);
    const note = '<img src=x onerror=alert(1)>';
    const before = (await saveState(page)).at;
    await page.locator('tc-item-card[data-item-id="i1"] textarea').fill(note);
    await waitSaved(page, before);
    await page.reload();
    await page.locator('tc-item-card').first().waitFor();
    expect(await page.locator('tc-item-card[data-item-id="i1"] textarea').inputValue()).toBe(note);
    await page.goto(`${served.url}#/a/${id}/results`);
    await page.goto(served.url);
    await page.locator(`li[data-assessment="${id}"]`).waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('locks the assessment on submit', async () => {
    const page = await freshPage();
    const id = await createAssessment(page, served.url, 'Trạm E2E nộp', SMALL);
    await answer(page, 'i1', 'met');
    await page.goto(`${served.url}#/a/${id}/submit`);
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
    await page.goto(`${served.url}#/a/${id}`);
    await page.locator('[data-locked]').waitFor();
    expect(await page.locator('tc-item-card[data-item-id="i1"] button[data-value="met"]').isDisabled()).toBe(true);
    await page.reload();
    await page.locator('[data-locked]').waitFor();
    await page.context().close();
  });
});
