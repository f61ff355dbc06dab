/**
 * UI messages of the device signatures on Results (`tc-attestations`; never "chữ ký số"), Vietnamese first. Looked up
 * with `att()`: this table loads with those views, not at start-up (issue 20, ADR 0017).
 */
import { translator } from '../i18n.js';

type M = { vi: string; en: string };

export const attMessages = {
  'att.title': { vi: 'Thiết bị ký khi khoá', en: 'Device signature at lock' },
  'att.unsigned': { vi: 'Chưa ký — phiếu được kiểm tra bằng mã băm.', en: 'Not signed — checked by its content hash.' },
  'att.valid': { vi: 'hợp lệ', en: 'valid' },
  'att.invalid': {
    vi: 'KHÔNG hợp lệ (phiếu hoặc chữ ký đã bị thay đổi)',
    en: 'NOT valid (the assessment or the signature was changed)',
  },
  'att.thisDevice': { vi: 'khoá của thiết bị này', en: "this device's key" },
  'att.unknownKey': { vi: 'khoá chưa đăng ký với hội đồng', en: 'key not registered with the council' },
  'att.note': {
    vi: 'Chứng minh thiết bị nào đã khoá phiếu và phiếu chưa bị sửa từ đó; không chứng minh danh tính người ký.',
    en: 'Proves which device locked the assessment and that it has not changed since; it does not prove who the signer is.',
  },
  'att.uncovered': {
    vi: 'Chữ ký tay chưa được thiết bị ký xác nhận (không được bảo vệ)',
    en: 'Drawn signatures no device signature covers (not protected)',
  },
  'att.uncoveredSigned': {
    vi: 'Chữ ký tay bị thêm hoặc sửa sau khi thiết bị ký',
    en: 'Drawn signatures added or changed after the device signed',
  },
  'att.role.assessor': { vi: 'người đánh giá', en: 'assessor' },
  'att.role.facility-head': { vi: 'trưởng cơ sở', en: 'head of facility' },
  'att.role.other': { vi: 'khác', en: 'other' },
} as const satisfies Record<string, M>;

/** A message of this table in the current language. */
export const att = translator(attMessages);
