import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  attestationKeyId,
  buildStatement,
  fromBase64Url,
  lockAssessment,
  score,
  signStatement,
  toBase64Url,
  verifyAssessment,
  verifyAttestations,
  verifyBundleSigned,
  type Assessment,
  type PublicKeyJwk,
  type RegisteredKey,
} from '../src/index.js';
import { REPO, builtinSets } from './hostile-corpus.js';

const subtle = webcrypto.subtle;
const set = builtinSets().get('qd1300-commune-health@2023.1')!;
const example = JSON.parse(
  readFileSync(join(REPO, 'examples', 'qd1300-commune-health', 'fails-one-criterion.assessment.json'), 'utf8'),
) as Assessment;

async function deviceKey(): Promise<{ privateKey: webcrypto.CryptoKey; publicKey: PublicKeyJwk; keyId: string }> {
  const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  const publicKey: PublicKeyJwk = { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  return { privateKey: pair.privateKey, publicKey, keyId: attestationKeyId(publicKey) };
}

const IMAGE = 'e'.repeat(64);

async function signedLocked(key: Awaited<ReturnType<typeof deviceKey>>): Promise<Assessment> {
  const draft: Assessment = {
    ...example,
    status: 'draft',
    signatures: [{ role: 'assessor', name: 'Nguyễn Thị Thử', image: IMAGE }],
  };
  delete draft.contentHash;
  const locked = lockAssessment(draft, set, '2026-12-01T09:00:00+07:00');
  const result = score(set, locked);
  if (!result.ok) throw new Error('example does not score');
  const statement = buildStatement({
    assessment: locked,
    result: result.value,
    signer: { name: 'Nguyễn Thị Thử', role: 'assessor' },
    imageHash: IMAGE,
    signedAt: '2026-12-01T09:00:00+07:00',
    keyId: key.keyId,
  });
  const att = await signStatement(statement, key.privateKey, key.publicKey, subtle);
  return { ...locked, attestations: [att] };
}

describe('signed statements', () => {
  it('signs what the issue lists: both content hashes, decision, exact totals, signer, image, time, key', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const st = a.attestations![0]!.statement;
    expect(st).toMatchObject({
      assessmentHash: a.contentHash,
      setHash: a.criteriaSet.contentHash,
      decision: 'fail',
      total: { points: '85', max: '100' },
      signer: { name: 'Nguyễn Thị Thử', role: 'assessor' },
      imageHash: IMAGE,
      keyId: key.keyId,
    });
    // The signed statements sit outside the content hash: adding them keeps the lock valid.
    expect(verifyAssessment(a, { set }).ok).toBe(true);
  });
  it('valid and registered: counts', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const r = await verifyAttestations(a, {
      set,
      keys: [{ publicKey: key.publicKey, label: 'Máy tính bảng 1' }],
      subtle,
    });
    expect(r.status).toBe('signed');
    expect(r.checks[0]).toMatchObject({
      valid: true,
      key: 'registered',
      counts: true,
      keyLabel: 'Máy tính bảng 1',
      signer: { name: 'Nguyễn Thị Thử', role: 'assessor' },
    });
    expect(r.registered).toBe(true);
  });
  it('a key carried only in the bundle it signs is "unknown": valid, but it does not count', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const r = await verifyAttestations(a, { set, subtle });
    expect(r.checks[0]).toMatchObject({ valid: true, key: 'unknown', counts: false });
    expect(r.registered).toBe(false);
  });
  it('wrong key: a statement re-signed by another device under the registered key id is invalid', async () => {
    const key = await deviceKey();
    const other = await deviceKey();
    const a = await signedLocked(key);
    const st = a.attestations![0]!.statement;
    const forged = await signStatement({ ...st, keyId: other.keyId }, other.privateKey, other.publicKey, subtle);
    // claims the registered key's id, carries the attacker's public key
    const b: Assessment = { ...a, attestations: [{ ...forged, statement: { ...forged.statement, keyId: key.keyId } }] };
    const r = await verifyAttestations(b, { set, keys: [{ publicKey: key.publicKey }], subtle });
    expect(r.checks[0]).toMatchObject({ valid: false, key: 'registered', counts: false });
    expect(r.checks[0]!.problems.map((p) => p.code)).toContain('attest.bad-signature');
  });
  it('edited after signing: the statement no longer matches (and the lock breaks)', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const edited: Assessment = { ...a, answers: { ...a.answers, 't9.1': { value: 'met' } } };
    edited.contentHash = (await import('../src/index.js')).contentHash(edited); // the forger re-hashes too
    const r = await verifyAttestations(edited, { set, keys: [{ publicKey: key.publicKey }], subtle });
    expect(r.checks[0]!.valid).toBe(false);
    expect(r.checks[0]!.problems.map((p) => p.message.en).join(' ')).toMatch(/assessmentHash/);
  });
  it('replacing the drawn signature image or the signer name is detected', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const swapped: Assessment = {
      ...a,
      signatures: [{ role: 'assessor', name: 'Nguyễn Thị Thử', image: 'f'.repeat(64) }],
    };
    expect(
      (await verifyAttestations(swapped, { set, keys: [{ publicKey: key.publicKey }], subtle })).checks[0]!.valid,
    ).toBe(false);
    const att = a.attestations![0]!;
    const renamed: Assessment = {
      ...a,
      attestations: [{ ...att, statement: { ...att.statement, signer: { name: 'Người khác', role: 'assessor' } } }],
    };
    const r = await verifyAttestations(renamed, { set, keys: [{ publicKey: key.publicKey }], subtle });
    expect(r.checks[0]!.problems.map((p) => p.code)).toContain('attest.bad-signature');
  });
  it('a signed decision that is not what the set gives is refused', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const st = { ...a.attestations![0]!.statement, decision: 'pass' as const };
    const att = await signStatement(st, key.privateKey, key.publicKey, subtle);
    const r = await verifyAttestations(
      { ...a, attestations: [att] },
      { set, keys: [{ publicKey: key.publicKey }], subtle },
    );
    expect(r.checks[0]!.valid).toBe(false);
    expect(r.checks[0]!.problems.map((p) => p.message.en).join(' ')).toMatch(/decision/);
  });
  it('revoked key: judged by when the server received the push', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const keys: RegisteredKey[] = [{ publicKey: key.publicKey, revokedAt: '2026-12-05T00:00:00Z' }];
    const before = await verifyAttestations(a, { set, keys, receivedAt: '2026-12-02T00:00:00Z', subtle });
    expect(before.checks[0]).toMatchObject({ valid: true, key: 'registered', counts: true });
    const after = await verifyAttestations(a, { set, keys, receivedAt: '2026-12-05T00:00:00Z', subtle });
    expect(after.checks[0]).toMatchObject({ valid: true, key: 'revoked', counts: false });
    const unknownTime = await verifyAttestations(a, { set, keys, subtle });
    expect(unknownTime.checks[0]!.key).toBe('revoked');
  });
  it('an assessment locked before this release is "unsigned" and still verifies by hash', async () => {
    expect(await verifyAttestations(example, { set, subtle })).toEqual({
      status: 'unsigned',
      checks: [],
      registered: false,
      uncovered: [],
    });
    expect(verifyAssessment(example, { set }).ok).toBe(true);
  });
  it('garbage in a signature or key is invalid, never a throw', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const att = a.attestations![0]!;
    for (const bad of [
      { ...att, signature: 'A'.repeat(86) },
      { ...att, publicKey: { ...att.publicKey, x: 'A'.repeat(43) } },
    ]) {
      const r = await verifyAttestations({ ...a, attestations: [bad] }, { set, subtle });
      expect(r.checks[0]!.valid).toBe(false);
    }
  });
  it('base64url round-trips and the key id follows RFC 7638 (a known vector)', () => {
    for (let n = 0; n < 70; n++) {
      const u = new Uint8Array(n).map((_, i) => (i * 91 + n) & 255);
      expect(toBase64Url(u)).toBe(Buffer.from(u).toString('base64url'));
      expect([...fromBase64Url(toBase64Url(u))!]).toEqual([...u]);
    }
    // RFC 7638 §3.1 is an RSA key; for P-256 the input is {"crv","kty","x","y"} in that order, no spaces.
    const jwk: PublicKeyJwk = {
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    };
    expect(attestationKeyId(jwk)).toBe(
      createHash('sha256')
        .update(
          '{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}',
        )
        .digest('hex'),
    );
  });
  it('names drawn signatures no valid statement covers (added after signing, or never signed)', async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    expect((await verifyAttestations(a, { set, subtle })).uncovered).toEqual([]);
    const added: Assessment = {
      ...a,
      signatures: [...a.signatures!, { role: 'facility-head', name: 'Thêm sau', image: 'd'.repeat(64) }],
    };
    expect((await verifyAttestations(added, { set, subtle })).uncovered).toEqual([
      { name: 'Thêm sau', role: 'facility-head' },
    ]);
    const { attestations: _a, ...unsigned } = a;
    const r = await verifyAttestations(unsigned, { set, subtle });
    expect(r).toMatchObject({ status: 'unsigned', uncovered: [{ name: 'Nguyễn Thị Thử', role: 'assessor' }] });
  });
  it("verifyBundleSigned: the verifier, then each assessment's signatures with the council's keys and the time of receipt", async () => {
    const key = await deviceKey();
    const a = await signedLocked(key);
    const bundle = { schemaVersion: 1, kind: 'bundle', createdAt: '2026-12-01T00:00:00Z', assessments: [a] };
    const findSet = (id: string, v: string) => (id === set.id && v === set.version ? set : undefined);
    const keys: RegisteredKey[] = [{ publicKey: key.publicKey, revokedAt: '2026-12-03T00:00:00Z' }];
    const ok = await verifyBundleSigned(bundle, { findSet, keys, receivedAt: '2026-12-02T00:00:00Z', subtle });
    expect(ok.outcome.ok).toBe(true);
    expect(ok.signatures.get(a.id)).toMatchObject({ registered: true });
    const late = await verifyBundleSigned(bundle, { findSet, keys, receivedAt: '2026-12-04T00:00:00Z', subtle });
    expect(late.signatures.get(a.id)!.checks[0]!.key).toBe('revoked');
    const tampered = await verifyBundleSigned(
      { ...bundle, assessments: [{ ...a, answers: { ...a.answers, 't9.1': { value: 'met' } } }] },
      { findSet, keys, subtle },
    );
    expect(tampered.outcome.ok).toBe(false);
    expect(tampered.signatures.size).toBe(0);
  });
});
