import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  decodeBase64,
  lockAssessment,
  score,
  verifyAssessment,
  verifyBundle,
  type Assessment,
  type CriteriaSet,
} from '../src/index.js';
import { REPO, builtinSets, hostileCorpus } from './hostile-corpus.js';

const sets = builtinSets();
const findSet = (id: string, version: string) => sets.get(`${id}@${version}`);
const codes = (r: { ok: boolean; errors?: { code: string }[] }): string[] =>
  r.ok ? [] : [...new Set(r.errors!.map((e) => e.code))].sort();

describe('the shared hostile corpus, through core', () => {
  for (const c of hostileCorpus()) {
    it(c.name, () => {
      expect(codes(verifyBundle(c.bundle, { findSet }))).toEqual([...c.codes].sort());
      if (c.single !== undefined) {
        expect(codes(verifyAssessment(c.single, { findSet }))).toEqual([...c.codes].sort());
      }
    });
  }
  it('accepts no tampered case: only the controls pass', () => {
    const accepted = hostileCorpus()
      .filter((c) => verifyBundle(c.bundle, { findSet }).ok)
      .map((c) => c.name);
    expect(accepted).toEqual(['control: a locked assessment with its photo', 'control: a draft']);
  });
});

describe('verifyAssessment', () => {
  it('accepts every shipped example (each submitted one carries both hashes)', () => {
    for (const d of readdirSync(join(REPO, 'examples'), { withFileTypes: true }).filter((x) => x.isDirectory())) {
      for (const f of readdirSync(join(REPO, 'examples', d.name)).filter((x) => x.endsWith('.assessment.json'))) {
        const r = verifyAssessment(JSON.parse(readFileSync(join(REPO, 'examples', d.name, f), 'utf8')), { findSet });
        expect(r.ok ? 'ok' : `${f}: ${r.errors.map((e) => e.code).join(',')}`).toBe('ok');
      }
    }
  });
  it('names the pointer of each problem', () => {
    const c = hostileCorpus().find((x) => x.name.startsWith('locked, contentHash deleted'))!;
    const r = verifyAssessment(c.single, { findSet });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([expect.objectContaining({ code: 'verify.hash-missing', pointer: '/contentHash' })]);
  });
  it('with an explicit set of another id, reports the mismatch', () => {
    const a = JSON.parse(readFileSync(join(REPO, 'examples', 'qd1300-commune-health', 'pass.assessment.json'), 'utf8'));
    const other = sets.get([...sets.keys()].find((k) => !k.startsWith('qd1300'))!)!;
    expect(codes(verifyAssessment(a, { set: other }))).toEqual(['answer.set-mismatch']);
  });
  it('never throws on values of any shape', () => {
    for (const v of [null, 1, 'x', [], {}, { kind: 'assessment' }, { criteriaSet: null }]) {
      expect(verifyAssessment(v, { findSet }).ok).toBe(false);
      expect(verifyBundle(v, { findSet }).ok).toBe(false);
    }
  });
});

describe('score() and the pinned set', () => {
  const set = sets.get('qd1300-commune-health@2023.1')!;
  const pass = JSON.parse(
    readFileSync(join(REPO, 'examples', 'qd1300-commune-health', 'pass.assessment.json'), 'utf8'),
  ) as Assessment;
  it('refuses, as data, a locked assessment scored with a set whose content differs (same id and version)', () => {
    expect(score(set, pass).ok).toBe(true);
    const raised = JSON.parse(JSON.stringify(set)) as CriteriaSet;
    raised.scoring.passRules = raised.scoring.passRules!.map((r) =>
      r.kind === 'total-percent-at-least' ? { ...r, percent: 99 } : r,
    );
    const r = score(raised, pass);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({ code: 'verify.set-pin-mismatch', pointer: '/criteriaSet/contentHash' });
  });
  it('trusts no contentHash field a set carries: the hash is computed from the content', () => {
    const raised = JSON.parse(JSON.stringify(set)) as CriteriaSet;
    raised.scoring.passRules = [];
    raised.contentHash = pass.criteriaSet.contentHash!; // claims to be the pinned set
    expect(score(raised, pass).ok).toBe(false);
  });
  it('scores a draft with any set of the right id and version (drafts pin nothing binding)', () => {
    const d = { ...pass, status: 'draft' as const };
    const changed = JSON.parse(JSON.stringify(set)) as CriteriaSet;
    changed.scoring.passRules = [];
    expect(score(changed, d).ok).toBe(true);
  });
  it('a set whose hash equals the pin scores as before: lockAssessment pins the computed hash', () => {
    const d = { ...pass, status: 'draft' as const };
    const l = lockAssessment(d, set, '2026-12-01T00:00:00Z');
    expect(l.criteriaSet.contentHash).toBe(contentHash(set));
    expect(score(set, l).ok).toBe(true);
  });
  it("locking pins the set's content hash, not the stale `contentHash` field a copy of an older version carries", () => {
    // Before: the field was trusted, the lock pinned it, and every later verification (which hashes the set)
    // refused the locked assessment.
    const stale = { ...(JSON.parse(JSON.stringify(set)) as CriteriaSet), contentHash: 'a'.repeat(64) };
    const l = lockAssessment({ ...pass, status: 'draft' as const }, stale, '2026-12-01T00:00:00Z');
    expect(l.criteriaSet.contentHash).toBe(contentHash(set));
    expect(score(stale, l).ok).toBe(true);
    expect(verifyAssessment(l, { set: stale }).ok).toBe(true);
  });
});

describe('decodeBase64', () => {
  it('decodes what Buffer encodes, every length, and refuses what is not base64', () => {
    for (let n = 0; n < 20; n++) {
      const u = new Uint8Array(n).map((_, i) => (i * 37 + n) & 255);
      expect([...decodeBase64(Buffer.from(u).toString('base64'))!]).toEqual([...u]);
    }
    expect(decodeBase64('ab$d')).toBeUndefined();
    expect(decodeBase64('abcde')).toBeUndefined();
    expect(decodeBase64('é===')).toBeUndefined();
  });
});
