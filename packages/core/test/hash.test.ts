import { describe, expect, it } from 'vitest';
import { canonicalText, contentHash, lockAssessment, sha256Hex, verifyContentHash } from '../src/index.js';
import { assess, binary, oneSection } from './helpers.js';

describe('content hash', () => {
  it('is SHA-256 of the canonical JSON (a known vector)', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
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
    expect(contentHash({ ...a, status: 'locked', contentHash: 'f'.repeat(64), signatures: [{ role: 'assessor', name: 'A' }] })).toBe(h);
    expect(contentHash({ ...a, answers: { x: { value: 'not-met' } } })).not.toBe(h);
  });
  it('lets a provisional facility be mapped to its registry id after locking, without breaking the lock', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
    const a = { ...assess(set, { x: 'met' }), facility: { id: 'prov-1', name: 'Trạm mới', kind: 'commune-station' as const, provisional: true } };
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
