/**
 * The build's check of the built-in criteria sets (ADR 0017): core's full validation (schema and semantics) of
 * every `criteria/*.json`. The app trusts built-in sets at run time, so a set core refuses must fail the build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../../core/src/hash.ts';
import { validateCriteriaSet } from '../../core/src/validate-set.ts';

/**
 * Validates every `*.json` file in `dir` as a criteria set.
 * @returns one line per problem (`file pointer: message`), empty when every set is valid
 */
export function checkBuiltinSets(dir: string): string[] {
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      out.push(`${file}: not JSON (${(e as Error).message})`);
      continue;
    }
    const r = validateCriteriaSet(data);
    if (!r.ok) for (const p of r.errors) out.push(`${file} ${p.pointer || '/'}: ${p.message.en ?? p.message.vi}`);
  }
  return out;
}

/**
 * The member the build adds to each built-in set's module (`builtinSetWithHash`) and `src/data/builtin.ts` takes off
 * again: not a criteria-set field (the schema refuses it, so no file can carry its own).
 */
export const BUILD_HASH_KEY = '__contentHashAtBuild';

/**
 * A built-in set file's JSON text with its content hash, computed by core when the app is built (the same build
 * validates the set), under {@link BUILD_HASH_KEY}: the app records it for trusted scoring's pinned-set check, so
 * the start-up path needs no hashing code (issue 20, ADR 0017).
 */
export function builtinSetWithHash(text: string): string {
  const set = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify({ ...set, [BUILD_HASH_KEY]: contentHash(set) });
}
