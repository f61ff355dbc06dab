/**
 * Finding one's way in a long form (issue 14) in the production build: "next" lands with the question fully
 * visible below the sticky bars at desktop and phone sizes and says why it stopped; the criterion navigation
 * of the one-section 1300 form; the dashboard's XLSX export opened with the sheets module.
 */
import { readFileSync } from 'node:fs';
import { readWorkbook } from '@tieuchi/sheets';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAssessment, importFile, openApp, ROOT, saveState, servedApp, waitSaved } from './harness.js';

const smallSet = readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8');
const SMALL = 'test-small@1.0';
const Q1300 = 'qd1300-commune-health@2023.1';

const app = servedApp();

async function freshPage(width: number, height: number): Promise<Page> {
  const ctx = await app.browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  await openApp(page, app.served.url);
  return page;
}

/** Where an item card (or a criterion heading) is, and how far down the sticky bars cover the screen. */
const placeOf = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const fill = document.querySelector('tc-app')!.shadowRoot!.querySelector('tc-fill')!.shadowRoot!;
    const header = document.querySelector('tc-app')!.shadowRoot!.querySelector('header')!;
    const el = fill.querySelector(sel)!;
    const text = el.shadowRoot?.querySelector('.text') ?? el;
    let covered = 0;
    for (const o of [header, fill.querySelector('.mobile-bar')!]) {
      const cs = getComputedStyle(o);
      if (cs.display === 'none' || cs.position !== 'sticky') continue;
      covered = Math.max(covered, o.getBoundingClientRect().bottom);
    }
    return {
      top: el.getBoundingClientRect().top,
      textBottom: text.getBoundingClientRect().bottom,
      covered,
      viewport: innerHeight,
    };
  }, selector);

const nextButton = (page: Page) => page.locator('button[data-action="next"]').filter({ visible: true });

async function answer(page: Page, itemId: string, value: string): Promise<void> {
  const before = (await saveState(page)).at;
  await page.locator(`tc-item-card[data-item-id="${itemId}"] button[data-value="${value}"]`).click();
  await waitSaved(page, before);
}

describe('finding the way in a long form (Chromium, production build)', () => {
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    it(`lands "next" with the question fully visible below the sticky bars at ${w}×${h}`, async () => {
      const page = await freshPage(w, h);
      await createAssessment(page, app.served.url, `Trạm điều hướng ${w}`, Q1300);
      // Answer the first item, then go to Tiêu chí 5 from the navigation (the picker on a phone).
      await answer(page, 't1.1', 'met');
      if (w > 860) await page.locator('tc-section-nav button[data-criterion="t5"]').click();
      else await page.locator('tc-fill select.sections').selectOption({ index: 4 }); // one section: Tiêu chí 1–10
      await expect
        .poll(async () => {
          const p = await placeOf(page, '.criterion[data-criterion="t5"]');
          return p.top >= p.covered - 1 && p.top < p.covered + 40;
        })
        .toBe(true);
      // Answer 5.2; "next" goes to 5.3 (not 5.2, not one off) and says why it stopped.
      await answer(page, 't5.2', 'met');
      await nextButton(page).click();
      await expect
        .poll(() => page.locator('[data-stopped]').filter({ visible: true }).textContent())
        .toContain('Dừng ở 5.3: chưa trả lời');
      await expect
        .poll(async () => {
          const p = await placeOf(page, 'tc-item-card[data-item-id="t5.3"]');
          return p.top >= p.covered - 1 && p.textBottom <= p.viewport;
        })
        .toBe(true);
      await page.context().close();
    });
  }

  it('stops at an answered item without its required photo and says "thiếu ảnh minh chứng"', async () => {
    const page = await freshPage(1280, 800);
    await importFile(page, app.served.url, 'small-set.json', smallSet);
    await page.locator('[data-import-ok]').waitFor();
    await createAssessment(page, app.served.url, 'Trạm thiếu ảnh', SMALL);
    await answer(page, 'i2', 'met');
    await answer(page, 'i1', 'not-met'); // needs a photo when not met
    // From i1, next is i2 answered → skipped; the next open item after i1 is 2.1 in the other section.
    await nextButton(page).click();
    await expect
      .poll(() => page.locator('[data-stopped]').filter({ visible: true }).textContent())
      .toContain('Dừng ở 2.1: chưa trả lời');
    await nextButton(page).click(); // 2.2
    await expect
      .poll(() => page.locator('[data-stopped]').filter({ visible: true }).textContent())
      .toContain('Dừng ở 2.2: chưa trả lời');
    // Let the landing on 2.2 finish (it measures until the card stays put) before asking for the next one.
    await expect
      .poll(async () => {
        const p = await placeOf(page, 'tc-item-card[data-item-id="i4"]');
        return p.top >= p.covered - 1 && p.textBottom <= p.viewport;
      })
      .toBe(true);
    await nextButton(page).click(); // wraps to 1.1: answered, photo missing
    await expect
      .poll(() => page.locator('[data-stopped]').filter({ visible: true }).textContent())
      .toContain('Dừng ở 1.1: thiếu ảnh minh chứng');
    await expect
      .poll(async () => {
        const p = await placeOf(page, 'tc-item-card[data-item-id="i1"]');
        return p.top >= p.covered - 1 && p.textBottom <= p.viewport;
      })
      .toBe(true);
    await page.context().close();
  });
});

/** Every item of the 1300 set answered at full marks (numeric: 100 %), except those listed as not met. */
function answers1300(notMet: readonly string[]): Record<string, { value: string | number; at: string }> {
  const set = JSON.parse(readFileSync(join(ROOT, '../../criteria/qd1300-commune-health.json'), 'utf8')) as {
    sections: { criteria: { items: { id: string; response: { kind: string } }[] }[] }[];
  };
  const out: Record<string, { value: string | number; at: string }> = {};
  for (const c of set.sections[0]!.criteria)
    for (const it of c.items)
      out[it.id] = {
        value: it.response.kind === 'numeric' ? 100 : notMet.includes(it.id) ? 'not-met' : 'met',
        at: '2026-07-01T00:00:00Z',
      };
  return out;
}

const putStored = (page: Page, a: unknown) =>
  page.evaluate(
    (a) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tieuchi');
        open.onsuccess = () => {
          const tx = open.result.transaction('assessments', 'readwrite');
          tx.objectStore('assessments').put(a);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    a,
  );

describe('spreadsheets (Chromium, production build)', () => {
  it('exports the dashboard ranking as XLSX: header block, Vietnamese text, scores as number cells', async () => {
    const page = await freshPage(1280, 800);
    const id = await createAssessment(page, app.served.url, 'Mẫu', Q1300);
    const tpl = await page.evaluate(
      (id) =>
        new Promise<Record<string, unknown>>((resolve) => {
          const open = indexedDB.open('tieuchi');
          open.onsuccess = () => {
            const req = open.result.transaction('assessments').objectStore('assessments').get(id);
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result);
            };
          };
        }),
      id,
    );
    const station = (n: number, name: string, notMet: string[]) => ({
      ...tpl,
      id: `xlsx-${n}`,
      status: 'locked',
      lockedAt: '2026-07-01T00:00:00Z',
      contentHash: 'c'.repeat(64),
      facility: { id: `station-${n}`, name, kind: 'commune-station', provisional: true },
      assessedOn: '2026-07-01',
      round: { id: '2026-vong-1', label: '2026 - Vòng 1' },
      answers: answers1300(notMet),
    });
    await putStored(page, station(1, 'Trạm Y tế xã Hoà Bình', []));
    await putStored(page, station(2, 'Trạm Y tế phường Đông Hải', ['t1.1'])); // 3 of 100 points lost: 97 %
    await page.goto(`${app.served.url}#/dashboard`);
    await page.reload();
    await page.locator('tc-dashboard-ranking table tbody tr').first().waitFor({ timeout: 10_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('tc-dashboard button[data-action="ranking-xlsx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^xep-hang_.*2026-vong-1_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = new Uint8Array(readFileSync(await download.path())); // a plain copy: a Buffer's .buffer is its pool
    const [sheet] = await readWorkbook(bytes);
    const rows = sheet!.rows;
    expect(rows[0]).toEqual(['Bộ tiêu chí', expect.stringContaining('1300')]);
    expect(rows[1]).toEqual(['Đợt đánh giá', '2026 - Vòng 1']);
    expect(rows[2]![0]).toBe('Ngày xuất');
    expect(rows[2]![1]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const title = rows.findIndex((r) => r[0] === 'Hạng');
    expect(rows[title]).toEqual(['Hạng', 'đồng hạng', 'Cơ sở', 'Điểm (%)', 'Kết quả']);
    expect(rows[title + 1]).toEqual([1, null, 'Trạm Y tế xã Hoà Bình', 1, 'ĐẠT']);
    expect(rows[title + 2]).toEqual([2, null, 'Trạm Y tế phường Đông Hải', 0.97, 'ĐẠT']);
    expect(typeof rows[title + 2]![3]).toBe('number');
    await page.context().close();
  });
});
