import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockAssessment, verifyContentHash } from '@tieuchi/core';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { AppStore } from '../src/state/store.js';
import { sameFacility } from '../src/loop/scored.js';
import { draft, smallSet } from './helpers.js';

let store: AppStore;
let storage: Storage;
let n = 0;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  storage = new Storage(openTieuChiDB(`facmap-${n++}`));
  store = new AppStore(storage);
  await store.init();
  store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
});

describe('mapping a facility added on a tablet to the registry', () => {
  it('records the registry id on the facility and on every assessment of it, locked ones still verifying', async () => {
    const prov = { id: 'prov-1', name: 'Trạm mới (nhập tay)', kind: 'commune-station' as const, provisional: true };
    const registry = { id: 'reg-1', name: 'Trạm Y tế xã Thạnh Tiến', kind: 'commune-station' as const };
    store.facilities = [registry, prov];
    await storage.putFacility(prov);
    const lockedA = lockAssessment(
      { ...draft({}, 'old'), facility: prov, assessedOn: '2025-05-01' },
      smallSet,
      '2025-05-01T10:00:00Z',
    );
    const registryRound = { ...draft({}, 'new'), facility: registry, assessedOn: '2026-05-01' };
    for (const a of [lockedA, registryRound]) {
      store.assessments.set(a.id, a);
      await storage.putAssessment(a);
    }
    expect(sameFacility(store.assessments.values(), registryRound).map((a) => a.id)).toEqual(['new']);

    await store.mapFacility('prov-1', 'reg-1');

    const mapped = store.assessments.get('old')!;
    expect(mapped.facility.registryId).toBe('reg-1');
    expect(mapped.status).toBe('locked');
    expect(verifyContentHash(mapped)).toBe(true); // the lock still holds
    expect((await storage.getAssessment('old'))?.facility.registryId).toBe('reg-1'); // durable
    expect((await storage.listFacilities()).find((f) => f.id === 'prov-1')?.registryId).toBe('reg-1');
    // the two rounds now belong to one facility
    expect(sameFacility(store.assessments.values(), registryRound).map((a) => a.id)).toEqual(['old', 'new']);
  });

  it('refuses to map a facility that is not provisional, or to an unknown registry id', async () => {
    store.facilities = [
      { id: 'reg-1', name: 'A', kind: 'commune-station' },
      { id: 'prov-1', name: 'B', kind: 'commune-station', provisional: true },
    ];
    await expect(store.mapFacility('reg-1', 'reg-1')).rejects.toThrow(/not a provisional/);
    await expect(store.mapFacility('prov-1', 'ghost')).rejects.toThrow(/No registry facility/);
  });
});
