import { Unzip, UnzipInflate, strFromU8, type UnzipFile } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Bundle } from '../generated/types.js';
import { fail, ok, type Outcome, type Problem } from '../outcome.js';
import { referencedPhotos, verifyBundle, type VerifyContext } from '../verify.js';
import {
  CONTAINER_FORMAT,
  CONTAINER_VERSION,
  MANIFEST_ENTRY,
  containerMsg,
  photoEntry,
  type ContainerCode,
  type ContainerManifest,
  type ContainerPhoto,
  type DocumentList,
} from './format.js';

/** Largest document (JSON) entry read, uncompressed. */
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** Largest photo entry read (the JSON bundle's photo limit, 40,000,000 base64 characters). */
const MAX_PHOTO_BYTES = 30 * 1024 * 1024;

/** One photo as it was read: its bytes (in the chunks they arrived in) and their SHA-256. */
export interface ContainerPhotoRead {
  photo: ContainerPhoto;
  /** Its index in the manifest's photo list (`/photos/<index>` in problems). */
  index: number;
  chunks: Uint8Array[];
  /** SHA-256 of the bytes read. */
  digest: string;
  /** Whether the bytes match the hash the manifest lists. */
  matches: boolean;
  /** Whether a document of the file references it (every document is read before the first photo). */
  referenced: boolean;
}

/** The part of a WHATWG `ReadableStream` the reader uses (core has no DOM types). */
export interface ByteStream {
  getReader(): {
    read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
    releaseLock(): void;
  };
}

/** Where a container is read from: the whole bytes, a stream (`file.stream()`) or any async iterable of chunks. */
export type ContainerSource = Uint8Array | ByteStream | AsyncIterable<Uint8Array>;

/** Callbacks of {@link readContainer}. */
export interface ReadContainerOptions {
  /** Called for each photo, in order, once its bytes are read; awaited before more of the file is read. */
  onPhoto?: ((p: ContainerPhotoRead) => Promise<void> | void) | undefined;
  /** Called after each photo entry. */
  onProgress?: ((photosRead: number, photosTotal: number) => void) | undefined;
}

/** What was read: the bundle (photos listed, `dataBase64` empty) and each photo's digest, for {@link verifyContainer}. */
export interface ContainerRead {
  manifest: ContainerManifest;
  /** The documents as a JSON bundle; each photo's `dataBase64` is '' (its bytes went to `onPhoto`). */
  bundle: Bundle;
  /** SHA-256 of each photo entry read, by the hash the manifest lists. */
  photoDigests: Map<string, string>;
}

const problem = (code: ContainerCode, pointer: string, args: Record<string, string | number> = {}): Problem => ({
  code,
  pointer,
  message: containerMsg(code, args),
});

/** Whether bytes start like a ZIP (a local file header), as the container does; a JSON bundle starts with text. */
export function isContainer(firstBytes: Uint8Array): boolean {
  return firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04;
}

async function* chunksOf(source: ContainerSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += 1 << 20) yield source.subarray(i, i + (1 << 20));
    return;
  }
  if (typeof (source as ByteStream).getReader === 'function') {
    const reader = (source as ByteStream).getReader();
    try {
      for (;;) {
        const r = await reader.read();
        if (r.done) return;
        if (r.value) yield r.value;
      }
    } finally {
      reader.releaseLock();
    }
    return;
  }
  yield* source as AsyncIterable<Uint8Array>;
}

function checkManifest(m: unknown): string | undefined {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return 'not an object';
  const o = m as Record<string, unknown>;
  if (o.format !== CONTAINER_FORMAT) return `format is not ${CONTAINER_FORMAT}`;
  if (typeof o.createdAt !== 'string') return 'createdAt missing';
  if (!Array.isArray(o.documents)) return 'documents missing';
  for (const d of o.documents as unknown[]) {
    const e = d as Record<string, unknown> | null;
    if (
      !e ||
      typeof e.entry !== 'string' ||
      !['assessments', 'criteriaSets', 'facilities', 'plans'].includes(String(e.list))
    )
      return 'a document entry is not valid';
  }
  if (!Array.isArray(o.photos)) return 'photos missing';
  for (const p of o.photos as unknown[])
    if (!p || typeof p !== 'object' || typeof (p as { hash?: unknown }).hash !== 'string')
      return 'a photo is not valid';
  return undefined;
}

/**
 * Reads a streamed container entry by entry: the manifest, the documents (kept, they are small), then each photo,
 * whose SHA-256 is computed as its bytes arrive and which is handed to `onPhoto` and then let go, so memory holds
 * one photo, not the file. Checks the container itself (a zip, the manifest first and of a known version, every
 * listed document present, nothing unlisted, sizes); the documents are checked by {@link verifyContainer}, the
 * one verifier. Never throws on any input.
 * @returns what was read, or the problems that make the file unreadable as a whole
 */
export async function readContainer(
  source: ContainerSource,
  opts: ReadContainerOptions = {},
): Promise<Outcome<ContainerRead>> {
  const problems: Problem[] = [];
  let manifest: ContainerManifest | undefined;
  let fatal: Problem | undefined;
  const docs = new Map<string, unknown>();
  const photosByEntry = new Map<string, number>();
  const photoDigests = new Map<string, string>();
  let referenced: Set<string> | undefined;
  let bundle: Bundle | undefined;
  let photosRead = 0;
  let first = true;
  /** An entry read whole; `digest` for entries under photos/. */
  type Done = { name: string; chunks: Uint8Array[]; digest?: string | undefined };
  const queue: Done[] = [];

  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (f: UnzipFile) => {
    const name = f.name;
    if (fatal) return;
    const isFirst = first;
    first = false;
    if (isFirst && name !== MANIFEST_ENTRY) {
      fatal = problem('container.no-manifest', '', { entry: MANIFEST_ENTRY });
      return;
    }
    // Which entries are listed is known only once the manifest is handled (after this push): decided then.
    const isPhoto = !isFirst && name.startsWith('photos/');
    const limit = isPhoto ? MAX_PHOTO_BYTES : MAX_DOCUMENT_BYTES;
    const chunks: Uint8Array[] = [];
    const h = isPhoto ? sha256.create() : undefined;
    let size = 0;
    let stopped = false;
    f.ondata = (err, dat, final) => {
      if (stopped) return;
      if (err) {
        stopped = true;
        fatal = problem('container.bad-entry', `/${name}`, { entry: name, why: err.message });
        return;
      }
      size += dat.length;
      if (size > limit) {
        stopped = true;
        f.terminate();
        fatal = problem('container.too-big', `/${name}`, { entry: name, mb: Math.round(limit / 1048576) });
        return;
      }
      if (dat.length) {
        chunks.push(dat);
        h?.update(dat);
      }
      if (final) queue.push({ name, chunks, digest: h ? bytesToHex(h.digest()) : undefined });
    };
    try {
      f.start();
    } catch (e) {
      fatal = problem('container.bad-entry', `/${name}`, { entry: name, why: String(e) });
    }
  };

  const json = (d: Done): unknown => JSON.parse(strFromU8(concat(d.chunks)));
  const assemble = (): Bundle => {
    const m = manifest!;
    const lists: Record<DocumentList, unknown[]> = { assessments: [], criteriaSets: [], facilities: [], plans: [] };
    for (const d of m.documents) if (docs.get(d.entry) !== undefined) lists[d.list].push(docs.get(d.entry));
    const b: Record<string, unknown> = { schemaVersion: m.schemaVersion, kind: 'bundle', createdAt: m.createdAt };
    if (m.app) b.app = m.app;
    b.assessments = lists.assessments;
    for (const l of ['criteriaSets', 'facilities', 'plans'] as const) if (lists[l].length) b[l] = lists[l];
    if (m.photos.length) b.photos = m.photos.map((p) => ({ ...p, dataBase64: '' }));
    return b as unknown as Bundle;
  };
  const missingDocs = () => manifest!.documents.filter((d) => docs.get(d.entry) === undefined);

  const handle = async (d: Done): Promise<void> => {
    if (!manifest) {
      let m: unknown;
      try {
        m = json(d);
      } catch (e) {
        fatal = problem('container.bad-manifest', '', { entry: MANIFEST_ENTRY, why: String(e) });
        return;
      }
      const fmt = (m as { format?: unknown; formatVersion?: unknown } | null) ?? {};
      if (fmt.format === CONTAINER_FORMAT && fmt.formatVersion !== CONTAINER_VERSION) {
        fatal = problem('container.version', '', {
          format: CONTAINER_FORMAT,
          version: String(fmt.formatVersion),
          known: CONTAINER_VERSION,
        });
        return;
      }
      const why = checkManifest(m);
      if (why) {
        fatal = problem('container.bad-manifest', '', { entry: MANIFEST_ENTRY, why });
        return;
      }
      manifest = m as ContainerManifest;
      for (const doc of manifest.documents) docs.set(doc.entry, undefined);
      manifest.photos.forEach((p, i) => photosByEntry.set(photoEntry(p.hash), i));
      return;
    }
    if (!photosByEntry.has(d.name) && !docs.has(d.name)) {
      problems.push(problem('container.unlisted-entry', `/${d.name}`, { entry: d.name }));
      return;
    }
    if (d.digest === undefined || !photosByEntry.has(d.name)) {
      try {
        docs.set(d.name, json(d));
      } catch (e) {
        problems.push(problem('container.bad-entry', `/${d.name}`, { entry: d.name, why: String(e) }));
      }
      return;
    }
    if (!referenced) {
      // Every document comes before the first photo (the format's order): one not read by now is missing.
      if (missingDocs().length) {
        fatal = problem('container.missing-entry', `/${missingDocs()[0]!.entry}`, { entry: missingDocs()[0]!.entry });
        return;
      }
      bundle = assemble();
      referenced = referencedPhotos(bundle);
    }
    const index = photosByEntry.get(d.name)!;
    const photo = manifest.photos[index]!;
    photoDigests.set(photo.hash, d.digest);
    const read: ContainerPhotoRead = {
      photo,
      index,
      chunks: d.chunks,
      digest: d.digest,
      matches: d.digest === photo.hash,
      referenced: referenced.has(photo.hash),
    };
    await opts.onPhoto?.(read);
    opts.onProgress?.(++photosRead, manifest.photos.length);
  };

  try {
    for await (const chunk of chunksOf(source)) {
      unzip.push(chunk);
      while (queue.length && !fatal) await handle(queue.shift()!);
      if (fatal) break;
    }
    if (!fatal) {
      unzip.push(new Uint8Array(0), true);
      while (queue.length && !fatal) await handle(queue.shift()!);
    }
  } catch (e) {
    fatal ??= problem('container.not-zip', '', { why: e instanceof Error ? e.message : String(e) });
  }
  if (fatal) return fail([fatal]);
  if (!manifest)
    return fail([
      problem(first ? 'container.not-zip' : 'container.no-manifest', '', { why: 'empty', entry: MANIFEST_ENTRY }),
    ]);
  for (const d of missingDocs())
    if (!problems.some((p) => p.pointer === `/${d.entry}`))
      problems.push(problem('container.missing-entry', `/${d.entry}`, { entry: d.entry }));
  if (problems.length) return fail(problems);
  return ok({ manifest, bundle: bundle ?? assemble(), photoDigests });
}

/**
 * Verifies what {@link readContainer} read with the one verifier (`verifyBundle`): the documents as for a JSON
 * bundle, each photo by the digest of its streamed bytes (a listed photo without an entry is missing, a digest that
 * differs is a wrong hash, a photo nothing references is refused, as in a JSON bundle).
 */
export function verifyContainer(read: ContainerRead, ctx: VerifyContext = {}): Outcome<Bundle> {
  return verifyBundle(read.bundle, { ...ctx, photoDigests: read.photoDigests });
}

/** Joins chunks into one array (a document entry; photos stay in chunks). */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
