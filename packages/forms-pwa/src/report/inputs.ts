/**
 * What a report needs, gathered on the page: the set, the assessment and its score (from the store),
 * the photos and signature images it names (Blobs from the photo store: handed to the worker without
 * reading their bytes here), the improvement plan, and the previous assessment of the same facility
 * with the same set.
 */
import type { Assessment } from '../core.js';
import type { AppStore } from '../state/store.js';
import { assessmentFileName } from '../io/file-name.js';
import type { JobPhoto, ReportJob } from './job.js';

/** Hashes of every photo and signature image an assessment names, each once. */
export function photoHashes(a: Assessment): string[] {
  const out = new Set<string>();
  for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) out.add(h);
  for (const s of a.signatures ?? []) if (s.image) out.add(s.image);
  return [...out];
}

/** When an assessment happened, for ordering rounds: the assessment date, else when it was locked or made. */
const when = (a: Assessment): string => a.assessedOn ?? a.lockedAt ?? a.submittedAt ?? a.createdAt ?? '';

/**
 * The latest earlier assessment of the same facility, set (id and version) and kind, if any: an inspection is
 * never compared with the station's own self-assessment as if it were the previous round.
 * Locked ones are preferred: a report compares with what was signed, not with a draft.
 */
export function previousAssessment(all: Iterable<Assessment>, a: Assessment): Assessment | undefined {
  const key = when(a);
  const earlier = [...all].filter(
    (b) =>
      b.id !== a.id &&
      b.facility.id === a.facility.id &&
      b.criteriaSet.id === a.criteriaSet.id &&
      b.criteriaSet.version === a.criteriaSet.version &&
      b.assessmentKind === a.assessmentKind &&
      b.id !== a.revisionOf?.id &&
      when(b) < key,
  );
  const pick = (list: Assessment[]) => list.sort((x, y) => when(y).localeCompare(when(x)))[0];
  return pick(earlier.filter((b) => b.status === 'locked')) ?? pick(earlier);
}

/** The stored photos and signature images an assessment names, as Blobs (missing ones are left out: the report says so). */
export async function jobPhotos(store: AppStore, a: Assessment): Promise<JobPhoto[]> {
  const photos: JobPhoto[] = [];
  // Read together: IndexedDB answers them in one go instead of one round trip each.
  const stored = await Promise.all(photoHashes(a).map((hash) => store.storage.getPhoto(hash)));
  for (const p of stored) {
    if (!p) continue;
    const hash = p.hash;
    photos.push({
      hash,
      blob: p.blob,
      mime: p.mime,
      width: p.width,
      height: p.height,
      ...(p.caption ? { caption: p.caption } : {}),
      ...(p.capturedAt ? { capturedAt: p.capturedAt } : {}),
    });
  }
  return photos;
}

/** The report job of one assessment; throws when the assessment or its set is missing. */
export async function reportJob(store: AppStore, id: string, lang: 'vi' | 'en'): Promise<ReportJob> {
  const assessment = store.assessments.get(id);
  const set = assessment && store.setFor(assessment);
  const result = assessment && store.resultFor(assessment);
  if (!assessment || !set || !result) throw new Error(`No scored assessment "${id}"`);
  const photos = await jobPhotos(store, assessment);
  const prev = previousAssessment(store.assessments.values(), assessment);
  const prevResult = prev && store.resultFor(prev);
  const plan = await store.storage.getPlanForAssessment(id);
  return {
    kind: 'report',
    set,
    assessment,
    result,
    photos,
    lang,
    ...(prev && prevResult ? { previous: { assessment: prev, result: prevResult } } : {}),
    ...(plan ? { plan } : {}),
  };
}

/** An ASCII file-name part: diacritics dropped (đ → d), anything else but letters and digits → '-'. */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** `<facility>_<kind>_<round>_<yyyy-mm-dd>.pdf` for a report (never an internal id). */
export const reportFileName = (a: Assessment): string => assessmentFileName(a, 'pdf');

/** `phieu-cham-<set>-<version>.pdf` for a blank score sheet. */
export const sheetFileName = (set: { id: string; version: string }): string =>
  `phieu-cham-${slug(set.id)}-${slug(set.version)}.pdf`;

/** Hands a file to the browser's download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
