/**
 * Hostile import files through the real UI (production build, Chromium): a seeded sample of mutated bundles
 * (the generators of test/hostile.ts) plus hand-picked ones. For each: the page throws nothing uncaught,
 * shows an error or a success message, runs no injected script, and what was stored before is unchanged.
 * (The exhaustive fuzz of planImport/applyImport runs in test/import-fuzz.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  createAssessment,
  importFile,
  launch,
  openApp,
  saveState,
  serve,
  waitSaved,
  type Served,
} from '../e2e/harness.js';
import { mutate, mutation } from '../test/hostile.js';

const XSS = '<img src=x onerror="window.__xss=1">';
let served: Served;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];

/** Every record of the app's database, as JSON (photos as their sizes). */
const dump = (p: Page) =>
  p.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('tieuchi');
        req.onerror = () => reject(req.error);
        req.onsuccess = async () => {
          const db = req.result;
          const out: Record<string, unknown[]> = {};
          for (const name of [...db.objectStoreNames].sort())
            out[name] = await new Promise((res) => {
              const r = db.transaction(name).objectStore(name).getAll();
              r.onsuccess = () =>
                res((r.result as unknown[]).map((v) => JSON.stringify(v, (_k, x) => (x instanceof Blob ? x.size : x))));
            });
          db.close();
          resolve(JSON.stringify(out));
        };
      }),
  );

let assessment: Record<string, unknown>;

beforeAll(async () => {
  served = await serve();
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, served.url);
  await importFile(
    page,
    served.url,
    'small-set.json',
    readFileSync(join(ROOT, 'test/fixtures/small-set.json'), 'utf8'),
  );
  await page.locator('[data-import-ok]').waitFor();
  const id = await createAssessment(page, served.url, 'Trạm Y tế đã có', 'test-small@1.0');
  const before = (await saveState(page)).at;
  await page.locator('tc-item-card[data-item-id="i1"] button[data-value="met"]').click();
  await waitSaved(page, before);
  assessment = JSON.parse(
    await page.evaluate(
      (id) =>
        new Promise<string>((res) => {
          const req = indexedDB.open('tieuchi');
          req.onsuccess = () => {
            const r = req.result.transaction('assessments').objectStore('assessments').get(id);
            r.onsuccess = () => res(JSON.stringify(r.result));
          };
        }),
      id,
    ),
  ) as Record<string, unknown>;
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('hostile import files through the UI', () => {
  it('shows a message for each, runs no script, and changes nothing stored', async () => {
    const bundle = {
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2025-03-02T00:00:00Z',
      assessments: [
        {
          ...assessment,
          id: 'a-incoming',
          facility: { id: 'f-x', name: `Trạm ${XSS}`, kind: 'commune-station' },
          answers: { i1: { value: 'met', note: XSS } },
        },
      ],
    };
    const sampled = fc
      .sample(fc.array(mutation, { minLength: 1, maxLength: 4 }), { numRuns: 16, seed: 20261122 })
      .map((ms) => JSON.stringify(mutate(bundle, ms)));
    const files = [
      ...sampled,
      JSON.stringify({ ...bundle, assessments: [{ ...assessment, answers: { i1: { value: 'not-met' } } }] }), // same id, changed: merged per answer, the item both changed kept as a conflict
      '{"kind":"bundle","__proto__":{"polluted":true},"schemaVersion":1,"assessments":[]}',
      JSON.stringify({ ...bundle, photos: [{ hash: 'a'.repeat(64), mime: 'image/jpeg', dataBase64: '!!!' }] }),
      '[]'.repeat(20_000),
      `{"kind":"assessment","id":"${'x'.repeat(500_000)}"}`,
      '\u0000\u0001garbage',
    ];
    let stored = await dump(page);
    let shown = 0;
    for (const [i, text] of files.entries()) {
      await page.goto(`${served.url}#/`); // a fresh Import / Export view, without the last file's message
      await page.locator('tc-home').waitFor();
      await importFile(page, served.url, `hostile-${i}.json`, text);
      const outcome = page.locator('[data-import-error], [data-import-ok], [data-conflicts]').first();
      await outcome.waitFor({ timeout: 15_000 });
      shown++;
      if ((await page.locator('[data-conflicts]').count()) > 0)
        await page.locator('[data-conflicts] button').last().click(); // cancel
      const accepted = (await page.locator('[data-import-ok]').count()) > 0;
      if (!accepted) expect(await dump(page), `file ${i} was refused but storage changed`).toBe(stored);
      else {
        // A valid file may add documents; the draft already there is merged answer by answer (issue 13): each of
        // its answers stays, or is kept in `conflicts` beside the file's, never silently replaced.
        const now = JSON.parse(await dump(page)) as { assessments: string[] };
        type Doc = { id: string; answers: Record<string, { value?: unknown }>; conflicts?: { path: string }[] };
        const mine = now.assessments.map((x) => JSON.parse(x) as Doc).find((x) => x.id === assessment.id);
        expect(mine, `file ${i}: the device copy is gone`).toBeDefined();
        for (const [item, ans] of Object.entries(assessment.answers as Record<string, { value?: unknown }>))
          expect(
            mine!.answers[item]?.value === ans.value || !!mine!.conflicts?.some((c) => c.path === `/answers/${item}`),
            `file ${i}: ${item}`,
          ).toBe(true);
        stored = await dump(page);
      }
    }
    // What the valid hostile bundle carries is shown as text.
    await page.goto(`${served.url}#/`);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted)).toBeUndefined();
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    console.log(
      `UI import fuzz: ${shown} hostile files imported through the Import / Export view, each answered with a message`,
    );
  });
});
