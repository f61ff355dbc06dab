/**
 * Photos for `tieuchi report` (issue 20): the evidence photos and signature images an assessment names, taken
 * from a bundle (its photos, whose bytes core's `verifyBundle` has checked against their hashes) or from a folder
 * (`--photos <dir>`: every regular file whose SHA-256 the assessment names, whatever it is called), downscaled to
 * the size the report page needs, as the app's report worker does. A photo that is not found is left out; the
 * report says which are missing, as the app's does.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, statSync, constants as fsc } from 'node:fs';
import { join } from 'node:path';
import type { Assessment, Bundle } from '@tieuchi/core';
import type { ReportPhoto } from '@tieuchi/report';
import { REPORT_PHOTO_SIDE, downscaleJpeg } from '@tieuchi/report/node';
import { type Lang, MAX_INPUT_BYTES, UserError, oneLine, readFileLimited } from './io.js';
import { say } from './messages.js';

/** Hashes of every photo and signature image an assessment names, each once (the app's `photoHashes`). */
export function photoHashes(a: Assessment): string[] {
  const out = new Set<string>();
  for (const ans of Object.values(a.answers)) for (const h of ans.evidence ?? []) out.add(h);
  for (const s of a.signatures ?? []) if (s.image) out.add(s.image);
  return [...out];
}

/** JPEG or PNG by the file's first bytes; undefined for anything else (the report embeds only these two). */
export function imageMime(b: Uint8Array): 'image/jpeg' | 'image/png' | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  return undefined;
}

/** Report-size bytes: a JPEG downscaled to REPORT_PHOTO_SIDE; a PNG (a signature) as is. */
function reportSize(bytes: Uint8Array, mime: 'image/jpeg' | 'image/png'): Uint8Array {
  return mime === 'image/jpeg' ? downscaleJpeg(bytes, REPORT_PHOTO_SIDE) : bytes;
}

/** The photos a bundle holds for `a`, in the order the assessment names them. */
export function bundlePhotos(bundle: Bundle, a: Assessment): ReportPhoto[] {
  const byHash = new Map((bundle.photos ?? []).map((p) => [p.hash, p]));
  const out: ReportPhoto[] = [];
  for (const hash of photoHashes(a)) {
    const p = byHash.get(hash);
    if (!p) continue;
    const bytes = new Uint8Array(Buffer.from(p.dataBase64, 'base64'));
    const mime = imageMime(bytes);
    if (!mime) continue;
    out.push({
      hash,
      data: reportSize(bytes, mime),
      mime,
      ...(p.caption ? { caption: p.caption } : {}),
      ...(p.capturedAt ? { capturedAt: p.capturedAt } : {}),
    });
  }
  return out;
}

/**
 * The photos `a` names found in folder `dir` (not its subfolders): each regular file up to the input size limit is
 * hashed and kept when the assessment names that hash. Reads one file at a time.
 */
export function folderPhotos(dir: string, a: Assessment, lang: Lang): ReportPhoto[] {
  const want = new Set(photoHashes(a));
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    names = readdirSync(dir).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `${oneLine(dir)}: ${code === 'ENOENT' ? say(lang, 'photos.no-folder') : code === 'ENOTDIR' ? say(lang, 'photos.not-folder') : String(code ?? e)}`,
    );
  }
  const found = new Map<string, ReportPhoto>();
  for (const name of names) {
    if (found.size === want.size) break;
    const path = join(dir, name);
    let bytes: Uint8Array | 'too-big';
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_INPUT_BYTES) continue;
      const fd = openSync(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
      try {
        bytes = readFileLimited(fd, st.size);
      } finally {
        closeSync(fd);
      }
    } catch {
      continue; // unreadable: as if it were not there (the report lists the photo as missing)
    }
    if (bytes === 'too-big') continue;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const mime = imageMime(bytes);
    if (!want.has(hash) || found.has(hash) || !mime) continue;
    found.set(hash, { hash, data: reportSize(bytes, mime), mime });
  }
  return photoHashes(a).flatMap((h) => (found.has(h) ? [found.get(h)!] : []));
}
