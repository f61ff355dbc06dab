/**
 * Photos given as bytes reach pdfmake as bytes: each is written to pdfmake's in-memory virtual file system (never
 * the disk, never a URL) for one render, and the definition's `images` entry names that file instead of holding a
 * data URL. This skips encoding every photo to base64 in the layout and pdfmake decoding it again (ADR 0022).
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { imageBytes } from './photos.js';

/** The part of pdfmake's virtual file system a render uses (`storage` is its in-memory table). */
export interface VirtualFiles {
  writeFileSync(name: string, content: never): void;
  storage?: Record<string, unknown>;
}

let renders = 0;

/**
 * Runs `render` on `doc` with its photos given as bytes put in `vfs` (as `toFile` makes them) under names used for
 * this render only, removed afterwards. A definition without such photos is rendered as it is.
 */
export async function withImageFiles<T, F>(
  doc: TDocumentDefinitions,
  vfs: VirtualFiles,
  render: (doc: TDocumentDefinitions) => Promise<T>,
  toFile: (bytes: Uint8Array) => F,
): Promise<T> {
  const bytes = imageBytes(doc);
  if (!bytes?.size || !doc.images) return render(doc);
  const tag = `tieuchi-image-${++renders}-`;
  const images: Record<string, unknown> = {};
  const names: string[] = [];
  for (const key of Object.keys(doc.images)) {
    const b = bytes.get(key);
    if (!b) {
      images[key] = (doc.images as Record<string, unknown>)[key];
      continue;
    }
    const name = tag + key;
    vfs.writeFileSync(name, toFile(b) as never);
    names.push(name);
    images[key] = name;
  }
  try {
    return await render({ ...doc, images } as TDocumentDefinitions);
  } finally {
    for (const name of names) delete vfs.storage?.[name];
  }
}
