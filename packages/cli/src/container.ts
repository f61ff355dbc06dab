/**
 * Streamed bundle containers (zip backups from the app, decision 0012) where the CLI reads a bundle: `verify`,
 * `report <backup.zip>` and `report --photos <backup.zip>`. Read with core's `readContainer` from a file stream
 * (one photo in memory at a time) and verified with core's one verifier (`verifyContainer`).
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import {
  type Bundle,
  type CriteriaSet,
  type Problem,
  isContainer,
  readContainer,
  verifyContainer,
} from '@tieuchi/core';

/** Whether the file (not `-`) starts like a zip: a container, not a JSON document. */
export function isZipFile(path: string): boolean {
  if (path === '-') return false;
  try {
    if (!statSync(path).isFile()) return false;
    const fd = openSync(path, 'r');
    try {
      const head = new Uint8Array(4);
      return readSync(fd, head, 0, 4, 0) === 4 && isContainer(head);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Reads and verifies a container: every document with the one verifier, every photo by the SHA-256 of its bytes.
 * With `want`, the bytes of those photos are kept and put back into the bundle as base64 (what the report needs);
 * every other photo's `dataBase64` stays ''.
 * @returns the verified bundle, or every problem found (container or documents)
 */
export async function readZipBundle(
  path: string,
  findSet: (id: string, version: string) => CriteriaSet | undefined,
  want: ReadonlySet<string> = new Set(),
): Promise<{ ok: true; value: Bundle } | { ok: false; errors: Problem[] }> {
  const kept = new Map<string, Buffer>();
  const read = await readContainer(createReadStream(path) as AsyncIterable<Uint8Array>, {
    onPhoto: (p) => {
      if (p.matches && want.has(p.photo.hash)) kept.set(p.photo.hash, Buffer.concat(p.chunks));
    },
  });
  if (!read.ok) return read;
  const v = verifyContainer(read.value, { findSet });
  if (!v.ok) return v;
  const bundle = v.value;
  if (bundle.photos)
    bundle.photos = bundle.photos.map((p) => ({ ...p, dataBase64: kept.get(p.hash)?.toString('base64') ?? '' }));
  return { ok: true, value: bundle };
}
