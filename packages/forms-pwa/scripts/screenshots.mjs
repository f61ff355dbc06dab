#!/usr/bin/env node
/**
 * Screenshots of the main views at tablet size (1280x800 landscape, 800x1280 portrait) and on a phone,
 * taken in headless Chromium against the production build in dist/.
 *   node scripts/screenshots.mjs [outDir]   (default: ../../docs/screenshots)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const server = await preview({ root, configFile: false, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0 } });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
const ready = () =>
  page.waitForFunction(() => !!document.querySelector('tc-app')?.shadowRoot?.querySelector('main > *'));
await page.goto(url);
await ready();

// Seed: one assessment of the commune-station set (or the first set offered), partly answered.
await page.goto(`${url}#/new`);
// Built-in sets load when the New view asks for them: wait for the commune-station set to be offered.
await page.locator('select[name=set] option[value^="qd1300"]').first().waitFor({ state: 'attached' });
const sets = await page.locator('select[name=set] option').evaluateAll((os) => os.map((o) => o.value));
await page.locator('select[name=set]').selectOption(sets.find((s) => s.startsWith('qd1300')) ?? sets[0]);
const facilities = await page.locator('select[name=facility] option').count();
if (facilities > 2) await page.locator('select[name=facility]').selectOption({ index: 1 });
else {
  await page.locator('select[name=facility]').selectOption('__new__');
  await page.locator('input[name=fname]').fill('Trạm Y tế phường An Khánh');
}
await page.locator('textarea[name=assessors]').fill('Nguyễn Thị Lan\nTrần Văn Minh');
await page.screenshot({ path: `${out}/new-1280x800.png` });
await page.locator('button[type=submit]').click();
await page.waitForURL(/#\/a\//);
await page.locator('tc-item-card').first().waitFor();
const buttons = page.locator('tc-item-card button[data-value="met"]');
const n = Math.min(await buttons.count(), 6);
for (let i = 0; i < n; i++) await buttons.nth(i).click();
const notMet = page.locator('tc-item-card button[data-value="not-met"]');
if ((await notMet.count()) > n) await notMet.nth(n).click();
await page.locator('tc-item-card textarea').first().fill('Tủ thuốc cấp cứu đầy đủ, còn hạn sử dụng.');
await page.waitForTimeout(300);
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: `${out}/fill-1280x800.png` });
const fillUrl = page.url();
await page.setViewportSize({ width: 800, height: 1280 });
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/fill-800x1280.png` });
await page.setViewportSize({ width: 1280, height: 800 });
await page.goto(fillUrl.replace(/(#\/a\/[^/]+).*/, '$1/results'));
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/results-1280x800.png` });
await page.goto(fillUrl.replace(/(#\/a\/[^/]+).*/, '$1/submit'));
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/submit-1280x800.png`, clip: undefined });
await page.goto(url);
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/home-1280x800.png` });
await page.setViewportSize({ width: 390, height: 844 });
await page.goto(fillUrl);
await page.locator('tc-item-card').first().waitFor();
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/fill-phone-390x844.png` });
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
