import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import {
  MANIFEST_ENTRY,
  decodeBase64,
  isContainer,
  readContainer,
  sha256Hex,
  verifyBundle,
  verifyContainer,
  writeContainer,
  type Bundle,
  type ContainerPhotoRead,
} from '../src/index.js';
import { ZipWriter } from '../src/container/zip-writer.js';
import { builtinSets, hostileCorpus } from './hostile-corpus.js';

const sets = builtinSets();
const findSet = (id: string, version: string) => sets.get(`${id}@${version}`);
const control = (): Bundle =>
  structuredClone(hostileCorpus().find((c) => c.name.startsWith('control: a locked'))!.bundle as Bundle);
const codes = (r: { ok: boolean; errors?: { code: string; pointer: string }[] }) =>
  r.ok ? [] : r.errors!.map((e) => `${e.code} ${e.pointer}`);

/** Writes a JSON bundle (photos with data) as a container; `bytesOf` may change a photo's bytes on the way. */
async function toContainer(b: Bundle, bytesOf = (h: string, bytes: Uint8Array) => bytes): Promise<Uint8Array> {
  const data = new Map((b.photos ?? []).map((p) => [p.hash, decodeBase64(p.dataBase64)!]));
  const parts: Uint8Array[] = [];
  const { photos = [], ...docs } = b;
  for await (const c of writeContainer({
    bundle: docs,
    photos: photos.map(({ dataBase64: _, ...meta }) => meta),
    readPhoto: async (h) => bytesOf(h, data.get(h)!),
  }))
    parts.push(c);
  return Buffer.concat(parts);
}

/** The same archive with entries taken out or added (written with the container's own ZIP layer). */
function rezip(zip: Uint8Array, keep: (name: string) => boolean, add: Record<string, Uint8Array> = {}): Uint8Array {
  const w = new ZipWriter();
  const parts: Uint8Array[] = [];
  for (const [name, data] of Object.entries({ ...unzipSync(zip), ...add }))
    if (keep(name)) parts.push(...w.entry(name, data, name.endsWith('.json')));
  parts.push(w.finish());
  return Buffer.concat(parts);
}

/** A stream that hands out the bytes in small, uneven chunks, as a file stream does. */
const trickle = (bytes: Uint8Array, size = 997) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
      c.close();
    },
  });

describe('streamed bundle container', () => {
  it('round-trips a bundle: the same documents, every photo byte, verified by the one verifier', async () => {
    const b = control();
    const zip = await toContainer(b);
    expect(isContainer(zip)).toBe(true);
    const seen: ContainerPhotoRead[] = [];
    const read = await readContainer(trickle(zip), { onPhoto: (p) => void seen.push(p) });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.manifest.counts).toEqual({ assessments: 1, criteriaSets: 0, facilities: 0, plans: 0, photos: 1 });
    expect(read.value.bundle.assessments).toEqual(b.assessments);
    expect(verifyContainer(read.value, { findSet }).ok).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ index: 0, matches: true, referenced: true });
    expect(Buffer.concat(seen[0]!.chunks).toString('base64')).toBe(b.photos![0]!.dataBase64);
    // Manifest first; the photo stored as it is (method 0), documents deflated (method 8).
    const names = Object.keys(unzipSync(zip));
    expect(names[0]).toBe(MANIFEST_ENTRY);
    expect(names).toEqual([MANIFEST_ENTRY, 'assessments/000001.json', `photos/${b.photos![0]!.hash}`]);
  });

  it('reads photos whose bytes contain ZIP signatures (stored entries carry their sizes)', async () => {
    const b = control();
    // Bytes that contain a data-descriptor and a central-directory signature, referenced by the assessment.
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 251);
    bytes.set([0x50, 0x4b, 0x07, 0x08], 1000);
    bytes.set([0x50, 0x4b, 0x01, 0x02], 40_000);
    bytes.set([0x50, 0x4b, 0x03, 0x04], 50_000);
    const hash = sha256Hex(bytes);
    b.photos = [{ hash, mime: 'image/jpeg', dataBase64: Buffer.from(bytes).toString('base64') }];
    const draft = { ...b.assessments[0]!, status: 'draft' as const };
    delete draft.contentHash;
    const first = Object.keys(draft.answers)[0]!;
    draft.answers = { ...draft.answers, [first]: { ...draft.answers[first]!, evidence: [hash] } };
    b.assessments = [draft];
    expect(verifyBundle(b, { findSet }).ok).toBe(true);
    const read = await readContainer(trickle(await toContainer(b), 4096));
    expect(read.ok && read.value.photoDigests.get(hash)).toBe(hash);
    expect(read.ok && verifyContainer(read.value, { findSet }).ok).toBe(true);
  });

  it('a tampered photo is refused as in a JSON bundle, naming the photo', async () => {
    const b = control();
    const zip = await toContainer(b, (_h, bytes) => Uint8Array.from(bytes, (x, i) => (i === 10 ? x ^ 1 : x)));
    const seen: ContainerPhotoRead[] = [];
    const read = await readContainer(zip, { onPhoto: (p) => void seen.push(p) });
    expect(seen[0]?.matches).toBe(false);
    expect(read.ok && codes(verifyContainer(read.value, { findSet }))).toEqual(['verify.photo-hash /photos/0/hash']);
    const json = structuredClone(b);
    json.photos![0]!.dataBase64 = Buffer.from(
      Uint8Array.from(decodeBase64(b.photos![0]!.dataBase64)!, (x, i) => (i === 10 ? x ^ 1 : x)),
    ).toString('base64');
    expect(codes(verifyBundle(json, { findSet }))).toEqual(['verify.photo-hash /photos/0/hash']);
  });

  it('a missing photo entry, a missing document, an unlisted entry and an unreferenced photo are each named', async () => {
    const b = control();
    const zip = await toContainer(b);
    const photo = `photos/${b.photos![0]!.hash}`;
    const noPhoto = await readContainer(rezip(zip, (n) => n !== photo));
    expect(noPhoto.ok && codes(verifyContainer(noPhoto.value, { findSet }))).toEqual([
      'verify.photo-missing /photos/0/hash',
    ]);
    expect(codes(await readContainer(rezip(zip, (n) => !n.startsWith('assessments/'))))).toEqual([
      'container.missing-entry /assessments/000001.json',
    ]);
    const extra = rezip(zip, () => true, { 'photos/ab': new Uint8Array([1, 2, 3]) });
    expect(codes(await readContainer(extra))).toEqual(['container.unlisted-entry /photos/ab']);
    // The assessment no longer references its photo: the photo is refused, as in a JSON bundle.
    const unref = control();
    unref.assessments[0]!.status = 'draft';
    delete unref.assessments[0]!.contentHash;
    for (const a of Object.values(unref.assessments[0]!.answers)) delete a.evidence;
    const r = await readContainer(await toContainer(unref));
    expect(r.ok && codes(verifyContainer(r.value, { findSet }))).toEqual(['verify.photo-unreferenced /photos/0/hash']);
    expect(codes(verifyBundle(unref, { findSet }))).toEqual(['verify.photo-unreferenced /photos/0/hash']);
  });

  it('an old JSON bundle is told apart by its first bytes and still verifies as before', () => {
    const b = control();
    const text = new TextEncoder().encode(JSON.stringify(b));
    expect(isContainer(text)).toBe(false);
    expect(verifyBundle(JSON.parse(new TextDecoder().decode(text)), { findSet }).ok).toBe(true);
  });

  it('never throws: not a zip, a truncated zip, a zip without the manifest first, a newer version', async () => {
    const zip = await toContainer(control());
    expect(codes(await readContainer(new TextEncoder().encode('{"kind":"bundle"}')))[0]).toMatch(/^container\./);
    expect(codes(await readContainer(zip.subarray(0, 200)))[0]).toMatch(/^container\./);
    expect(codes(await readContainer(new Uint8Array(0)))[0]).toMatch(/^container\./);
    const noManifest = rezip(zip, (n) => n !== MANIFEST_ENTRY);
    expect(codes(await readContainer(noManifest))).toEqual(['container.no-manifest ']);
    const m = JSON.parse(Buffer.from(unzipSync(zip)[MANIFEST_ENTRY]!).toString());
    const w = new ZipWriter();
    const newer = Buffer.concat([
      ...w.entry(MANIFEST_ENTRY, Buffer.from(JSON.stringify({ ...m, formatVersion: 2 })), true),
      w.finish(),
    ]);
    expect(codes(await readContainer(newer))).toEqual(['container.version ']);
  });
});
