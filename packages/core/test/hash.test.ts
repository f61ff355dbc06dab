import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  canonicalText,
  contentHash,
  lockAssessment,
  lockedVerdict,
  score,
  sha256Hex,
  validateAssessment,
  verifyContentHash,
} from '../src/index.js';
import { assess, binary, oneSection } from './helpers.js';

describe('content hash', () => {
  it('is SHA-256 of the canonical JSON (a known vector)', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(canonicalText({ b: 1, a: [true, null, 'x'] })).toBe('{"a":[true,null,"x"],"b":1}');
  });
  it('does not depend on key order or Unicode normalisation', () => {
    const nfc = { name: 'Trạm Y tế xã Thạnh Tiến', id: 'a' };
    const nfd = { id: 'a', name: 'Trạm Y tế xã Thạnh Tiến'.normalize('NFD') };
    expect(nfd.name).not.toBe(nfc.name);
    expect(contentHash(nfd)).toBe(contentHash(nfc));
  });
  it('leaves out the hash itself, the status and the signatures', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const a = assess(set, { x: 'met' });
    const h = contentHash(a);
    expect(
      contentHash({
        ...a,
        status: 'locked',
        contentHash: 'f'.repeat(64),
        signatures: [{ role: 'assessor', name: 'A' }],
      }),
    ).toBe(h);
    expect(contentHash({ ...a, answers: { x: { value: 'not-met' } } })).not.toBe(h);
  });
  it('lets a provisional facility be mapped to its registry id after locking, without breaking the lock', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const a = {
      ...assess(set, { x: 'met' }),
      facility: { id: 'prov-1', name: 'Trạm mới', kind: 'commune-station' as const, provisional: true },
    };
    const locked = lockAssessment(a, set, '2026-11-22T10:00:00Z');
    const mapped = { ...locked, facility: { ...locked.facility, registryId: 'cantho-tyt-thanh-tien' } };
    expect(verifyContentHash(mapped)).toBe(true);
    const renamed: typeof locked = { ...locked, facility: { ...locked.facility, name: 'Tên khác' } };
    expect(verifyContentHash(renamed)).toBe(false);
  });
  it('locks an assessment: read-only status, the set pinned by hash, a verifiable hash of its own', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const a = assess(set, { x: 'met' });
    const locked = lockAssessment(a, set, '2026-11-22T10:00:00Z');
    expect(locked.status).toBe('locked');
    expect(locked.criteriaSet.contentHash).toBe(contentHash(set));
    expect(verifyContentHash(locked)).toBe(true);
    expect(a.status).toBe('draft');
    const tampered: typeof locked = { ...locked, answers: { x: { value: 'not-met' } } };
    expect(verifyContentHash(tampered)).toBe(false);
  });
});

describe('locking records the verdict and the engine version', () => {
  const set = oneSection([{ id: 'c', items: [binary('x', 3), binary('y', 1)] }], {
    passRules: [{ kind: 'total-percent-at-least', percent: 75 }],
  });
  const locked = lockAssessment(assess(set, { x: 'met', y: 'not-met' }), set, '2026-12-01T10:00:00Z');
  const now = () => {
    const r = score(set, locked);
    if (!r.ok) throw new Error('score');
    return r.value;
  };
  it('records decision, exact totals and engine version, outside the content hash', () => {
    expect(locked.scoredAtLock).toEqual({
      engineVersion: ENGINE_VERSION,
      decision: 'pass',
      points: { num: 3, den: 1 },
      max: { num: 4, den: 1 },
      percent: { num: 75, den: 1 },
    });
    expect(validateAssessment(locked, set).ok).toBe(true);
    const { scoredAtLock: _r, ...without } = locked;
    expect(verifyContentHash(without)).toBe(true); // an assessment locked before the record existed still verifies
  });
  it('says nothing changed when the current engine agrees', () => {
    expect(lockedVerdict(locked, now())).toMatchObject({ changed: false });
  });
  it('flags a locked assessment that the current engine decides differently, naming both verdicts', () => {
    // as if an older engine had decided "fail" on 2/4
    const older = {
      ...locked,
      scoredAtLock: {
        ...locked.scoredAtLock!,
        engineVersion: '1',
        decision: 'fail' as const,
        points: { num: 2, den: 1 },
      },
    };
    expect(verifyContentHash(older)).toBe(true);
    const v = lockedVerdict(older, now())!;
    expect(v.changed).toBe(true);
    expect(v.message.en).toBe(
      `When locked, the scoring engine (version 1) decided "fail"; the current engine (${ENGINE_VERSION}) decides "pass". The verdict at locking remains the official one.`,
    );
    expect(v.message.vi).toContain('"không đạt"');
  });
  it('has nothing to compare for an assessment locked before the record existed', () => {
    const { scoredAtLock: _r, ...old } = locked;
    expect(lockedVerdict(old, now())).toBeUndefined();
  });
});
