import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../src/core.js';
import { lockAssessment } from '../src/core-checked.js';
import { fitSide } from '../src/report/downscale.js';
import { photoHashes, previousAssessment, reportFileName, sheetFileName, slug } from '../src/report/inputs.js';
import { overall, reportKey, type ReportOf } from '../src/report/job.js';
import { AppStore } from '../src/state/store.js';
import { openTieuChiDB, Storage } from '../src/storage/db.js';
import { draft, smallSet } from './helpers.js';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const round = (id: string, assessedOn: string, status: 'draft' | 'locked' = 'locked', facility = 'f1') => ({
  ...draft({}, id),
  assessedOn,
  status,
  facility: { id: facility, name: 'Trạm Y tế phường An Khánh', kind: 'commune-station' as const },
});

describe('report inputs', () => {
  it('names the file after the facility, the kind, the round and the date, in ASCII', () => {
    expect(reportFileName(round('a', '2026-03-02'))).toBe('tram-y-te-phuong-an-khanh_tu-danh-gia_2026-03-02.pdf');
    expect(reportFileName({ ...round('a', '2026-03-02'), round: { id: 'r1', label: '2026 - Vòng 1' } })).toBe(
      'tram-y-te-phuong-an-khanh_tu-danh-gia_2026-vong-1_2026-03-02.pdf',
    );
    expect(slug('Đồng Tháp: Trạm / Y tế "xã"')).toBe('Dong-Thap-Tram-Y-te-xa');
    expect(slug('Tra\u0300m')).toBe('Tram'); // decomposed input too
    expect(sheetFileName({ id: 'qd1300-commune-health', version: '2025.1' })).toBe(
      'phieu-cham-qd1300-commune-health-2025-1.pdf',
    );
  });

  it('compares with the latest earlier locked round of the same facility and set', () => {
    const now = round('now', '2026-03-02', 'draft');
    const all = [
      now,
      round('older', '2024-05-01'),
      round('prev', '2025-09-15'),
      round('prev-draft', '2025-12-01', 'draft'),
      round('later', '2026-06-01'),
      round('other-facility', '2026-01-01', 'locked', 'f2'),
      { ...round('other-version', '2026-01-02'), criteriaSet: { id: smallSet.id, version: '9.9' } },
    ];
    expect(previousAssessment(all, now)?.id).toBe('prev');
    // Another kind (an inspection between a station's self-assessments, or the reverse) is never "the previous round".
    const inspected = { ...round('inspection', '2026-02-01'), assessmentKind: 'external-inspection' as const };
    expect(now.assessmentKind).toBe('self-assessment');
    expect(previousAssessment([...all, inspected], now)?.id).toBe('prev');
    expect(
      previousAssessment(
        all.filter((a) => a.status !== 'locked' || a.id === 'now'),
        now,
      )?.id,
    ).toBe('prev-draft');
    expect(previousAssessment([now], now)).toBeUndefined();
    // A revision is not compared with the assessment it revises.
    const rev = { ...round('rev', '2026-03-02', 'draft'), revisionOf: { id: 'prev', contentHash: 'x'.repeat(64) } };
    expect(previousAssessment([rev, round('prev', '2025-09-15')], rev)).toBeUndefined();
  });

  it('lists every photo and signature image once', () => {
    const a = {
      ...draft({ i1: { value: 'met', evidence: ['h1', 'h2'] }, i2: { value: 'met', evidence: ['h2'] } }),
      signatures: [
        { role: 'assessor' as const, name: 'A', image: 'h3' },
        { role: 'facility-head' as const, name: 'B' },
      ],
    };
    expect(photoHashes(a)).toEqual(['h1', 'h2', 'h3']);
  });

  it('moves one progress bar through the steps, never backwards', () => {
    const seq = [
      overall('photos', 0),
      overall('photos', 1),
      overall('layout', 0),
      overall('render', 0),
      overall('render', 0.5),
      overall('render', 1),
    ];
    expect(seq[0]).toBe(0);
    expect(seq.at(-1)).toBe(1);
    for (let i = 1; i < seq.length; i++) expect(seq[i]!).toBeGreaterThanOrEqual(seq[i - 1]!);
    expect(overall('render', 7)).toBe(1);
  });

  it('gives a report made ahead only to an export of the same content: assessment, language, plan, photo captions', () => {
    const a = round('a', '2026-03-02');
    const photo = { hash: 'h1', blob: new Blob(['x']), mime: 'image/jpeg', width: 1600, height: 1200, caption: 'Cổng' };
    const result = { assessmentId: 'a' } as unknown as ReportOf['result'];
    const job: ReportOf = { kind: 'report', set: smallSet, assessment: a, result, photos: [photo], lang: 'vi' };
    // The same content read again (other objects, another Blob of the same hash): the same key.
    expect(
      reportKey({ ...structuredClone({ ...job, photos: [] }), photos: [{ ...photo, blob: new Blob(['y']) }] }),
    ).toBe(reportKey(job));
    const changed: ReportOf[] = [
      { ...job, lang: 'en' },
      { ...job, assessment: { ...a, facility: { ...a.facility, name: 'Trạm khác' } } },
      { ...job, photos: [{ ...photo, caption: 'Cổng chính' }] },
      { ...job, photos: [] },
      { ...job, plan: { id: 'p' } as unknown as NonNullable<ReportOf['plan']> },
      { ...job, previous: { assessment: round('b', '2025-03-02'), result } },
      { ...job, set: { ...smallSet, version: '9.9' } },
      { ...job, set: { ...smallSet, title: { vi: 'Bộ đã sửa', en: 'Edited set' } } },
    ];
    for (const c of changed) expect(reportKey(c)).not.toBe(reportKey(job));
  });

  it('fits photos within the report side keeping the aspect ratio', () => {
    expect(fitSide(1600, 1200, 1000)).toEqual({ width: 1000, height: 750 });
    expect(fitSide(900, 1600, 1000)).toEqual({ width: 563, height: 1000 });
    expect(fitSide(800, 600, 1000)).toEqual({ width: 800, height: 600 });
  });
});

describe('signatures in the store', () => {
  const png = (hash: string) => ({
    hash,
    blob: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }),
    mime: 'image/png' as const,
    width: 4,
    height: 1,
  });

  it('records signatures on the draft, outside the content hash, and locking keeps them', async () => {
    const store = new AppStore(new Storage(openTieuChiDB('sig')));
    store.sets.set(`${smallSet.id}@${smallSet.version}`, smallSet);
    const a = draft({}, 'a-sig');
    store.assessments.set(a.id, a);
    store.sign(a.id, [
      { role: 'assessor', name: 'Nguyễn Thị Thử', signedAt: '2026-03-02T10:00:00.000Z', image: 'a'.repeat(64) },
    ]);
    await store.flush();
    const signed = store.assessments.get(a.id)!;
    expect(signed.signatures).toHaveLength(1);
    const { signatures: _s, ...unsigned } = signed;
    expect(contentHash(signed)).toBe(contentHash(unsigned)); // signing changes no hashed content
    await store.submit(a.id);
    const locked = store.assessments.get(a.id)!;
    expect(locked.status).toBe('locked');
    expect(locked.signatures?.[0]?.image).toBe('a'.repeat(64));
    expect(() => store.sign(a.id, [])).toThrow(/locked/);
  });

  it('keeps signature images when orphan photos are cleaned', async () => {
    const storage = new Storage(openTieuChiDB('orph'));
    const locked = lockAssessment(
      { ...draft({}, 'a1'), signatures: [{ role: 'assessor', name: 'A', image: 's'.repeat(64) }] },
      smallSet,
      '2026-03-02T10:00:00.000Z',
    );
    await storage.putAssessment(locked);
    await storage.putPhoto(png('s'.repeat(64)));
    await storage.putPhoto(png('o'.repeat(64)));
    expect(await storage.deleteOrphanPhotos()).toBe(1);
    expect(await storage.getPhoto('s'.repeat(64))).toBeDefined();
  });
});

describe('photos downscaled on the page (engines whose workers cannot draw)', () => {
  it("uses the report package's photo side, without loading that package on the page", async () => {
    const { REPORT_PHOTO_SIDE } = await import('@tieuchi/report');
    const { PAGE_PHOTO_SIDE } = await import('../src/report/page-downscale.js');
    expect(PAGE_PHOTO_SIDE).toBe(REPORT_PHOTO_SIDE);
  });

  it('says workers cannot draw where there is no OffscreenCanvas', async () => {
    const { workerCanDraw } = await import('../src/report/page-downscale.js');
    const g = globalThis as { OffscreenCanvas?: unknown };
    const had = g.OffscreenCanvas;
    g.OffscreenCanvas = undefined;
    try {
      expect(workerCanDraw()).toBe(false);
    } finally {
      g.OffscreenCanvas = had;
    }
  });
});
