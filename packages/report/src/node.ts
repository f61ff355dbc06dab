/**
 * Rendering in Node (the CLI, tests, benchmarks): pdfmake server-side with the Roboto fonts it ships, which
 * cover Vietnamese. pdfmake is loaded on first use. A document may neither fetch a URL nor read a file: fonts
 * are served from pdfmake's virtual file system, and both access policies refuse everything.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import jpeg from 'jpeg-js';
import { REPORT_PHOTO_SIDE } from './types.js';
import { downscaleRgba } from './resample.js';
import { withImageFiles, type VirtualFiles } from './image-files.js';

export { REPORT_PHOTO_SIDE };

interface PdfMakeServer {
  virtualfs: VirtualFiles & { writeFileSync(name: string, content: Buffer): void };
  setFonts(f: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(p: (url: string) => boolean): void;
  setLocalAccessPolicy(p: (path: string) => boolean): void;
  setProgressCallback(p: ((fraction: number) => void) | undefined): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const ROBOTO = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};
let loaded: Promise<PdfMakeServer> | undefined;

async function load(): Promise<PdfMakeServer> {
  const mod = (await import('pdfmake')) as unknown as { default: PdfMakeServer };
  const pdfmake = mod.default;
  const dir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
  for (const file of Object.values(ROBOTO)) pdfmake.virtualfs.writeFileSync(file, readFileSync(join(dir, file)));
  pdfmake.setFonts({ Roboto: ROBOTO });
  return pdfmake;
}

/** Options of {@link renderPdf}. */
export interface RenderOptions {
  /** Called with the fraction (0..1) of the document written so far. */
  onProgress?: (fraction: number) => void;
}

/**
 * Renders a document definition (from `buildReport` or `buildScoreSheet`) to PDF bytes.
 * @throws when the definition names a URL or a file (the access policies refuse them) or holds a bad image.
 */
export async function renderPdf(doc: TDocumentDefinitions, options: RenderOptions = {}): Promise<Uint8Array> {
  loaded ??= load();
  const pdfmake = await loaded;
  // pdfmake is a process-wide singleton: set the policies on every call, so nothing else can loosen them.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setProgressCallback(options.onProgress);
  const buf = await withImageFiles(
    doc,
    pdfmake.virtualfs,
    (d) => pdfmake.createPdf(d).getBuffer(),
    (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Downscales a JPEG so its long side is at most `maxSide` pixels (area averaging) and re-encodes it; returns
 * the input unchanged when it is already small enough. Pure JavaScript (jpeg-js): for Node, where there is no
 * canvas. The app does the same with a canvas when it stores a photo.
 *
 * @param bytes JPEG data.
 * @param maxSide long side in pixels (default {@link REPORT_PHOTO_SIDE}).
 * @param quality JPEG quality 1..100 (default 80).
 */
export function downscaleJpeg(bytes: Uint8Array, maxSide = REPORT_PHOTO_SIDE, quality = 80): Uint8Array {
  const img = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: 100,
    maxMemoryUsageInMB: 1024,
  });
  if (Math.max(img.width, img.height) <= maxSide) return bytes;
  const small = downscaleRgba(img.data, img.width, img.height, maxSide);
  return new Uint8Array(jpeg.encode({ data: small.data, width: small.width, height: small.height }, quality).data);
}
