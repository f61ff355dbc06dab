/**
 * Import and export of JSON bundles (bundle.schema.json), loaded lazily: it pulls in core's ajv
 * standalone validators, which the fill-in path does not need.
 *
 * Import is two-phase. {@link planImport} parses and verifies EVERYTHING with core's one verifier
 * (`verifyBundle`: schema, semantics, each assessment against its set and the set hash it pins, each submitted or
 * locked assessment's content hash, which must be there, each photo's SHA-256, photos nothing references, plans,
 * duplicates: the same verdict as the CLI and the server) and reports conflicts with assessments already on the
 * device; nothing is written. {@link applyImport} then writes
 * the accepted documents in one transaction. A bad or hostile file therefore changes nothing.
 */
import { contentHash, validateCriteriaSet, validateFacilityRegistry, verifyBundle } from '@tieuchi/core';
import type { Assessment, Bundle, CriteriaSet, Facility, ImprovementPlan, Problem } from '../core.js';
import { setKey } from '../model/assessment.js';
import type { Storage, StoredPhoto, StoredSet } from '../storage/db.js';
import { base64ToBytes, bytesToBase64 } from './base64.js';

/** Largest file accepted for import. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const APP = { name: 'tieuchi-forms-pwa', version: '0.1.0' };

export interface ImportPlan {
  assessments: Assessment[];
  photos: StoredPhoto[];
  facilities: Facility[];
  sets: StoredSet[];
  /** Improvement plans, each attached to an assessment in the file or on the device. */
  plans: ImprovementPlan[];
  /** Ids of incoming assessments that exist on the device with different content. */
  conflicts: string[];
}

export type PlanOutcome = { ok: true; plan: ImportPlan } | { ok: false; errors: Problem[] };

const problem = (code: string, pointer: string, vi: string, en: string): Problem => ({ code, pointer, message: { vi, en } });


/**
 * Parses and validates an import file's text against what is on the device. Writes nothing.
 * @param known sets and assessments already on the device
 */
export function planImport(
  text: string,
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> },
  now = new Date().toISOString(),
): PlanOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: [problem('io.not-json', '', 'Tệp không phải JSON hợp lệ.', 'The file is not valid JSON.')] };
  }
  const kind = data && typeof data === 'object' && !Array.isArray(data) ? (data as { kind?: unknown }).kind : undefined;
  if (kind === 'criteria-set') {
    const r = validateCriteriaSet(data);
    if (!r.ok) return r;
    return planBundle({ schemaVersion: 1, kind: 'bundle', createdAt: now, assessments: [], criteriaSets: [r.value] }, known, now);
  }
  if (kind === 'facility-registry') {
    const r = validateFacilityRegistry(data);
    if (!r.ok) return r;
    return { ok: true, plan: { assessments: [], photos: [], sets: [], plans: [], conflicts: [], facilities: r.value.facilities } };
  }
  if (kind === 'assessment') data = { schemaVersion: 1, kind: 'bundle', createdAt: now, assessments: [data] };
  else if (kind !== 'bundle')
    return {
      ok: false,
      errors: [problem('io.unknown-kind', '/kind', 'Không nhận ra loại tệp (cần "bundle", "assessment", "criteria-set" hoặc "facility-registry").', 'Unrecognised file kind (expected "bundle", "assessment", "criteria-set" or "facility-registry").')],
    };
  return planBundle(data, known, now);
}

function planBundle(
  data: unknown,
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> },
  now: string,
): PlanOutcome {
  const v = verifyBundle(data, { findSet: (id, version) => known.sets.get(`${id}@${version}`), knowsAssessment: (id) => known.assessments.has(id) });
  if (!v.ok) return v;
  const b: Bundle = v.value;
  const errors: Problem[] = [];
  const newSets: StoredSet[] = [];
  for (const s of b.criteriaSets ?? []) {
    const key = setKey(s);
    if (!known.sets.has(key)) newSets.push({ key, set: s, importedAt: now });
  }
  const assessments: Assessment[] = [];
  const conflicts: string[] = [];
  b.assessments.forEach((a) => {
    const existing = known.assessments.get(a.id);
    if (existing) {
      if (contentHash(existing) === contentHash(a) && existing.status === a.status) return; // identical: nothing to do
      conflicts.push(a.id);
    }
    assessments.push(a);
  });
  const photos: StoredPhoto[] = [];
  (b.photos ?? []).forEach((p, i) => {
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(p.dataBase64); // verified against its hash by verifyBundle
    } catch {
      errors.push(problem('io.photo-base64', `/photos/${i}/dataBase64`, 'Dữ liệu ảnh không đọc được.', 'Photo data cannot be decoded.'));
      return;
    }
    const photo: StoredPhoto = { hash: p.hash, blob: new Blob([bytes as BlobPart], { type: p.mime }), mime: p.mime, width: p.width ?? 1, height: p.height ?? 1 };
    if (p.capturedAt) photo.capturedAt = p.capturedAt;
    if (p.caption) photo.caption = p.caption;
    photos.push(photo);
  });
  const plans: ImprovementPlan[] = [...(b.plans ?? [])]; // each belongs to a known assessment (verifyBundle)
  if (errors.length) return { ok: false, errors };
  return { ok: true, plan: { assessments, photos, sets: newSets, plans, conflicts, facilities: b.facilities ?? [] } };
}

/**
 * Writes a validated plan in one transaction.
 * @param overwrite whether assessments in `plan.conflicts` replace the device's copies (else they are skipped)
 * @returns counts of what was written
 */
export async function applyImport(storage: Storage, plan: ImportPlan, overwrite: boolean) {
  const skip = new Set(overwrite ? [] : plan.conflicts);
  const assessments = plan.assessments.filter((a) => !skip.has(a.id));
  // A plan follows its assessment's decision; a different plan already on the device is replaced only when
  // the user chose to overwrite (nothing is silently overwritten).
  const plans: ImprovementPlan[] = [];
  for (const p of plan.plans ?? []) {
    if (skip.has(p.assessmentId)) continue;
    const mine = await storage.getPlanForAssessment(p.assessmentId);
    if (mine && !overwrite && JSON.stringify(mine) !== JSON.stringify(p)) continue;
    plans.push(p);
  }
  await storage.importAll({ assessments, photos: plan.photos, facilities: plan.facilities, sets: plan.sets, plans });
  return { a: assessments.length, p: plan.photos.length, f: plan.facilities.length, s: plan.sets.length, plans: plans.length };
}

/**
 * Builds a bundle of the given assessments with the photos they reference, their provisional
 * facilities and any imported (non-built-in) sets they use. With `full`, also every facility and set
 * stored on the device (a backup).
 */
export async function buildBundle(
  storage: Storage,
  assessments: Assessment[],
  opts: { importedSets: CriteriaSet[]; full?: boolean },
): Promise<Bundle> {
  const hashes = new Set<string>();
  for (const a of assessments) for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) hashes.add(h);
  for (const a of assessments) for (const s of a.signatures ?? []) if (s.image) hashes.add(s.image);
  const plans: ImprovementPlan[] = [];
  for (const a of assessments) {
    const p = await storage.getPlanForAssessment(a.id);
    if (!p) continue;
    plans.push(p);
    for (const act of p.actions) for (const h of act.completionEvidence ?? []) hashes.add(h);
  }
  const photos: NonNullable<Bundle['photos']> = [];
  for (const h of hashes) {
    const p = await storage.getPhoto(h);
    if (!p) continue;
    const entry: NonNullable<Bundle['photos']>[number] = {
      hash: p.hash,
      mime: p.mime,
      width: p.width,
      height: p.height,
      dataBase64: bytesToBase64(new Uint8Array(await p.blob.arrayBuffer())),
    };
    if (p.capturedAt) entry.capturedAt = p.capturedAt;
    if (p.caption) entry.caption = p.caption;
    photos.push(entry);
  }
  const used = new Set(assessments.map((a) => setKey(a.criteriaSet)));
  const sets = opts.full ? opts.importedSets : opts.importedSets.filter((s) => used.has(setKey(s)));
  const local = await storage.listFacilities();
  const usedFac = new Set(assessments.map((a) => a.facility.id));
  const facilities = opts.full ? local : local.filter((f) => usedFac.has(f.id));
  const bundle: Bundle = { schemaVersion: 1, kind: 'bundle', createdAt: new Date().toISOString(), app: APP, assessments };
  if (sets.length) bundle.criteriaSets = sets;
  if (facilities.length) bundle.facilities = facilities;
  if (photos.length) bundle.photos = photos;
  if (plans.length) bundle.plans = plans;
  return bundle;
}
