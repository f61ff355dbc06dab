import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, writeContainer, type Assessment } from '@tieuchi/core';
import { main } from '../src/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'tieuchi-cli-photos-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const jpeg = createRequire(join(root, 'packages', 'report', 'package.json'))('jpeg-js') as {
  encode(img: { data: Uint8Array; width: number; height: number }, q: number): { data: Uint8Array };
};

/** A w×h JPEG of one colour. */
function photo(w: number, h: number, shade: number): Uint8Array {
  const data = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : (shade + i) % 256));
  return new Uint8Array(jpeg.encode({ data, width: w, height: h }, 80).data);
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const photos = [photo(1600, 1200, 10), photo(320, 240, 200)];
/** The Thạnh Tiến example with the two photos as evidence on items t1.3 and t2.3, sealed again. */
const assessment: Assessment = (() => {
  const a = JSON.parse(
    readFileSync(join(root, 'examples', 'qd1300-commune-health', 'thanh-tien-2025-baseline.assessment.json'), 'utf8'),
  ) as Assessment;
  a.answers['t1.3']!.evidence = [sha(photos[0]!)];
  a.answers['t2.3']!.evidence = [sha(photos[1]!)];
  delete a.contentHash;
  return { ...a, contentHash: contentHash(a) };
})();
const assessmentFile = join(tmp, 'a.json');
writeFileSync(assessmentFile, JSON.stringify(assessment));
const bundle = (assessments: Assessment[]) => ({
  schemaVersion: 1,
  kind: 'bundle',
  createdAt: '2026-06-01T00:00:00Z',
  assessments,
  photos: photos.map((p, i) => ({
    hash: sha(p),
    mime: 'image/jpeg',
    caption: `Ảnh số ${i + 1}`,
    dataBase64: Buffer.from(p).toString('base64'),
  })),
});

/** The same bundle as a zip backup (the app's streamed container); `bytesOf` may change a photo on the way. */
async function zipOf(assessments: Assessment[], bytesOf = (i: number) => photos[i]!): Promise<Buffer> {
  const { photos: list, ...docs } = bundle(assessments);
  const parts: Uint8Array[] = [];
  for await (const c of writeContainer({
    bundle: docs as never,
    photos: list.map(({ dataBase64: _, ...meta }) => ({ ...meta, mime: 'image/jpeg' as const })),
    readPhoto: async (h) => bytesOf(list.findIndex((p) => p.hash === h)),
  }))
    parts.push(c);
  return Buffer.concat(parts);
}

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: root });
  return { code, out, err };
}
/** The images in a PDF with their pixel sizes, as poppler's pdfimages lists them. */
const images = (pdf: string): string[] =>
  execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).slice(3, 5).join('×'));
const text = (pdf: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

describe('tieuchi report with photos', () => {
  it('takes no photos without a source, and lists them as missing', async () => {
    const out = join(tmp, 'none.pdf');
    expect((await run('report', assessmentFile, '--out', out)).code).toBe(0);
    expect(images(out)).toEqual([]);
    expect(text(out)).toContain(`Ảnh ${sha(photos[0]!).slice(0, 12)} không có trong dữ liệu đưa vào báo cáo.`);
  }, 120_000);

  it('finds the named photos in a folder by SHA-256, whatever their names, downscaled as in the app', async () => {
    const dir = join(tmp, 'photos');
    mkdirSync(dir);
    writeFileSync(join(dir, 'IMG_0001.jpg'), photos[0]!);
    writeFileSync(join(dir, 'second'), photos[1]!);
    writeFileSync(join(dir, 'unrelated.jpg'), photo(64, 64, 99));
    const out = join(tmp, 'folder.pdf');
    const r = await run('report', assessmentFile, '--photos', dir, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // 1600×1200 becomes 1000×750 (REPORT_PHOTO_SIDE); the small one is kept as it is; the unrelated one is left out.
    expect(images(out).sort()).toEqual(['1000×750', '320×240']);
    expect(text(out)).not.toContain('không có trong dữ liệu đưa vào báo cáo');
  }, 120_000);

  it('reports an assessment of a bundle with the bundle photos and their captions; --id picks one of several', async () => {
    const one = join(tmp, 'one.bundle.json');
    writeFileSync(one, JSON.stringify(bundle([assessment])));
    const out = join(tmp, 'bundle.pdf');
    const r = await run('report', one, '--out', out);
    expect(r.err).toBe('');
    expect(images(out).sort()).toEqual(['1000×750', '320×240']);
    expect(text(out)).toContain('Ảnh số 2');

    const other = JSON.parse(
      readFileSync(join(root, 'examples', 'qd1300-commune-health', 'thuan-hung-2025-baseline.assessment.json'), 'utf8'),
    ) as Assessment;
    const two = join(tmp, 'two.bundle.json');
    writeFileSync(two, JSON.stringify(bundle([other, assessment])));
    const refused = await run('report', two, '--out', out, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('choose one with --id');
    expect((await run('report', two, '--id', assessment.id, '--out', out)).code).toBe(0);
    expect(images(out)).toHaveLength(2);
  }, 120_000);

  it('refuses a bundle whose photo bytes do not match their hash, before writing anything', async () => {
    const b = bundle([assessment]);
    b.photos[1]!.dataBase64 = Buffer.from(photo(320, 240, 7)).toString('base64');
    const bad = join(tmp, 'bad.bundle.json');
    writeFileSync(bad, JSON.stringify(b));
    const out = join(tmp, 'bad.pdf');
    const r = await run('report', assessmentFile, '--photos', bad, '--out', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.bundle.json');
    expect(() => readFileSync(out)).toThrow();
  }, 120_000);

  it('reads a zip backup as a bundle: report with its photos, --photos from it, verify; a tampered photo refused', async () => {
    const zip = join(tmp, 'backup.zip');
    writeFileSync(zip, await zipOf([assessment]));
    const out = join(tmp, 'zip.pdf');
    const r = await run('report', zip, '--out', out);
    expect(r.err).toBe('');
    expect(images(out).sort()).toEqual(['1000×750', '320×240']);
    expect(text(out)).toContain('Ảnh số 2');
    const out2 = join(tmp, 'zip-photos.pdf');
    expect((await run('report', assessmentFile, '--photos', zip, '--out', out2)).code).toBe(0);
    expect(images(out2).sort()).toEqual(['1000×750', '320×240']);
    const ok = await run('verify', zip, '--lang', 'en');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);

    const bad = join(tmp, 'bad.zip');
    writeFileSync(bad, await zipOf([assessment], (i) => (i === 1 ? photo(320, 240, 7) : photos[i]!)));
    const v = await run('verify', bad, '--lang', 'en');
    expect(v.code).toBe(1);
    expect(v.err).toContain('/photos/1/hash');
    expect(v.err).toContain('does not match its hash');
    const out3 = join(tmp, 'bad-zip.pdf');
    expect((await run('report', assessmentFile, '--photos', bad, '--out', out3)).code).toBe(1);
    expect(() => readFileSync(out3)).toThrow();
  }, 120_000);
});
