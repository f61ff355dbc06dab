/**
 * The production build is installable: Chromium's own check, `Page.getInstallabilityErrors` over the
 * DevTools protocol, returns no error once the service worker controls the page. (Lighthouse 12 has no
 * PWA category any more; this is the check Chromium itself uses for the install prompt.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistent, openApp, serve, type Served } from '../e2e/harness.js';

let served: Served;
let ctx: BrowserContext;
// A persistent profile: an incognito context is never installable ("in-incognito").
const profile = mkdtempSync(join(tmpdir(), 'tieuchi-install-'));

beforeAll(async () => {
  served = await serve();
  ctx = await launchPersistent(profile);
});

afterAll(async () => {
  await ctx?.close();
  await served?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('installability', () => {
  it('has no installability error, and a manifest with the icons a tablet needs', async () => {
    const page = await ctx.newPage();
    await openApp(page, served.url);
    await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: Array<{ errorId: string; errorArguments: Array<{ name: string; value: string }> }>;
    };
    console.log(`Page.getInstallabilityErrors: ${JSON.stringify(installabilityErrors)}`);
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
    expect(manifest.errors).toEqual([]);
    const m = JSON.parse(manifest.data ?? '{}') as { icons?: Array<{ sizes: string }>; display?: string };
    expect(m.display).toBe('standalone');
    expect(m.icons?.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });
});
