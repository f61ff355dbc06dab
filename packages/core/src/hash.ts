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
 * documents locked before it existed still verify.
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
]);

function nfc(x: unknown): unknown {
  if (typeof x === 'string') return x.normalize('NFC');
  if (Array.isArray(x)) return x.map(nfc);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (v !== undefined) out[k.normalize('NFC')] = nfc(v);
    return out;
  }
  return x;
}

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
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
  return (canonicalize as unknown as (x: unknown) => string)(nfc(top));
}

/** The content hash of a criteria set or an assessment. */
export function contentHash(doc: object): string {
  return sha256Hex(utf8ToBytes(canonicalText(doc)));
}

/** True when a locked assessment still matches the content hash it recorded. */
export function verifyContentHash(doc: { contentHash?: string }): boolean {
  return doc.contentHash !== undefined && contentHash(doc) === doc.contentHash;
}
