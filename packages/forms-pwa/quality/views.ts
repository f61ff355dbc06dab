/**
 * The app's main views, reached in a seeded browser: an assessment of the small test set, partly
 * answered with a note, plus a locked one. Views added to the header navigation later are found there,
 * so a new view is audited without editing this list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, createAssessment, importFile, openApp, saveState, waitSaved } from '../e2e/harness.js';

const SMALL = 'test-small@1.0';

export interface View {
  name: string;
  hash: string;
}

/** Clicks an answer on an item card and waits until it is durable. */
async function answer(page: Page, itemId: string, value: string): Promise<void> {
  const before = (await saveState(page)).at;
  await page.locator(`tc-item-card[data-item-id="${itemId}"] button[data-value="${value}"]`).click();
  await waitSaved(page, before);
}

/** Imports the small set, creates a partly answered draft and a locked assessment; returns the views. */
export async function seedViews(page: Page, url: string): Promise<View[]> {
  await openApp(page, url);
  await importFile(page, url, 'small-set.json', readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8'));
  await page.locator('[data-import-ok]').waitFor();
  const locked = await createAssessment(page, url, 'Trạm Y tế khoá sổ', SMALL);
  await answer(page, 'i1', 'met');
  await page.goto(`${url}#/a/${encodeURIComponent(locked)}/submit`);
  await page.locator('li[data-item="i2"] button').first().click(); // N/A
  for (const item of ['i3', 'i4']) {
    await page.locator(`li[data-item="${item}"] input`).fill('Không có người phụ trách');
    await page.locator(`li[data-item="${item}"] input`).press('Enter');
    await page.locator(`li[data-item="${item}"]`).waitFor({ state: 'detached' });
  }
  await page.locator('tc-submit input[type=checkbox]').check();
  await page.locator('button[data-action="lock"]').click();
  await page.waitForURL(/\/results$/);
  const id = await createAssessment(page, url, 'Trạm Y tế phường An Khánh', SMALL);
  await answer(page, 'i1', 'met');
  await answer(page, 'i2', 'partial');
  // A built-in set too (real texts, many items, sections with open items at submit).
  const builtin = await createAssessment(page, url, 'Trạm Y tế xã Bộ sẵn có');
  await answer(page, (await page.locator('tc-item-card').first().getAttribute('data-item-id'))!, 'met');
  const a = (h: string) => `#/a/${encodeURIComponent(id)}${h}`;
  const views: View[] = [
    { name: 'home', hash: '#/' },
    { name: 'new assessment', hash: '#/new' },
    { name: 'fill-in', hash: a('') },
    { name: 'fill-in, second section', hash: a('/s/s2') },
    { name: 'submit', hash: a('/submit') },
    { name: 'results', hash: a('/results') },
    { name: 'fill-in, built-in set', hash: `#/a/${encodeURIComponent(builtin)}` },
    { name: 'submit, built-in set', hash: `#/a/${encodeURIComponent(builtin)}/submit` },
    { name: 'results, built-in set', hash: `#/a/${encodeURIComponent(builtin)}/results` },
    { name: 'locked fill-in', hash: `#/a/${encodeURIComponent(locked)}` },
    { name: 'locked results', hash: `#/a/${encodeURIComponent(locked)}/results` },
    { name: 'import / export', hash: '#/io' },
  ];
  // Any other view linked from the header (a builder, a dashboard...).
  await page.goto(`${url}#/`);
  const links = await page.evaluate(() =>
    [
      ...(document.querySelector('tc-app')?.shadowRoot?.querySelectorAll<HTMLAnchorElement>('header a[href^="#/"]') ??
        []),
    ].map((l) => ({
      name: (l.textContent ?? '').trim(),
      hash: l.getAttribute('href') ?? '',
    })),
  );
  for (const l of links) if (!views.some((v) => v.hash === l.hash)) views.push(l);
  return views;
}

/** Navigates to a view and waits until the shell rendered it. */
export async function showView(page: Page, url: string, hash: string): Promise<void> {
  await page.goto(`${url}${hash}`);
  await page.waitForFunction(() => !!document.querySelector('tc-app')?.shadowRoot?.querySelector('main > *'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
