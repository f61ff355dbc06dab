/**
 * The build's check of the built-in criteria sets (ADR 0017): core's full validation (schema and semantics) of
 * every `criteria/*.json`. The app trusts built-in sets at run time, so a set core refuses must fail the build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
