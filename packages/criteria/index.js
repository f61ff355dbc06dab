// @ts-check
/**
 * The built-in Tiêu Chí criteria sets, shipped as JSON files in `sets/` (copied from the repository's `criteria/`
 * folder at build). Each file is one criteria set document (`kind: "criteria-set"`), valid for @tieuchi/core's
 * `validateCriteriaSet`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the sets, one `<id>.json` per set. */
export const setsDir = join(dirname(fileURLToPath(import.meta.url)), 'sets');

/**
 * The file names of the built-in sets, sorted.
 * @returns {string[]}
 */
export function setFiles() {
  return readdirSync(setsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/**
 * Every built-in set, parsed (not validated: pass each to @tieuchi/core's `validateCriteriaSet`).
 * @returns {unknown[]}
 */
export function loadSets() {
  return setFiles().map((f) => JSON.parse(readFileSync(join(setsDir, f), 'utf8')));
}
