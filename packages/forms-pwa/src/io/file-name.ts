/**
 * File names people can tell apart in a Downloads folder: by facility, kind, round and date, never internal ids
 * ("tram-y-te-an-khanh_tu-danh-gia_2026-vong-1_2026-07-01.json", not "tieuchi-a-mx4rqjth-d5026fb4.json").
 */
import { vietnamDate, type Assessment } from '../core.js';
import { t } from '../i18n.js';
import { slug } from '../model/assessment.js';

/**
 * Joins the given parts (empty ones dropped) as ASCII slugs, lower case, with "_" between them, then `.ext`.
 * @example fileName(['Trạm Y tế An Khánh', 'tự đánh giá', '2026-07-01'], 'json') // 'tram-y-te-an-khanh_tu-danh-gia_2026-07-01.json'
 */
export function fileName(parts: readonly (string | undefined)[], ext: string): string {
  const s = parts
    .filter((p): p is string => !!p && !!p.trim())
    .map((p) =>
      slug(p)
        .toLowerCase()
        .replace(/-{2,}/g, '-')
        .slice(0, 60)
        .replace(/[-.]+$/, ''),
    )
    .filter(Boolean)
    .join('_');
  return `${s || 'tieuchi'}.${ext}`;
}

/** The day an assessment is about (assessed, else submitted, else created), `yyyy-mm-dd` in Vietnam time. */
function dayOf(a: Assessment): string | undefined {
  const w = a.assessedOn ?? a.submittedAt ?? a.createdAt;
  return w ? vietnamDate(w) : undefined;
}

/**
 * The file name of an export about one assessment: `<what>_<facility>_<kind>_<round>_<day>.<ext>`, e.g.
 * `ke-hoach_tram-y-te-an-khanh_tu-danh-gia_2026-vong-1_2026-07-01.xlsx`. `what` (the kind of file) may be omitted.
 */
export function assessmentFileName(a: Assessment, ext: string, what?: string): string {
  return fileName([what, a.facility.name, t(`kind.${a.assessmentKind}`), a.round?.label, dayOf(a)], ext);
}
