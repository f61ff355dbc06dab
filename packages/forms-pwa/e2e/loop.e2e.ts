/**
 * The improvement loop in Chromium against the production build: the example stations' contest rounds
 * (examples/qd1300-commune-health, 2025-r1 baseline and 2026-r1 follow-up) imported as one bundle; the compare
 * view's deltas; the dashboard's rankings (from the device and from bundles imported into the dashboard only);
 * the plan editor's persistence and the "last time" hint on the next assessment.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importFile, openApp, ROOT, servedApp } from './harness.js';

const EX = join(ROOT, '../../examples/qd1300-commune-health');
const files = readdirSync(EX).filter((f) => /-(2025-baseline|2026-followup)\.assessment\.json$/.test(f));
const bundle = JSON.stringify({
  schemaVersion: 1,
  kind: 'bundle',
  createdAt: '2026-06-01T00:00:00.000Z',
  assessments: files.map((f) => JSON.parse(readFileSync(join(EX, f), 'utf8'))),
});

const app = servedApp();

async function freshPage(): Promise<Page> {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await openApp(page, app.served.url);
  return page;
}

async function withExamples(): Promise<Page> {
  const page = await freshPage();
  await importFile(page, app.served.url, 'examples.json', bundle);
  await page.locator('[data-import-ok]').waitFor();
  return page;
}

/** Facility names of the ranking table's rows, in order. */
const rankedNames = (page: Page) => page.locator('tc-dashboard-ranking tbody tr td:nth-child(2)').allTextContents();

describe('improvement loop in Chromium', () => {
  it('imports six example rounds from one bundle', () => {
    expect(files).toHaveLength(6);
  });

  it('compares baseline and follow-up of Thạnh Tiến: 70,0 % → 94,0 %, +24,0', async () => {
    const page = await withExamples();
    // From the follow-up's results, the "compare with last time" link picks the baseline.
    await page.goto(`${app.served.url}#/a/ex-1300-thanh-tien-2026-r1/results`);
    await page.locator('tc-plan-links a[data-action="compare"]').click();
    await page.waitForURL(/#\/compare\/ex-1300-thanh-tien-2025-r1\/ex-1300-thanh-tien-2026-r1$/);
    await expect.poll(() => page.locator('[data-total-before]').textContent()).toBe('70,0 %');
    expect(await page.locator('[data-total-after]').textContent()).toBe('94,0 %');
    expect(await page.locator('[data-total-delta]').textContent()).toBe('+24,0');
    // Per criterion: every delta shown is signed, and the ones that moved add up with the lists.
    const deltas = await page
      .locator('tc-compare tr[data-criterion]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.delta));
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.some((d) => d?.startsWith('+') && d !== '+0,0')).toBe(true);
    const newlyMet = await page.locator('[data-list="newly-met"] li').count();
    expect(newlyMet).toBeGreaterThan(0);
    // The bars carry accessible names.
    expect(await page.locator('tc-chart-delta svg[role="img"]').first().getAttribute('aria-label')).toContain('→');
    await page.context().close();
  });

  it('ranks the example stations on the dashboard: by score in 2026-r1 and by gain', async () => {
    const page = await withExamples();
    await page.goto(`${app.served.url}#/dashboard`);
    await page.locator('tc-dashboard-ranking table').waitFor();
    expect(await page.locator('tc-dashboard select[name="round"]').inputValue()).toBe('2026-r1');
    expect(await rankedNames(page)).toEqual([
      'Trạm Y tế phường Thường Thạnh',
      'Trạm Y tế xã Thạnh Tiến',
      'Trạm Y tế phường Thuận Hưng',
    ]);
    expect(await page.locator('tc-dashboard-ranking tbody td:nth-child(3)').allTextContents()).toEqual([
      '100,0',
      '94,0',
      '88,0',
    ]);
    await page.locator('tc-dashboard button[data-mode="gain"]').click();
    await expect
      .poll(() => rankedNames(page))
      .toEqual(['Trạm Y tế xã Thạnh Tiến', 'Trạm Y tế phường Thường Thạnh', 'Trạm Y tế phường Thuận Hưng']);
    expect(await page.locator('tc-dashboard-ranking td[data-gain]').allTextContents()).toEqual([
      '+24,0',
      '+10,0',
      '+9,0',
    ]);
    // Heat map, weakest criteria and trend are drawn as labelled SVG.
    expect(await page.locator('tc-chart-heatmap svg[data-heatmap] g[data-cell]').count()).toBeGreaterThanOrEqual(30);
    expect(await page.locator('tc-chart-bars svg title').first().textContent()).toBeTruthy();
    expect(await page.locator('tc-chart-trend svg[data-trend]').getAttribute('aria-label')).toContain('Thạnh Tiến');
    // CSV export: UTF-8 with a byte-order mark.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('tc-dashboard button[data-action="ranking-csv"]').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Trạm Y tế xã Thạnh Tiến');
    // Rounds by their names as written, in the header and the file name, never their ids (issue 13 item 11).
    expect(csv).toContain('Hội thi cải tiến hoạt động trạm y tế năm 2025 - vòng chấm điểm (ví dụ) %');
    expect(download.suggestedFilename()).toMatch(
      /^xep-hang-cai-thien-hoi-thi-cai-tien-.*-2025-vong-cham-diem-vi-du-.*2026.*\.csv$/,
    );
    expect(download.suggestedFilename()).not.toContain('2025-r1');
    await page.context().close();
  });

  it('ranks bundles imported into the dashboard without writing them to the device', async () => {
    const page = await freshPage();
    await page.goto(`${app.served.url}#/dashboard`);
    await page.locator('input[data-dashboard-import]').setInputFiles([
      { name: 'examples.json', mimeType: 'application/json', buffer: Buffer.from(bundle) },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"bundle"') },
    ]);
    await page.locator('tc-dashboard-ranking table').waitFor();
    expect(await rankedNames(page)).toEqual([
      'Trạm Y tế phường Thường Thạnh',
      'Trạm Y tế xã Thạnh Tiến',
      'Trạm Y tế phường Thuận Hưng',
    ]);
    expect(await page.locator('[data-dashboard-error]').textContent()).toContain('broken.json');
    await page.goto(app.served.url);
    await page.locator('tc-home').waitFor();
    expect(await page.locator('li[data-assessment]').count()).toBe(0);
    await page.context().close();
  });

  it('keeps plan edits across a reload and shows them on the next assessment of the station', async () => {
    const page = await withExamples();
    // The plan of the latest round: the next assessment's "last time" is the 2026 follow-up.
    await page.goto(`${app.served.url}#/a/ex-1300-thanh-tien-2026-r1/results`);
    await page.locator('tc-plan-links a[data-action="plan"]').click();
    const first = page.locator('tc-plan-action').first();
    await first.waitFor();
    await first.locator('textarea[name="action"]').fill('Xây dựng kế hoạch truyền thông năm');
    await first.locator('input[name="owner"]').fill('Trưởng trạm');
    await first.locator('input[name="due"]').fill('2025-09-30'); // a date picker
    await first.locator('input[name="due"]').press('Tab');
    await first.locator('button[data-status="in-progress"]').click();
    await expect.poll(() => page.locator('[data-plan-save]').getAttribute('data-plan-save')).toBe('saved');
    const itemId = await first.evaluate((el) => (el as HTMLElement & { action: { itemId: string } }).action.itemId);
    await page.reload();
    await page.locator('tc-plan-action').first().waitFor();
    const again = page.locator('tc-plan-action').first();
    expect(await again.locator('textarea[name="action"]').inputValue()).toBe('Xây dựng kế hoạch truyền thông năm');
    expect(await again.locator('input[name="due"]').inputValue()).toBe('2025-09-30');
    expect(await again.locator('button[aria-pressed="true"]').getAttribute('data-status')).toBe('in-progress');

    // A new assessment of the same station and set: the item shows last time's finding and the plan.
    await page.goto(`${app.served.url}#/new`);
    await page.locator('select[name=set]').selectOption('qd1300-commune-health@2023.1');
    await page.locator('select[name=facility]').selectOption('cantho-tyt-thanh-tien');
    await page.locator('select[name=kind]').selectOption('contest-round'); // the station's next round: same kind
    await page.locator('textarea[name=assessors]').fill('Nguyễn Thị Thử');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/#\/a\//);
    const hint = page.locator(`tc-item-card[data-item-id="${itemId}"] tc-plan-hint [data-last-time]`);
    await expect.poll(() => hint.textContent(), { timeout: 10_000 }).toContain('Xây dựng kế hoạch truyền thông năm');
    const text = (await hint.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('Lần trước (20/05/2026)');
    expect(text).toContain('bây giờ?');
    await page.context().close();
  });
});
