/**
 * Every example assessment in examples/, with its set (found in criteria/ by id and version) and its result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score, validateCriteriaSet, type Assessment, type CriteriaSet, type ScoreResult } from '@tieuchi/core';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));

/** Every valid criteria set in criteria/. */
export function sets(): CriteriaSet[] {
  return readdirSync(join(root, 'criteria'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const v = validateCriteriaSet(read(join(root, 'criteria', f)));
      if (!v.ok) throw new Error(`${f}: ${v.errors[0]?.message.en}`);
      return v.value;
    });
}

export interface Example {
  name: string;
  set: CriteriaSet;
  assessment: Assessment;
  result: ScoreResult;
}

/** Every example assessment, scored. */
export function examples(): Example[] {
  const all = sets();
  const out: Example[] = [];
  for (const dir of readdirSync(join(root, 'examples'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(root, 'examples', dir.name)).filter((x) => x.endsWith('.assessment.json'))) {
      const assessment = read(join(root, 'examples', dir.name, f)) as Assessment;
      const set = all.find((s) => s.id === assessment.criteriaSet.id && s.version === assessment.criteriaSet.version);
      if (!set)
        throw new Error(`${dir.name}/${f}: no set ${assessment.criteriaSet.id}@${assessment.criteriaSet.version}`);
      const r = score(set, assessment);
      if (!r.ok) throw new Error(`${dir.name}/${f}: ${r.errors[0]?.message.en}`);
      out.push({ name: `${dir.name}/${f}`, set, assessment, result: r.value });
    }
  }
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-report-'));
let n = 0;

/**
 * The text of a PDF as poppler's pdftotext reads it: in reading order, or with `raw` in the order it was
 * drawn (each table cell whole, where reading order may interleave neighbouring multi-line cells).
 */
export function pdfText(bytes: Uint8Array, raw = false): string {
  const file = join(tmp, `${n++}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Number of pages of a PDF. */
export function pdfPages(bytes: Uint8Array): number {
  const file = join(tmp, `${n++}.pdf`);
  writeFileSync(file, bytes);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

/** Whitespace collapsed, so text wrapped over lines still matches. */
export const flat = (s: string): string => s.replace(/\s+/g, ' ');
