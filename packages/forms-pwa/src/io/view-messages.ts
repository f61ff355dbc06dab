/**
 * UI messages of the Import / Export view (and the import and export texts the builder, dashboard and team merge
 * show), Vietnamese first. Looked up with `iot()`: this table loads with those views, not at start-up (issue 20, ADR
 * 0017).
 */
import { translator } from '../i18n.js';

type M = { vi: string; en: string };

export const ioViewMessages = {
  'io.title': { vi: 'Nhập / Xuất dữ liệu', en: 'Import / export' },
  'io.export': { vi: 'Xuất', en: 'Export' },
  'io.exportOne': { vi: 'Xuất phiếu đã chọn', en: 'Export selected' },
  'io.backupHint': {
    vi: 'Tất cả phiếu, ảnh, cơ sở và bộ tiêu chí đã nhập, trong một tệp JSON.',
    en: 'Every assessment, photo, facility and imported set in one JSON file.',
  },
  'io.import': { vi: 'Nhập tệp', en: 'Import a file' },
  'io.importHint': {
    vi: 'Tệp JSON (gói phiếu, bản sao lưu, bộ tiêu chí hoặc danh mục cơ sở). Tệp được kiểm tra trước khi nhập; tệp lỗi không làm thay đổi dữ liệu.',
    en: 'A JSON file (bundle, backup, criteria set or facility registry). It is checked first; a bad file changes nothing.',
  },
  'io.choose': { vi: 'Chọn tệp…', en: 'Choose file…' },
  'io.invalid': { vi: 'Tệp không hợp lệ, không có gì thay đổi:', en: 'The file is not valid; nothing was changed:' },
  'io.notJson': { vi: 'Tệp không phải JSON hợp lệ.', en: 'The file is not valid JSON.' },
  'io.tooBig': { vi: 'Tệp quá lớn (tối đa {mb} MB).', en: 'The file is too large (at most {mb} MB).' },
  'io.unknownKind': { vi: 'Không nhận ra loại tệp.', en: 'Unrecognised kind of file.' },
  'io.photoHash': { vi: 'Ảnh {hash} không khớp mã băm.', en: 'Photo {hash} does not match its hash.' },
  'io.noSet': {
    vi: 'Phiếu {id} dùng bộ tiêu chí {set} không có trên máy và không có trong tệp.',
    en: 'Assessment {id} uses criteria set {set}, which is neither on this device nor in the file.',
  },
  'io.conflicts': {
    vi: '{n} phiếu đã có trên máy với nội dung khác:',
    en: '{n} {n:assessment already exists|assessments already exist} on this device with different content:',
  },
  'io.overwrite': { vi: 'Ghi đè', en: 'Overwrite' },
  'io.skip': { vi: 'Giữ bản trên máy', en: 'Keep the device copy' },
  'io.cancel': { vi: 'Huỷ nhập', en: 'Cancel import' },
  'io.done': {
    vi: 'Đã nhập: {a} phiếu, {p} ảnh, {f} cơ sở, {s} bộ tiêu chí.',
    en: 'Imported: {a} assessments, {p} photos, {f} facilities, {s} criteria sets.',
  },
  'io.askLocked': {
    vi: '{n} phiếu trong tệp đã khoá, còn trên máy là bản nháp. Thay bản nháp trên máy bằng bản đã khoá?',
    en: '{n} {n:assessment is|assessments are} locked in the file but {n:a draft|drafts} on this device. Replace the device drafts with the locked copies?',
  },
  'io.onDevice': { vi: 'Trên máy', en: 'On this device' },
  'io.inFile': { vi: 'Trong tệp', en: 'In the file' },
  'io.replaceWithLocked': { vi: 'Thay bằng bản đã khoá', en: 'Replace with the locked copy' },
  'io.summary': { vi: 'Chi tiết từng tài liệu', en: 'Every document' },
  'io.outcome.added': { vi: 'Thêm mới', en: 'Added' },
  'io.outcome.merged': { vi: 'Đã gộp', en: 'Merged' },
  'io.outcome.replaced': { vi: 'Đã thay', en: 'Replaced' },
  'io.outcome.kept': { vi: 'Giữ bản trên máy', en: 'Kept the device copy' },
  'io.outcome.refused': { vi: 'Từ chối', en: 'Refused' },
  'io.mergedConflicts': { vi: '{n} chỗ khác nhau cần chọn', en: '{n} {n:difference|differences} to choose' },
  'io.mergedCount': {
    vi: '{n} phiếu nháp đã gộp từng câu trả lời.',
    en: '{n} {n:draft|drafts} merged answer by answer.',
  },
  'io.keptCount': {
    vi: '{n} tài liệu giữ nguyên bản trên máy.',
    en: '{n} {n:document|documents} kept as they are on this device.',
  },
  'io.refusedCount': {
    vi: '{n} tài liệu bị từ chối, được để riêng bên dưới cùng lý do.',
    en: '{n} {n:document was|documents were} refused and {n:is|are} kept aside below, with the {n:reason|reasons}.',
  },
  'io.refusedTitle': { vi: 'Tài liệu bị từ chối khi nhập', en: 'Documents refused on import' },
  'io.refusedHint': {
    vi: 'Những tài liệu này không được nhập vì có lỗi; phần còn lại của tệp đã được nhập. Tải về để sửa rồi nhập lại.',
    en: 'These documents were not imported because of errors; the rest of the file was. Download one to fix it and import it again.',
  },
  'io.refusedDownload': { vi: 'Tải về để sửa', en: 'Download to fix' },
  'io.refusedDiscard': { vi: 'Bỏ', en: 'Discard' },
  'io.refusedDiscardConfirm': {
    vi: 'Bỏ hẳn tài liệu bị từ chối "{label}"?',
    en: 'Discard the refused document "{label}" for good?',
  },
  'io.kind.assessments': { vi: 'Phiếu đánh giá', en: 'Assessment' },
  'io.fromSync': { vi: 'nhận từ máy chủ hội đồng', en: 'received from the council server' },
  'io.kind.photos': { vi: 'Ảnh', en: 'Photo' },
  'io.kind.plans': { vi: 'Kế hoạch cải tiến', en: 'Improvement plan' },
  'io.kind.criteriaSets': { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  'io.kind.facilities': { vi: 'Cơ sở', en: 'Facility' },
  'io.exported': { vi: 'Đã xuất {name}.', en: 'Exported {name}.' },
  'io.sets': { vi: 'Bộ tiêu chí trên máy', en: 'Criteria sets on this device' },
  'io.builtin': { vi: 'có sẵn', en: 'built-in' },
  'io.imported': { vi: 'đã nhập', en: 'imported' },
} as const satisfies Record<string, M>;

/** A message of this table in the current language. */
export const iot = translator(ioViewMessages);
