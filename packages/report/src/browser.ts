/**
 * Rendering in the browser (the app; in a Web Worker so the page stays responsive). pdfmake's browser build
 * (~1.8 MB with its fonts) is imported on first use only, so it never weighs on the app's start.
 * The document may not fetch a URL: the access policy refuses everything, and the layout only ever holds
 * inline photos.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { withImageFiles, type VirtualFiles } from './image-files.js';

interface PdfMakeBrowser {
  virtualfs: VirtualFiles;
  addVirtualFileSystem(vfs: Record<string, string>): void;
  setUrlAccessPolicy(p: (url: string) => boolean): void;
  setProgressCallback(p: ((fraction: number) => void) | undefined): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

let loaded: Promise<PdfMakeBrowser> | undefined;

async function load(): Promise<PdfMakeBrowser> {
  const [pm, fonts] = await Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]);
  const pdfMake = ((pm as { default?: unknown }).default ?? pm) as PdfMakeBrowser;
  const vfs = ((fonts as { default?: unknown }).default ?? fonts) as Record<string, string>;
  pdfMake.addVirtualFileSystem(vfs); // the default browser fonts are Roboto, which covers Vietnamese
  return pdfMake;
}

/** The bytes as a whole ArrayBuffer (what pdfkit takes besides its Buffer), copied only when they are a view of part of one. */
const arrayBuffer = (b: Uint8Array): ArrayBuffer =>
  b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer
    ? b.buffer
    : (b.slice().buffer as ArrayBuffer);

/**
 * Loads pdfmake's browser build and its fonts (fetching and compiling ~1.8 MB of JavaScript, decoding the fonts),
 * once; {@link renderPdf} does it on first use. Call it ahead of a render to take that time out of it.
 */
export async function loadPdfmake(): Promise<void> {
  loaded ??= load();
  await loaded;
}

/** Options of {@link renderPdf}. */
export interface RenderOptions {
  /** Called with the fraction (0..1) of the document written so far: drive a progress bar with it. */
  onProgress?: (fraction: number) => void;
}

/**
 * Renders a document definition (from `buildReport` or `buildScoreSheet`) to PDF bytes in the browser.
 * Call it where the definition was built (it holds functions), ideally inside a worker.
 */
export async function renderPdf(doc: TDocumentDefinitions, options: RenderOptions = {}): Promise<Uint8Array> {
  loaded ??= load();
  const pdfMake = await loaded;
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setProgressCallback(options.onProgress);
  // Photos given as bytes go to pdfmake as they are (no base64 round trip), through its in-memory file system.
  const buf = await withImageFiles(doc, pdfMake.virtualfs, (d) => pdfMake.createPdf(d).getBuffer(), arrayBuffer);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
