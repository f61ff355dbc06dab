/**
 * Reading documents for the CLI: every failure becomes one clear line naming the file (and the place in it),
 * never a stack trace.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CriteriaSet, Problem } from '@tieuchi/core';
import { validateCriteriaSet } from '@tieuchi/core';
import { jsonErrorOffset, lineColumn } from './json-position.js';

export type Lang = 'vi' | 'en';

/** A failure the CLI reports in one line and exits non-zero on. */
export class UserError extends Error {}

/** Reads and parses a JSON file; a missing file or malformed JSON is a {@link UserError} with line and column. */
export function readJson(path: string, lang: Lang): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? (lang === 'vi' ? 'không tìm thấy tệp' : 'file not found') : code === 'EISDIR' ? (lang === 'vi' ? 'là một thư mục' : 'is a directory') : String(code ?? e);
    throw new UserError(`${path}: ${why}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch {
    const at = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, Math.max(0, at));
    const near = at >= text.length ? (lang === 'vi' ? 'hết tệp quá sớm' : 'unexpected end of file') : `${lang === 'vi' ? 'ký tự không mong đợi' : 'unexpected character'} ${JSON.stringify(text[at] ?? '')}`;
    const where = lang === 'vi' ? `dòng ${line}, cột ${column}` : `line ${line}, column ${column}`;
    throw new UserError(`${path}: ${lang === 'vi' ? 'JSON không hợp lệ' : 'malformed JSON'} (${where}): ${near}`);
  }
}

/**
 * Text from a file made safe for one terminal line: control characters, line and paragraph separators and
 * bidirectional overrides (which can make a line read differently from what it is) become visible escapes.
 */
export const oneLine = (s: string): string =>
  s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One line per problem: `file: /pointer: message`. */
export function formatProblems(file: string, problems: readonly Problem[], lang: Lang): string {
  return problems.map((p) => oneLine(`${file}: ${p.pointer || '/'}: ${p.message[lang]}`)).join('\n');
}

/** Folders searched for a criteria set named by an assessment when `--set` is not given. */
export function setFolders(cwd: string): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [...new Set([resolve(cwd, 'criteria'), resolve(here, '..', '..', '..', 'criteria')])];
}

/** Finds the set `id`@`version` among the JSON files of `folders`. */
export function findSet(id: string, version: string, folders: readonly string[], lang: Lang): CriteriaSet {
  const seen: string[] = [];
  for (const folder of folders) {
    let files: string[];
    try {
      if (!statSync(folder).isDirectory()) continue;
      files = readdirSync(folder).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files) {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(join(folder, f), 'utf8'));
      } catch {
        continue;
      }
      const d = doc as { kind?: unknown; id?: unknown; version?: unknown };
      if (d?.kind !== 'criteria-set' || d.id !== id) continue;
      if (!seen.includes(String(d.version))) seen.push(String(d.version));
      if (d.version !== version) continue;
      const v = validateCriteriaSet(doc);
      if (!v.ok) throw new UserError(formatProblems(join(folder, f), v.errors, lang));
      return v.value;
    }
  }
  version = oneLine(version);
  if (seen.length) {
    throw new UserError(
      lang === 'vi'
        ? `Bộ tiêu chí "${id}" có phiên bản ${seen.join(', ')} nhưng phiếu cần phiên bản ${version}`
        : `Criteria set "${id}" is available in version ${seen.join(', ')} but the assessment needs version ${version}`,
    );
  }
  throw new UserError(
    lang === 'vi'
      ? `Không tìm thấy bộ tiêu chí "${id}" (dùng --set <tệp>)`
      : `Unknown criteria set "${id}" (use --set <file>)`,
  );
}
