/**
 * Signing at lock (issue 15): a per-device ECDSA P-256 key, private half non-extractable, kept in IndexedDB;
 * `submit()` signs; the bundle carries the statements and imports; the results view shows the verdict.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { webcrypto } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../src/core.js';
import { verifyAttestations } from '../src/core-checked.js';
import { buildBundle, planImport } from '../src/io/bundle.js';
import { AppStore } from '../src/state/store.js';
import { DEVICE_KEY, openTieuChiDB, Storage } from '../src/storage/db.js';
import { TcAttestations } from '../src/results/tc-attestations.js';
import { draft, mount, shadowText, smallSet } from './helpers.js';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
// happy-dom's window may lack WebCrypto; the browser and Node have it.
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

async function lockedSigned(name = 'sig') {
  const store = new AppStore(new Storage(openTieuChiDB(name)));
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
  const a = { ...draft({ i1: { value: 'met' } }, `a-${name}`), assessors: [{ name: 'Nguyễn Thị Thử' }] };
  store.assessments.set(a.id, a);
  store.sign(a.id, [{ role: 'facility-head', name: 'Trần Văn Trưởng', image: 'a'.repeat(64) }]);
  await store.submit(a.id);
  return { store, locked: store.assessments.get(a.id)! };
}

describe('the device key', () => {
  it('is made once, stored in IndexedDB, and its private half cannot be exported', async () => {
    const storage = new Storage(openTieuChiDB('key'));
    const k1 = await storage.deviceKey(subtle);
    const k2 = await storage.deviceKey(subtle);
    expect(k2.keyId).toBe(k1.keyId);
    expect(k1.keyId).toMatch(/^[0-9a-f]{64}$/);
    const stored = await storage.getSetting<{ privateKey: CryptoKey }>(DEVICE_KEY);
    expect(stored?.privateKey.extractable).toBe(false);
    await expect(subtle.exportKey('jwk', stored!.privateKey)).rejects.toThrow();
  });
});

describe('signing at lock', () => {
  it('signs a statement per signer, covering the hashes, decision and totals; the lock still verifies', async () => {
    const { store, locked } = await lockedSigned();
    expect(locked.status).toBe('locked');
    const key = await store.storage.deviceKey(subtle);
    expect(locked.attestations).toHaveLength(1);
    const st = locked.attestations![0]!.statement;
    expect(st).toMatchObject({
      assessmentHash: locked.contentHash,
      setHash: locked.criteriaSet.contentHash,
      signer: { name: 'Trần Văn Trưởng', role: 'facility-head' },
      imageHash: 'a'.repeat(64),
      keyId: key.keyId,
    });
    expect(contentHash(locked)).toBe(locked.contentHash);
    const r = await verifyAttestations(locked, { set: smallSet, subtle: subtle as never });
    expect(r.checks[0]).toMatchObject({ valid: true, key: 'unknown' });
    const reg = await verifyAttestations(locked, {
      set: smallSet,
      keys: [{ publicKey: key.publicKey }],
      subtle: subtle as never,
    });
    expect(reg.registered).toBe(true);
  });
  it('without WebCrypto, locks unsigned ("chưa ký") rather than failing', async () => {
    const storage = new Storage(openTieuChiDB('nocrypto'));
    storage.deviceKey = () => Promise.reject(new Error('no WebCrypto'));
    const store = new AppStore(storage);
    store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
    const a = { ...draft({}, 'a-nc'), assessors: [{ name: 'A' }] };
    store.assessments.set(a.id, a);
    await store.submit(a.id);
    const locked = store.assessments.get(a.id)!;
    expect(locked.status).toBe('locked');
    expect(locked.attestations).toBeUndefined();
  });
  it('the exported bundle imports elsewhere with its statements; a replaced signature shows as not valid', async () => {
    const { store, locked } = await lockedSigned('exp');
    const bundle = await buildBundle(store.storage, [locked], { importedSets: [] });
    const plan = planImport(JSON.stringify(bundle), {
      sets: new Map([[`${smallSet.id}@${smallSet.version}`, smallSet]]),
      assessments: new Map(),
    });
    expect(plan.ok).toBe(true);
    if (plan.ok) expect(plan.plan.assessments[0]!.attestations).toHaveLength(1);
    const forged = {
      ...locked,
      attestations: [
        {
          ...locked.attestations![0]!,
          statement: {
            ...locked.attestations![0]!.statement,
            signer: { name: 'Người khác', role: 'facility-head' as const },
          },
        },
      ],
    };
    const r = await verifyAttestations(forged, { set: smallSet, subtle: subtle as never });
    expect(r.checks[0]!.valid).toBe(false);
  });
  it('a revision of a signed assessment drops the statements (a draft carries none)', async () => {
    const { store, locked } = await lockedSigned('rev');
    const id = await store.revise(locked.id);
    expect(store.assessments.get(id)!.attestations).toBeUndefined();
  });
});

describe('tc-attestations', () => {
  it('shows who signed, valid, and this device\'s key; never "chữ ký số"', async () => {
    const { store, locked } = await lockedSigned('view');
    const el = await mount(
      Object.assign(new TcAttestations(), { assessment: locked, set: smallSet, storage: store.storage }),
    );
    await expect.poll(() => shadowText(el)).toContain('Trần Văn Trưởng');
    await expect.poll(() => shadowText(el)).toContain('khoá của thiết bị này');
    expect(shadowText(el)).toContain('hợp lệ');
    expect(shadowText(el)).not.toContain('chữ ký số');
  });
  it('says "chưa ký" for an assessment locked before signatures existed', async () => {
    const { store, locked } = await lockedSigned('old');
    const { attestations: _a, ...old } = locked;
    const el = await mount(
      Object.assign(new TcAttestations(), { assessment: old, set: smallSet, storage: store.storage }),
    );
    await expect.poll(() => shadowText(el)).toContain('Chưa ký');
    // Its drawn signature is named as unprotected (the content hash leaves signatures out).
    expect(shadowText(el)).toContain(
      'Chữ ký tay chưa được thiết bị ký xác nhận (không được bảo vệ): Trần Văn Trưởng (trưởng cơ sở)',
    );
  });
});
