/**
 * buildReport: the assessment report as a pdfmake document definition. Pure: no pdfmake, no I/O.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { annex } from './annex.js';
import { comparison } from './compare.js';
import { context } from './context.js';
import { cover } from './cover.js';
import { frame } from './frame.js';
import { itemsTable } from './items-table.js';
import { ImageTable } from './photos.js';
import { planSection } from './plan.js';
import { signatureBlocks } from './signatures.js';
import { summary } from './summary.js';
import { nfcDeep } from './text.js';
import type { ReportInput } from './types.js';

/**
 * Lays out the report of one scored assessment: cover, summary (decision with every reason, a bar per
 * criterion), every item, the comparison and the improvement plan when given, signatures, and the photo annex.
 * Every string is NFC-normalised. The result references no URL or file: photos are inline data.
 *
 * @param input the set, the assessment, `score(set, assessment)`, and optionally photos, a previous
 *   assessment and a plan.
 * @returns a pdfmake document definition; render it with `renderPdf` from `@tieuchi/report/node` or
 *   `@tieuchi/report/browser`. It holds functions (header, footer, table layouts): build it where it is rendered.
 * @throws Error when `result` is not the result of `assessment`, or a photo's data is not an inline image.
 *
 * @example
 * const result = score(set, assessment);
 * if (result.ok) await writeFile('report.pdf', await renderPdf(buildReport({ set, assessment, result: result.value })));
 */
export function buildReport(input: ReportInput): TDocumentDefinitions {
  const { set, assessment, result, lang = 'vi' } = input;
  if (result.assessmentId !== assessment.id) {
    throw new Error(
      `buildReport: the result is of assessment ${JSON.stringify(result.assessmentId)}, not ${JSON.stringify(assessment.id)}`,
    );
  }
  const ctx = context(set, assessment, result, lang);
  const images = new ImageTable(input.photos);
  const content = [
    ...cover(ctx),
    ...summary(ctx),
    ...itemsTable(ctx),
    ...(input.previous ? comparison(ctx, input.previous) : []),
    ...(input.plan ? planSection(ctx, input.plan) : []),
    ...signatureBlocks(ctx, assessment, images),
    ...annex(ctx, images),
  ];
  const locked = assessment.status === 'locked' && assessment.contentHash;
  return frame(nfcDeep(content), images.images, {
    title: `${ctx.say('report.title')} — ${assessment.facility.name}`,
    header: `${ctx.t(set.shortTitle ?? set.title)} — ${assessment.facility.name}`,
    ...(locked ? { footerLeft: `SHA-256 ${assessment.contentHash}` } : {}),
    lang,
  });
}
