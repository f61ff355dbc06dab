/**
 * Deterministic test data for the report: a 300-item criteria set with a filled-in assessment, and realistic
 * photos (1600 px JPEGs of smooth gradients, shapes and sensor-like noise, >= 250 KB each, like a phone
 * photo after the app's own 1600 px downscale). Shared by the tests and bench/report.mjs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { sha256Hex } from '@tieuchi/core';
import { downscaleRgba } from '../../dist/resample.js';

/** mulberry32: a small seeded PRNG, so every run makes the same bytes. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Pixels (RGBA) of a photo-like picture: gradients, soft shapes and sensor-like noise.
 * @param {number} seed
 * @param {number} [width]
 * @param {number} [height]
 * @param {number} [noise] amplitude of the noise, 0..255
 * @returns {{ data: Uint8Array, width: number, height: number }}
 */
export function noisyPixels(seed, width = 1600, height = 1200, noise = 22) {
  const rand = rng(seed);
  const px = width * height;
  const ch = [new Float32Array(px), new Float32Array(px), new Float32Array(px)];
  // Smooth light: a base colour with a gradient, like a wall or a floor.
  for (let c = 0; c < 3; c++) {
    const base = 60 + rand() * 150;
    const gx = rand() * 120 - 60;
    const gy = rand() * 120 - 60;
    const a = ch[c];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) a[y * width + x] = base + (gx * x) / width + (gy * y) / height;
  }
  // Objects: soft discs blended in, only over their bounding boxes.
  for (let b = 0; b < 8; b++) {
    const cx = rand() * width,
      cy = rand() * height,
      r = 60 + rand() * 320;
    const col = [rand() * 255, rand() * 255, rand() * 255];
    for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(height, Math.ceil(cy + r)); y++) {
      for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(width, Math.ceil(cx + r)); x++) {
        const d = Math.hypot(x - cx, y - cy);
        if (d >= r) continue;
        const k = 1 - d / r;
        const o = y * width + x;
        for (let c = 0; c < 3; c++) ch[c][o] = ch[c][o] * (1 - k) + col[c] * k;
      }
    }
  }
  // Sensor noise: shared luminance plus a little chroma, which is what makes phone JPEGs large.
  const data = new Uint8Array(px * 4);
  for (let o = 0; o < px; o++) {
    const n = (rand() - 0.5) * noise;
    const q = o * 4;
    data[q] = ch[0][o] + n + (rand() - 0.5) * noise * 0.3;
    data[q + 1] = ch[1][o] + n;
    data[q + 2] = ch[2][o] + n + (rand() - 0.5) * noise * 0.3;
    data[q + 3] = 255;
  }
  return { data, width, height };
}

/** {@link noisyPixels} as a JPEG of `quality`. */
export function noisyJpeg(seed, quality = 85) {
  return new Uint8Array(jpeg.encode(noisyPixels(seed), quality).data);
}

/**
 * Width and height from a JPEG's frame header, without decoding it.
 * @param {Uint8Array} b
 */
export function jpegSize(b) {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) throw new Error('not a JPEG marker');
    const m = b[i + 1];
    const len = (b[i + 2] << 8) | b[i + 3];
    if (m >= 0xc0 && m <= 0xc3) return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    i += 2 + len;
  }
  throw new Error('no frame header');
}

const GENERATOR = 'v1'; // bump when the generator changes, so the cache is rebuilt
const cacheDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  '.tmp',
  'report-photos',
  GENERATOR,
);

/**
 * `count` photos, each as the 1600 px original (what the app stores) and the same picture downscaled to
 * `side` px (what the report needs; the app does this with a canvas, here from the same pixels so the test
 * need not decode). Cached under .tmp/ because generating 30 of them in pure JS takes about half a minute.
 * @param {number} count
 * @param {number} [side]
 * @returns {{ original: Uint8Array, small: Uint8Array }[]}
 */
export function photoSet(count, side = 1000) {
  mkdirSync(cacheDir, { recursive: true });
  const out = [];
  for (let i = 0; i < count; i++) {
    const fo = join(cacheDir, `${i}.jpg`);
    const fs = join(cacheDir, `${i}-${side}.jpg`);
    if (!existsSync(fo) || !existsSync(fs)) {
      const px = noisyPixels(1000 + i);
      writeFileSync(fo, jpeg.encode(px, 85).data);
      const small = downscaleRgba(px.data, px.width, px.height, side);
      writeFileSync(fs, jpeg.encode(small, 80).data);
    }
    out.push({ original: new Uint8Array(readFileSync(fo)), small: new Uint8Array(readFileSync(fs)) });
  }
  return out;
}

/**
 * A valid 300-item set (10 criteria x 30 items, points model, pass rules, some knockouts) and an assessment
 * of it whose first item of each 10 carries one photo: 30 photos.
 * @param {{ items?: number, photos?: Uint8Array[] }} [opts]
 */
export function bigCase(opts = {}) {
  const itemsPerCriterion = 30;
  const criteriaCount = Math.ceil((opts.items ?? 300) / itemsPerCriterion);
  const rand = rng(7);
  const criteria = [];
  const answers = {};
  const photos = opts.photos ?? [];
  const hashes = photos.map((p) => sha256Hex(p));
  let n = 0;
  for (let c = 1; c <= criteriaCount; c++) {
    const items = [];
    for (let i = 1; i <= itemsPerCriterion; i++) {
      const id = `c${c}.i${i}`;
      items.push({
        id,
        code: `${c}.${i}`,
        text: {
          vi: `Chỉ tiêu ${c}.${i}: cơ sở có quy trình, sổ sách và trang thiết bị đúng quy định; nhân viên được tập huấn và thực hiện đầy đủ, có biên bản kiểm tra định kỳ.`,
        },
        response: { kind: 'binary', points: 1 + (i % 3) },
        ...(i === 1 ? { knockout: true } : {}),
        naAllowed: true,
        evidence: { photo: 'when-not-met' },
        provenance: {},
      });
      const r = rand();
      const answer = r < 0.05 ? { na: true } : { value: r < 0.8 ? 'met' : 'not-met' };
      if (n % 10 === 0 && hashes[n / 10]) answer.evidence = [hashes[n / 10]];
      if (r > 0.9) answer.note = 'Đã nhắc nhở; cần bổ sung hồ sơ và kiểm tra lại vào đợt sau.';
      answers[id] = answer;
      n++;
    }
    criteria.push({
      id: `c${c}`,
      code: `Tiêu chí ${c}`,
      title: { vi: `Nhóm tiêu chí số ${c} về chất lượng dịch vụ và an toàn người bệnh` },
      items,
    });
  }
  const set = {
    schemaVersion: 1,
    kind: 'criteria-set',
    id: 'synthetic-300',
    version: '1',
    title: { vi: 'Bộ tiêu chí thử nghiệm 300 chỉ tiêu' },
    source: { documents: [{ number: '0000/QĐ-THỬ', role: 'reference' }] },
    applicability: { facilityKinds: ['hospital'] },
    wording: 'paraphrase',
    scoring: {
      model: 'points',
      aggregation: 'sum',
      passRules: [
        { kind: 'total-percent-at-least', percent: 80 },
        { kind: 'each-criterion-percent-at-least', percent: 50 },
        { kind: 'no-failed-knockout' },
      ],
    },
    sections: [{ id: 's1', title: { vi: 'Phần chung' }, criteria }],
  };
  const assessment = {
    schemaVersion: 1,
    kind: 'assessment',
    id: 'synthetic-300-a',
    criteriaSet: { id: set.id, version: set.version },
    facility: { id: 'bv-thu', name: 'Bệnh viện Đa khoa thử nghiệm', kind: 'hospital', province: 'Cần Thơ' },
    assessmentKind: 'external-inspection',
    assessors: [{ name: 'Nguyễn Văn Thử', role: 'Trưởng đoàn' }],
    assessedOn: '2026-03-02',
    status: 'submitted',
    answers,
  };
  return { set, assessment, hashes };
}
