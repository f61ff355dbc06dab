/**
 * Signed statements ("attestations", docs/signatures.md, ADR 0007): when an assessment is locked, the device
 * that locked it signs a statement with its own ECDSA P-256 key (WebCrypto, private key non-extractable). The
 * statement covers the assessment's content hash, the set's content hash, the decision and totals, the signer's
 * name and role, the hash of the drawn signature image, the time and the key id.
 *
 * It proves which DEVICE signed and that nothing changed since; it does not prove who held the device, and it is
 * not a "chữ ký số" (a certified digital signature under Vietnamese law). A key carried inside the document it
 * signs proves nothing by itself: a signature counts as "registered" only against a key list the council keeps.
 *
 * Uses `globalThis.crypto.subtle` (Node >= 20, every current browser); no DOM.
 */
import canonicalize from 'canonicalize';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type {
  Assessment,
  AssessmentAttestation,
  AssessmentPublicKey,
  AssessmentStatement,
  CriteriaSet,
  ScoreResult,
} from './generated/types.js';
import { contentHash } from './hash.js';
import { toFractionString } from './exact.js';
import type { Outcome, Problem } from './outcome.js';
import type { Bundle } from './generated/types.js';
import { type VerifyContext, verifyBundle } from './verify.js';
import { setContentHash } from './pin.js';
import { score } from './score-checked.js';
import { type VerifyCode, verifyMessage } from './verify-messages.js';
import { attestationKeyId } from './key-id.js';

export type {
  AssessmentAttestation as Attestation,
  AssessmentStatement as Statement,
  AssessmentPublicKey as PublicKeyJwk,
};

/** The few WebCrypto calls used here (typed locally: core builds without the DOM library). */
export interface SubtleLike {
  importKey(
    format: 'jwk',
    key: object,
    algorithm: { name: 'ECDSA'; namedCurve: 'P-256' },
    extractable: boolean,
    usages: readonly ('sign' | 'verify')[],
  ): Promise<unknown>;
  sign(algorithm: { name: 'ECDSA'; hash: 'SHA-256' }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: { name: 'ECDSA'; hash: 'SHA-256' },
    key: unknown,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

/** WebCrypto's SubtleCrypto of this runtime; throws (bad usage, not bad data) where there is none. */
export function webCrypto(): SubtleLike {
  const s = (globalThis as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle;
  if (!s)
    throw new Error('WebCrypto (globalThis.crypto.subtle) is not available: Node >= 20 or a current browser is needed');
  return s;
}

const ECDSA = { name: 'ECDSA', hash: 'SHA-256' } as const;
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** base64url (no padding) to bytes; undefined when the text is not base64url. */
export function fromBase64Url(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of s) {
    acc = (acc << 6) | B64URL.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

// attestationKeyId lives in key-id.ts (no validators: the app's start-up path needs it, ADR 0017).
export { attestationKeyId } from './key-id.js';

/** The bytes that are signed: the statement's RFC 8785 canonical JSON, strings in NFC, UTF-8. */
export function statementBytes(statement: AssessmentStatement): Uint8Array {
  const nfc = (x: unknown): unknown =>
    typeof x === 'string'
      ? x.normalize('NFC')
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k.normalize('NFC'), nfc(v)]))
        : x;
  return utf8ToBytes((canonicalize as unknown as (x: unknown) => string)(nfc(statement)));
}

/** The totals a statement records, from a score result: exact fractions as strings. */
function totalsOf(r: ScoreResult): AssessmentStatement['total'] {
  const t: AssessmentStatement['total'] = {
    points: toFractionString(r.total.points),
    max: toFractionString(r.total.max),
  };
  if (r.meanLevel) t.meanLevel = toFractionString(r.meanLevel);
  return t;
}

/**
 * The statement to sign for a locked assessment (it must carry its content hash and pin its set's hash).
 * @param result `score(set, assessment)`: its decision and totals are signed
 * @throws when the assessment is not locked with both hashes (bad usage: sign only what `lockAssessment` made)
 */
export function buildStatement(args: {
  assessment: Assessment;
  result: ScoreResult;
  signer: { name: string; role: 'assessor' | 'facility-head' | 'other' };
  imageHash?: string;
  signedAt: string;
  keyId: string;
}): AssessmentStatement {
  const a = args.assessment;
  if (!a.contentHash || !a.criteriaSet.contentHash)
    throw new Error('buildStatement: lock the assessment first (content hashes missing)');
  const s: AssessmentStatement = {
    type: 'tieuchi-attestation',
    version: 1,
    assessmentId: a.id,
    assessmentHash: a.contentHash,
    setId: a.criteriaSet.id,
    setVersion: a.criteriaSet.version,
    setHash: a.criteriaSet.contentHash,
    decision: args.result.decision,
    total: totalsOf(args.result),
    signer: { name: args.signer.name, role: args.signer.role },
    signedAt: args.signedAt,
    keyId: args.keyId,
  };
  if (args.imageHash) s.imageHash = args.imageHash;
  return s;
}

/**
 * Signs a statement with a device key.
 * @param privateKey a WebCrypto ECDSA P-256 private key (may be non-extractable)
 * @param publicKey its public half as a JWK; its key id must be the statement's `keyId`
 */
export async function signStatement(
  statement: AssessmentStatement,
  privateKey: unknown,
  publicKey: AssessmentPublicKey,
  subtle: SubtleLike = webCrypto(),
): Promise<AssessmentAttestation> {
  const jwk: AssessmentPublicKey = { kty: 'EC', crv: 'P-256', x: publicKey.x, y: publicKey.y };
  if (attestationKeyId(jwk) !== statement.keyId) throw new Error('signStatement: the statement names another key');
  const sig = new Uint8Array(await subtle.sign(ECDSA, privateKey, statementBytes(statement)));
  return { statement, publicKey: jwk, signature: toBase64Url(sig) };
}

/** A device key the council registered (the council server owns this list; the CLI reads it with --keys). */
export interface RegisteredKey {
  publicKey: AssessmentPublicKey;
  /** Who the council registered the device to (shown, never used to decide). */
  label?: string;
  registeredAt?: string;
  /** When the council revoked it: a push received at or after this time no longer counts. */
  revokedAt?: string;
}

/** How a key stands: in the council's list, in it but revoked, or not in it (e.g. carried only in the bundle). */
export type KeyStanding = 'registered' | 'revoked' | 'unknown';

/** The verdict on one signed statement. */
export interface AttestationCheck {
  /** Who signed and as what, as the statement says (read only when `valid`). */
  signer: { name: string; role: string };
  signedAt: string;
  keyId: string;
  /** The signature verifies AND the statement matches the assessment (hashes, decision, totals, drawn image). */
  valid: boolean;
  key: KeyStanding;
  /** The registered label of the key, when registered or revoked. */
  keyLabel?: string;
  /** True only when valid and the key is registered (not revoked): what a ranking counts. */
  counts: boolean;
  problems: Problem[];
}

/** The verdict on an assessment's signatures: `unsigned` (chưa ký) when it carries none. */
export interface AttestationReport {
  status: 'unsigned' | 'signed';
  checks: AttestationCheck[];
  /** At least one check counts (valid and registered). */
  registered: boolean;
  /**
   * Drawn signatures (`signatures`) that no valid statement covers: on an unsigned assessment they are unprotected
   * (the content hash leaves them out); on a signed one, someone added or changed them after signing.
   */
  uncovered: { name: string; role: string }[];
}

const problem = (code: VerifyCode, pointer: string, args: Record<string, string | number> = {}): Problem => ({
  code,
  pointer,
  message: verifyMessage(code, args),
});

const revokedAt = (k: RegisteredKey | undefined, receivedAt: string | undefined): boolean => {
  if (!k?.revokedAt) return false;
  if (receivedAt === undefined) return true; // no time of receipt: a revoked key does not count
  return Date.parse(receivedAt) >= Date.parse(k.revokedAt);
};

/**
 * Verifies every signed statement an assessment carries. Pure apart from WebCrypto; never throws on bad data.
 * @param opts.set the set the assessment pins: with it, the signed decision and totals are checked by re-scoring
 * @param opts.keys the council's registered keys (absent: every key is "unknown")
 * @param opts.receivedAt when the council server received the push (revocation is judged by it)
 */
export async function verifyAttestations(
  assessment: Assessment,
  opts: { set?: CriteriaSet; keys?: readonly RegisteredKey[]; receivedAt?: string; subtle?: SubtleLike } = {},
): Promise<AttestationReport> {
  const list = assessment.attestations ?? [];
  const drawn = assessment.signatures ?? [];
  if (!list.length)
    return {
      status: 'unsigned',
      checks: [],
      registered: false,
      uncovered: drawn.map((s) => ({ name: s.name, role: s.role })),
    };
  const subtle = opts.subtle ?? webCrypto();
  const registry = new Map((opts.keys ?? []).map((k) => [attestationKeyId(k.publicKey), k]));
  const actualHash = contentHash(assessment);
  let result: ScoreResult | undefined;
  if (opts.set) {
    const r = score(opts.set, assessment);
    if (r.ok) result = r.value;
  }
  const checks: AttestationCheck[] = [];
  for (const [i, att] of list.entries()) {
    const ptr = `/attestations/${i}`;
    const st = att.statement;
    const problems: Problem[] = [];
    const carriedId = attestationKeyId(att.publicKey);
    const reg = registry.get(st.keyId);
    if (!reg && carriedId !== st.keyId) problems.push(problem('attest.key-id-mismatch', `${ptr}/statement/keyId`));
    // A registered key is verified with the council's copy, never with the one the document carries.
    const jwk = reg?.publicKey ?? att.publicKey;
    let sigOk = false;
    const sig = fromBase64Url(att.signature);
    try {
      const key = await subtle.importKey(
        'jwk',
        { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
        P256,
        true,
        ['verify'],
      );
      sigOk = sig !== undefined && sig.length === 64 && (await subtle.verify(ECDSA, key, sig, statementBytes(st)));
    } catch {
      sigOk = false; // not a point on the curve, or a malformed key: not valid
    }
    if (!sigOk) problems.push(problem('attest.bad-signature', `${ptr}/signature`, { key: st.keyId.slice(0, 12) }));
    const mismatch = (field: string): void => {
      problems.push(problem('attest.statement-mismatch', `${ptr}/statement`, { field }));
    };
    if (st.assessmentId !== assessment.id) mismatch('assessmentId');
    if (st.assessmentHash !== actualHash || assessment.contentHash !== actualHash) mismatch('assessmentHash');
    if (
      st.setId !== assessment.criteriaSet.id ||
      st.setVersion !== assessment.criteriaSet.version ||
      st.setHash !== assessment.criteriaSet.contentHash
    )
      mismatch('set');
    if (opts.set && setContentHash(opts.set) !== st.setHash) mismatch('setHash');
    if (result) {
      if (result.decision !== st.decision) mismatch('decision');
      const t = totalsOf(result);
      if (t.points !== st.total.points || t.max !== st.total.max || t.meanLevel !== st.total.meanLevel)
        mismatch('total');
    }
    // The drawn signature the statement names must be the one recorded for that signer.
    const drawn = (assessment.signatures ?? []).find((s) => s.role === st.signer.role && s.name === st.signer.name);
    if (st.imageHash ? drawn?.image !== st.imageHash : drawn?.image !== undefined) mismatch('imageHash');
    const valid = problems.length === 0;
    const standing: KeyStanding = !reg ? 'unknown' : revokedAt(reg, opts.receivedAt) ? 'revoked' : 'registered';
    if (standing === 'revoked')
      problems.push(problem('attest.revoked', `${ptr}/statement/keyId`, { key: st.keyId.slice(0, 12) }));
    const check: AttestationCheck = {
      signer: { name: st.signer.name, role: st.signer.role },
      signedAt: st.signedAt,
      keyId: st.keyId,
      valid,
      key: standing,
      counts: valid && standing === 'registered',
      problems,
    };
    if (reg?.label) check.keyLabel = reg.label;
    checks.push(check);
  }
  const covered = (s: (typeof drawn)[number]): boolean =>
    list.some(
      (att, i) =>
        checks[i]!.valid &&
        att.statement.signer.name === s.name &&
        att.statement.signer.role === s.role &&
        att.statement.imageHash === s.image,
    );
  return {
    status: 'signed',
    checks,
    registered: checks.some((c) => c.counts),
    uncovered: drawn.filter((s) => !covered(s)).map((s) => ({ name: s.name, role: s.role })),
  };
}

/** The verdict on a pushed or imported bundle: the one verifier's, then every assessment's signatures. */
export interface SignedBundleVerdict {
  outcome: Outcome<Bundle>;
  /** By assessment id; empty when the bundle itself is refused. */
  signatures: Map<string, AttestationReport>;
}

/**
 * For the council server (and any importer that knows the council's keys): {@link verifyBundle}, then
 * {@link verifyAttestations} for every assessment, with the registered keys and the time the push was received.
 */
export async function verifyBundleSigned(
  data: unknown,
  ctx: VerifyContext & { keys?: readonly RegisteredKey[]; receivedAt?: string; subtle?: SubtleLike },
): Promise<SignedBundleVerdict> {
  const outcome = verifyBundle(data, ctx);
  const signatures = new Map<string, AttestationReport>();
  if (!outcome.ok) return { outcome, signatures };
  const inFile = outcome.value.criteriaSets ?? [];
  for (const a of outcome.value.assessments) {
    const set =
      ctx.findSet?.(a.criteriaSet.id, a.criteriaSet.version) ??
      inFile.find((s) => s.id === a.criteriaSet.id && s.version === a.criteriaSet.version);
    const opts: Parameters<typeof verifyAttestations>[1] = {};
    if (set) opts.set = set;
    if (ctx.keys) opts.keys = ctx.keys;
    if (ctx.receivedAt) opts.receivedAt = ctx.receivedAt;
    if (ctx.subtle) opts.subtle = ctx.subtle;
    signatures.set(a.id, await verifyAttestations(a, opts));
  }
  return { outcome, signatures };
}
