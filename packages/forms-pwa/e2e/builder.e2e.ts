/**
 * The criteria-set builder in real Chromium against the production build: build a small set from scratch,
 * preview and test it, publish it, fill an assessment with it, export it and validate the export with the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, createAssessment, launch, openApp, serve, type Served, reloadUnderServiceWorker } from './harness.js';

const REPO = join(ROOT, '../..');
const CLI = join(REPO, 'packages/cli/bin/tieuchi.js');

let served: Served;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  // The CLI runs from its build (`pnpm -r build`); build it here when a fresh checkout has not.
  if (!existsSync(join(REPO, 'packages/cli/dist/main.js')))
    execFileSync('pnpm', ['--filter', '@tieuchi/cli...', 'build'], { cwd: REPO, stdio: 'inherit' });
  tmp = mkdtempSync(join(tmpdir(), 'tc-builder-e2e-'));
  served = await serve();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function freshPage(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await openApp(page, served.url);
  return page;
}

/** Waits until the draft's last change is durable. */
const waitDraftSaved = (page: Page) => page.locator('[data-builder-save="saved"]').waitFor();

/** Selects a node in the tree ("set", "0", "0.0", "0.0.1"). */
const select = (page: Page, node: string) => page.locator(`tc-builder-tree button[data-node="${node}"]`).click();

describe('criteria-set builder in Chromium (production build)', () => {
  it('builds a set from scratch, previews, tests, publishes, fills, exports and the CLI validates the export', async () => {
    const page = await freshPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    await page.locator('tc-app a[data-nav="builder"]').click();
    await page.locator('[data-action="new-set"]').click();
    await page.waitForURL(/#\/b\//);

    // Set fields.
    await page.locator('tc-builder-set [data-field="set-id"]').fill('e2e-waste');
    await page.locator('tc-builder-set [data-field="set-title.vi"]').fill('Bảng kiểm chất thải (E2E)');
    await page.locator('tc-builder-set [data-field="set-title.en"]').fill('Waste checklist (E2E)');
    await page.locator('tc-builder-set [data-field="doc-number"]').fill('20/2021/TT-BYT');
    await page.locator('tc-builder-scoring [data-action="add-rule"]').click();
    await page.locator('tc-builder-scoring [data-field="rule-percent"]').fill('75');

    // Section and criterion titles.
    await select(page, '0');
    await page.locator('tc-builder-node [data-field="title.vi"]').fill('Phân loại chất thải');
    await select(page, '0.0');
    await page.locator('tc-builder-node [data-field="title.vi"]').fill('Phân loại tại nguồn');

    // First item: binary, 2 points, knockout.
    await select(page, '0.0.0');
    await page.locator('tc-builder-item [data-field="text.vi"]').fill('Vật sắc nhọn bỏ vào hộp cứng');
    await page.locator('tc-builder-response [data-field="points"]').fill('2');
    await page.locator('tc-builder-item [data-field="knockout"]').check();

    // A second item, graded (2 / 1), then moved above the first from the keyboard.
    await page.locator('tc-builder-tree [data-action="add-item"]').click();
    await page.locator('tc-builder-item [data-field="text.vi"]').fill('Thùng rác có nắp, đúng màu');
    await page.locator('tc-builder-response [data-field="response-kind"]').selectOption('graded');
    await page.locator('tc-builder-tree button[data-node="0.0.1"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => page.locator('tc-builder-tree button[data-node="0.0.0"]').textContent())
      .toContain('Thùng rác');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document
            .querySelector('tc-app')
            ?.shadowRoot?.querySelector('tc-builder')
            ?.shadowRoot?.querySelector('tc-builder-editor')
            ?.shadowRoot?.querySelector('tc-builder-tree')
            ?.shadowRoot?.activeElement?.getAttribute('data-node'),
        ),
      )
      .toBe('0.0.0');

    // Valid now; every edit was saved.
    await expect.poll(() => page.locator('[data-problem-count]').getAttribute('data-problem-count')).toBe('0');
    await waitDraftSaved(page);

    // Live preview: the inspectors' cards, scored beside them.
    const pv = page.locator('tc-builder-preview');
    await pv.locator('tc-item-card[data-item-id="i1"] button[data-value="met"]').click();
    await pv.locator('tc-item-card[data-item-id="i2"] button[data-value="partial"]').click();
    await expect.poll(() => pv.locator('tc-score-panel [data-total]').textContent()).toBe('3/4');
    await expect.poll(() => pv.locator('tc-score-panel [data-decision]').getAttribute('data-decision')).toBe('pass');
    await pv.locator('[data-case-form] input[name="name"]').fill('Một phần');
    await pv.locator('[data-action="save-case"]').click();
    await expect.poll(() => pv.locator('[data-case]').getAttribute('data-agrees')).toBe('true');
    await expect.poll(() => pv.locator('[data-cases-agree]').textContent()).toContain('1/1');

    // Publish.
    await page.locator('[data-tab="versions"]').click();
    await page.locator('[data-action="publish"]').click();
    await expect.poll(() => page.locator('[data-published]').textContent()).toContain('e2e-waste@1');

    // Export the published version and validate it with the CLI.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('tc-builder-versions li[data-version="1"] button').click(),
    ]);
    const file = join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect([exported.id, exported.version]).toEqual(['e2e-waste', '1']);
    expect(exported.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(exported.sections[0].criteria[0].items.map((i: { id: string }) => i.id)).toEqual(['i2', 'i1']);
    const cli = spawnSync(process.execPath, [CLI, 'validate', file], { cwd: REPO, encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);

    // Fill an assessment with it: pinned by id, version and hash, scored with it.
    const id = await createAssessment(page, served.url, 'Trạm E2E bộ tự soạn', 'e2e-waste@1');
    await page.locator('tc-item-card[data-item-id="i1"] button[data-value="met"]').click();
    await page.locator('tc-item-card[data-item-id="i2"] button[data-value="not-met"]').click();
    await expect
      .poll(() => page.locator('tc-fill tc-score-panel >> nth=0').locator('[data-total]').textContent())
      .toBe('2/4');
    await expect
      .poll(() =>
        page.locator('tc-fill tc-score-panel >> nth=0').locator('[data-decision]').getAttribute('data-decision'),
      )
      .toBe('fail');
    const pinned = await page.evaluate(
      (aid) =>
        new Promise<unknown>((resolve) => {
          const req = indexedDB.open('tieuchi');
          req.onsuccess = () => {
            const get = req.result.transaction('assessments').objectStore('assessments').get(aid);
            get.onsuccess = () => resolve(get.result.criteriaSet);
          };
        }),
      id,
    );
    expect(pinned).toEqual({ id: 'e2e-waste', version: '1', contentHash: exported.contentHash });

    // A correction published as version 2 leaves the assessment on version 1.
    await page.goto(`${served.url}#/b`);
    await page.locator('li[data-draft] a.btn').first().click();
    await select(page, '0.0.0');
    await page.locator('tc-builder-item [data-field="text.vi"]').fill('Thùng đựng chất thải có nắp, đúng màu');
    await page.locator('[data-tab="versions"]').click();
    await expect
      .poll(() => page.locator('tc-builder-versions [data-diff] li').first().textContent())
      .toContain('Thùng đựng chất thải có nắp');
    await page.locator('[data-action="publish"]').click();
    await expect.poll(() => page.locator('[data-published]').textContent()).toContain('e2e-waste@2');
    await page.goto(`${served.url}#/a/${encodeURIComponent(id)}`);
    await expect
      .poll(() => page.locator('tc-fill tc-score-panel >> nth=0').locator('[data-total]').textContent())
      .toBe('2/4');
    await expect
      .poll(() => page.locator('tc-item-card[data-item-id="i2"] .text').textContent())
      .toContain('Thùng rác có nắp');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('corrects a shipped set as a local edition that records its origin', async () => {
    const page = await freshPage();
    await page.goto(`${served.url}#/b`);
    await page.locator('li[data-set="qd1300-commune-health@2023.1"] [data-action="local-edition"]').click();
    await page.waitForURL(/#\/b\//);
    await expect
      .poll(() => page.locator('tc-builder-set [data-origin]').textContent())
      .toContain('qd1300-commune-health@2023.1');
    await expect.poll(() => page.locator('tc-builder-set [data-field="version"]').inputValue()).toBe('2023.1-local.1');
    // Reorder by dragging: the second item of the first criterion dropped on the first.
    const second = await page.locator('tc-builder-tree button[data-node="0.0.1"]').textContent();
    await page
      .locator('tc-builder-tree [data-path="0.0.1"]')
      .dragTo(page.locator('tc-builder-tree [data-path="0.0.0"]'));
    await expect.poll(() => page.locator('tc-builder-tree button[data-node="0.0.0"]').textContent()).toBe(second);
    await select(page, '0.0.0');
    const text = page.locator('tc-builder-item [data-field="text.vi"]');
    await text.fill(`${await text.inputValue()} (nguyên văn)`);
    await page.locator('tc-builder-item [data-field="prov-wording"]').selectOption('official');
    await page.locator('[data-tab="versions"]').click();
    await page.locator('[data-action="publish"]').click();
    await expect
      .poll(() => page.locator('[data-published]').textContent())
      .toContain('qd1300-commune-health@2023.1-local.1');
    // It is offered for new assessments beside the official one.
    // (The New view and the sets load when used: wait for them.)
    await page.goto(`${served.url}#/new`);
    const options = () =>
      page.locator('select[name=set] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await expect
      .poll(options)
      .toEqual(expect.arrayContaining(['qd1300-commune-health@2023.1', 'qd1300-commune-health@2023.1-local.1']));
    await page.context().close();
  });

  it('switches to English and back on views whose texts load with them (the builder, the dashboard, new, Import / Export, home after a reload)', async () => {
    const page = await freshPage();
    const heading = (view: string) => page.locator(`${view} h1`).first().textContent();
    await page.goto(`${served.url}#/b`);
    await expect.poll(() => heading('tc-builder')).toBe('Soạn bộ tiêu chí');
    await page.locator('tc-app [data-action="lang"]').click();
    await expect.poll(() => heading('tc-builder')).toBe('Criteria-set builder');
    await expect.poll(() => page.locator('[data-action="new-set"]').textContent()).toContain('New set');
    // A view opened after the switch shows its lazily loaded table in English, and switches back.
    await page.goto(`${served.url}#/dashboard`);
    await expect.poll(() => heading('tc-dashboard')).toBe('Council & contest dashboard');
    // The new-assessment and Import / Export texts load with their views' tables (session 7): English too.
    await page.goto(`${served.url}#/new`);
    await expect.poll(() => heading('tc-new-assessment')).toBe('New assessment');
    await page.goto(`${served.url}#/io`);
    await expect.poll(() => heading('tc-io')).toBe('Import / export');
    // The start-up table's English half loads on the first switch (ADR 0017): a reload in English loads it again
    // before the first English text, and the shell and home are in English.
    await page.goto(`${served.url}#/`);
    await page.reload();
    await expect.poll(() => heading('tc-home')).toBe('Assessments');
    await expect.poll(() => page.locator('tc-app [data-action="lang"]').textContent()).toContain('Tiếng Việt');
    await page.goto(`${served.url}#/dashboard`);
    await page.locator('tc-app [data-action="lang"]').click();
    await expect.poll(() => heading('tc-dashboard')).toBe('Tổng hợp hội đồng – hội thi');
    await page.goto(`${served.url}#/io`);
    await expect.poll(() => heading('tc-io')).toBe('Nhập / Xuất dữ liệu');
    await page.context().close();
  });

  it('on a device set to English, shows English from the first render, even when its texts arrive late', async () => {
    const page = await freshPage();
    await page.locator('tc-app [data-action="lang"]').click();
    await expect.poll(() => page.locator('tc-app [data-action="lang"]').textContent()).toContain('Tiếng Việt');
    // The English texts' chunk arrives 600 ms late (as on a slow tablet); the first language button the shell
    // renders is recorded each frame from the first one on.
    await page.route(/messages-en-[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __firstLang?: string };
      const look = () => {
        const b = document.querySelector('tc-app')?.shadowRoot?.querySelector('[data-action="lang"]');
        if (b?.textContent) w.__firstLang = b.textContent.trim();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.reload();
    const first = () => page.evaluate(() => (window as unknown as { __firstLang?: string }).__firstLang);
    await expect.poll(first).toBeDefined();
    expect(await first()).toBe('Tiếng Việt'); // the switch back to Vietnamese: the page is in English
    await page.context().close();
  });

  it('refuses a bad set file with the place named, and changes nothing', async () => {
    const page = await freshPage();
    await page.goto(`${served.url}#/b`);
    const bad = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8'));
    bad.sections[1].criteria[0].items[0].response.options[0].points = -1;
    await page
      .locator('input[data-builder-import]')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect
      .poll(() => page.locator('[data-import-errors]').textContent())
      // The place in the set's own words (decision: builder errors in words), the path only under the details.
      .toContain('Chỉ tiêu 2.1 (Mức độ ghi chép hồ sơ) – lựa chọn 1');
    expect(await page.locator('li[data-draft]').count()).toBe(0);
    await page.context().close();
  });

  it('opens, edits and publishes offline (the builder is part of the precached app shell)', async () => {
    const own = await serve();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await openApp(page, own.url);
    await reloadUnderServiceWorker(page, own.url);
    await own.close();
    await page.goto(`${own.url}#/b`);
    await page.reload();
    await page.locator('[data-action="new-set"]').click();
    await page.waitForURL(/#\/b\//);
    await page.locator('tc-builder-set [data-field="set-title.vi"]').fill('Bộ soạn khi mất mạng');
    await page.locator('tc-builder-set [data-field="doc-number"]').fill('01/2026/QĐ-SYT');
    await select(page, '0');
    await page.locator('tc-builder-node [data-field="title.vi"]').fill('Phần A');
    await select(page, '0.0');
    await page.locator('tc-builder-node [data-field="title.vi"]').fill('Tiêu chí A1');
    await select(page, '0.0.0');
    await page.locator('tc-builder-item [data-field="text.vi"]').fill('Có bảng phân công trực');
    await expect.poll(() => page.locator('[data-problem-count]').getAttribute('data-problem-count')).toBe('0');
    await page.locator('[data-tab="versions"]').click();
    await page.locator('[data-action="publish"]').click();
    await expect.poll(() => page.locator('[data-published]').textContent()).toMatch(/@1 /);
    await ctx.close();
  });
});
