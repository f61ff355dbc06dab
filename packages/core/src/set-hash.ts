/**
 * Set content hashes for trusted scoring (`scoreTrusted`), without the hashing code (issue 20, ADR 0017): the
 * pinned-set check of a submitted or locked assessment compares its pin with the hash of the set it is scored with.
 * A program that loads only core's validator-free part (the app's start-up path) either records a set's hash
 * computed ahead ({@link rememberSetHash}: the app computes each built-in set's when it builds, as it validates it)
 * or loads the hashing code ({@link loadSetHashing}) before it scores a pinned document with a set it has not
 * hashed. Until then such a document is refused (`verify.set-pin-unchecked`), never scored unchecked. Programs that
 * load `index.ts` (the CLI, the server) have the hashing code installed from the start.
 */
import type { CriteriaSet } from './generated/types.js';

const known = new WeakMap<object, string>();
let hasher: ((set: CriteriaSet) => string) | undefined;

/**
 * Records the content hash of `set` (core's `contentHash` of this very object's content), computed ahead: the app
 * computes each built-in set's when it builds and validates it. `scoreTrusted`'s pinned-set check then compares
 * with it instead of hashing the set. Only for hashes as trusted as the set itself: a wrong one would make pinned
 * documents of the set refused, or accept a pin the set does not match. Untrusted sets go through `score()`,
 * whose check always hashes.
 *
 * @example
 * rememberSetHash(builtInSet, hashComputedAtBuild);
 */
export function rememberSetHash(set: CriteriaSet, hash: string): void {
  known.set(set, hash);
}

/**
 * The content hash of `set` for the pinned-set check of trusted scoring: the one recorded with
 * {@link rememberSetHash}, else computed (and kept) when the hashing code is loaded, else `undefined` (then a
 * pinned document of the set needs {@link loadSetHashing} first).
 *
 * @example
 * if (trustedSetHash(set) === undefined) await loadSetHashing();
 */
export function trustedSetHash(set: CriteriaSet): string | undefined {
  let h = known.get(set);
  if (h === undefined && hasher) {
    h = hasher(set);
    known.set(set, h);
  }
  return h;
}

/** Installs the function that hashes a set not recorded ahead (`index.ts` does at once, `loadSetHashing` later). */
export function installSetHasher(fn: (set: CriteriaSet) => string): void {
  hasher = fn;
}

/** Whether a set not recorded ahead can be hashed now (the hashing code is loaded). */
export function setHashingLoaded(): boolean {
  return hasher !== undefined;
}

/**
 * Loads the hashing code (SHA-256 and canonical JSON, ~3.4 KB gzip) so that trusted scoring can hash any set; a
 * program on core's validator-free part calls it before scoring a pinned document with a set whose hash it did not
 * record. Resolves at once when already loaded.
 *
 * @example
 * if (!scoreTrusted(set, locked).ok) { await loadSetHashing(); scoreTrusted(set, locked); }
 */
export async function loadSetHashing(): Promise<void> {
  if (hasher) return;
  const { contentHash } = await import('./hash.js');
  hasher ??= contentHash;
}
