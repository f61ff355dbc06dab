/**
 * The pinned-set check on the start-up path (issue 20, ADR 0017): the app scores with core's validator-free part,
 * which has no hashing code; built-in sets carry the hash the build computed (not in unit tests: no build). A
 * submitted or locked assessment whose set has no known hash is scored once the store has loaded the hashing code,
 * and never scored unchecked. Its own file: the hashing code, once loaded, stays for the module graph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../src/core.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { AppStore } from '../src/state/store.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

// Submitted, pinning qd1300-commune-health@2023.1's content hash.
const example = (): Assessment =>
  JSON.parse(
    readFileSync(
      join(process.cwd(), '../../examples/qd1300-commune-health/thanh-tien-2025-baseline.assessment.json'),
      'utf8',
    ),
  ) as Assessment;

describe('a pinned assessment whose set has no known hash', () => {
  it('shows no score until the hashing code is loaded, then its score; a wrong pin is never scored', async () => {
    const store = new AppStore(new Storage(openTieuChiDB('hashing-late')));
    await store.init(); // nothing stored: nothing needs hashing yet
    await store.loadAllSets();
    const a = example();
    expect(a.status).toBe('submitted');
    const changed = new Promise((r) => store.addEventListener('change', r, { once: true }));
    expect(store.resultFor(a)).toBeUndefined(); // not scored unchecked
    await changed; // the store loaded the hashing code and re-renders
    expect(store.resultFor(a)?.complete).toBe(true);
    const forged = { ...a, criteriaSet: { ...a.criteriaSet, contentHash: 'f'.repeat(64) } };
    expect(store.resultFor(forged)).toBeUndefined();
    expect(store.invalidAnswers(forged)).toEqual([]);
  });
});
