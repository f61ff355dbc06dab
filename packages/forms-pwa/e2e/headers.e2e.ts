/**
 * Served security headers (issue 15): what the real start server (scripts/serve.mjs, which the harness's serve()
 * runs) sends on every kind of response, read from the wire; and in Chromium, the app's main views run under that
 * policy with no violation, and no other page can frame the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../scripts/security-headers.mjs';
import { createAssessment, importFile, openApp, ROOT, saveState, servedApp, waitSaved } from './harness.js';

const app = servedApp();

describe('security headers from the start server', () => {
  it('sends CSP (frame-ancestors none, no unsafe-eval, no unsafe-inline), nosniff and a referrer policy on every response', async () => {
    const html = await (await fetch(app.served.url)).text();
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    for (const path of ['', 'index.html', 'sw.js', 'manifest.webmanifest', asset!, 'no-such-file']) {
      const r = await fetch(new URL(path, app.served.url));
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-eval');
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("script-src 'self'");
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('no-referrer');
      // One definition: exactly what scripts/security-headers.mjs says.
      expect(csp).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    }
  });
  it('the main views run under that policy without a single violation', async () => {
    const page = await app.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(
          `Refused to: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample} @${location.hash}`,
        ),
      );
    });
    await openApp(page, app.served.url);
    for (const view of ['#/new', '#/io', '#/dashboard', '#/b', '#/']) {
      await page.goto(`${app.served.url}${view}`);
      await page.waitForFunction(() => !!document.querySelector('tc-app')?.shadowRoot?.querySelector('main > *'));
      await page.waitForTimeout(200);
    }
    expect(violations).toEqual([]);
    await page.close();
  });
  it('cannot be framed by another page', async () => {
    const page = await app.browser.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to frame/i.test(m.text())) refused.push(m.text());
    });
    await page.setContent(`<iframe src="${app.served.url}" width="400" height="300"></iframe>`);
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const child = page.frames().find((f) => f !== page.mainFrame());
    const loaded = child ? await child.evaluate(() => !!document.querySelector('tc-app')).catch(() => false) : false;
    expect(loaded).toBe(false);
    await page.close();
  });
  it('locking signs with the device key in the browser; Results shows the verified signature, with no CSP violation', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await openApp(page, app.served.url);
    await importFile(
      page,
      app.served.url,
      'small-set.json',
      readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8'),
    );
    await page.locator('[data-import-ok]').waitFor();
    const id = await createAssessment(page, app.served.url, 'Trạm E2E ký', 'test-small@1.0');
    const before = (await saveState(page)).at;
    await page.locator('tc-item-card[data-item-id="i1"] button[data-value="met"]').click();
    await waitSaved(page, before);
    await page.goto(`${app.served.url}#/a/${id}/submit`);
    const lock = page.locator('button[data-action="lock"]');
    await lock.waitFor();
    // Every other item: "could not be assessed", with a reason (as app.e2e's lock test does).
    for (
      let left = await page.locator('li[data-item] input').count();
      left > 0;
      left = await page.locator('li[data-item] input').count()
    ) {
      const first = page.locator('li[data-item] input').first();
      const item = await page.locator('li[data-item]').first().getAttribute('data-item');
      await first.fill('Không có người phụ trách');
      await first.press('Enter');
      await page.locator(`li[data-item="${item}"]`).waitFor({ state: 'detached' });
    }
    const ack = page.locator('tc-submit input[type=checkbox]');
    if (await ack.count()) await ack.check();
    await expect.poll(() => lock.isDisabled()).toBe(false);
    await lock.click();
    await page.waitForURL(/\/results$/);
    const box = page.locator('tc-attestations [data-attestations="signed"]');
    await box.waitFor();
    await expect.poll(() => box.textContent()).toContain('Nguyễn Thị Thử');
    expect(await box.textContent()).toContain('khoá của thiết bị này');
    expect(await page.locator('tc-attestations li[data-valid="true"]').count()).toBe(1);
    // The key is the device's own, non-extractable, in IndexedDB.
    const extractable = await page.evaluate(
      () =>
        new Promise<boolean | string>((resolve) => {
          const open = indexedDB.open('tieuchi');
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('deviceKey');
            get.onsuccess = () => resolve(get.result ? (get.result.privateKey as CryptoKey).extractable : 'missing');
          };
        }),
    );
    expect(extractable).toBe(false);
    expect(violations).toEqual([]);
    await ctx.close();
  });
});
