/**
 * axe-core on every main view of the production build, in Chromium, with the app's CSP in force: no
 * serious or critical violation. axe is injected with `page.evaluate(source)` (DevTools-protocol
 * evaluation, which a page's CSP does not block; a <script> tag would be).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, type Served } from '../e2e/harness.js';
import { seedViews, showView, type View } from './views.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on the whole document (open shadow roots included). */
async function audit(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
}

let served: Served;
let browser: Browser;
let page: Page;
let views: View[];

beforeAll(async () => {
  served = await serve();
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  views = await seedViews(page, served.url);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('axe-core on every main view', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`has no serious or critical violation at ${viewport.width}x${viewport.height}`, async () => {
      await page.setViewportSize(viewport);
      const report: string[] = [];
      const serious: string[] = [];
      for (const v of views) {
        await showView(page, served.url, v.hash);
        const found = await audit(page);
        report.push(
          `  ${v.name} (${v.hash}): ${found.length ? found.map((f) => `${f.id} [${f.impact}]`).join(', ') : 'no violation'}`,
        );
        for (const f of found)
          if (f.impact === 'serious' || f.impact === 'critical')
            serious.push(`${v.name}: ${f.id} [${f.impact}] ${f.help} at ${f.nodes.join(' ')}`);
      }
      console.log(`axe-core ${viewport.width}x${viewport.height}, ${views.length} views:\n${report.join('\n')}`);
      expect(serious).toEqual([]);
    });
  }
});
