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
import {
  contentHash,
  upgradeAssessment,
  validateCriteriaSet,
  validateFacilityRegistry,
  verifyBundle,
} from '@tieuchi/core';
import type { Assessment, Bundle, CriteriaSet, Facility, ImprovementPlan, Problem } from '../core.js';
import { setKey } from '../model/assessment.js';
import type { RefusedDocument, Storage, StoredPhoto, StoredSet } from '../storage/db.js';
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
  /** Incoming assessments identical to the device's copy: nothing to write, still listed in the summary. */
  unchanged?: Assessment[];
  /** Documents of the file refused by {@link planRestore}: kept aside by {@link applyImport}, never written. */
  refused?: RefusedDocument[];
  /**
   * A streamed restore (`backup.ts`) writes photos ahead, as they are read: `added` were written by it, `kept` were
   * on the device already. They are not in `photos`; {@link applyImport} lists them in the summary.
   */
  photosAhead?: { added: string[]; kept: string[] } | undefined;
}

/** The SHA-256 of each photo of a streamed container, by the hash it lists (core's `readContainer`). */
type Digests = ReadonlyMap<string, string> | undefined;

export type PlanOutcome = { ok: true; plan: ImportPlan } | { ok: false; errors: Problem[] };

const problem = (code: string, pointer: string, vi: string, en: string): Problem => ({
  code,
  pointer,
  message: { vi, en },
});

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
    return {
      ok: false,
      errors: [problem('io.not-json', '', 'Tệp không phải JSON hợp lệ.', 'The file is not valid JSON.')],
    };
  }
  return planParsed(data, known, now);
}

/** {@link planImport} on a file already parsed. Writes nothing. */
export function planParsed(
  data: unknown,
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> },
  now = new Date().toISOString(),
  digests?: Digests,
): PlanOutcome {
  const kind = data && typeof data === 'object' && !Array.isArray(data) ? (data as { kind?: unknown }).kind : undefined;
  if (kind === 'criteria-set') {
    const r = validateCriteriaSet(data);
    if (!r.ok) return r;
    return planBundle(
      { schemaVersion: 1, kind: 'bundle', createdAt: now, assessments: [], criteriaSets: [r.value] },
      known,
      now,
    );
  }
  if (kind === 'facility-registry') {
    const r = validateFacilityRegistry(data);
    if (!r.ok) return r;
    return {
      ok: true,
      plan: { assessments: [], photos: [], sets: [], plans: [], conflicts: [], facilities: r.value.facilities },
    };
  }
  if (kind === 'assessment') data = { schemaVersion: 1, kind: 'bundle', createdAt: now, assessments: [data] };
  else if (kind !== 'bundle')
    return {
      ok: false,
      errors: [
        problem(
          'io.unknown-kind',
          '/kind',
          'Không nhận ra loại tệp (cần "bundle", "assessment", "criteria-set" hoặc "facility-registry").',
          'Unrecognised file kind (expected "bundle", "assessment", "criteria-set" or "facility-registry").',
        ),
      ],
    };
  return planBundle(data, known, now, digests);
}

function planBundle(
  data: unknown,
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> },
  now: string,
  digests?: Digests,
): PlanOutcome {
  const v = verifyBundle(data, {
    findSet: (id, version) => known.sets.get(`${id}@${version}`),
    knowsAssessment: (id) => known.assessments.has(id),
    ...(digests ? { photoDigests: digests } : {}),
  });
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
  const unchanged: Assessment[] = [];
  b.assessments.forEach((received) => {
    // Verified as received (above); only then migrated forward, which never changes what the hash covers.
    const a = upgradeAssessment(received);
    const existing = known.assessments.get(a.id);
    if (existing) {
      if (contentHash(existing) === contentHash(a) && existing.status === a.status) {
        unchanged.push(a); // identical: nothing to write
        return;
      }
      conflicts.push(a.id);
    }
    assessments.push(a);
  });
  const photos: StoredPhoto[] = [];
  // A streamed container's photos were checked by their digests and stored as they were read: nothing to decode.
  (digests ? [] : (b.photos ?? [])).forEach((p, i) => {
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(p.dataBase64); // verified against its hash by verifyBundle
    } catch {
      errors.push(
        problem(
          'io.photo-base64',
          `/photos/${i}/dataBase64`,
          'Dữ liệu ảnh không đọc được.',
          'Photo data cannot be decoded.',
        ),
      );
      return;
    }
    const photo: StoredPhoto = {
      hash: p.hash,
      blob: new Blob([bytes as BlobPart], { type: p.mime }),
      mime: p.mime,
      width: p.width ?? 1,
      height: p.height ?? 1,
    };
    if (p.capturedAt) photo.capturedAt = p.capturedAt;
    if (p.caption) photo.caption = p.caption;
    photos.push(photo);
  });
  const plans: ImprovementPlan[] = [...(b.plans ?? [])]; // each belongs to a known assessment (verifyBundle)
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    plan: { assessments, photos, sets: newSets, plans, conflicts, unchanged, facilities: b.facilities ?? [] },
  };
}

/** One document of an import and what became of it, for the summary the person reads. */
export interface ImportEntry {
  kind: 'assessments' | 'photos' | 'plans' | 'criteriaSets' | 'facilities';
  id: string;
  /** What a person recognises (facility name of an assessment...). */
  label: string;
  /** added: new here; merged: a draft merged answer by answer; replaced: the device copy replaced (asked first);
   * kept: the device copy stayed as it was (`why` says why); refused: not imported (kept aside). */
  outcome: 'added' | 'merged' | 'replaced' | 'kept' | 'refused';
  why?: { vi: string; en: string };
  /** For a merge: how many parts both copies changed differently (shown side by side in the form). */
  conflicts?: number;
}

const why = (vi: string, en: string) => ({ vi, en });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes a validated plan in one transaction.
 *
 * With `opts.merge` (the Import view), nothing on the device is changed without saying so: an incoming draft of
 * a draft on the device is merged answer by answer (core `mergeThreeWay`, no shared base known: both copies'
 * answers are kept and each item answered differently becomes a conflict shown side by side); a locked copy
 * on the device is never replaced by a draft (nor by a different locked copy); a locked incoming copy replaces a
 * device draft only with `overwrite` (the person was asked). Plans, photos and facility records already on the
 * device are kept as they are; each difference is listed. Without `opts.merge` (older callers), an existing
 * assessment is replaced only with `overwrite`, as before.
 * @param overwrite whether assessments in `plan.conflicts` replace the device's copies (else they are skipped)
 * @returns counts of what was written, and `summary`: every document with what became of it
 */
export async function applyImport(
  storage: Storage,
  plan: ImportPlan,
  overwrite: boolean,
  opts: {
    /** core's `mergeThreeWay` (passed in, so that this module's callers decide; the Import view does). */
    merge?: (
      base: Assessment | null,
      ours: Assessment,
      theirs: Assessment,
    ) => { ok: true; value: { merged: Assessment; conflicts: unknown[] } } | { ok: false };
    /** Registry facilities by id: an import never renames them. */
    registry?: Map<string, Facility>;
    /** Writes the one transaction (the view passes the store's write path); default `storage.importAll`. */
    commit?: (data: Parameters<Storage['importAll']>[0]) => Promise<void>;
  } = {},
) {
  const summary: ImportEntry[] = [];
  const labelOf = (a: Assessment) =>
    [a.facility.name, a.assessedOn ?? a.createdAt?.slice(0, 10)].filter(Boolean).join(' · ');
  const conflictIds = new Set(plan.conflicts);
  const assessments: Assessment[] = [];
  for (const a of plan.assessments) {
    const entry: ImportEntry = { kind: 'assessments', id: a.id, label: labelOf(a), outcome: 'added' };
    summary.push(entry);
    if (!conflictIds.has(a.id)) {
      assessments.push(a);
      continue;
    }
    const mine = opts.merge ? await storage.getAssessment(a.id) : undefined;
    if (opts.merge && mine) {
      if (mine.status !== 'draft') {
        entry.outcome = 'kept';
        entry.why =
          a.status === 'draft'
            ? why(
                'Phiếu trên máy đã khoá: bản nháp trong tệp không thay thế nó.',
                'The copy on this device is locked: the draft in the file does not replace it.',
              )
            : why(
                'Phiếu trên máy đã khoá và khác bản đã khoá trong tệp: giữ bản trên máy.',
                'The copy on this device is locked and differs from the locked copy in the file: the device copy is kept.',
              );
        continue;
      }
      if (a.status === 'draft') {
        const m = opts.merge(null, mine, a);
        if (m.ok) {
          assessments.push({ ...m.value.merged, updatedAt: new Date().toISOString() });
          entry.outcome = 'merged';
          entry.conflicts = m.value.conflicts.length;
        } else {
          entry.outcome = 'kept';
          entry.why = why(
            'Không gộp được hai bản nháp (khác cơ sở hoặc bộ tiêu chí): giữ bản trên máy.',
            'The two drafts cannot be merged (different facility or set): the device copy is kept.',
          );
        }
        continue;
      }
      // A locked copy in the file, a draft on the device: only if the person said so.
    }
    if (overwrite) {
      assessments.push(a);
      entry.outcome = 'replaced';
    } else {
      entry.outcome = 'kept';
      entry.why = why('Giữ bản trên máy theo lựa chọn của bạn.', 'The device copy is kept, as you chose.');
    }
  }
  const skipped = new Set(summary.filter((e) => e.outcome === 'kept').map((e) => e.id));
  // A plan follows its assessment's decision; a different plan already on the device is replaced only when
  // the user chose to overwrite (nothing is silently overwritten), and never another assessment's plan.
  const plans: ImprovementPlan[] = [];
  for (const p of plan.plans ?? []) {
    const entry: ImportEntry = { kind: 'plans', id: p.id, label: p.id, outcome: 'added' };
    summary.push(entry);
    if (skipped.has(p.assessmentId)) {
      entry.outcome = 'kept';
      entry.why = why(
        'Phiếu của kế hoạch này được giữ nguyên trên máy.',
        'The assessment of this plan was kept as it is on this device.',
      );
      continue;
    }
    const sameId = opts.merge ? await storage.getPlan(p.id) : undefined;
    if (sameId && sameId.assessmentId !== p.assessmentId) {
      entry.outcome = 'refused';
      entry.why = why(
        `Mã kế hoạch ${p.id} đã dùng cho kế hoạch của một phiếu khác trên máy: không thay thế.`,
        `Plan id ${p.id} is already used by another assessment's plan on this device: not replaced.`,
      );
      continue;
    }
    const mine = await storage.getPlanForAssessment(p.assessmentId);
    if (mine && !same(mine, p)) {
      if (!overwrite || (opts.merge && !conflictIds.has(p.assessmentId))) {
        entry.outcome = 'kept';
        entry.why = why(
          'Kế hoạch trên máy khác kế hoạch trong tệp: giữ bản trên máy.',
          'The plan on this device differs from the one in the file: the device copy is kept.',
        );
        continue;
      }
      entry.outcome = 'replaced';
    } else if (mine) entry.outcome = 'kept';
    plans.push(p);
  }
  // Photos are keyed by their bytes' hash: the same photo; its capture time and caption on the device stay.
  const photos: StoredPhoto[] = [];
  for (const hash of plan.photosAhead?.added ?? [])
    summary.push({ kind: 'photos', id: hash, label: `${hash.slice(0, 12)}…`, outcome: 'added' });
  for (const hash of plan.photosAhead?.kept ?? [])
    summary.push({ kind: 'photos', id: hash, label: `${hash.slice(0, 12)}…`, outcome: 'kept' });
  for (const ph of plan.photos) {
    const entry: ImportEntry = { kind: 'photos', id: ph.hash, label: `${ph.hash.slice(0, 12)}…`, outcome: 'added' };
    summary.push(entry);
    const mine = opts.merge ? await storage.getPhoto(ph.hash) : undefined;
    if (mine) {
      entry.outcome = 'kept';
      if ((mine.capturedAt ?? '') !== (ph.capturedAt ?? '') || (mine.caption ?? '') !== (ph.caption ?? ''))
        entry.why = why(
          'Ảnh đã có trên máy với thời điểm chụp hoặc chú thích khác: giữ thông tin trên máy.',
          'The photo is already on this device with a different capture time or caption: the device details are kept.',
        );
      continue;
    }
    photos.push(ph);
  }
  // Facility records of this device (and registry names) are not rewritten by an import.
  const facilities: Facility[] = [];
  const localFacilities = opts.merge
    ? new Map((await storage.listFacilities()).map((f) => [f.id, f]))
    : new Map<string, Facility>();
  for (const f of plan.facilities) {
    const entry: ImportEntry = { kind: 'facilities', id: f.id, label: f.name, outcome: 'added' };
    summary.push(entry);
    const mine = localFacilities.get(f.id) ?? opts.registry?.get(f.id);
    if (mine) {
      entry.outcome = 'kept';
      if (!same(mine, f))
        entry.why = why(
          `Cơ sở ${mine.name} đã có trên máy với thông tin khác: giữ thông tin trên máy.`,
          `Facility ${mine.name} is already on this device with different details: the device record is kept.`,
        );
      continue;
    }
    facilities.push(f);
  }
  for (const a of plan.unchanged ?? []) {
    summary.push({
      kind: 'assessments',
      id: a.id,
      label: labelOf(a),
      outcome: 'kept',
      why: why('Đã có trên máy này, giống hệt: không cần ghi.', 'Already on this device, identical: nothing to write.'),
    });
  }
  for (const st of plan.sets) summary.push({ kind: 'criteriaSets', id: st.key, label: st.key, outcome: 'added' });
  for (const r of plan.refused ?? [])
    summary.push({
      kind: r.kind,
      id: r.id,
      label: r.label,
      outcome: 'refused',
      why: { vi: r.reasons[0]?.message.vi ?? '', en: r.reasons[0]?.message.en ?? r.reasons[0]?.message.vi ?? '' },
    });
  const writePhotos = opts.merge ? photos : plan.photos;
  const writeFacilities = opts.merge ? facilities : plan.facilities;
  await (opts.commit ?? ((d) => storage.importAll(d)))({
    assessments,
    photos: writePhotos,
    facilities: writeFacilities,
    sets: plan.sets,
    plans,
    refused: plan.refused ?? [],
  });
  return {
    a: assessments.length,
    p: writePhotos.length + (plan.photosAhead?.added.length ?? 0),
    f: writeFacilities.length,
    s: plan.sets.length,
    plans: plans.length,
    refused: plan.refused?.length ?? 0,
    summary,
  };
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
  const { bundle, photoHashes } = await collectBundle(storage, assessments, opts);
  const photos: NonNullable<Bundle['photos']> = [];
  for (const h of photoHashes) {
    const p = await storage.getPhoto(h);
    if (!p) continue;
    photos.push({ ...photoMeta(p), dataBase64: bytesToBase64(new Uint8Array(await p.blob.arrayBuffer())) });
  }
  if (photos.length) bundle.photos = photos;
  return bundle;
}

/** A stored photo as a bundle lists it, without its data. */
export function photoMeta(p: StoredPhoto): Omit<NonNullable<Bundle['photos']>[number], 'dataBase64'> {
  const entry: Omit<NonNullable<Bundle['photos']>[number], 'dataBase64'> = {
    hash: p.hash,
    mime: p.mime,
    width: p.width,
    height: p.height,
  };
  if (p.capturedAt) entry.capturedAt = p.capturedAt;
  if (p.caption) entry.caption = p.caption;
  return entry;
}

/**
 * The documents of {@link buildBundle} (no photos) and the hashes of the photos they reference, in order: what a
 * streamed backup (`backup.ts`) writes, reading each photo only when its turn comes.
 */
export async function collectBundle(
  storage: Storage,
  assessments: Assessment[],
  opts: { importedSets: CriteriaSet[]; full?: boolean },
): Promise<{ bundle: Bundle; photoHashes: string[] }> {
  const hashes = new Set<string>();
  for (const a of assessments)
    for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) hashes.add(h);
  for (const a of assessments) for (const s of a.signatures ?? []) if (s.image) hashes.add(s.image);
  const plans: ImprovementPlan[] = [];
  for (const a of assessments) {
    const p = await storage.getPlanForAssessment(a.id);
    if (!p) continue;
    plans.push(p);
    for (const act of p.actions) for (const h of act.completionEvidence ?? []) hashes.add(h);
  }
  const used = new Set(assessments.map((a) => setKey(a.criteriaSet)));
  const sets = opts.full ? opts.importedSets : opts.importedSets.filter((s) => used.has(setKey(s)));
  const local = await storage.listFacilities();
  const usedFac = new Set(assessments.map((a) => a.facility.id));
  const facilities = opts.full ? local : local.filter((f) => usedFac.has(f.id));
  const bundle: Bundle = {
    schemaVersion: 1,
    kind: 'bundle',
    createdAt: new Date().toISOString(),
    app: APP,
    assessments,
  };
  if (sets.length) bundle.criteriaSets = sets;
  if (facilities.length) bundle.facilities = facilities;
  if (plans.length) bundle.plans = plans;
  return { bundle, photoHashes: [...hashes] };
}

const LISTS = ['assessments', 'photos', 'plans', 'criteriaSets', 'facilities'] as const;
type ListName = (typeof LISTS)[number];
const DOC_POINTER = /^\/(assessments|photos|plans|criteriaSets|facilities)\/(\d+)(?=\/|$)/;

/**
 * Imports a bundle (a backup from another tablet) document by document: {@link planParsed} checks everything
 * first, as for any import; when the only problems are in single documents (a draft with a value its set does
 * not allow, a photo whose bytes do not match its hash), those documents are taken out and the rest is
 * checked again, until it passes. The refused ones come back in `plan.refused` with their reasons and, for an
 * assessment, the photos it references, so {@link applyImport} keeps them aside in the same transaction that
 * writes the rest. A problem with the file as a whole (not JSON, unknown kind, a set that differs), or a file
 * whose every document is refused, still refuses everything. Writes nothing.
 * @param file the file's name, recorded with what is kept aside
 */
export function planRestore(
  text: string,
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> },
  file: string,
  now = new Date().toISOString(),
): PlanOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return planImport(text, known, now);
  }
  return planRestoreParsed(data, known, file, now);
}

/**
 * {@link planRestore} on a file already parsed; with `digests`, a streamed container's bundle (photos listed without
 * data, checked by the SHA-256 of the bytes read). Writes nothing.
 */
export function planRestoreParsed(
  data: unknown,
  known: { sets: Map<string, CriteriaSet>; assessments: Map<string, Assessment> },
  file: string,
  now = new Date().toISOString(),
  digests?: Digests,
): PlanOutcome {
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data as { kind?: unknown }).kind !== 'bundle')
    return planParsed(data, known, now, digests);
  const bundle = data as Record<string, unknown>;
  const lists: Record<ListName, unknown[]> = Object.fromEntries(
    LISTS.map((k) => [k, Array.isArray(bundle[k]) ? [...(bundle[k] as unknown[])] : []]),
  ) as Record<ListName, unknown[]>;
  const allPhotos = lists.photos.slice();
  const refused: RefusedDocument[] = [];
  const allErrors: Problem[] = [];
  // Each pass takes out at least one document, so this ends; a plan whose draft was refused is found next pass.
  for (let pass = 0; pass < 1 + LISTS.length * 2; pass++) {
    const current: Record<string, unknown> = { ...bundle };
    for (const k of LISTS) if (Array.isArray(bundle[k]) || lists[k].length) current[k] = lists[k];
    const out = planParsed(current, known, now, digests);
    if (out.ok) {
      if (refused.length) out.plan.refused = refused;
      return out;
    }
    const byDoc = new Map<string, Problem[]>();
    for (const e of out.errors) {
      const m = DOC_POINTER.exec(e.pointer);
      if (!m) return out; // the file as a whole is wrong: refuse it all, as before
      const key = `${m[1]}/${m[2]}`;
      const rel = { ...e, pointer: e.pointer.slice(m[0].length) };
      byDoc.set(key, [...(byDoc.get(key) ?? []), rel]);
    }
    const drop = new Map<ListName, Set<number>>();
    for (const [key, reasons] of byDoc) {
      const [list, i] = key.split('/') as [ListName, string];
      const doc = lists[list][Number(i)];
      (drop.get(list) ?? drop.set(list, new Set()).get(list)!).add(Number(i));
      refused.push(refusedEntry(list, doc, reasons, allPhotos, file, now, refused.length));
    }
    for (const [list, idx] of drop) lists[list] = lists[list].filter((_, i) => !idx.has(i));
    // Nothing good left: the file is refused as a whole, as before (the person still has it; nothing to keep aside).
    if (LISTS.every((k) => lists[k].length === 0)) return { ok: false, errors: allErrors.concat(out.errors) };
    allErrors.push(...out.errors);
  }
  return {
    ok: false,
    errors: [
      problem(
        'io.too-many-passes',
        '',
        'Không tách được phần hỏng của tệp.',
        'The bad parts of the file could not be separated.',
      ),
    ],
  };
}

/** A refused document as it is kept aside: its id, a label a person recognises, and a bundle to fix. */
function refusedEntry(
  list: ListName,
  doc: unknown,
  reasons: Problem[],
  photos: unknown[],
  file: string,
  now: string,
  n: number,
): RefusedDocument {
  const d = (doc && typeof doc === 'object' ? doc : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const id = str(d.id) || str(d.hash) || `#${n + 1}`;
  let label = id;
  const bundle: Record<string, unknown> = { schemaVersion: 1, kind: 'bundle', createdAt: now, [list]: [doc] };
  if (list === 'assessments') {
    const fac = (d.facility && typeof d.facility === 'object' ? d.facility : {}) as Record<string, unknown>;
    label =
      [str(fac.name), str(d.assessmentKind), str(d.assessedOn) || str(d.createdAt).slice(0, 10)]
        .filter(Boolean)
        .join(' · ') || id;
    // The photos it references travel with it, so fixing and importing it again loses none.
    const refs = new Set<string>();
    const answers = (d.answers && typeof d.answers === 'object' ? d.answers : {}) as Record<
      string,
      { evidence?: unknown }
    >;
    for (const a of Object.values(answers))
      if (Array.isArray(a?.evidence)) for (const h of a.evidence) if (typeof h === 'string') refs.add(h);
    // A streamed container's photos have no data here (they are on the device already, stored by hash).
    const with_ = photos.filter(
      (p) => refs.has(str((p as { hash?: unknown } | null)?.hash)) && str((p as { dataBase64?: unknown }).dataBase64),
    );
    if (with_.length) bundle.photos = with_;
  } else if (list === 'photos') label = `${id.slice(0, 12)}…`;
  const clean = reasons.map((r) => ({ code: r.code, pointer: r.pointer, message: r.message }));
  return { key: `${now}-${n}`, kind: list, id, label, file, refusedAt: now, reasons: clean, bundle };
}
