import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-cli-'));
const write = (name: string, text: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}

const example = join(root, 'examples', 'qd1300-commune-health', 'fails-one-criterion.assessment.json');
const setFile = join(root, 'criteria', 'qd1300-commune-health.json');
const exampleDoc = () => JSON.parse(readFileSync(example, 'utf8'));

describe('tieuchi validate', () => {
  it('accepts the built-in sets and the facility registry', async () => {
    const r = await run('validate', setFile, join(root, 'examples', 'facilities.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓');
    expect(r.err).toBe('');
  });
  it('names the file, line and column of malformed JSON', async () => {
    const p = write('broken.json', '{\n  "kind": "criteria-set",\n  "id": oops\n}');
    const r = await run('validate', p, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.json: malformed JSON \(line 3, column \d+\)/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const end = await run('validate', write('cut.json', '{"kind": "criteria-set", "sections": ['), '--lang', 'en');
    expect(end.err).toContain('cut.json: malformed JSON (line 1, column 39): unexpected end of file');
  });
  it('says a file does not exist in one line', async () => {
    const r = await run('validate', join(tmp, 'nope.json'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${join(tmp, 'nope.json')}: không tìm thấy tệp\n`);
  });
  it('names the place of a mistake in a criteria file, in words an author understands', async () => {
    const set = JSON.parse(readFileSync(setFile, 'utf8'));
    set.sections[0].criteria[2].items[0].response.points += 1;
    const r = await run('validate', write('set.json', JSON.stringify(set)), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'set.json: /sections/0/criteria/2/maxPoints: Stated maximum is 12 but the items add up to 13',
    );
  });
  it('refuses an unknown document kind', async () => {
    const r = await run('validate', write('x.json', '{"kind":"recipe"}'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown document kind "recipe"');
  });
  it('checks an assessment against the set it names', async () => {
    const doc = exampleDoc();
    doc.answers['t1.1'] = { value: 'yes' };
    const r = await run('validate', write('a.json', JSON.stringify(doc)), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('/answers/t1.1/value: Value "yes" is not valid for item "t1.1"');
  });
});

describe('tieuchi score', () => {
  it('prints totals, the decision with its reasons, and each criterion', async () => {
    const r = await run('score', example, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Total: 85/100 (85.0%)');
    expect(r.out).toContain('Decision: FAIL');
    expect(r.out).toContain(
      '  - Criterion 9 (Health communication and education) is at 1/3 points (33.3%); at least 50% is needed',
    );
    expect(r.out).toContain('  ✓ No knockout item failed (no item of this set is a knockout item)');
    expect(r.out).toMatch(/\n {2}9 +Health communication and education +1\/3 +33\.3%/);
  });
  it('writes Vietnamese numbers with a decimal comma and names the criterion by number and title', async () => {
    const r = await run('score', example);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tổng điểm: 85/100 (85,0 %)');
    expect(r.out).toContain(
      '  - Tiêu chí 9 (Truyền thông - Giáo dục sức khỏe) đạt 1/3 điểm (33,3 %), cần ít nhất 50 %',
    );
    expect(r.out).toMatch(/\n {2}9 +Truyền thông - Giáo dục sức khỏe +1\/3 +33,3 %/);
  });
  it('prints the result document with --json', async () => {
    const r = await run('score', example, '--json', '--set', setFile);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({
      kind: 'result',
      decision: 'fail',
      total: { points: { num: 85, den: 1 }, max: { num: 100, den: 1 } },
    });
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits a different part of a parsed document
  const bad: [string, (d: Record<string, any>) => void, RegExp][] = [
    ['an unknown set id', (d) => (d.criteriaSet.id = 'no-such-set'), /Unknown criteria set "no-such-set"/],
    [
      'a version mismatch',
      (d) => (d.criteriaSet.version = '1999.1'),
      /available in version 2023\.1(, [0-9.]+)* but the assessment needs version 1999\.1/,
    ],
    [
      'an answer to an unknown item',
      (d) => (d.answers['t99.9'] = { value: 'met' }),
      /\/answers\/t99\.9: Answer to item "t99\.9"/,
    ],
    [
      'a wrong value type',
      (d) => (d.answers['t1.1'] = { value: 42 }),
      /\/answers\/t1\.1\/value: Value 42 is not valid/,
    ],
    ['a broken document', (d) => delete d.facility, /\/: Missing required field "facility"/],
  ];
  for (const [what, change, msg] of bad) {
    it(`refuses ${what} with a clear error and no score`, async () => {
      const doc = exampleDoc();
      change(doc);
      const r = await run('score', write(`bad-${what.replace(/\W+/g, '-')}.json`, JSON.stringify(doc)), '--lang', 'en');
      expect(r.code).toBe(1);
      expect(r.err).toMatch(msg);
      expect(r.out).toBe('');
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
  it('refuses to score with a set given by --set that is not the one the assessment names', async () => {
    const r = await run('score', example, '--set', join(root, 'criteria', 'tt20-medical-waste.json'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('was made with criteria set "qd1300-commune-health@2023.1"');
  });
  it('shows usage for an unknown command and exits non-zero', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Usage:');
  });
});

describe('output is one line per problem, whatever the file contains', () => {
  it('escapes newlines and bidi overrides taken from a hostile file', async () => {
    const set = JSON.parse(readFileSync(setFile, 'utf8'));
    set.sections[0].criteria[0].items[0].response.kind = 'a\nb\u202ec';
    set.sections[0].criteria[0].items[1].id = 'x\ny';
    const r = await run('validate', write('hostile.json', JSON.stringify(set)), '--lang', 'en');
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Unknown kind "a\\nb\\u202ec"');
    for (const l of lines) expect(l).not.toMatch(/[\u0000-\u001f\u202e]/);
  });
});

describe('names that exist on every JavaScript object', () => {
  it('treats "__proto__" as an unknown document kind and "constructor" as an unknown command', async () => {
    const r = await run('validate', write('proto.json', '{"kind":"__proto__"}'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown document kind "__proto__"');
    for (const cmd of ['constructor', '__proto__', 'toString']) {
      const c = await run(cmd, '--lang', 'en');
      expect(c.code).toBe(1);
      expect(c.err).toContain(`unknown command "${cmd}"`);
    }
  });
});
