/**
 * UI messages of the "new assessment" view (also the builder's facility kind and zone labels), Vietnamese first.
 * Looked up with `nt()`: this table loads with those views, not at start-up (issue 20, ADR 0017).
 */
import { translator } from '../i18n.js';

type M = { vi: string; en: string };

export const newMessages = {
  'new.title': { vi: 'Phiếu đánh giá mới', en: 'New assessment' },
  'new.set': { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  'new.noSets': {
    vi: 'Chưa có bộ tiêu chí nào. Hãy nhập một bộ ở mục Nhập / Xuất.',
    en: 'No criteria set available. Import one under Import / Export.',
  },
  'new.facility': { vi: 'Cơ sở y tế', en: 'Facility' },
  'new.facilityPick': { vi: '— chọn trong danh mục —', en: '— choose from the registry —' },
  'new.facilityNew': { vi: '+ Cơ sở mới (tạm)', en: '+ New facility (provisional)' },
  'new.facilityName': { vi: 'Tên cơ sở', en: 'Facility name' },
  'new.facilityKind': { vi: 'Loại cơ sở', en: 'Kind of facility' },
  'new.commune': { vi: 'Xã / phường', en: 'Commune / ward' },
  'new.kind': { vi: 'Hình thức', en: 'Kind' },
  'new.zone': { vi: 'Vùng', en: 'Zone' },
  'new.zoneNone': { vi: '— không —', en: '— none —' },
  'new.round': { vi: 'Đợt / vòng (không bắt buộc)', en: 'Round (optional)' },
  'new.date': { vi: 'Ngày đánh giá', en: 'Date of assessment' },
  'new.assessors': { vi: 'Người đánh giá (mỗi dòng một người)', en: 'Assessors (one per line)' },
  'new.badDate': { vi: 'Ngày phải có dạng dd/mm/yyyy.', en: 'The date must be dd/mm/yyyy.' },
  'new.create': { vi: 'Tạo phiếu', en: 'Create' },
  'new.cancel': { vi: 'Huỷ', en: 'Cancel' },
  'new.required': { vi: 'Hãy chọn bộ tiêu chí và cơ sở.', en: 'Choose a criteria set and a facility.' },
} as const satisfies Record<string, M>;

/** A message of this table in the current language. */
export const nt = translator(newMessages);
