/**
 * Import and export of one criteria set as JSON — the same file `tieuchi validate` checks. An import is
 * validated by core first; a bad file yields problems naming the place, and nothing is stored.
 */
import type { CriteriaSet, Problem } from '../core.js';
import { checkSet } from './problems.js';
import { exportText } from './versions.js';

/** Largest set file accepted (the biggest shipped set is well under 1 MB). */
export const MAX_SET_BYTES = 20 * 1024 * 1024;

export type SetImport = { ok: true; set: CriteriaSet } | { ok: false; errors: Problem[]; doc?: unknown };

const problem = (code: string, vi: string, en: string): Problem => ({ code, pointer: '', message: { vi, en } });

/** Parses and validates a set file's text. Writes nothing. */
export function parseSetFile(text: string): SetImport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {
      ok: false,
      errors: [problem('io.not-json', 'Tệp không phải JSON hợp lệ.', 'The file is not valid JSON.')],
    };
  }
  if (!doc || typeof doc !== 'object' || (doc as { kind?: unknown }).kind !== 'criteria-set')
    return {
      ok: false,
      errors: [
        {
          ...problem(
            'io.not-set',
            'Tệp không phải một bộ tiêu chí (cần "kind": "criteria-set").',
            'The file is not a criteria set (expected "kind": "criteria-set").',
          ),
          pointer: '/kind',
        },
      ],
      doc,
    };
  const errors = checkSet(doc as CriteriaSet);
  return errors.length ? { ok: false, errors, doc } : { ok: true, set: doc as CriteriaSet };
}

/** The file name a set is exported under: `<id>@<version>.json`. */
export const fileName = (set: CriteriaSet): string => `${set.id}@${set.version}.json`.replace(/[^A-Za-z0-9@._-]/g, '_');

/** Offers a set as a JSON download (a Blob URL: works offline, no server). */
export function downloadSet(set: CriteriaSet, published: boolean): string {
  const name = fileName(set);
  const url = URL.createObjectURL(new Blob([exportText(set, published)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
