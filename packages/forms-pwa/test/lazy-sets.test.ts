/**
 * Built-in sets are loaded when used (issue 20): start-up loads only the sets the stored assessments were made
 * with; a view that lists sets, and every import, loads the rest first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/core.js';
import { builtinSetIds } from '../src/data/builtin.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { AppStore } from '../src/state/store.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const example = (): Assessment =>
  JSON.parse(
    readFileSync(
      join(process.cwd(), '../../examples/qd1300-commune-health/thanh-tien-2025-baseline.assessment.json'), // tests run in packages/forms-pwa
      'utf8',
    ),
  ) as Assessment;

describe('built-in sets, loaded when used', () => {
  it('starts without loading a set when no assessment needs one, and loads them all when asked', async () => {
    const store = new AppStore(new Storage(openTieuChiDB('lazy-empty')));
    await store.init();
    expect(store.sets.size).toBe(0);
    expect(store.allSetsLoaded).toBe(false);
    await store.loadAllSets();
    expect(store.allSetsLoaded).toBe(true);
    expect([...store.builtinKeys].map((k) => k.split('@')[0]).sort()).toEqual(
      [...builtinSetIds].map((f) => f.split('@')[0]).sort(),
    );
    expect(builtinSetIds).toContain('qd1300-commune-health');
    expect(store.sets.size).toBe(builtinSetIds.length);
  });

  it('loads at start-up exactly the sets the stored assessments were made with', async () => {
    const storage = new Storage(openTieuChiDB('lazy-one'));
    await storage.putAssessment(example());
    const store = new AppStore(storage);
    await store.init();
    expect([...store.sets.keys()]).toEqual(['qd1300-commune-health@2023.1']);
    expect(store.setFor(example())?.id).toBe('qd1300-commune-health');
    expect(store.resultFor(example())?.complete).toBe(true);
  });

  it('loads an earlier version kept beside the current one by its own file, not every set', async () => {
    // criteria/qd1300-commune-health@2023.2.json beside qd1300-commune-health.json (2023.1): the bench's 1300
    // assessment is made with 2023.2. Before, start-up loaded 2023.1, missed, then loaded all twelve files.
    const storage = new Storage(openTieuChiDB('lazy-version'));
    const a = { ...example(), id: 'v2', criteriaSet: { id: 'qd1300-commune-health', version: '2023.2' } };
    await storage.putAssessment(a);
    const store = new AppStore(storage);
    await store.init();
    expect([...store.sets.keys()]).toEqual(['qd1300-commune-health@2023.2']);
    expect(store.setFor(a)?.version).toBe('2023.2');
    expect(store.allSetsLoaded).toBe(false);
  });

  it('loads the built-in sets when an assessment arrives whose set is not loaded yet, then finds it', async () => {
    const store = new AppStore(new Storage(openTieuChiDB('lazy-late')));
    await store.init();
    const changed = new Promise((r) => store.addEventListener('change', r, { once: true }));
    expect(store.setFor(example())).toBeUndefined();
    await changed; // setFor started the load; views re-render when it is done
    expect(store.allSetsLoaded).toBe(true);
    expect(store.setFor(example())?.version).toBe('2023.1');
  });
});
