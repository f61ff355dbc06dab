/**
 * Hostile import files, fuzzed, against the app's import (`planImport` then `applyImport`, as tc-io runs
 * them) on an IndexedDB that already holds an assessment, a photo and a facility. fast-check mutates a
 * valid bundle (wrong types, missing fields, huge strings, deep nesting, `__proto__` keys, HTML and script
 * in every text field, bad base64, photos whose bytes do not match their hash) and also throws raw text at
 * it. For every case: nothing throws; a refused file comes with messages; an accepted one holds only
 * valid documents; what was on the device before is unchanged. The number of cases run is printed.
 */
import { Blob as NodeBlob } from 'node:buffer';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { lockAssessment, sha256Hex, validateAssessment, validateBundle, validateCriteriaSet } from '@tieuchi/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, CriteriaSet } from '../src/core.js';
import { applyImport, planImport } from '../src/io/bundle.js';
import { bytesToBase64 } from '../src/io/base64.js';
import { openTieuChiDB, Storage, type StoredPhoto } from '../src/storage/db.js';
import { draft, smallSet } from './helpers.js';
import { HTML, mutate, mutation } from './hostile.js';

let cases = 0;
let accepted = 0;
let dbN = 0;

beforeAll(() => {
  globalThis.indexedDB = new IDBFactory();
  // happy-dom's Blob does not survive fake-indexeddb's structuredClone; Node's (like a browser's) does.
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

afterAll(() => {
  console.log(
    `import fuzz: ${cases} hostile files run through planImport/applyImport (${accepted} accepted as valid, the rest refused)`,
  );
});

// --- What is on the device before every import -------------------------------------------------------
const OLD_BYTES = new Uint8Array([255, 216, 255, 224, 0, 16, 74, 70, 73, 70]);
const OLD_HASH = sha256Hex(OLD_BYTES);
const existing = draft({ i1: { value: 'met', note: 'đã kiểm tra', evidence: [OLD_HASH] } }, 'a-test');
const existingFacility = { id: 'f1', name: 'Trạm Y tế phường An Khánh', kind: 'commune-station' as const };

async function seeded(): Promise<Storage> {
  const s = new Storage(openTieuChiDB(`fuzz-${dbN++}`));
  await s.putAssessment(existing);
  await s.putPhoto({ hash: OLD_HASH, blob: new Blob([OLD_BYTES]), mime: 'image/jpeg', width: 2, height: 2 });
  await s.putFacility(existingFacility);
  return s;
}

/** Everything stored, with photo bytes as base64, for comparison. */
async function snapshot(s: Storage) {
  const photos = await Promise.all(
    (await s.listPhotos()).map(async (p) => ({
      ...p,
      blob: bytesToBase64(new Uint8Array(await p.blob.arrayBuffer())),
    })),
  );
  return {
    assessments: await s.listAssessments(),
    photos,
    facilities: await s.listFacilities(),
    sets: await s.listSets(),
  };
}

// --- A valid bundle to start from ----------------------------------------------------------------------
const NEW_BYTES = new Uint8Array([255, 216, 255, 1, 2, 3, 4, 5]);
const NEW_HASH = sha256Hex(NEW_BYTES);
const otherSet: CriteriaSet = { ...smallSet, id: 'test-other', version: '2.0' };
const locked = lockAssessment(
  draft({ i1: { value: 'met' }, i2: { na: true } }, 'a-locked'),
  smallSet,
  '2025-03-01T00:00:00Z',
);
const incoming: Assessment = {
  ...draft({ i1: { value: 'not-met', note: 'thiếu nước', evidence: [NEW_HASH] }, i2: { value: 'partial' } }, 'a-new'),
  criteriaSet: { id: otherSet.id, version: otherSet.version },
  facility: { id: 'f-new', name: 'Trạm Y tế xã Mới', kind: 'commune-station' },
};
const baseBundle = {
  schemaVersion: 1,
  kind: 'bundle',
  createdAt: '2025-03-02T00:00:00Z',
  app: { name: 'tieuchi-forms-pwa', version: '0.1.0' },
  assessments: [incoming, locked, { ...existing, answers: { i1: { value: 'not-met' } } }],
  criteriaSets: [otherSet],
  facilities: [{ id: 'f-new', name: 'Trạm Y tế xã Mới', kind: 'commune-station' }],
  photos: [
    {
      hash: NEW_HASH,
      mime: 'image/jpeg',
      width: 4,
      height: 3,
      capturedAt: '2025-03-01T08:00:00Z',
      dataBase64: bytesToBase64(NEW_BYTES),
    },
  ],
};

const known = () => ({
  sets: new Map([['test-small@1.0', smallSet]]),
  assessments: new Map([[existing.id, existing]]),
});

/** Every string in the document replaced by `s` (ids, dates and hashes too: the worst case). */
function everyString(doc: unknown, s: (old: string) => string, keysToo = false): unknown {
  if (typeof doc === 'string') return s(doc);
  if (Array.isArray(doc)) return doc.map((v) => everyString(v, s, keysToo));
  if (doc && typeof doc === 'object')
    return Object.fromEntries(Object.entries(doc).map(([k, v]) => [keysToo ? s(k) : k, everyString(v, s, keysToo)]));
  return doc;
}

/** Only free-text fields (names, notes, titles, texts, captions) get the hostile text: the file stays valid. */
const TEXT_KEYS = new Set(['name', 'note', 'vi', 'en', 'caption', 'reason', 'unassessableReason', 'description']);
function textFields(doc: unknown, s: string): unknown {
  if (Array.isArray(doc)) return doc.map((v) => textFields(v, s));
  if (doc && typeof doc === 'object')
    return Object.fromEntries(
      Object.entries(doc).map(([k, v]) => [
        k,
        TEXT_KEYS.has(k) && typeof v === 'string' ? `${v} ${s}` : textFields(v, s),
      ]),
    );
  return doc;
}

// --- The check every case goes through -------------------------------------------------------------------
let shared: Storage;
let sharedBefore: Awaited<ReturnType<typeof snapshot>>;

async function check(text: string): Promise<void> {
  cases++;
  let plan: ReturnType<typeof planImport>;
  try {
    plan = planImport(text, known(), '2025-03-03T00:00:00Z');
  } catch (e) {
    throw new Error(`planImport threw on a hostile file: ${String(e)}\n${text.slice(0, 300)}`);
  }
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).value).toBeUndefined();
  if (!plan.ok) {
    // Refused: the messages say why; tc-io writes nothing (the shared database is compared after each block).
    expect(plan.errors.length).toBeGreaterThan(0);
    for (const e of plan.errors) {
      expect(typeof e.pointer).toBe('string');
      expect(e.message.vi.length).toBeGreaterThan(0);
    }
    return;
  }
  accepted++;
  const p = plan.plan;
  const sets = new Map([['test-small@1.0', smallSet], ...p.sets.map((s) => [s.key, s.set] as const)]);
  for (const s of p.sets) expect(validateCriteriaSet(s.set).ok).toBe(true);
  for (const a of p.assessments) {
    const set = sets.get(`${a.criteriaSet.id}@${a.criteriaSet.version}`);
    expect(set, `set of ${a.id}`).toBeDefined();
    expect(validateAssessment(a, set).ok).toBe(true);
  }
  const shape = validateBundle({
    schemaVersion: 1,
    kind: 'bundle',
    createdAt: '2025-03-03T00:00:00Z',
    assessments: p.assessments,
    facilities: p.facilities,
  });
  expect(shape.ok).toBe(true);
  for (const ph of p.photos as StoredPhoto[])
    expect(sha256Hex(new Uint8Array(await ph.blob.arrayBuffer()))).toBe(ph.hash);
  // Accepted: written to a seeded device without the user's consent to overwrite.
  const storage = await seeded();
  const before = await snapshot(storage);
  await applyImport(storage, p, false);
  const after = await snapshot(storage);
  expect(after.assessments.find((a) => a.id === existing.id)).toEqual(before.assessments[0]);
  expect(after.photos.find((x) => x.hash === OLD_HASH)).toEqual(before.photos[0]);
  for (const a of after.assessments)
    expect(validateAssessment(a, sets.get(`${a.criteriaSet.id}@${a.criteriaSet.version}`)).ok).toBe(true);
}

beforeAll(async () => {
  shared = await seeded();
  sharedBefore = await snapshot(shared);
});

afterEach(async () => {
  expect(await snapshot(shared)).toEqual(sharedBefore);
});

describe('hostile import files (planImport + applyImport on a seeded IndexedDB)', { timeout: 60_000 }, () => {
  it('accepts the valid base bundle, adding without overwriting', async () => {
    await check(JSON.stringify(baseBundle));
    const p = planImport(JSON.stringify(baseBundle), known());
    expect(p.ok && p.plan.conflicts).toEqual([existing.id]);
  });

  it('survives random mutations of a valid bundle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (ms) =>
        check(JSON.stringify(mutate(baseBundle, ms))),
      ),
      { numRuns: 500 },
    );
  });

  it('survives mutated single assessments, criteria sets and registries', async () => {
    const docs = [
      incoming,
      locked,
      otherSet,
      { schemaVersion: 1, kind: 'facility-registry', facilities: baseBundle.facilities },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...docs), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (doc, ms) =>
        check(JSON.stringify(mutate(doc, ms))),
      ),
      { numRuns: 300 },
    );
  });

  it('keeps HTML and script in text fields as text, and refuses them where they break ids, dates or hashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HTML), fc.boolean(), fc.boolean(), async (s, everywhere, keysToo) => {
        await check(
          JSON.stringify(
            everywhere ? everyString(baseBundle, (old) => `${old}${s}`, keysToo) : textFields(baseBundle, s),
          ),
        );
      }),
      { numRuns: 40 },
    );
    // The free-text version is valid (the locked assessment left out: changing it breaks its hash, on
    // purpose): it is accepted, and the text is exactly what the file said.
    const unlocked = { ...baseBundle, assessments: baseBundle.assessments.filter((a) => a.id !== locked.id) };
    const p = planImport(JSON.stringify(textFields(unlocked, HTML[0]!)), known());
    expect(p.ok ? [] : p.errors).toEqual([]);
    if (p.ok) expect(p.plan.assessments.find((a) => a.id === 'a-new')?.answers.i1?.note).toBe(`thiếu nước ${HTML[0]}`);
  });

  it('refuses photos with bad base64 or bytes that do not match their hash', async () => {
    const photoCase = fc.oneof(
      fc.string({ maxLength: 200 }).map((dataBase64) => ({ hash: NEW_HASH, dataBase64 })),
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => ({ hash: NEW_HASH, dataBase64: bytesToBase64(b) })),
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => ({
        hash: sha256Hex(b).replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
        dataBase64: bytesToBase64(b),
      })),
      fc
        .uint8Array({ minLength: 1, maxLength: 300 })
        .map((b) => ({ hash: sha256Hex(b).toUpperCase(), dataBase64: `${bytesToBase64(b)}===` })),
    );
    await fc.assert(
      fc.asyncProperty(photoCase, async (ph) => {
        const b = { ...baseBundle, photos: [{ ...baseBundle.photos[0]!, ...ph }] };
        const before = accepted;
        await check(JSON.stringify(b));
        // A photo whose bytes really hash to `hash` is fine; anything else must be refused.
        if (accepted > before) expect(ph.hash).toBe(NEW_HASH);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses raw text, truncated files and JSON of any other shape', async () => {
    const full = JSON.stringify(baseBundle);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.nat({ max: full.length - 1 }).map((n) => full.slice(0, n)),
          fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)),
          fc
            .jsonValue({ maxDepth: 3 })
            .map((v) => JSON.stringify({ kind: 'bundle', schemaVersion: 1, assessments: v })),
          fc.constantFrom(
            '',
            'null',
            '"bundle"',
            '{"__proto__":{"polluted":1},"kind":"bundle"}',
            '{"kind":"assessment","__proto__":{"status":"draft"}}',
            '\uFEFF{}',
            '[]'.repeat(1000),
          ),
        ),
        async (text) => check(text),
      ),
      { numRuns: 300 },
    );
  });
});
