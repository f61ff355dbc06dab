import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { contentHash, toCsv } from '@tieuchi/core';

/** A submitted assessment edited on purpose, re-hashed as the app would on locking it again. */
const rehash = <T extends { contentHash?: string }>(doc: T): T => {
  const { contentHash: _old, ...rest } = doc;
  return { ...rest, contentHash: contentHash(rest) } as T;
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ex = (name: string) => join(root, 'examples', 'qd1300-commune-health', `${name}.assessment.json`);
const rounds = ['thanh-tien', 'thuan-hung', 'thuong-thanh'].flatMap((s) => [
  ex(`${s}-2025-baseline`),
  ex(`${s}-2026-followup`),
]);

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}

describe('tieuchi rank', () => {
  it('ranks the example stations by improvement, with the gap closed', async () => {
    const r = await run('rank', ...rounds, '--baseline', '2025-r1', '--followup', '2026-r1', '--lang', 'en');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter((l) => /^\s+\d/.test(l));
    expect(lines.map((l) => (l.includes('Thạnh Tiến') ? 'TT' : l.includes('Thường Thạnh') ? 'TTh' : 'TH'))).toEqual([
      'TT',
      'TTh',
      'TH',
    ]);
    expect(lines[0]).toContain('70.0% →   94.0%    +24.0  80.0% of gap');
  });
  it('writes CSV with a byte-order mark so Excel shows Vietnamese', async () => {
    const r = await run('rank', ...rounds, '--round', '2026-r1', '--csv');
    expect(
      r.out.startsWith(
        '\uFEFFrank,facility_id,facility,percent,decision,tied\r\n1,cantho-tyt-thuong-thanh,Trạm Y tế phường Thường Thạnh,100.0,pass,\r\n',
      ),
    ).toBe(true);
  });
  it('prints the ranking document with --json', async () => {
    const r = await run(
      'rank',
      ...rounds,
      '--baseline',
      '2025-r1',
      '--followup',
      '2026-r1',
      '--by',
      'gap-closed',
      '--json',
    );
    const doc = JSON.parse(r.out);
    expect(doc.rows.map((x: { facilityId: string }) => x.facilityId)).toEqual([
      'cantho-tyt-thuong-thanh',
      'cantho-tyt-thanh-tien',
      'cantho-tyt-thuan-hung',
    ]);
  });
  it('refuses half of a baseline/follow-up pair', async () => {
    const r = await run('rank', ...rounds, '--baseline', '2025-r1');
    expect(r.code).toBe(1);
  });
});

describe('tieuchi compare and reconcile', () => {
  it('shows the deltas and the newly met items of a station between rounds', async () => {
    const r = await run('compare', ex('thanh-tien-2025-baseline'), ex('thanh-tien-2026-followup'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Total: 70.0% → 94.0% (+24.0 pp)');
    expect(r.out).toMatch(/Newly met: .*t9\.1/);
  });
  it('refuses to compare two different stations', async () => {
    const r = await run('compare', ex('thanh-tien-2025-baseline'), ex('thuan-hung-2026-followup'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('different facilities');
  });
  it('reconciles a self-assessment with an inspection of the same station', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-rec-'));
    const self = JSON.parse(readFileSync(ex('thanh-tien-2026-followup'), 'utf8'));
    const insp = {
      ...self,
      id: 'insp-1',
      assessmentKind: 'external-inspection',
      answers: { ...self.answers, 't1.1': { value: 'not-met' } },
    };
    writeFileSync(join(tmp, 'self.json'), JSON.stringify(rehash({ ...self, assessmentKind: 'self-assessment' })));
    writeFileSync(join(tmp, 'insp.json'), JSON.stringify(rehash(insp)));
    const r = await run('reconcile', join(tmp, 'self.json'), join(tmp, 'insp.json'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.compared).toBe(47);
    expect(doc.agreed).toBe(46);
    expect(doc.disagreements.map((d: { id: string }) => d.id)).toEqual(['t1.1']);
  });
});

describe('tieuchi aggregate', () => {
  it('counts decisions and names the weakest criteria', async () => {
    const r = await run('aggregate', ...rounds, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('6 assessments: pass 4, fail 2, incomplete 0');
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', '=HYPERLINK("evil")'],
          ['say "hi"', 3],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x,y","\'=HYPERLINK(""evil"")"\r\n"say ""hi""",3\r\n');
  });
});
