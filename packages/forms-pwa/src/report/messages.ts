/**
 * Messages of the PDF export and the signature step (vi first, en), spread into `messages.ts` so `t()`
 * type-checks them like every other key.
 */
export const reportMessages = {
  'report.export': { vi: 'Xuất báo cáo PDF', en: 'Export PDF report' },
  'report.sheet': { vi: 'Phiếu chấm trống', en: 'Blank score sheet' },
  'report.sheetHint': {
    vi: 'In phiếu chấm trống của bộ đã chọn để chấm trên giấy khi máy tính bảng gặp sự cố.',
    en: 'Print a blank score sheet of the chosen set, to score on paper when a tablet fails.',
  },
  'report.phase.photos': { vi: 'Đang thu nhỏ ảnh…', en: 'Downscaling photos…' },
  'report.phase.layout': { vi: 'Đang dàn trang…', en: 'Laying out pages…' },
  'report.phase.render': { vi: 'Đang tạo tệp PDF…', en: 'Writing the PDF…' },
  'report.done': { vi: 'Đã tạo {name} ({size} MB).', en: 'Saved {name} ({size} MB).' },
  'report.photosOnPage': {
    vi: 'Trình duyệt này không thu nhỏ ảnh được trong nền, nên ảnh đã được thu nhỏ trên trang, từng ảnh một (chậm hơn một chút).',
    en: 'This browser cannot shrink photos in the background, so they were shrunk on the page, one at a time (a little slower).',
  },
  'report.failed': { vi: 'Không tạo được PDF: {error}', en: 'Could not make the PDF: {error}' },
  'sign.title': { vi: 'Chữ ký', en: 'Signatures' },
  'sign.hint': {
    vi: 'Ký bằng ngón tay hoặc bút vào khung. Chữ ký được lưu cùng phiếu khi khoá và in trong báo cáo; để trống thì báo cáo chừa chỗ ký tay.',
    en: 'Sign with a finger or a pen in the box. Signatures are stored with the assessment when it is locked and printed in the report; left empty, the report leaves room to sign by hand.',
  },
  'sign.role.assessor': { vi: 'Người đánh giá', en: 'Assessor' },
  'sign.role.facility-head': { vi: 'Lãnh đạo cơ sở', en: 'Head of the facility' },
  'sign.pad': { vi: 'Khung ký: {role}', en: 'Signature pad: {role}' },
  'sign.empty': { vi: 'Chưa ký', en: 'Not signed' },
  'sign.signed': { vi: 'Đã ký', en: 'Signed' },
  'sign.clear': { vi: 'Xoá chữ ký', en: 'Clear' },
  'sign.nameMissing': { vi: 'Nhập họ tên {role} trước khi khoá.', en: 'Enter the name of the {role} before locking.' },
} as const satisfies Record<string, { vi: string; en: string }>;
