/**
 * Inputs of the report. Everything the layout needs is passed in: the layout never reads files, the photo
 * store or the network.
 */
import type { Assessment, CriteriaSet, ImprovementPlan, ScoreResult } from '@tieuchi/core';
import type { Lang } from './messages.js';

/**
 * A photo to place in the report: evidence named by an answer's `evidence` hashes, or a signature image named
 * by `assessment.signatures[].image`.
 *
 * The app stores photos downscaled to at most 1600 px on the long side (`MAX_PHOTO_SIDE` in the app). The
 * report embeds the bytes as given (PDF keeps JPEG data as is), so pass photos downscaled to the size the
 * page needs — {@link REPORT_PHOTO_SIDE} px — to keep the file small; the layout scales them to fit.
 */
export interface ReportPhoto {
  /** SHA-256 of the stored photo, as named by the assessment. */
  hash: string;
  /** A `data:image/jpeg;base64,...` or `data:image/png;base64,...` URL, or the raw JPEG/PNG bytes. */
  data: string | Uint8Array;
  /** Needed with raw bytes when they are PNG; JPEG is assumed otherwise. */
  mime?: 'image/jpeg' | 'image/png';
  caption?: string;
  capturedAt?: string;
}

/** A previous assessment of the same facility with the same set, scored: the report shows the change per criterion. */
export interface PreviousAssessment {
  assessment: Assessment;
  result: ScoreResult;
}

/**
 * The improvement plan section. Only `actions` is read; each action names the item it improves. This is the
 * shape of `ImprovementPlan` in @tieuchi/core, so a stored plan can be passed as is.
 */
export type ReportPlan = Pick<ImprovementPlan, 'actions'> &
  Partial<Pick<ImprovementPlan, 'id' | 'createdAt' | 'updatedAt'>>;

/** What {@link buildReport} lays out. */
export interface ReportInput {
  set: CriteriaSet;
  assessment: Assessment;
  /** `score(set, assessment)` from @tieuchi/core. */
  result: ScoreResult;
  photos?: readonly ReportPhoto[];
  previous?: PreviousAssessment;
  plan?: ReportPlan;
  /** Language of the fixed labels and of texts the set gives in both languages (default 'vi'). */
  lang?: Lang;
}

/** Long side, in pixels, a photo needs in the report annex (two photos per A4 page at about 150 dpi). */
export const REPORT_PHOTO_SIDE = 1000;
