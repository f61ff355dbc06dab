/**
 * Issue 20, "full backup with photos": 2,000 generated photos of ~200 KB (random bytes behind a JPEG header, stored
 * in IndexedDB by their SHA-256 as the app stores photos) back up as a streamed zip and restore into a fresh profile
 * with nothing lost, while the peak RSS summed over every Chromium process of the test stays within 300 MB of the
 * baseline measured before each step. Chromium against the production build (one persistent profile per side, so
 * IndexedDB and Blob data live on disk as on a tablet). `BACKUP_E2E_PHOTOS` sets the count (default 2,000);
 * bench/backup.mjs measures the same at other sizes and the old JSON way.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment, launchPersistent, openApp, refuseSavePicker, serve, type Served } from './harness.js';

const PHOTOS = Number(process.env.BACKUP_E2E_PHOTOS ?? 2000);
const PHOTO_BYTES = 200 * 1024;
const ASSESSMENTS = 10;
const BOUND_MB = 300;
const SET_1300 = 'qd1300-commune-health@2023.1';

/** Every process descended from this one (the browsers it launched and their helpers), by pid. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent)
      if (pp === p) {
        out.push(c);
        walk(c);
      }
  };
  walk(root);
  return out;
}

/** RSS summed over every Chromium process this test started, in MB. */
function chromiumRssMb(): number {
  let kb = 0;
  for (const pid of descendants(process.pid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (!/^Name:\s*(chrom|headless)/m.test(status)) continue;
      kb += Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

/** Samples {@link chromiumRssMb} every 100 ms while `work` runs; resolves to its result and the peak. */
async function peakDuring<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peakMb = chromiumRssMb();
  const timer = setInterval(() => (peakMb = Math.max(peakMb, chromiumRssMb())), 100);
  try {
    const value = await work();
    return { value, peakMb: Math.max(peakMb, chromiumRssMb()) };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline: RSS once the page has settled (the lowest of a few samples a second apart). */
async function baselineMb(): Promise<number> {
  let low = Infinity;
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 700));
    low = Math.min(low, chromiumRssMb());
  }
  return low;
}

/** What is stored in the page's IndexedDB: assessment ids with their photo references, and photo hashes. */
const storedState = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('tieuchi');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = <T>(store: string, keys = false) =>
      new Promise<T[]>((res, rej) => {
        const s = db.transaction(store).objectStore(store);
        const r = keys ? s.getAllKeys() : s.getAll();
        r.onsuccess = () => res(r.result as T[]);
        r.onerror = () => rej(r.error);
      });
    const assessments = await all<{ id: string; answers: Record<string, { evidence?: string[] }> }>('assessments');
    const photos = await all<string>('photos', true);
    db.close();
    return {
      assessments: assessments
        .map((a) => `${a.id}:${Object.values(a.answers).flatMap((x) => x.evidence ?? []).length}`)
        .sort(),
      photos: photos.sort(),
    };
  });

describe(`streamed backup of ${PHOTOS} photos (issue 20)`, () => {
  let served: Served;
  const dirs: string[] = [];
  const contexts: BrowserContext[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'tc-backup-'));
  let zipPath = '';
  let source: { assessments: string[]; photos: string[] };

  beforeAll(async () => {
    served = await serve();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await served?.close();
    for (const d of [...dirs, tmp]) rmSync(d, { recursive: true, force: true });
  });

  const profile = async (): Promise<Page> => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-backup-profile-'));
    dirs.push(dir);
    const ctx = await launchPersistent(dir);
    contexts.push(ctx);
    await refuseSavePicker(ctx); // the app takes its download path (temporary file)
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await openApp(page, served.url);
    return page;
  };

  it(`backs up ${PHOTOS} photos of 200 KB as a zip within ${BOUND_MB} MB of the baseline, with progress`, async () => {
    const page = await profile();
    const first = await createAssessment(page, served.url, 'Trạm sao lưu 1', SET_1300);
    const items = await page.evaluate(() =>
      [
        ...(document
          .querySelector('tc-app')
          ?.shadowRoot?.querySelector('tc-fill')
          ?.shadowRoot?.querySelectorAll<HTMLElement>('tc-item-card') ?? []),
      ].map((c) => c.dataset.itemId!),
    );
    // Seed: copies of the assessment, each referencing its share of photos (at most 100 per answer, as the schema
    // allows), the photos written in batches straight into the app's store with their real SHA-256.
    await page.evaluate(
      async ({ first, items, photos, size, copies }) => {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open('tieuchi');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const req = <T>(r: IDBRequest<T>) =>
          new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
        const done = (tx: IDBTransaction) =>
          new Promise<void>((res, rej) => ((tx.oncomplete = () => res()), (tx.onerror = () => rej(tx.error))));
        const base = await req(db.transaction('assessments').objectStore('assessments').get(first));
        const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
        const perCopy = Math.ceil(photos / copies);
        let made = 0;
        for (let c = 0; c < copies; c++) {
          const hashes: string[] = [];
          const n = Math.min(perCopy, photos - made);
          for (let start = 0; start < n; start += 50) {
            const batch = [];
            for (let i = start; i < Math.min(n, start + 50); i++) {
              const bytes = new Uint8Array(size);
              for (let o = 0; o < size; o += 65536)
                crypto.getRandomValues(bytes.subarray(o, Math.min(size, o + 65536)));
              bytes.set([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
              const hash = hex(await crypto.subtle.digest('SHA-256', bytes));
              hashes.push(hash);
              batch.push({
                hash,
                blob: new Blob([bytes], { type: 'image/jpeg' }),
                mime: 'image/jpeg',
                width: 640,
                height: 480,
              });
            }
            const tx = db.transaction('photos', 'readwrite');
            for (const p of batch) tx.objectStore('photos').put(p);
            await done(tx);
          }
          made += n;
          const answers: Record<string, { evidence: string[] }> = {};
          for (let i = 0; i < hashes.length; i += 100)
            answers[items[i / 100]!] = { evidence: hashes.slice(i, i + 100) };
          const copy = {
            ...base,
            id: c === 0 ? first : `${first}-copy-${c}`,
            answers,
            facility: { ...base.facility, name: `Trạm sao lưu ${c + 1}` },
          };
          const tx = db.transaction('assessments', 'readwrite');
          tx.objectStore('assessments').put(copy);
          await done(tx);
        }
        db.close();
      },
      { first, items, photos: PHOTOS, size: PHOTO_BYTES, copies: ASSESSMENTS },
    );
    source = await storedState(page);
    expect(source.photos).toHaveLength(PHOTOS);
    expect(source.assessments).toHaveLength(ASSESSMENTS);
    await page.goto(`${served.url}#/io`);
    await page.reload();
    await page.locator('tc-io button[data-backup]').waitFor();

    const base = await baselineMb();
    const progress = new Set<string>();
    const { value: download, peakMb } = await peakDuring(async () => {
      const [dl] = await Promise.all([
        page.waitForEvent('download', { timeout: 180_000 }),
        page.locator('tc-io button[data-backup]').click(),
        (async () => {
          for (let i = 0; i < 200; i++) {
            const t = await page
              .locator('tc-io [data-progress]')
              .textContent({ timeout: 100 })
              .catch(() => null);
            if (t) progress.add(t.trim());
            if (progress.size >= 2) return;
            await new Promise((r) => setTimeout(r, 100));
          }
        })(),
      ]);
      zipPath = join(tmp, dl.suggestedFilename());
      await dl.saveAs(zipPath);
      return dl;
    });
    expect(download.suggestedFilename()).toMatch(/^tieuchi-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(statSync(zipPath).size).toBeGreaterThan(PHOTOS * PHOTO_BYTES);
    expect([...progress].some((t) => /^Đang sao lưu \d+\/\d+ ảnh/.test(t))).toBe(true);
    console.log(
      `backup: baseline ${base.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB (+${(peakMb - base).toFixed(0)})`,
    );
    expect(peakMb - base).toBeLessThanOrEqual(BOUND_MB);
    await page.context().close();
  }, 240_000);

  it('restores it into a fresh profile: every assessment and photo hash arrives, memory bounded', async () => {
    expect(zipPath).not.toBe('');
    const page = await profile();
    await page.goto(`${served.url}#/io`);
    expect((await storedState(page)).photos).toEqual([]);
    const base = await baselineMb();
    const { peakMb } = await peakDuring(async () => {
      await page.locator('tc-io input[data-import]').setInputFiles(zipPath);
      await page.locator('tc-io [data-import-ok], tc-io [data-import-error]').first().waitFor({ timeout: 180_000 });
    });
    expect(await page.locator('tc-io [data-import-error]').count()).toBe(0);
    console.log(
      `restore: baseline ${base.toFixed(0)} MB, peak ${peakMb.toFixed(0)} MB (+${(peakMb - base).toFixed(0)})`,
    );
    const restored = await storedState(page);
    expect(restored.assessments).toEqual(source.assessments);
    expect(restored.photos).toEqual(source.photos);
    // Each stored photo's bytes hash to its key (nothing truncated or mixed up on the way).
    const wrong = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res) => {
        const r = indexedDB.open('tieuchi');
        r.onsuccess = () => res(r.result);
      });
      const keys = await new Promise<string[]>((res) => {
        const r = db.transaction('photos').objectStore('photos').getAllKeys();
        r.onsuccess = () => res(r.result as string[]);
      });
      const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
      let bad = 0;
      for (const k of keys) {
        const rec = await new Promise<{ blob?: Blob; bytes?: ArrayBuffer }>((res) => {
          const r = db.transaction('photos').objectStore('photos').get(k);
          r.onsuccess = () => res(r.result);
        });
        const buf = rec.blob ? await rec.blob.arrayBuffer() : rec.bytes!;
        if (hex(await crypto.subtle.digest('SHA-256', buf)) !== k) bad++;
      }
      db.close();
      return bad;
    });
    expect(wrong).toBe(0);
    expect(peakMb - base).toBeLessThanOrEqual(BOUND_MB);
  }, 240_000);
});
