/**
 * @tieuchi/report — the assessment report and the blank score sheet as pdfmake document definitions.
 * Layout only: this entry never loads pdfmake and does no I/O, so it runs anywhere and is unit-tested as data.
 * Render with `renderPdf` from `@tieuchi/report/node` (CLI) or `@tieuchi/report/browser` (app, lazy-loaded).
 *
 * @example
 * import { buildReport } from '@tieuchi/report';
 * import { renderPdf } from '@tieuchi/report/node';
 * const bytes = await renderPdf(buildReport({ set, assessment, result }));
 */
export { buildReport } from './report.js';
export { buildScoreSheet } from './score-sheet.js';
export { msg, say, type Lang, type ReportMessageCode } from './messages.js';
export {
  REPORT_PHOTO_SIDE,
  type ReportInput,
  type ReportPhoto,
  type PreviousAssessment,
  type ReportPlan,
} from './types.js';
export { base64, imageBytes, isImageDataUrl } from './photos.js';
export { buildWarmUp } from './warm-up.js';
