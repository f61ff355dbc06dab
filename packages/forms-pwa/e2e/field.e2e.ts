/**
 * Issue 13, "the app in the field": everyday mistakes, each in Chromium against the production build.
 * Numbers (range at the field, decimal comma, save as typed), a bad stored draft, a backup with one bad
 * document, and leaving the page while a write is pending.
 */
import type { Assessment } from '@tieuchi/core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious, createAssessment, importFile, openApp, servedApp } from './harness.js';

const SET_1300 = 'qd1300-commune-health@2023.1';
/** 1300 item 1.5: share of the population with health insurance, 0–100 %, bands at 90 and 95. */
const ITEM = 't1.5';

const app = servedApp();

/** Closing the page asks "leave this page?" (beforeunload) because something is not yet stored; then closes it. */
async function expectLeaveWarning(page: Page): Promise<void> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs, { timeout: 5000 }).toContain('beforeunload');
  await page.context().close();
}

/** One assessment as stored in IndexedDB (read directly, not through the app). */
const stored = (page: Page, id: string) =>
  page.evaluate(
    (id) =>
      new Promise<Assessment>((resolve, reject) => {
        const open = indexedDB.open('tieuchi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('assessments').objectStore('assessments').get(id);
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    id,
  );

/** Writes an assessment straight into IndexedDB, as an older app version or another tab could have. */
const putStored = (page: Page, a: unknown) =>
  page.evaluate(
    (a) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tieuchi');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('assessments', 'readwrite');
          tx.objectStore('assessments').put(a);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    a,
  );

const numberInput = (page: Page, itemId = ITEM) =>
  page.locator(`tc-item-card[data-item-id="${itemId}"] tc-answer-control input`);

/** Types into the numeric field as a person does (key by key), without leaving it. */
async function typeNumber(page: Page, text: string, itemId = ITEM): Promise<void> {
  const input = numberInput(page, itemId);
  await input.click();
  await input.press('Control+A');
  await input.press('Backspace');
  await page.keyboard.type(text);
}

const storedValue = async (page: Page, id: string, itemId = ITEM) => (await stored(page, id))?.answers?.[itemId]?.value;

describe('numbers at the field (issue 13, items 1–3)', () => {
  it('1. refuses an out-of-range value at the field, in the user language, and does not store it', async () => {
    const page = await app.page();
    const id = await createAssessment(page, app.served.url, 'Trạm 150 %', SET_1300);
    await typeNumber(page, '96');
    await expect.poll(() => storedValue(page, id), { timeout: 5000 }).toBe(96);
    await typeNumber(page, '150');
    const err = page.locator(`tc-item-card[data-item-id="${ITEM}"] [data-number-error]`);
    await expect.poll(() => err.textContent(), { timeout: 5000 }).toMatch(/0.*100/);
    expect(await err.textContent()).toMatch(/từ|trong khoảng/i); // Vietnamese first
    expect(await numberInput(page).getAttribute('aria-invalid')).toBe('true');
    await numberInput(page).press('Tab');
    await page.waitForTimeout(1200);
    expect(await storedValue(page, id)).toBe(96); // the last valid value stays; 150 is never stored
    // The score panel is still there.
    expect(await page.locator('tc-score-panel').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('1. a stored draft with an out-of-range value breaks no view: fill, results, submit', async () => {
    const page = await app.page();
    const id = await createAssessment(page, app.served.url, 'Trạm nháp hỏng', SET_1300);
    const a = await stored(page, id);
    a.answers = { ...a.answers, [ITEM]: { value: 150 }, 't1.1': { value: 'met' } };
    await putStored(page, a);
    await page.reload();
    await page.locator('tc-item-card').first().waitFor();
    await page.locator('tc-score-panel:not([compact])').waitFor({ timeout: 5000 });
    const bad = page.locator(`tc-item-card[data-item-id="${ITEM}"] [data-number-error]`);
    await expect.poll(() => bad.textContent(), { timeout: 5000 }).toMatch(/150/);
    for (const view of ['results', 'submit']) {
      await page.goto(`${app.served.url}#/a/${encodeURIComponent(id)}/${view}`);
      await page.locator('[data-invalid-answers]').waitFor({ timeout: 5000 });
      expect(await page.locator('tc-app').textContent()).not.toContain('Không tìm thấy');
      expect(await page.locator('[data-invalid-answers]').textContent()).toContain('1.5');
    }
    // Locking is refused while a value is invalid.
    expect(await page.locator('button[data-action="lock"]').isDisabled()).toBe(true);
    await page.context().close();
  });

  it('1. a backup with one bad draft restores everything else and keeps the bad one aside with its reason', async () => {
    const src = await app.page();
    const goodId = await createAssessment(src, app.served.url, 'Trạm tốt', SET_1300);
    await typeNumber(src, '96');
    await expect.poll(() => storedValue(src, goodId), { timeout: 5000 }).toBe(96);
    const good = await stored(src, goodId);
    await src.context().close();
    const bad = {
      ...good,
      id: `${good.id}-bad`,
      facility: { ...good.facility, name: 'Trạm hỏng' },
      answers: { [ITEM]: { value: 150 } },
    };
    const backup = {
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: new Date().toISOString(),
      assessments: [good, bad],
      facilities: [good.facility],
    };

    const page = await app.page();
    await importFile(page, app.served.url, 'tieuchi-backup.json', JSON.stringify(backup));
    const refused = page.locator('[data-refused]');
    await refused.waitFor({ timeout: 10_000 });
    expect(await refused.textContent()).toContain('Trạm hỏng');
    expect(await refused.textContent()).toMatch(/150/);
    expect(await stored(page, goodId)).toBeTruthy(); // the rest is restored
    expect(await stored(page, bad.id)).toBeUndefined(); // the bad one is not mixed in...
    await page.reload();
    await page.goto(`${app.served.url}#/io`);
    await refused.waitFor({ timeout: 10_000 }); // ...but kept aside, with its reason, after a reload
    expect(await refused.textContent()).toContain('Trạm hỏng');
    await page.context().close();
  });

  it('2. reads the decimal comma in Vietnamese, echoes what it understood, and asks about "1.500"', async () => {
    const page = await app.page();
    const id = await createAssessment(page, app.served.url, 'Trạm dấu phẩy', SET_1300);
    await typeNumber(page, '9,5');
    await expect.poll(() => storedValue(page, id), { timeout: 5000 }).toBe(9.5);
    const echo = page.locator(`tc-item-card[data-item-id="${ITEM}"] [data-number-echo]`);
    expect(await echo.textContent()).toContain('9,5');
    await typeNumber(page, '92,5');
    await expect.poll(() => storedValue(page, id), { timeout: 5000 }).toBe(92.5);
    await typeNumber(page, '9.5');
    await expect.poll(() => storedValue(page, id), { timeout: 5000 }).toBe(9.5);
    // Ambiguous: thousands or decimal? Nothing is stored until the person says.
    await typeNumber(page, '1.500');
    const ask = page.locator(`tc-item-card[data-item-id="${ITEM}"] [data-number-ambiguous]`);
    await ask.waitFor({ timeout: 5000 });
    await page.waitForTimeout(800);
    expect(await storedValue(page, id)).toBe(9.5);
    await ask.locator('button[data-reading="1"]').click();
    await expect.poll(() => storedValue(page, id), { timeout: 5000 }).toBe(1.5);
    expect(await numberInput(page).inputValue()).toBe('1,5');
    await page.context().close();
  });

  it('3. saves a number as it is typed, without leaving the field: a reload keeps it', async () => {
    const page = await app.page();
    const id = await createAssessment(page, app.served.url, 'Trạm gõ dở', SET_1300);
    await typeNumber(page, '97');
    await expect.poll(() => storedValue(page, id), { timeout: 5000 }).toBe(97);
    await page.reload();
    await numberInput(page).waitFor();
    expect(await numberInput(page).inputValue()).toBe('97');
    await page.context().close();
  });
});

describe('leaving with unsaved work (issue 13, item 5)', () => {
  it('5. warns before leaving while a typed value is not yet durable', async () => {
    const page = await app.page();
    await createAssessment(page, app.served.url, 'Trạm rời trang', SET_1300);
    await typeNumber(page, '98');
    await expectLeaveWarning(page);
  });
});

describe('two tabs on one assessment (issue 13, item 4)', () => {
  const ITEMS = [
    't1.1',
    't1.2',
    't1.3',
    't1.4',
    't1.6',
    't2.1',
    't2.2',
    't2.3',
    't2.4',
    't2.5',
    't3.1',
    't3.2',
    't3.3',
    't3.4',
    't3.5',
    't4.1',
    't4.2',
    't4.3',
    't4.4',
    't5.2',
  ];

  it('4. each tab writes only what it changed: 20 answers from two tabs all survive, and each tab shows the other one', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const a = await ctx.newPage();
    await openApp(a, app.served.url);
    const id = await createAssessment(a, app.served.url, 'Trạm hai thẻ', SET_1300);
    const b = await ctx.newPage();
    await openApp(b, `${app.served.url}#/a/${encodeURIComponent(id)}`);
    await b.locator('tc-item-card').first().waitFor();
    // Interleaved, as two people on one tablet would: tab A answers "met", tab B "not-met", each its own items.
    for (let i = 0; i < ITEMS.length; i++) {
      const [page, value] = i % 2 === 0 ? [a, 'met'] : [b, 'not-met'];
      await page.locator(`tc-item-card[data-item-id="${ITEMS[i]}"] button[data-value="${value}"]`).click();
      await page.waitForTimeout(60);
    }
    const want = Object.fromEntries(ITEMS.map((it, i) => [it, i % 2 === 0 ? 'met' : 'not-met']));
    const storedAnswers = async () => {
      const s = await stored(a, id);
      return Object.fromEntries(ITEMS.map((it) => [it, s?.answers?.[it]?.value]));
    };
    await expect.poll(storedAnswers, { timeout: 10_000 }).toEqual(want);
    // Each tab shows every answer, its own and the other tab's.
    const pressed = (page: Page) =>
      Promise.all(
        ITEMS.map((it) =>
          page
            .locator(`tc-item-card[data-item-id="${it}"] button[aria-pressed="true"]`)
            .getAttribute('data-value', { timeout: 500 })
            .catch(() => null),
        ),
      );
    await expect.poll(() => pressed(a), { timeout: 10_000 }).toEqual(ITEMS.map((it) => want[it]));
    await expect.poll(() => pressed(b), { timeout: 10_000 }).toEqual(ITEMS.map((it) => want[it]));
    await ctx.close();
  });
});

describe('imports never overwrite silently (issue 13, item 8)', () => {
  const answerOn = async (page: Page, item: string, value: string) => {
    await page.locator(`tc-item-card[data-item-id="${item}"] button[data-value="${value}"]`).click();
  };
  const bundleOf = (a: unknown) =>
    JSON.stringify({ schemaVersion: 1, kind: 'bundle', createdAt: new Date().toISOString(), assessments: [a] });

  it('8. the same draft edited on two tablets merges per answer, with the real conflict side by side; a locked copy is never replaced by a draft', async () => {
    // Tablet 1 starts the inspection and shares it with tablet 2.
    const t1 = await app.page();
    const id = await createAssessment(t1, app.served.url, 'Trạm hai máy', SET_1300);
    await answerOn(t1, 't1.1', 'met');
    await expect.poll(async () => (await stored(t1, id))?.answers?.['t1.1']?.value, { timeout: 5000 }).toBe('met');
    const shared = await stored(t1, id);
    const t2 = await app.page();
    await importFile(t2, app.served.url, 'chia-se.json', bundleOf(shared));
    await t2.locator('[data-import-ok]').waitFor();
    // Both go on: tablet 1 answers 1.2; tablet 2 answers 1.3, and both answer 1.4 differently.
    await t1.goto(`${app.served.url}#/a/${encodeURIComponent(id)}`);
    await answerOn(t1, 't1.2', 'met');
    await answerOn(t1, 't1.4', 'met');
    await t2.goto(`${app.served.url}#/a/${encodeURIComponent(id)}`);
    await answerOn(t2, 't1.3', 'not-met');
    await answerOn(t2, 't1.4', 'not-met');
    await expect.poll(async () => (await stored(t2, id))?.answers?.['t1.4']?.value, { timeout: 5000 }).toBe('not-met');
    await expect.poll(async () => (await stored(t1, id))?.answers?.['t1.4']?.value, { timeout: 5000 }).toBe('met');
    const fromT2 = await stored(t2, id);
    await t2.context().close();

    await importFile(t1, app.served.url, 'may-2.json', bundleOf(fromT2));
    await t1.locator('[data-import-ok]').waitFor({ timeout: 10_000 });
    expect(await t1.locator(`[data-import-summary] li[data-doc="${id}"]`).getAttribute('data-outcome')).toBe('merged');
    const merged = await stored(t1, id);
    expect(merged.answers['t1.1']?.value).toBe('met');
    expect(merged.answers['t1.2']?.value).toBe('met');
    expect(merged.answers['t1.3']?.value).toBe('not-met');
    expect(merged.answers['t1.4']?.value).toBeUndefined(); // a real conflict waits for a person
    expect(merged.conflicts?.map((c) => c.path)).toEqual(['/answers/t1.4']);
    // Shown side by side on the item; one tap settles it.
    await t1.goto(`${app.served.url}#/a/${encodeURIComponent(id)}`);
    const both = t1.locator('tc-item-card[data-item-id="t1.4"] [data-conflict] button[data-candidate]');
    await expect.poll(() => both.count(), { timeout: 5000 }).toBe(2);
    const texts = await both.allTextContents();
    expect(texts.map((x) => x.replace(/\s+/g, ' ')).join(' | ')).toMatch(/Đạt.*\|.*Không đạt|Không đạt.*\|.*Đạt/);
    await both.filter({ hasText: 'Không đạt' }).click();
    await expect.poll(async () => (await stored(t1, id))?.answers?.['t1.4']?.value, { timeout: 5000 }).toBe('not-met');
    expect((await stored(t1, id)).conflicts).toBeUndefined();

    // Locked on tablet 1: the same draft imported again is refused as a replacement, and the summary says so.
    const locked = { ...(await stored(t1, id)) };
    await putStored(t1, {
      ...locked,
      status: 'locked',
      lockedAt: new Date().toISOString(),
      contentHash: 'f'.repeat(64),
    });
    await t1.reload();
    await importFile(t1, app.served.url, 'may-2-lan-2.json', bundleOf(fromT2));
    await t1.locator('[data-import-ok]').waitFor({ timeout: 10_000 });
    expect(await t1.locator('[data-conflicts]').count()).toBe(0); // no "overwrite?" offered
    const row = t1.locator(`[data-import-summary] li[data-doc="${id}"]`);
    expect(await row.getAttribute('data-outcome')).toBe('kept');
    expect(await row.textContent()).toMatch(/đã khoá/);
    expect((await stored(t1, id)).status).toBe('locked');
    await t1.context().close();
  });
});

describe('deleting (issue 13, item 7)', () => {
  it('7. deleting moves to an archive that restores; deleting a locked one for good needs its name typed', async () => {
    const page = await app.page();
    const id = await createAssessment(page, app.served.url, 'Trạm đã ký', SET_1300);
    const a = await stored(page, id);
    await putStored(page, { ...a, status: 'locked', lockedAt: new Date().toISOString(), contentHash: 'e'.repeat(64) });
    await page.goto(app.served.url);
    await page.reload();
    const row = page.locator(`li[data-assessment="${id}"]`);
    await row.waitFor();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await row.locator('button.danger').click();
    const archived = page.locator(`[data-archive] li[data-archived="${id}"]`);
    await page.locator('[data-archive] summary').click({ timeout: 5000 });
    await archived.waitFor({ timeout: 5000 });
    expect(dialogs).toBe(0);
    expect(await row.count()).toBe(0);
    // Restored, as it was.
    await archived.locator('button[data-action="restore"]').click();
    await row.waitFor({ timeout: 5000 });
    expect((await stored(page, id))?.status).toBe('locked');
    // Deleted again; "for good" stays disabled until the facility's name is typed.
    await row.locator('button.danger').click();
    await page.locator('[data-archive]').waitFor({ timeout: 5000 });
    if ((await page.locator('[data-archive][open]').count()) === 0)
      await page.locator('[data-archive] summary').click();
    await archived.waitFor({ timeout: 5000 });
    const purge = archived.locator('button[data-action="purge"]');
    expect(await purge.isDisabled()).toBe(true);
    await archived.locator('input[data-purge-name]').fill('Trạm khác');
    expect(await purge.isDisabled()).toBe(true);
    await archived.locator('input[data-purge-name]').fill('Trạm đã ký');
    await purge.click();
    await expect.poll(() => archived.count(), { timeout: 5000 }).toBe(0);
    expect(await stored(page, id)).toBeUndefined();
    await page.context().close();
  });
});

describe('photos storage refused (issue 13, item 5)', () => {
  it('5. a photo storage refused is shown as not saved, and leaving the page warns', async () => {
    const page = await app.page();
    await createAssessment(page, app.served.url, 'Trạm bộ nhớ đầy', SET_1300);
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'photos') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 64;
      c.height = 48;
      c.getContext('2d')!.fillRect(0, 0, 30, 30);
      return c.toDataURL('image/png').split(',')[1]!;
    });
    await page
      .locator('tc-item-card[data-item-id="t1.1"] input[type=file]')
      .setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    const unsaved = page.locator('tc-item-card[data-item-id="t1.1"] [data-photo-unsaved]');
    await unsaved.waitFor({ timeout: 10_000 });
    expect(await unsaved.textContent()).toMatch(/chưa lưu/);
    await expectLeaveWarning(page);
  });
});

describe('photos (issue 13, item 6)', () => {
  it('6. a thumbnail opens full size; a removed photo comes back with undo', async () => {
    const page = await app.page();
    const id = await createAssessment(page, app.served.url, 'Trạm ảnh', SET_1300);
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 320;
      c.height = 240;
      c.getContext('2d')!.fillRect(0, 0, 160, 120);
      return c.toDataURL('image/png').split(',')[1]!;
    });
    const card = page.locator('tc-item-card[data-item-id="t1.1"]');
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await card.locator('tc-photo-evidence figure img[src^="blob:"]').waitFor({ timeout: 10_000 });
    // Full view.
    await card.locator('tc-photo-evidence [data-enlarge]').click();
    const full = card.locator('tc-photo-evidence dialog[data-photo-full] img.full');
    await full.waitFor({ timeout: 5000 });
    expect(await full.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(112);
    await card.locator('tc-photo-evidence dialog [data-close]').click();
    await full.waitFor({ state: 'detached', timeout: 5000 });
    // Remove, then undo.
    await card.locator('tc-photo-evidence button[aria-label="Xoá ảnh"]').click();
    await expect
      .poll(async () => (await stored(page, id))?.answers?.['t1.1']?.evidence?.length ?? 0, { timeout: 5000 })
      .toBe(0);
    await card.locator('[data-photo-undo] button').click();
    await expect
      .poll(async () => (await stored(page, id))?.answers?.['t1.1']?.evidence?.length ?? 0, { timeout: 5000 })
      .toBe(1);
    await card.locator('tc-photo-evidence figure img[src^="blob:"]').waitFor({ timeout: 5000 });
    await page.context().close();
  });
});

describe('pairing in the improvement loop (issue 13, items 9 and 11)', () => {
  it('9/11. reconciles with the self-assessment of the same round, shows readable names, and never compares with another kind as "previous"', async () => {
    const page = await app.page();
    const tplId = await createAssessment(page, app.served.url, 'Trạm ghép cặp', SET_1300);
    const tpl = await stored(page, tplId);
    const lock = { status: 'locked', lockedAt: '2026-07-01T00:00:00Z', contentHash: 'd'.repeat(64) };
    const self1 = {
      ...tpl,
      ...lock,
      id: 'self-r1',
      assessmentKind: 'self-assessment',
      assessedOn: '2026-01-10',
      round: { id: '2026---Vong-1', label: '2026 - Vòng 1' },
    };
    const self2 = {
      ...tpl,
      ...lock,
      id: 'self-r2',
      assessmentKind: 'self-assessment',
      assessedOn: '2026-06-05',
      round: { id: '2026---Vong-2', label: '2026 - Vòng 2' },
      answers: { 't1.1': { value: 'met' } },
    };
    const insp2 = {
      ...tpl,
      ...lock,
      id: 'insp-r2',
      assessmentKind: 'external-inspection',
      assessedOn: '2026-06-20',
      round: { id: '2026---Vong-2', label: '2026 - Vòng 2' },
      answers: { 't1.1': { value: 'not-met' } },
    };
    for (const a of [self1, self2, insp2]) await putStored(page, a);
    await putStored(page, { ...tpl, id: tplId, facility: { ...tpl.facility, id: 'other-facility' } }); // out of the way
    await page.goto(`${app.served.url}#/a/insp-r2/results`);
    await page.reload();
    const rec = page.locator('tc-plan-links a[data-action="reconcile"]');
    await rec.waitFor({ timeout: 10_000 });
    expect(decodeURIComponent((await rec.getAttribute('href')) ?? '')).toContain('self-r2');
    // The inspection has no earlier inspection: no "compare with previous" against the station's own self-assessment.
    expect(await page.locator('tc-plan-links a[data-action="compare"]').count()).toBe(0);
    await rec.click();
    const selfPick = page.locator('tc-reconcile select[name=self]');
    await selfPick.waitFor({ timeout: 10_000 });
    const labels = await selfPick.locator('option').allTextContents();
    expect(labels.join(' | ')).toContain('2026 - Vòng 2');
    expect(labels.join(' | ')).not.toContain('2026---Vong');
    expect(labels.join(' | ')).not.toMatch(/Đoàn|kiểm tra|Inspection/i); // only self-assessments in the self picker
    expect(await page.locator('tc-reconcile select[name=inspection] option').count()).toBe(1);

    // Issue 14: the council records the agreed answer of the differing item (t1.1: met vs not met) on the locked
    // inspection; it survives a reload (written to IndexedDB) and leaves the inspection's content hash as it was.
    const agreeSelf = page.locator('tc-reconcile tr[data-item="t1.1"] tc-agreed-choice [data-agreed-from="self"]');
    await agreeSelf.check();
    await expect
      .poll(() => page.locator('tc-reconcile [data-agreed-progress]').textContent())
      .toBe('Đã thống nhất 1/1 mục khác nhau');
    await expect.poll(async () => (await stored(page, 'insp-r2')).agreedResult?.items?.['t1.1']?.from).toBe('self');
    const after = await stored(page, 'insp-r2');
    expect(after.contentHash).toBe('d'.repeat(64));
    expect(after.status).toBe('locked');
    expect(after.answers['t1.1']).toEqual({ value: 'not-met' });
    // The reconciliation view (values, notes and photos side by side, the agreed choice) passes axe.
    expect(await axeSerious(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => agreeSelf.isChecked(), { timeout: 10_000 }).toBe(true);
    await page.context().close();
  });
});

describe('council ranking (issue 13, item 10)', () => {
  it('10. no station silently drops out: absent from the round means listed apart with the reason; "latest per facility" ranks all', async () => {
    const page = await app.page();
    const tplId = await createAssessment(page, app.served.url, 'Mẫu', SET_1300);
    const tpl = await stored(page, tplId);
    const lock = { status: 'locked', lockedAt: '2026-07-01T00:00:00Z', contentHash: 'c'.repeat(64) };
    const station = (n: number, round: number) => ({
      ...tpl,
      ...lock,
      id: `st${n}-r${round}`,
      facility: { id: `station-${n}`, name: `Trạm số ${n}`, kind: 'commune-station', provisional: true },
      assessedOn: `2026-0${round * 3}-1${n}`,
      round: { id: `2026-vong-${round}`, label: `2026 - Vòng ${round}` },
    });
    // 3 stations x round 1; only station 1 in round 2.
    for (const a of [station(1, 1), station(2, 1), station(3, 1), station(1, 2)]) await putStored(page, a);
    await page.evaluate(
      (id) =>
        new Promise<void>((res) => {
          const open = indexedDB.open('tieuchi');
          open.onsuccess = () => {
            const tx = open.result.transaction('assessments', 'readwrite');
            tx.objectStore('assessments').delete(id);
            tx.oncomplete = () => {
              open.result.close();
              res();
            };
          };
        }),
      tplId,
    ); // the template is not a station
    await page.goto(`${app.served.url}#/dashboard`);
    await page.reload();
    const ranking = page.locator('tc-dashboard [data-section="ranking"]');
    await ranking.waitFor({ timeout: 10_000 });
    // The default round (the latest) has one station; the other two are listed apart, with the reason.
    const apart = ranking.locator('[data-not-ranked]');
    await apart.waitFor({ timeout: 5000 });
    expect(await apart.textContent()).toContain('Trạm số 2');
    expect(await apart.textContent()).toContain('Trạm số 3');
    expect(await apart.textContent()).toContain('2026 - Vòng 2');
    // "Latest per facility" ranks every station.
    await page.locator('tc-dashboard select[name="round"]').selectOption({ label: 'mới nhất mỗi cơ sở' });
    await expect
      .poll(
        async () => {
          const text = await ranking.locator('tc-dashboard-ranking').evaluate((el) => el.shadowRoot?.textContent ?? '');
          return ['Trạm số 1', 'Trạm số 2', 'Trạm số 3'].filter((n) => text.includes(n)).length;
        },
        { timeout: 5000 },
      )
      .toBe(3);
    expect(await ranking.locator('[data-not-ranked]').count()).toBe(0);
    await page.context().close();
  });
});
