/**
 * Content hashes: SHA-256 of the RFC 8785 canonical JSON of a document, with every string (keys too) in
 * Unicode NFC, leaving out the hash itself, the status, the signatures, `facility.registryId` and the
 * assessment's campaign link and merge bookkeeping (`campaign`, `baseRevision`, `conflicts`) and its signed
 * statements (`attestations`, which cover the hash, so cannot be inside it). So the same
 * content hashes the same whatever its key order or Unicode normalisation, and locking, signing or mapping a
 * facility added on a tablet to its registry id later does not change the hash.
 * Photos are hashed separately (their bytes) and referenced by hash.
 */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Left out of every content hash. `campaign`, `baseRevision` and `conflicts` (assessment version 2) are
 * administrative or merge bookkeeping, like the registry mapping: they may change after locking (decision 0005).
 * `attestations` (signed statements, decision 0007) cover the content hash, so they cannot be inside it.
 * `scoredAtLock` is what the engine decided at locking, a record about the content, not content (decision 0006):
 * documents locked before it existed still verify. `agreedResult` (decision 0019) is recorded on an inspection after
 * it was locked, when the council and the facility agree on the differing items.
 */
const EXCLUDED = new Set([
  'contentHash',
  'status',
  'signatures',
  'campaign',
  'baseRevision',
  'conflicts',
  'attestations',
  'scoredAtLock',
  'agreedResult',
]);

/**
 * Below U+0300 every code point is NFC_Quick_Check=Yes with canonical combining class 0 (UAX #15), so a string of
 * such code points is already in NFC: `normalize` would return it unchanged (test/hash.test.ts checks each one).
 */
const MAY_CHANGE_UNDER_NFC = /[^\u0000-\u02ff]/;
const nfcString = (s: string): string => (MAY_CHANGE_UNDER_NFC.test(s) ? s.normalize('NFC') : s);
const serialize = canonicalize as unknown as (x: unknown) => string;

/** Code-unit order, as `Array.prototype.sort` without a comparator (and RFC 8785) sorts keys, without its string conversions. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * RFC 8785 canonical JSON of `x` with every string (keys too) in NFC, in one pass: the same text as
 * `canonicalize(nfc(x))` with `nfc` the copy this module made before (strings normalised, `undefined` members left
 * out, keys that become equal under NFC keep the last value, a `__proto__` key left out as assigning it did), but
 * without building the normalised copy. Leaves other than objects and strings go through `canonicalize` itself.
 * test/hash-fast.test.ts compares the two on every stored document and on generated JSON values.
 */
function canonicalNfc(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(nfcString(x));
  if (x === null || typeof x !== 'object') return serialize(x);
  if (Array.isArray(x)) {
    let out = '[';
    for (let i = 0; i < x.length; i++) {
      if (!(i in x)) continue; // a hole: canonicalize's reduce skips it (a comma from index 1 on, as there)
      const v: unknown = x[i];
      if (i) out += ',';
      out += v === undefined || typeof v === 'symbol' ? 'null' : canonicalNfc(v);
    }
    return out + ']';
  }
  let obj = x as Record<string, unknown>;
  let keys = Object.keys(obj);
  for (const k of keys) {
    if (!MAY_CHANGE_UNDER_NFC.test(k)) continue;
    // A key NFC may change: the members of the normalised copy (equal keys: the last value; no undefined ones).
    const members = new Map<string, unknown>();
    for (const key of keys) if (obj[key] !== undefined) members.set(key.normalize('NFC'), obj[key]);
    obj = Object.create(null) as Record<string, unknown>;
    for (const [key, v] of members) obj[key] = v;
    keys = [...members.keys()];
    break;
  }
  keys.sort(byCodeUnits);
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    // `__proto__`: the copy's `out[key] = v` set its prototype rather than a member.
    if (v === undefined || typeof v === 'symbol' || k === '__proto__') continue;
    if (out.length > 1) out += ',';
    out += JSON.stringify(k) + ':' + canonicalNfc(v);
  }
  return out + '}';
}

/** A SHA-256 implementation: the digest of `data` (a string: of its UTF-8 bytes) as 64 lowercase hex digits. */
export type Sha256Hex = (data: Uint8Array | string) => string;

const nobleSha256Hex: Sha256Hex = (data) => bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
let sha256Impl: Sha256Hex = nobleSha256Hex;

/** Test vectors (FIPS 180-2) an implementation must reproduce before {@link setSha256} takes it. */
const VECTORS: readonly [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
];

/**
 * Makes {@link sha256Hex} and {@link contentHash} use another SHA-256 implementation, e.g. Node's native one
 * (`(d) => createHash('sha256').update(d).digest('hex')` from `node:crypto`, which the CLI sets): core itself stays
 * free of Node-only imports. `undefined` goes back to the JavaScript one (@noble/hashes). An implementation that
 * does not reproduce the standard test vectors (as a string and as bytes) is refused with an error.
 */
export function setSha256(impl: Sha256Hex | undefined): void {
  if (impl) {
    for (const [text, digest] of VECTORS)
      if (impl(text) !== digest || impl(utf8ToBytes(text)) !== digest)
        throw new Error('setSha256: not a SHA-256 implementation (a standard test vector differs)');
  }
  sha256Impl = impl ?? nobleSha256Hex;
}

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return sha256Impl(bytes);
}

/** The canonical form that {@link contentHash} hashes (exposed for tests and for other implementations). */
export function canonicalText(doc: object): string {
  const top: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!EXCLUDED.has(k)) top[k] = v;
  // Assessment version 2 only adds fields outside the hash, so an assessment hashes as version 1 whatever its
  // schemaVersion: migrating a locked version-1 assessment forward keeps its hash (decision 0005).
  if (top.kind === 'assessment' && top.schemaVersion === 2) top.schemaVersion = 1;
  // The registry mapping is administrative (which registry entry a provisional facility turned out to be), not
  // what the assessors attested: it may be set after locking.
  if (top.facility && typeof top.facility === 'object' && 'registryId' in top.facility) {
    const { registryId: _mapped, ...facility } = top.facility as Record<string, unknown>;
    top.facility = facility;
  }
  return canonicalNfc(top);
}

/** The content hash of a criteria set or an assessment. */
export function contentHash(doc: object): string {
  return sha256Impl(canonicalText(doc));
}

/** True when a locked assessment still matches the content hash it recorded. */
export function verifyContentHash(doc: { contentHash?: string }): boolean {
  return doc.contentHash !== undefined && contentHash(doc) === doc.contentHash;
}
