/**
 * The one verifier: every entry point that accepts an assessment or a bundle (the app's import, every CLI
 * command, the council server) calls these two functions, so a file refused in one place is refused everywhere,
 * with the same problems. Pure and synchronous; problems are data (`Outcome`), never exceptions.
 *
 * What is checked: the schema; the set (found by id and version, and for a submitted or locked assessment its
 * pinned content hash, which must be present and equal); every answer against the set; the assessment's own
 * content hash (missing on a submitted or locked one = refused); in a bundle also duplicate ids, sets that differ
 * from known ones of the same id and version, photo bytes against their hash, photos nothing references, and
 * plans that belong to no known assessment or name items the set does not have.
 *
 * Signatures are checked separately and asynchronously (WebCrypto): `verifyAttestations` in `attest.ts`.
 */
import type { Assessment, Bundle, CriteriaSet } from './generated/types.js';
import { contentHash, sha256Hex } from './hash.js';
import { message } from './messages.js';
import { type Outcome, type Problem, fail, ok } from './outcome.js';
import { prepareSet } from './prepare.js';
import { checkAnswers } from './answers.js';
import { pinnedSetProblems, setContentHash } from './pin.js';
import { validateAssessmentShape, validateBundle } from './validate.js';
import { type VerifyCode, verifyMessage } from './verify-messages.js';

/** Where the verifier finds criteria sets and what it already knows. */
export interface VerifyContext {
  /** The set to check against (e.g. the CLI's --set); it must be the one the assessment names. */
  set?: CriteriaSet;
  /** Finds a set by id and version (sets on the device, ./criteria, sets in the same bundle come first). */
  findSet?: (id: string, version: string) => CriteriaSet | undefined;
  /** Whether an assessment id is already known outside the bundle (plans may belong to it). */
  knowsAssessment?: (id: string) => boolean;
  /**
   * For a streamed container (`container/`): the SHA-256 of each photo's bytes as they were read, by the hash the
   * bundle lists. When given, a listed photo's `dataBase64` is not decoded: a hash with no digest is a photo
   * whose entry is missing, a different digest a photo whose bytes do not match.
   */
  photoDigests?: ReadonlyMap<string, string>;
}

/** Every photo hash the documents of a bundle reference: answers' evidence, signature images, plans' proof. */
export function referencedPhotos(bundle: {
  assessments?: readonly Pick<Assessment, 'answers' | 'signatures'>[] | undefined;
  plans?: readonly { actions: readonly { completionEvidence?: string[] | undefined }[] }[] | undefined;
}): Set<string> {
  const referenced = new Set<string>();
  for (const a of bundle.assessments ?? []) {
    for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) referenced.add(h);
    for (const s of a.signatures ?? []) if (s.image) referenced.add(s.image);
  }
  for (const p of bundle.plans ?? [])
    for (const act of p.actions) for (const h of act.completionEvidence ?? []) referenced.add(h);
  return referenced;
}

const problem = (code: VerifyCode, pointer: string, args: Record<string, string | number> = {}): Problem => ({
  code,
  pointer,
  message: verifyMessage(code, args),
});
const prefix = (errors: readonly Problem[], p: string): Problem[] =>
  errors.map((e) => ({ ...e, pointer: `${p}${e.pointer}` }));
const isSealed = (a: Assessment): boolean => a.status === 'locked' || a.status === 'submitted';

/**
 * Verifies one assessment: schema, its set (identity, and the pinned content hash when submitted or locked),
 * every answer against the set, and its own content hash (required when submitted or locked).
 * @returns the assessment when nothing is wrong, else every problem found (with JSON Pointers)
 */
export function verifyAssessment(data: unknown, ctx: VerifyContext = {}): Outcome<Assessment> {
  const shape = validateAssessmentShape(data);
  if (!shape.ok) return shape;
  const a = shape.value;
  const problems: Problem[] = [];
  const want = `${a.criteriaSet.id}@${a.criteriaSet.version}`;
  let set = ctx.set;
  if (set && (set.id !== a.criteriaSet.id || set.version !== a.criteriaSet.version)) {
    problems.push({
      code: 'answer.set-mismatch',
      pointer: '/criteriaSet',
      message: message('answer.set-mismatch', { want, got: `${set.id}@${set.version}` }),
    });
    set = undefined;
  } else if (!set) {
    set = ctx.findSet?.(a.criteriaSet.id, a.criteriaSet.version);
    if (!set) problems.push(problem('verify.no-set', '/criteriaSet', { id: a.id, set: want }));
  }
  if (isSealed(a) && !a.criteriaSet.contentHash)
    problems.push(problem('verify.set-hash-missing', '/criteriaSet', { id: a.id }));
  if (set) {
    const prepared = prepareSet(set);
    if (!prepared.ok) problems.push(...prefix(prepared.errors, '/criteriaSet'));
    else {
      const pinned = pinnedSetProblems(set, a);
      // Drafts may pin a hash too (a revision of a locked one): a different set is then reported, not refused silently.
      if (!pinned.length && a.criteriaSet.contentHash && setContentHash(set) !== a.criteriaSet.contentHash) {
        const got = setContentHash(set);
        problems.push({
          code: 'answer.hash-mismatch',
          pointer: '/criteriaSet/contentHash',
          message: message('answer.hash-mismatch', {
            want: a.criteriaSet.contentHash.slice(0, 12),
            got: got.slice(0, 12),
          }),
        });
      }
      problems.push(...pinned);
      problems.push(...checkAnswers(prepared.value, a.answers));
    }
  }
  if (isSealed(a)) {
    if (!a.contentHash) problems.push(problem('verify.hash-missing', '/contentHash', { id: a.id }));
    else if (contentHash(a) !== a.contentHash)
      problems.push(problem('verify.hash-mismatch', '/contentHash', { id: a.id }));
  }
  if (a.status === 'draft' && a.attestations?.length) problems.push(problem('attest.on-draft', '/attestations'));
  return problems.length ? fail(problems) : ok(a);
}

const B64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((c, i) => (B64[c.charCodeAt(0)] = i));

/** Decodes standard base64 (with optional padding); undefined when it is not base64. DOM-free. */
export function decodeBase64(s: string): Uint8Array | undefined {
  const body = s.endsWith('==') ? s.slice(0, -2) : s.endsWith('=') ? s.slice(0, -1) : s;
  if (body.length % 4 === 1 || (s.length !== body.length && s.length % 4 !== 0)) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const v = c < 128 ? B64[c]! : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/**
 * Verifies an exchange bundle: the schema and every set in it, then each assessment with
 * {@link verifyAssessment} (sets in the bundle are found first), duplicate ids, sets that differ from known ones,
 * photo bytes against their hash, photos nothing in the bundle references (refused), and plans.
 * @returns the bundle when nothing is wrong, else every problem found
 */
export function verifyBundle(data: unknown, ctx: VerifyContext = {}): Outcome<Bundle> {
  const b = validateBundle(data);
  if (!b.ok) return b;
  const bundle = b.value;
  const problems: Problem[] = [];
  const inFile = new Map<string, CriteriaSet>();
  (bundle.criteriaSets ?? []).forEach((s, i) => {
    const key = `${s.id}@${s.version}`;
    if (inFile.has(key)) {
      problems.push(problem('verify.duplicate-set', `/criteriaSets/${i}`, { set: key }));
      return;
    }
    const known = ctx.findSet?.(s.id, s.version);
    if (known && setContentHash(known) !== setContentHash(s))
      problems.push(problem('verify.set-differs', `/criteriaSets/${i}`, { set: key }));
    inFile.set(key, s);
  });
  const findSet = (id: string, version: string): CriteriaSet | undefined =>
    ctx.findSet?.(id, version) ?? inFile.get(`${id}@${version}`);
  const seen = new Map<string, Assessment>();
  const referenced = new Set<string>();
  bundle.assessments.forEach((a, i) => {
    const ptr = `/assessments/${i}`;
    if (seen.has(a.id)) {
      problems.push(problem('verify.duplicate-assessment', `${ptr}/id`, { id: a.id }));
      return;
    }
    seen.set(a.id, a);
    for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) referenced.add(h);
    for (const s of a.signatures ?? []) if (s.image) referenced.add(s.image);
    const v = verifyAssessment(a, { findSet });
    if (!v.ok) problems.push(...prefix(v.errors, ptr));
  });
  const plans = new Set<string>();
  (bundle.plans ?? []).forEach((p, i) => {
    const ptr = `/plans/${i}`;
    if (plans.has(p.id)) {
      problems.push(problem('verify.duplicate-plan', `${ptr}/id`, { id: p.id }));
      return;
    }
    plans.add(p.id);
    for (const act of p.actions) for (const h of act.completionEvidence ?? []) referenced.add(h);
    const owner = seen.get(p.assessmentId);
    if (!owner && !ctx.knowsAssessment?.(p.assessmentId)) {
      problems.push(problem('verify.plan-orphan', `${ptr}/assessmentId`, { id: p.id, assessment: p.assessmentId }));
      return;
    }
    const set = owner ? findSet(owner.criteriaSet.id, owner.criteriaSet.version) : undefined;
    const compiled = set ? prepareSet(set) : undefined;
    if (compiled?.ok) {
      p.actions.forEach((act, ai) => {
        if (!compiled.value.items.has(act.itemId))
          problems.push(
            problem('verify.plan-unknown-item', `${ptr}/actions/${ai}/itemId`, { id: p.id, item: act.itemId }),
          );
      });
    }
  });
  const photos = new Set<string>();
  (bundle.photos ?? []).forEach((p, i) => {
    const ptr = `/photos/${i}`;
    const short = p.hash.slice(0, 12);
    if (photos.has(p.hash)) {
      problems.push(problem('verify.duplicate-photo', `${ptr}/hash`, { hash: short }));
      return;
    }
    photos.add(p.hash);
    // Unreferenced photos are refused before decoding: 40 MB nobody asked for costs nothing to turn away.
    if (!referenced.has(p.hash)) {
      problems.push(problem('verify.photo-unreferenced', `${ptr}/hash`, { hash: short }));
      return;
    }
    if (ctx.photoDigests) {
      const got = ctx.photoDigests.get(p.hash);
      if (got === undefined) problems.push(problem('verify.photo-missing', `${ptr}/hash`, { hash: short }));
      else if (got !== p.hash) problems.push(problem('verify.photo-hash', `${ptr}/hash`, { hash: short }));
      return;
    }
    const bytes = decodeBase64(p.dataBase64);
    if (!bytes) problems.push(problem('verify.photo-base64', `${ptr}/dataBase64`));
    else if (sha256Hex(bytes) !== p.hash) problems.push(problem('verify.photo-hash', `${ptr}/hash`, { hash: short }));
  });
  return problems.length ? fail(problems) : ok(bundle);
}
