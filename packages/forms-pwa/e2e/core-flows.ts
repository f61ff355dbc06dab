/**
 * The core flows, written once and run by every engine's test file (`core-flows.<engine>.e2e.ts`): open the
 * production build, create an assessment, answer every kind of item, reload, stop the server and keep working
 * offline (photo, lock with two signatures, PDF export checked with pdftotext from the downloaded file, bundle
 * export), re-import the bundle on a fresh origin, open the dashboard. Screenshots of the fill-in and results
 * views at 1280x800 are saved ({@link SHOTS}). The engine's features are measured and compared with the table in
 * docs/compatibility.md, and where an engine lacks something the app uses, the app's degradation is
 * checked (no `navigator.storage.persist` -> the banner says what to do on that device).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { readContainer } from '@tieuchi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine, until, type Engine, type EngineName, type EnginePage } from './engines.js';
import { ROOT, serve, type Served } from './harness.js';

const REPO = join(ROOT, '..', '..');
/**
 * Where the 1280x800 screenshots go: `.tmp/screenshots/engines/` on every run (looked at after a failure), and
 * docs/screenshots/engines/ when `UPDATE_SCREENSHOTS=1` (then committed).
 */
export const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(REPO, 'docs', 'screenshots', 'engines')
  : join(REPO, '.tmp', 'screenshots', 'engines');
const SMALL = 'test-small@1.0';
const FACILITY = 'Trạm Y tế xã Đắk Ơ — kiểm thử';
const HEAD = 'Trần Văn Trưởng';

/** A PNG (RGB, no library): `w` x `h`, green with a white block, like a camera picture of a wall sign. */
export function makePng(w: number, h: number): Buffer {
  const row = Buffer.alloc(1 + w * 3);
  const raw: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const r = Buffer.from(row);
    for (let x = 0; x < w; x++) {
      const white = x > w / 4 && x < (3 * w) / 4 && y > h / 4 && y < (3 * h) / 4;
      r.set(white ? [255, 255, 255] : [11, 110, 79], 1 + x * 3);
    }
    raw.push(r);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows of the feature table in docs/compatibility.md: feature -> engine -> 'yes' | 'no'. */
export function compatTable(): Map<string, Record<EngineName, string>> {
  const md = readFileSync(join(REPO, 'docs', 'compatibility.md'), 'utf8');
  const start = md.indexOf('<!-- features:start -->');
  const end = md.indexOf('<!-- features:end -->');
  const rows = new Map<string, Record<EngineName, string>>();
  for (const line of md.slice(start, end).split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const key = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!key) continue;
    const v = (c: string | undefined) => (/^yes/i.test(c ?? '') ? 'yes' : /^no/i.test(c ?? '') ? 'no' : '?');
    rows.set(key, { chromium: v(cells[2]), firefox: v(cells[3]), webkit: v(cells[4]) });
  }
  return rows;
}

/** What the engine offers of the APIs the app uses or could use (measured in a page of the app). */
const probe = (page: EnginePage) =>
  page.evaluate(async () => {
    const g = globalThis as unknown as Record<string, unknown>;
    return {
      'navigator.storage.persist': typeof navigator.storage?.persist === 'function',
      'navigator.storage.estimate': typeof navigator.storage?.estimate === 'function',
      showSaveFilePicker: typeof g.showSaveFilePicker === 'function',
      BarcodeDetector: typeof g.BarcodeDetector === 'function',
      serviceWorker: 'serviceWorker' in navigator,
      'crypto.subtle': typeof crypto.subtle?.digest === 'function',
      BroadcastChannel: typeof g.BroadcastChannel === 'function',
      'navigator.locks': typeof (navigator as unknown as { locks?: unknown }).locks === 'object',
      CompressionStream: typeof g.CompressionStream === 'function',
      'OffscreenCanvas 2d': (() => {
        try {
          return !!new OffscreenCanvas(1, 1).getContext('2d');
        } catch {
          return false;
        }
      })(),
      createImageBitmap: typeof g.createImageBitmap === 'function',
    } as Record<string, boolean>;
  });

/** Opens the app at `url` and waits until the store has loaded. */
async function openApp(page: EnginePage, url: string): Promise<void> {
  await page.goto(url);
  await page.waitFor('tc-app >>> main > *', 30_000);
}

const saveState = (page: EnginePage) =>
  page.evaluate(() => {
    const el = document.querySelector('tc-app')?.shadowRoot?.querySelector<HTMLElement>('[data-save]');
    return { state: el?.dataset.save ?? '', at: el?.dataset.savedAt ?? '' };
  });

/** Runs `act` and waits until every change is durable and the save time moved on. */
async function saved(page: EnginePage, act: () => Promise<void>): Promise<void> {
  const before = (await saveState(page)).at;
  await act();
  await until(async () => {
    const s = await saveState(page);
    return s.state === 'saved' && s.at > before;
  }, 'the save indicator');
}

const statuses = (page: EnginePage) =>
  page.evaluate(() => {
    const fill = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-fill');
    const cards = [...(fill?.shadowRoot?.querySelectorAll('tc-item-card') ?? [])];
    return Object.fromEntries(
      cards.map((c) => [
        (c as HTMLElement).dataset.itemId,
        c.shadowRoot?.querySelector('article')?.dataset.status ?? '',
      ]),
    );
  });

const card = (item: string) => `tc-item-card[data-item-id="${item}"]`;
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

/** Defines the core-flow suite for one engine; the browser is launched once for the whole file. */
export function coreFlows(name: EngineName): void {
  describe(`core flows in ${name} (production build)`, () => {
    let engine: Engine;
    let page: EnginePage;
    let served: Served | undefined;
    let url = '';
    let id = '';
    let hash = '';
    let bundlePath = '';
    const tmp = mkdtempSync(join(tmpdir(), `tieuchi-${name}-`));
    const photo = join(tmp, 'camera.png');
    const setFile = join(tmp, 'small-set.json');
    let second: Served | undefined;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(photo, makePng(2400, 1800));
      writeFileSync(setFile, readFileSync(join(ROOT, 'test/fixtures/small-set.json')));
      served = await serve();
      url = served.url;
      engine = await launchEngine(name);
      page = engine.page;
    }, 120_000);

    afterAll(async () => {
      await engine?.close();
      await served?.close().catch(() => undefined);
      await second?.close().catch(() => undefined);
      rmSync(tmp, { recursive: true, force: true });
    });

    it('measures the engine: what it offers is what docs/compatibility.md says', async () => {
      await openApp(page, url);
      const table = compatTable();
      const measured = await probe(page);
      const listed = Object.fromEntries(Object.keys(measured).map((k) => [k, table.get(k)?.[name] ?? 'not listed']));
      expect(listed).toEqual(Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, v ? 'yes' : 'no'])));
    });

    it('degrades where the engine lacks persistent storage: the banner says what to do on this device', async () => {
      const supported = await page.evaluate(() => typeof navigator.storage?.persist === 'function');
      if (supported) {
        expect(await page.has('tc-app >>> [data-persist-unsupported]')).toBe(false);
        return;
      }
      await page.waitFor('tc-app >>> [data-persist-unsupported]');
      const text = await page.evaluate(
        () =>
          document.querySelector('tc-app')?.shadowRoot?.querySelector('[data-persist-unsupported]')?.textContent ?? '',
      );
      expect(text).toContain('Thêm vào MH chính');
      expect(text).toContain('sao lưu');
    });

    it('opens, comes under the service worker, imports a set and creates an assessment', async () => {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitFor('tc-app >>> main > *', 30_000);
      await until(
        () => page.evaluate(() => !!navigator.serviceWorker.controller),
        'the service worker to control the page',
      );
      await page.goto(`${url}#/io`);
      await page.setFile('tc-io >>> input[data-import]', setFile);
      await page.waitFor('tc-io >>> [data-import-ok]');
      await page.goto(`${url}#/new`);
      await page.waitFor(`tc-new-assessment >>> select[name=set] >>> option[value="${SMALL}"]`);
      await page.select('tc-new-assessment >>> select[name=set]', SMALL);
      await page.select('tc-new-assessment >>> select[name=facility]', '__new__');
      await page.fill('tc-new-assessment >>> input[name=fname]', FACILITY);
      await page.fill('tc-new-assessment >>> textarea[name=assessors]', 'Nguyễn Thị Thử');
      await page.click('tc-new-assessment >>> button[type=submit]');
      await until(async () => /#\/a\//.test(await page.url()), 'the fill-in view');
      id = decodeURIComponent(new URL(await page.url()).hash.split('/')[2]!);
      expect(id).not.toBe('');
      await page.waitFor(card('i1'));
    });

    it('answers every kind of item (binary, graded, choice, numeric) and a note, each durable at once', async () => {
      await saved(page, () => page.click(`${card('i1')} >>> button[data-value="met"]`));
      await saved(page, () => page.click(`${card('i2')} >>> button[data-value="partial"]`));
      await saved(page, () =>
        page.fill(`${card('i2')} >>> textarea`, 'Nhà vệ sinh có xà phòng; thiếu thùng rác đạp chân ở khu điều trị.'),
      );
      await page.goto(`${url}#/a/${encodeURIComponent(id)}/s/s2`);
      await page.waitFor(card('i3'));
      await saved(page, () => page.click(`${card('i3')} >>> button[data-value="some"]`));
      await saved(page, () => page.fill(`${card('i4')} >>> input[data-number]`, '4', { enter: true }));
      expect(await statuses(page)).toMatchObject({ i3: 'answered' });
      await page.goto(`${url}#/a/${encodeURIComponent(id)}`);
      await page.waitFor(card('i1'));
      await page.screenshot(join(SHOTS, `${name}-fill.png`));
    });

    it('restores every answer after a reload', async () => {
      await page.reload();
      await page.waitFor(card('i1'), 30_000);
      expect(await statuses(page)).toMatchObject({ i1: 'answered', i2: 'answered' });
      expect(await page.has(`${card('i2')} >>> button[data-value="partial"][aria-pressed="true"]`)).toBe(true);
      await page.goto(`${url}#/a/${encodeURIComponent(id)}/s/s2`);
      await page.waitFor(card('i4'));
      expect(await statuses(page)).toMatchObject({ i3: 'answered', i4: 'answered' });
      expect(
        await page.evaluate(() => {
          const c = document
            .querySelector('tc-app')
            ?.shadowRoot?.querySelector('tc-fill')
            ?.shadowRoot?.querySelector('tc-item-card[data-item-id="i4"]');
          const input = c?.shadowRoot?.querySelector('tc-answer-control input[data-number]') as HTMLInputElement | null;
          return input?.value ?? c?.shadowRoot?.querySelector('input[data-number]')?.getAttribute('value');
        }),
      ).toBe('4');
    });

    it('keeps working offline with the server stopped: reload, answer, add a photo (stored as a downscaled JPEG)', async () => {
      await served!.close();
      served = undefined;
      await expect(fetch(url)).rejects.toThrow();
      await page.reload();
      await page.waitFor(card('i4'), 30_000);
      expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      await saved(page, () => page.click(`${card('i3')} >>> button[data-value="full"]`));
      await page.setFile(`${card('i4')} >>> input[type=file]`, photo);
      await page.waitFor(`${card('i4')} >>> tc-photo-evidence >>> figure img[src^="blob:"]`, 30_000);
      const stored = await until(
        () =>
          page.evaluate(
            () =>
              new Promise<{ mime: string; width: number; height: number; capturedAt: string }[] | null>((resolve) => {
                const open = indexedDB.open('tieuchi');
                open.onerror = () => resolve(null);
                open.onsuccess = () => {
                  const req = open.result.transaction('photos').objectStore('photos').getAll();
                  req.onsuccess = () => {
                    open.result.close();
                    const r = req.result.map((p) => ({
                      mime: p.mime,
                      width: p.width,
                      height: p.height,
                      capturedAt: p.capturedAt,
                    }));
                    resolve(r.length ? r : null);
                  };
                };
              }),
          ),
        'the stored photo',
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1200 });
      expect(stored[0]!.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    it('locks the assessment with two drawn signatures (offline)', async () => {
      await page.goto(`${url}#/a/${encodeURIComponent(id)}/submit`);
      await page.waitFor('button[data-action="lock"]');
      await page.fill('input[name="sign-facility-head"]', HEAD);
      for (const [role, dy] of [
        ['assessor', 0],
        ['facility-head', 12],
      ] as const) {
        const stroke: [number, number][] = Array.from({ length: 31 }, (_, i) => [
          30 + i * 8,
          Math.round(100 + dy - 40 * Math.sin(i / 3)),
        ]);
        await page.draw(`tc-signature-pad[data-role="${role}"] >>> canvas`, stroke);
        await page.waitFor(`tc-signature-pad[data-role="${role}"] >>> [data-signed="yes"]`);
      }
      await page.click('button[data-action="lock"]');
      await until(async () => /\/results$/.test(await page.url()), 'the results view');
      hash = await until(
        () =>
          page.evaluate(() => {
            const el = document
              .querySelector('tc-app')
              ?.shadowRoot?.querySelector('tc-results')
              ?.shadowRoot?.querySelector('[data-hash]');
            return /[0-9a-f]{64}/.exec(el?.textContent ?? '')?.[0] ?? '';
          }),
        'the content hash',
      );
      const signatures = await page.evaluate(
        (aid) =>
          new Promise<string[][]>((resolve) => {
            const open = indexedDB.open('tieuchi');
            open.onsuccess = () => {
              const req = open.result.transaction('assessments').objectStore('assessments').get(aid);
              req.onsuccess = () => {
                open.result.close();
                const a = req.result as { status: string; signatures?: { role: string; name: string }[] };
                resolve([[a.status], ...(a.signatures ?? []).map((s) => [s.role, s.name])]);
              };
            };
          }),
        id,
      );
      expect(signatures).toEqual([['locked'], ['assessor', 'Nguyễn Thị Thử'], ['facility-head', HEAD]]);
      await page.waitFor('tc-report-export >>> button[data-action="report-pdf"]');
      await page.screenshot(join(SHOTS, `${name}-results.png`));
    });

    it('exports the PDF report (offline): the downloaded file has the facility, the score and the signer', async () => {
      const pdf = await page.download(
        () => page.click('tc-report-export >>> button[data-action="report-pdf"]'),
        90_000,
      );
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Named by facility, kind, round and day (issue 14).
      expect(pdf.name).toMatch(/^tram-y-te-xa-dak-o-kiem-thu_[a-z0-9_-]*\d{4}-\d{2}-\d{2}\.pdf$/);
      const txt = pdfText(pdf.path).replace(/\s+/g, ' ');
      expect(txt).toContain(FACILITY);
      expect(txt).toContain(HEAD);
      expect(txt).toMatch(/Tổng điểm: 8\b/); // i1 met 2 + i2 partial 1 + i3 full 3 + i4 4 people 2 = 8 of 10
    }, 120_000);

    it('exports a backup bundle (offline) and re-imports it on a fresh origin: same lock, photo and score', async () => {
      await page.goto(`${url}#/io`);
      const file = await page.download(() => page.click('tc-io >>> button[data-backup]'));
      expect(file.name).toMatch(/^tieuchi-backup-\d{4}-\d{2}-\d{2}\.zip$/);
      const read = await readContainer(file.bytes); // the streamed container (decision 0012), read as the CLI does
      if (!read.ok) throw new Error(read.errors.map((e) => e.message.en).join('; '));
      const bundle = read.value.bundle;
      expect(bundle.kind).toBe('bundle');
      expect(bundle.photos?.length).toBeGreaterThan(0);
      expect(bundle.assessments.map((a) => [a.id, a.status, a.contentHash])).toEqual([[id, 'locked', hash]]);
      bundlePath = join(tmp, file.name);
      writeFileSync(bundlePath, file.bytes);

      second = await serve(); // another port: another origin, with empty storage
      await openApp(page, second.url);
      expect(await page.has(`tc-home >>> li[data-assessment="${id}"]`)).toBe(false);
      await page.goto(`${second.url}#/io`);
      await page.setFile('tc-io >>> input[data-import]', bundlePath);
      const outcome = await until(
        () =>
          page.evaluate(() => {
            const io = document.querySelector('tc-app')?.shadowRoot?.querySelector('tc-io')?.shadowRoot;
            const el = io?.querySelector('[data-import-ok], [data-import-error], [data-conflicts]');
            return el
              ? `${el.hasAttribute('data-import-ok') ? 'ok' : 'problem'}: ${el.textContent?.replace(/\s+/g, ' ').trim()}`
              : '';
          }),
        'the import to finish',
        30_000,
      );
      expect(outcome).toMatch(/^ok: /);
      await page.goto(`${second.url}#/a/${encodeURIComponent(id)}/results`);
      const again = await until(
        () =>
          page.evaluate(() => {
            const el = document
              .querySelector('tc-app')
              ?.shadowRoot?.querySelector('tc-results')
              ?.shadowRoot?.querySelector('[data-hash]');
            return /[0-9a-f]{64}/.exec(el?.textContent ?? '')?.[0] ?? '';
          }),
        'the re-imported content hash',
      );
      expect(again).toBe(hash);
      await page.goto(`${second.url}#/a/${encodeURIComponent(id)}/s/s2`);
      await page.waitFor(`${card('i4')} >>> tc-photo-evidence >>> figure img[src^="blob:"]`);
    });

    it('opens the dashboard with the re-imported round ranked', async () => {
      await page.goto(`${second!.url}#/dashboard`);
      await page.waitFor('tc-dashboard-ranking >>> table tbody tr');
      const rows = await page.evaluate(() => {
        const r = document
          .querySelector('tc-app')
          ?.shadowRoot?.querySelector('tc-dashboard')
          ?.shadowRoot?.querySelector('tc-dashboard-ranking');
        return [...(r?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map(
          (tr) => tr.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        );
      });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(FACILITY);
      expect(rows[0]).toContain('80');
    });
  });
}
