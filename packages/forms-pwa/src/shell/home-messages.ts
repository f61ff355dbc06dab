/**
 * UI messages of the home view (the assessment list, the archive, the map of facilities added on this device),
 * Vietnamese first. Looked up with `ht()`: this table loads with home, not on the fill-in view's start-up path
 * (issue 20, ADR 0017).
 */
import { translator } from '../i18n.js';

type M = { vi: string; en: string };

export const homeMessages = {
  'facmap.title': { vi: 'Cơ sở thêm trên máy này', en: 'Facilities added on this device' },
  'facmap.hint': {
    vi: 'Gắn mỗi cơ sở tạm với cơ sở tương ứng trong danh sách để các đợt đánh giá của cùng một cơ sở được so sánh và xếp hạng cùng nhau. Phiếu đã khoá vẫn giữ nguyên giá trị.',
    en: 'Map each provisional facility to its registry entry so that rounds of the same facility are compared and ranked together. Locked assessments stay valid.',
  },
  'facmap.mapped': { vi: 'Đã gắn: {name}', en: 'Mapped: {name}' },
  'facmap.choose': { vi: 'Cơ sở trong danh sách cho {name}', en: 'Registry facility for {name}' },
  'facmap.none': { vi: '— Chọn cơ sở —', en: '— Choose a facility —' },
  'facmap.map': { vi: 'Gắn', en: 'Map' },
  'home.new': { vi: '+ Phiếu mới', en: '+ New assessment' },
  'home.search': { vi: 'Tìm cơ sở, bộ tiêu chí…', en: 'Search facility, set…' },
  'home.filterAll': { vi: 'Tất cả', en: 'All' },
  'home.empty': {
    vi: 'Chưa có phiếu nào. Bấm "Phiếu mới" để bắt đầu.',
    en: 'No assessments yet. Tap "New assessment" to start.',
  },
  'home.noMatch': { vi: 'Không có phiếu phù hợp.', en: 'No matching assessments.' },
  'home.progress': { vi: '{done}/{total} mục', en: '{done}/{total} items' },
  'home.delete': { vi: 'Xoá', en: 'Delete' },
  'home.confirmDelete': {
    vi: 'Xoá phiếu "{name}"? Không thể hoàn tác.',
    en: 'Delete assessment "{name}"? This cannot be undone.',
  },
  'home.archive': { vi: 'Phiếu đã xoá ({n})', en: 'Deleted assessments ({n})' },
  'home.archiveHint': {
    vi: 'Phiếu đã xoá nằm ở đây cho tới khi bạn khôi phục hoặc xoá hẳn.',
    en: 'Deleted assessments wait here until you restore them or delete them for good.',
  },
  'home.archivedAt': { vi: 'xoá ngày {date}', en: 'deleted {date}' },
  'home.restore': { vi: 'Khôi phục', en: 'Restore' },
  'home.purge': { vi: 'Xoá hẳn', en: 'Delete for good' },
  'home.purgeLockedLabel': {
    vi: 'Phiếu đã khoá: gõ đúng tên "{name}" để xoá hẳn',
    en: 'Locked assessment: type "{name}" to delete it for good',
  },
  'home.confirmPurge': {
    vi: 'Xoá hẳn phiếu nháp "{name}"? Không thể hoàn tác.',
    en: 'Delete the draft "{name}" for good? This cannot be undone.',
  },
} as const satisfies Record<string, M>;

/** A message of the home view's table in the current language. */
export const ht = translator(homeMessages);
