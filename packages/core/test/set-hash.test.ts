/**
 * Trusted scoring's pinned-set check without the hashing code on the path (issue 20, ADR 0017): this file loads
 * core's validator-free part only (not `index.ts`, which installs the hashing code), as the app's start-up path does.
 */
import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/hash.js';
import * as trusted from '../src/trusted.js';
import type { Assessment, CriteriaSet } from '../src/generated/types.js';
import { assess, binary, oneSection } from './helpers.js';

// Hand-computed: i1 met (1 of 1), i2 met (2 of 2): 3 of 3 points = 100 %.
const newSet = (): CriteriaSet => oneSection([{ id: 'c1', items: [binary('i1', 1), binary('i2', 2)] }]);
const lockedWith = (set: CriteriaSet): Assessment => ({
  ...assess(set, { i1: 'met', i2: 'met' }),
  status: 'locked',
  criteriaSet: { id: set.id, version: set.version, contentHash: contentHash(set) },
});
const codes = (r: ReturnType<typeof trusted.scoreTrusted>): string[] => (r.ok ? [] : r.errors.map((e) => e.code));

describe('scoreTrusted without the hashing code', () => {
  it('refuses a locked document whose set has no known hash, and scores it once the hash is recorded', () => {
    const set = newSet();
    const locked = lockedWith(set);
    expect(codes(trusted.scoreTrusted(set, locked))).toEqual(['verify.set-pin-unchecked']);
    trusted.rememberSetHash(set, contentHash(set));
    const r = trusted.scoreTrusted(set, locked);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.total.display).toEqual({ points: '3', max: '3', percent: '100.0' });
  });

  it('compares the pin with the recorded hash: a set whose content changed is refused', () => {
    const set = newSet();
    const locked = lockedWith(set);
    const changed = { ...set, title: { vi: 'Bộ thử đã sửa' } };
    trusted.rememberSetHash(changed, contentHash(changed));
    expect(codes(trusted.scoreTrusted(changed, locked))).toEqual(['verify.set-pin-mismatch']);
  });

  it('scores drafts without any hash (they pin nothing)', () => {
    const set = newSet();
    expect(trusted.scoreTrusted(set, assess(set, { i1: 'met' })).ok).toBe(true);
  });

  it('hashes any set once the hashing code is loaded: match scored, mismatch refused', async () => {
    const set = newSet();
    const locked = lockedWith(set);
    const changed = { ...set, title: { vi: 'Bộ thử khác' } };
    expect(codes(trusted.scoreTrusted(changed, locked))).toEqual(['verify.set-pin-unchecked']);
    await trusted.loadSetHashing();
    expect(trusted.scoreTrusted(set, locked).ok).toBe(true);
    expect(codes(trusted.scoreTrusted(changed, locked))).toEqual(['verify.set-pin-mismatch']);
  });
});
