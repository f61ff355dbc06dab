import { closeSync, mkdtempSync, openSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregate, rankByImprovement, rankByScore, score, type Scored } from '@tieuchi/core';
import { main, loadAssessment } from '../src/main.js';
import { readFileLimited, readText } from '../src/io.js';
import { slimScored } from '../src/loop-commands.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ex = (name: string) => join(root, 'examples', 'qd1300-commune-health', `${name}.assessment.json`);
const files = [
  ...['thanh-tien', 'thuan-hung', 'thuong-thanh'].flatMap((s) => [ex(`${s}-2025-baseline`), ex(`${s}-2026-followup`)]),
  ex('pass'),
  ex('fails-one-criterion'),
  ex('not-applicable'),
];
const io = { stdout: () => {}, stderr: () => {}, cwd: root };

/** Every example, loaded and scored whole, as the commands did before they kept only what they read. */
const full = (): Scored[] =>
  files.map((f) => {
    const { assessment, set } = loadAssessment(f, undefined, io, 'en');
    const r = score(set, assessment);
    if (!r.ok) throw new Error(f);
    return { set, assessment, result: r.value };
  });

async function json(...argv: string[]): Promise<unknown> {
  let out = '';
  const code = await main([...argv, '--json'], { ...io, stdout: (s) => (out += s) });
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('rank and aggregate over many files', () => {
  it('keep only what ranking and aggregating read: the same results as with the whole documents', () => {
    const whole = full();
    const slim = whole.map((s) => slimScored(s));
    const ranked = whole.map((s) => slimScored(s, false));
    expect(ranked.every((s) => s.result.sections.length === 0)).toBe(true);
    for (const by of ['gain', 'gap-closed'] as const)
      expect(rankByImprovement(ranked, '2025-r1', '2026-r1', by)).toEqual(
        rankByImprovement(whole, '2025-r1', '2026-r1', by),
      );
    expect(rankByScore(ranked)).toEqual(rankByScore(whole));
    expect(JSON.stringify(slim)).not.toBe(JSON.stringify(whole)); // something was dropped
    for (const by of ['gain', 'gap-closed'] as const)
      expect(rankByImprovement(slim, '2025-r1', '2026-r1', by)).toEqual(
        rankByImprovement(whole, '2025-r1', '2026-r1', by),
      );
    expect(rankByScore(slim)).toEqual(rankByScore(whole));
    expect(rankByScore(slim, '2026-r1')).toEqual(rankByScore(whole, '2026-r1'));
    expect(aggregate(slim)).toEqual(aggregate(whole));
  });

  it('print what core computes from the whole documents', async () => {
    const whole = full();
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(await json('rank', ...files, '--baseline', '2025-r1', '--followup', '2026-r1')).toEqual(
      plain(rankByImprovement(whole, '2025-r1', '2026-r1')),
    );
    expect(await json('aggregate', ...files)).toEqual(plain(aggregate(whole)));
  });

  it('read the set given with --set once per run, also when it is standard input', async () => {
    const set = join(root, 'criteria', 'qd1300-commune-health.json');
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(set);
    let reads = 0;
    let out = '';
    const code = await main(['aggregate', ...files, '--set', '-', '--json'], {
      ...io,
      stdout: (s) => (out += s),
      stdin: () => (reads++, new Uint8Array(bytes)),
    });
    expect(code).toBe(0);
    expect(reads).toBe(1);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(aggregate(full()))));
  });
});

describe('reading a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tieuchi-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file whole, whatever its size against the first buffer', () => {
    for (const n of [0, 1, 4095, 70_000]) {
      const p = join(dir, `f${n}`);
      writeFileSync(p, 'x'.repeat(n));
      expect(readText(p, 'en')).toHaveLength(n);
    }
  });

  it('reads on when the file grew after its size was taken', () => {
    const p = join(dir, 'grows');
    writeFileSync(p, 'abc');
    appendFileSync(p, 'defgh'); // checked at 3 bytes, now 8
    const fd = openSync(p, 'r');
    try {
      expect(new TextDecoder().decode(readFileLimited(fd, 3) as Uint8Array)).toBe('abcdefgh');
    } finally {
      closeSync(fd);
    }
  });
});
