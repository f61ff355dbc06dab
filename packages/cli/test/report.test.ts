import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-cli-report-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}

const example = join(root, 'examples', 'qd1300-commune-health', 'thanh-tien-2025-baseline.assessment.json');
const setFile = join(root, 'criteria', 'qd1300-commune-health.json');
const text = (pdf: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

describe('tieuchi report', () => {
  it('writes the PDF report of an assessment, its set found by id and version', async () => {
    const out = join(tmp, 'report.pdf');
    const r = await run('report', example, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const t = text(out);
    expect(t).toContain('Trạm Y tế xã Thạnh Tiến');
    expect(t).toContain('Tổng điểm');
  }, 60_000);

  it('writes a blank score sheet for a set with --blank', async () => {
    const out = join(tmp, 'sheet.pdf');
    const r = await run('report', '--blank', '--set', setFile, '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(text(out)).toContain('SCORE SHEET (PAPER)');
  }, 60_000);

  it.each([
    ['without --out', ['report', example], 'report: --out <file.pdf> is needed'],
    [
      'with a missing file',
      ['report', join(tmp, 'nope.json'), '--out', join(tmp, 'x.pdf')],
      'nope.json: file not found',
    ],
    [
      'with --blank but no set',
      ['report', '--blank', '--out', join(tmp, 'x.pdf')],
      'report --blank: --set <criteria-set.json> is needed',
    ],
    ['with two assessments', ['report', example, example, '--out', join(tmp, 'x.pdf')], 'report: one assessment file'],
  ])('refuses to run %s, in one line', async (_, argv, message) => {
    const r = await run(...argv, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(tmp, 'x.pdf'))).toBe(false);
  });

  it('refuses an assessment that does not fit its set, and writes nothing', async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    doc.answers['t1.1'] = { value: 'yes' };
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc));
    const r = await run('report', bad, '--out', join(tmp, 'bad.pdf'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('/answers/t1.1/value');
    expect(existsSync(join(tmp, 'bad.pdf'))).toBe(false);
  });

  it('says so in one line when the output cannot be written', async () => {
    const r = await run('report', example, '--out', join(tmp, 'no-such-dir', 'r.pdf'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/r\.pdf: cannot write the file \(ENOENT\)\n$/);
  }, 60_000);
});
