/**
 * Report-size photos made when photos ARRIVE (issue 20): after an import or a restore, the photos of the
 * assessments that came in are handed to the report worker, a few at a time, to be downscaled there and kept in
 * its Cache Storage (by hash), so the first PDF export on a fresh device has no photo left to prepare. Photos taken
 * on the device are prepared when taken (`tc-fill`). Nothing here decodes an image on the page.
 */
import type { Assessment } from '../core.js';
import type { AppStore } from '../state/store.js';
import type { JobPhoto } from './job.js';
import { photoHashes } from './inputs.js';
import { PAGE_PHOTO_SIDE } from './page-downscale.js';

/** At most this many photos are prepared after one arrival: a 2,000-photo restore does not keep a tablet busy for
 * minutes; the newest assessments' photos come first, the rest are downscaled when their report is made. */
export const PREPARE_LIMIT = 300;
/** Photos per message to the worker: the next batch is read from IndexedDB only when this one is done. */
export const PREPARE_BATCH = 10;

/** A JPEG or PNG no larger than the report's side goes into the PDF as it is: nothing to prepare. */
const fitsReport = (p: { width: number; height: number; mime: string }) =>
  Math.max(p.width, p.height) <= PAGE_PHOTO_SIDE && (p.mime === 'image/jpeg' || p.mime === 'image/png');

const when = (a: Assessment): string => a.lockedAt ?? a.submittedAt ?? a.assessedOn ?? a.updatedAt ?? a.createdAt ?? '';

/**
 * The photo hashes worth preparing for these assessments: newest assessment first (the one a user most likely
 * reports on next), each hash once, at most `limit`.
 */
export function hashesToPrepare(assessments: Iterable<Assessment>, limit = PREPARE_LIMIT): string[] {
  const out = new Set<string>();
  const newest = [...assessments].sort((x, y) => when(y).localeCompare(when(x)));
  for (const a of newest)
    for (const h of photoHashes(a)) {
      if (out.size >= limit) return [...out];
      out.add(h);
    }
  return [...out];
}

/**
 * Reads the stored photos of these assessments in batches and has the report worker make their report-size copies.
 * Only a head start: a failure is ignored (the export downscales whatever is missing).
 * @param prepare the worker call (`preparePhotos` of `client.ts`); passed in so a test can watch the batches
 * @returns how many photos were handed to the worker (those already small enough for the report are not)
 */
export async function prepareArrived(
  store: Pick<AppStore, 'storage'>,
  assessments: Iterable<Assessment>,
  prepare: (photos: JobPhoto[]) => Promise<void>,
  limit = PREPARE_LIMIT,
): Promise<number> {
  const hashes = hashesToPrepare(assessments, limit);
  let sent = 0;
  for (let i = 0; i < hashes.length; i += PREPARE_BATCH) {
    const stored = await Promise.all(hashes.slice(i, i + PREPARE_BATCH).map((h) => store.storage.getPhoto(h)));
    const batch: JobPhoto[] = [];
    for (const p of stored)
      if (p && !fitsReport(p))
        batch.push({ hash: p.hash, blob: p.blob, mime: p.mime, width: p.width, height: p.height });
    if (!batch.length) continue;
    try {
      await prepare(batch);
    } catch {
      return sent; // the worker is not available here: the export will do it
    }
    sent += batch.length;
  }
  return sent;
}

/**
 * After an import or restore: gets the report worker ready (pdfmake loaded, its code compiled) and prepares the arrived
 * assessments' photos in it (lazily loads the client).
 */
export function prepareAfterImport(store: Pick<AppStore, 'storage'>, assessments: readonly Assessment[]): void {
  if (!assessments.length) return;
  // An assessment arrived: its report is likely soon, so the worker also loads pdfmake and compiles its code now
  // (ADR 0022), while the photos are made small on the browser's image threads.
  void import('./client.js')
    .then((c) => {
      c.warmEarly().catch(() => undefined);
      return prepareArrived(store, assessments, c.preparePhotos);
    })
    .catch(() => undefined);
}
