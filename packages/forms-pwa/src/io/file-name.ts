/**
 * File names people can tell apart in a Downloads folder: by facility, kind, round and date, never internal ids
 * ("tram-y-te-an-khanh_tu-danh-gia_2026-vong-1_2026-07-01.json", not "tieuchi-a-mx4rqjth-d5026fb4.json").
 */
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
