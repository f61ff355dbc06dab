/**
 * Pure functions over assessments: create, answer, revise. No storage, no DOM — the store calls these
 * and writes the result.
 */
import type {
  Assessment,
  AssessmentAnswer,
  CriteriaSet,
  CriteriaSetCriterion,
  CriteriaSetItem,
  CriteriaSetSection,
  Facility,
} from '../core.js';

export const ASSESSMENT_KINDS = ['self-assessment', 'external-inspection', 'contest-round'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** A new id matching the schema's Id pattern, unique enough across tablets. */
export function newId(prefix: string): string {
  const rnd = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${rnd}`;
}

export interface NewAssessmentInput {
  set: CriteriaSet;
  facility: Facility;
  assessmentKind: AssessmentKind;
  assessors: string[];
  assessedOn: string;
  round?: string;
  now: string;
  id?: string;
  /** The council campaign this assessment is made for (assessment v2 `campaign`; outside the content hash). */
  campaign?: { id: string; label?: string };
}

/** A fresh draft assessment pinned to the set's id and version. */
export function newAssessment(i: NewAssessmentInput): Assessment {
  const a: Assessment = {
    schemaVersion: 2,
    kind: 'assessment',
    id: i.id ?? newId('a'),
    criteriaSet: { id: i.set.id, version: i.set.version },
    facility: i.facility,
    assessmentKind: i.assessmentKind,
    assessedOn: i.assessedOn,
    createdAt: i.now,
    updatedAt: i.now,
    status: 'draft',
    answers: {},
  };
  if (i.set.contentHash) a.criteriaSet.contentHash = i.set.contentHash;
  const names = i.assessors.map((n) => n.trim()).filter(Boolean);
  if (names.length) a.assessors = names.map((name) => ({ name }));
  if (i.round?.trim()) a.round = { id: slug(i.round), label: i.round.trim() };
  if (i.campaign) a.campaign = { ...i.campaign };
  return a;
}

/** An Id-safe slug of free text ("Đợt 1/2025" -> "dot-1-2025"). */
export function slug(s: string): string {
  const ascii = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const out = ascii
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return out || 'r';
}

/** What an answer change may carry; `undefined` removes a field. */
export type AnswerPatch = { [K in keyof AssessmentAnswer]?: AssessmentAnswer[K] | undefined };

/**
 * The assessment with one answer changed. Choosing a value clears N/A and the unassessed reason;
 * choosing N/A clears the value. Throws on a locked assessment (a programming error: the UI is read-only).
 */
export function withAnswer(a: Assessment, itemId: string, patch: AnswerPatch, now: string, by?: string): Assessment {
  if (a.status !== 'draft') throw new Error(`Assessment "${a.id}" is ${a.status}: make a revision to change it`);
  const prev = a.answers[itemId] ?? {};
  const next: Record<string, unknown> = { ...prev };
  if (patch.value !== undefined) {
    delete next.na;
    delete next.unassessed;
  }
  if (patch.na) {
    delete next.value;
    delete next.unassessed;
  }
  if (patch.unassessed) {
    delete next.value;
    delete next.na;
  }
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0)) delete next[k];
    else next[k] = v;
  }
  const answers = { ...a.answers };
  const keys = Object.keys(next).filter((k) => k !== 'at' && k !== 'by');
  if (keys.length === 0) delete answers[itemId];
  else {
    next.at = now;
    if (by) next.by = by;
    else delete next.by;
    answers[itemId] = next as AssessmentAnswer;
  }
  const out: Assessment = { ...a, answers, updatedAt: now };
  // A person answering a part that two copies left in conflict has settled it (decision 0005).
  if (a.conflicts?.length) {
    const token = itemId.replaceAll('~', '~0').replaceAll('/', '~1');
    const settled = new Set<string>();
    if ('value' in patch || 'na' in patch || 'unassessed' in patch) settled.add(`/answers/${token}`);
    if ('note' in patch) settled.add(`/answers/${token}/note`);
    const rest = a.conflicts.filter((c) => !settled.has(c.path));
    if (rest.length) out.conflicts = rest;
    else delete out.conflicts;
  }
  return out;
}

/** A new draft revision of a locked or submitted assessment, linked to it by `revisionOf`. */
export function newRevision(a: Assessment, now: string, id = newId('a')): Assessment {
  const { contentHash, lockedAt: _l, submittedAt: _s, signatures: _sig, attestations: _att, ...rest } = a;
  const rev: Assessment = { ...rest, id, status: 'draft', createdAt: now, updatedAt: now, revisionOf: { id: a.id } };
  if (contentHash) rev.revisionOf = { id: a.id, contentHash };
  return rev;
}

/** Where an item sits in its set. */
export interface ItemPlace {
  section: CriteriaSetSection;
  criterion: CriteriaSetCriterion;
  item: CriteriaSetItem;
}

const indexCache = new WeakMap<CriteriaSet, Map<string, ItemPlace>>();

/** Item id -> its section, criterion and item (cached per set object). */
export function itemIndex(set: CriteriaSet): Map<string, ItemPlace> {
  let m = indexCache.get(set);
  if (!m) {
    m = new Map();
    for (const section of set.sections)
      for (const criterion of section.criteria)
        for (const item of criterion.items) m.set(item.id, { section, criterion, item });
    indexCache.set(set, m);
  }
  return m;
}

/** The key a set is stored and looked up by. */
export const setKey = (s: { id: string; version: string }): string => `${s.id}@${s.version}`;
