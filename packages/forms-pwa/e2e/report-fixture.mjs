/**
 * The big report case as an import bundle for the app: report's deterministic 300-item set and assessment
 * (packages/report/test/support/synthetic.mjs) with its 30 noisy 1600 px JPEGs (~500 KB each, what the app
 * stores), locked, plus an earlier locked round of the same facility so the report has a comparison.
 * Used by e2e/report.e2e.ts and bench/report-browser.mjs. Needs core and report built (dist/).
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { bigCase, photoSet } = await import(`${root}packages/report/test/support/synthetic.mjs`);
const { lockAssessment, score } = await import(`${root}packages/core/dist/index.js`);

export const BIG_ID = 'synthetic-300-a';
export const BIG_PREVIOUS_ID = 'synthetic-300-prev';
export const BIG_FACILITY = 'Bệnh viện Đa khoa thử nghiệm';

/**
 * @returns {{ text: string, photos: number, photoBytes: number, assessment: object, set: object, total: string }}
 *   `total` is the report's "points/max" of the locked assessment, from core's score
 */
export function bigBundle() {
  const photos = photoSet(30).map((p) => p.original);
  const { set, assessment, hashes } = bigCase({ photos });
  const locked = lockAssessment(
    { ...assessment, status: 'draft', createdAt: '2026-03-02T08:00:00.000Z', updatedAt: '2026-03-02T11:00:00.000Z' },
    set,
    '2026-03-02T11:00:00.000Z',
  );
  // The earlier round: the same answers with every seventh item the other way, no photos.
  const answers = {};
  Object.entries(assessment.answers).forEach(([id, a], i) => {
    const { evidence: _e, ...rest } = a;
    answers[id] = i % 7 === 3 && rest.value ? { value: rest.value === 'met' ? 'not-met' : 'met' } : rest;
  });
  const previous = lockAssessment(
    {
      ...assessment,
      id: BIG_PREVIOUS_ID,
      status: 'draft',
      assessedOn: '2025-09-15',
      answers,
      createdAt: '2025-09-15T08:00:00.000Z',
      updatedAt: '2025-09-15T10:00:00.000Z',
    },
    set,
    '2025-09-15T10:00:00.000Z',
  );
  const bundle = {
    schemaVersion: 1,
    kind: 'bundle',
    createdAt: '2026-03-02T12:00:00.000Z',
    app: { name: 'tieuchi-e2e' },
    criteriaSets: [set],
    assessments: [locked, previous],
    photos: photos.map((bytes, i) => ({
      hash: hashes[i],
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
      capturedAt: '2026-03-02T09:00:00.000Z',
      caption: `Ảnh hiện trường ${i + 1}`,
      dataBase64: Buffer.from(bytes).toString('base64'),
    })),
  };
  const scored = score(set, locked);
  if (!scored.ok) throw new Error(scored.errors[0].message.en);
  const total = `${scored.value.total.display.points}/${scored.value.total.display.max}`;
  return {
    total,
    text: JSON.stringify(bundle),
    photos: photos.length,
    photoBytes: photos.reduce((s, p) => s + p.length, 0),
    assessment: locked,
    set,
  };
}
