import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, validateCriteriaSet, type CriteriaSet } from '@tieuchi/core';

/** The criteria sets the server validates pushes against, by `id@version`, with each set's content hash. */
export type SetLibrary = ReadonlyMap<string, { set: CriteriaSet; hash: string }>;

/**
 * Reads and validates every `*.json` criteria set in a folder (the repository's criteria/). A file that is not a
 * valid set is a configuration error and throws, naming the file.
 */
export function loadSets(dir: string): SetLibrary {
  const out = new Map<string, { set: CriteriaSet; hash: string }>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const r = validateCriteriaSet(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!r.ok) throw new Error(`${file}: ${r.errors[0]?.pointer} ${r.errors[0]?.message.en}`);
    out.set(`${r.value.id}@${r.value.version}`, { set: r.value, hash: r.value.contentHash ?? contentHash(r.value) });
  }
  return out;
}
