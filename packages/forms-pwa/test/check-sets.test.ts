/** The build's check of built-in criteria sets (scripts/check-sets.ts, ADR 0017): views trust what it lets through. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '@tieuchi/core';
import { BUILD_HASH_KEY, builtinSetWithHash, checkBuiltinSets } from '../scripts/check-sets.js';

const criteria = join(__dirname, '..', '..', '..', 'criteria');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('built-in criteria sets at build time', () => {
  it('finds nothing wrong with the shipped sets', () => {
    expect(checkBuiltinSets(criteria)).toEqual([]);
  });

  it('names the file and the field of a set core refuses, and a file that is not JSON', () => {
    dir = mkdtempSync(join(tmpdir(), 'tc-sets-'));
    copyFileSync(join(criteria, 'qd1300-commune-health.json'), join(dir, 'good.json'));
    const bad = JSON.parse(readFileSync(join(criteria, 'qd1300-commune-health.json'), 'utf8')) as {
      scoring: { model: string };
    };
    bad.scoring.model = 'guesswork';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'broken.json'), '{ "kind": ');
    const problems = checkBuiltinSets(dir);
    expect(problems.some((p) => p.startsWith('bad.json /scoring/model'))).toBe(true);
    expect(problems.some((p) => p.startsWith('broken.json: not JSON'))).toBe(true);
    expect(problems.some((p) => p.startsWith('good.json'))).toBe(false);
  });

  it("puts core's content hash of the set into its module, under a key no set file may carry", () => {
    const text = readFileSync(join(criteria, 'qd1300-commune-health.json'), 'utf8');
    const withHash = JSON.parse(builtinSetWithHash(text)) as Record<string, unknown>;
    const { [BUILD_HASH_KEY]: hash, ...set } = withHash;
    expect(set).toEqual(JSON.parse(text));
    expect(hash).toBe(contentHash(JSON.parse(text) as object));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    dir = mkdtempSync(join(tmpdir(), 'tc-sets-'));
    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ ...set, [BUILD_HASH_KEY]: 'f'.repeat(64) }));
    expect(checkBuiltinSets(dir).some((p) => p.startsWith('forged.json'))).toBe(true);
  });
});
