import type { Bundle } from '../generated/types.js';
import { strToU8 } from 'fflate';
import {
  CONTAINER_FORMAT,
  CONTAINER_VERSION,
  DOCUMENT_LISTS,
  MANIFEST_ENTRY,
  photoEntry,
  type ContainerManifest,
  type ContainerPhoto,
  type DocumentList,
} from './format.js';
import { ZipWriter } from './zip-writer.js';

/** What {@link writeContainer} writes. */
export interface ContainerInput {
  /** The bundle's documents and header (`createdAt`, `app`); its `photos`, if any, are ignored. */
  bundle: Omit<Bundle, 'photos'>;
  /** Every photo to include, in order (each is read only when its turn comes). */
  photos: readonly ContainerPhoto[];
  /** The bytes of one photo, read when it is written; undefined when it is gone (the writer then throws). */
  readPhoto: (hash: string) => Promise<Uint8Array | undefined>;
  /** Called after each photo entry. */
  onProgress?: ((photosWritten: number, photosTotal: number) => void) | undefined;
}

const docId = (list: DocumentList, d: unknown, i: number): string => {
  const o = d as { id?: unknown; version?: unknown };
  if (list === 'criteriaSets') return `${String(o.id)}@${String(o.version)}`;
  return typeof o.id === 'string' ? o.id : String(i + 1);
};

/**
 * Writes a bundle as a streamed container: the manifest, the documents (deflated JSON), then each photo (stored),
 * read and written one at a time, so memory holds one photo, not the file. Consume the chunks in order (a file
 * stream's `write`, or Blob parts).
 * @throws Error when a listed photo cannot be read or the archive passes ZIP's limits (65,535 entries, 4 GiB)
 */
export async function* writeContainer(input: ContainerInput): AsyncGenerator<Uint8Array, void, undefined> {
  const { bundle } = input;
  const zip = new ZipWriter(new Date(bundle.createdAt));
  const docs: { entry: string; list: DocumentList; id: string; doc: unknown }[] = [];
  for (const list of DOCUMENT_LISTS) {
    const items = (bundle[list] ?? []) as unknown[];
    items.forEach((doc, i) =>
      docs.push({ entry: `${list}/${String(i + 1).padStart(6, '0')}.json`, list, id: docId(list, doc, i), doc }),
    );
  }
  const count = (l: DocumentList) => ((bundle[l] ?? []) as unknown[]).length;
  const manifest: ContainerManifest = {
    format: CONTAINER_FORMAT,
    formatVersion: CONTAINER_VERSION,
    schemaVersion: 1,
    createdAt: bundle.createdAt,
    app: bundle.app,
    counts: {
      assessments: count('assessments'),
      criteriaSets: count('criteriaSets'),
      facilities: count('facilities'),
      plans: count('plans'),
      photos: input.photos.length,
    },
    documents: docs.map(({ entry, list, id }) => ({ entry, list, id })),
    photos: [...input.photos],
  };
  if (!manifest.app) delete manifest.app;
  yield* zip.entry(MANIFEST_ENTRY, strToU8(JSON.stringify(manifest)), true);
  for (const d of docs) yield* zip.entry(d.entry, strToU8(JSON.stringify(d.doc)), true);
  let n = 0;
  for (const p of input.photos) {
    const bytes = await input.readPhoto(p.hash);
    if (!bytes) throw new Error(`photo ${p.hash.slice(0, 12)}… could not be read`);
    yield* zip.entry(photoEntry(p.hash), bytes, false);
    input.onProgress?.(++n, input.photos.length);
  }
  yield zip.finish();
}
