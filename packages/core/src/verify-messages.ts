/**
 * Messages of the integrity checks (`verify.ts`, `attest.ts`), Vietnamese and English, by code. Kept beside the
 * checks so the shared table in `messages.ts` stays as it is; same shape, same `{placeholder}` filling.
 */
import { PIN_MESSAGES } from './pin-messages.js';

type Msg = { vi: string; en: string };
type Args = Record<string, string | number>;

const fill = (t: string, a: Args): string => t.replace(/\{(\w+)\}/g, (_m, k: string) => String(a[k] ?? `{${k}}`));

const TABLE = {
  'verify.no-set': {
    vi: 'Phiếu {id} dùng bộ tiêu chí {set}, không có trên máy và không có trong tệp',
    en: 'Assessment {id} uses criteria set {set}, which is neither available here nor in the file',
  },
  'verify.set-hash-missing': {
    vi: 'Phiếu {id} đã nộp/khoá nhưng không ghi mã băm của bộ tiêu chí đã dùng',
    en: 'Assessment {id} is submitted or locked but does not record the content hash of its criteria set',
  },
  'verify.hash-missing': {
    vi: 'Phiếu {id} đã nộp/khoá nhưng không có mã băm nội dung: không kiểm tra được, bị từ chối',
    en: 'Assessment {id} is submitted or locked but has no content hash: it cannot be checked and is refused',
  },
  'verify.hash-mismatch': {
    vi: 'Phiếu {id} đã bị thay đổi sau khi khoá (mã băm nội dung không khớp)',
    en: 'Assessment {id} was changed after locking (content hash mismatch)',
  },
  'verify.duplicate-assessment': { vi: 'Phiếu {id} xuất hiện hai lần', en: 'Assessment {id} appears twice' },
  'verify.duplicate-set': { vi: 'Bộ tiêu chí {set} xuất hiện hai lần', en: 'Criteria set {set} appears twice' },
  'verify.duplicate-photo': { vi: 'Ảnh {hash}… xuất hiện hai lần', en: 'Photo {hash}… appears twice' },
  'verify.duplicate-plan': { vi: 'Kế hoạch {id} xuất hiện hai lần', en: 'Plan {id} appears twice' },
  'verify.set-differs': {
    vi: 'Bộ tiêu chí {set} trong tệp khác với bộ cùng mã và phiên bản đã có',
    en: 'Criteria set {set} in the file differs from the one of the same id and version already known',
  },
  'verify.photo-base64': { vi: 'Dữ liệu ảnh không đọc được', en: 'Photo data cannot be decoded' },
  'verify.photo-missing': {
    vi: 'Ảnh {hash}… có trong danh sách nhưng thiếu trong tệp',
    en: 'Photo {hash}… is listed but missing from the file',
  },
  'verify.photo-hash': { vi: 'Ảnh {hash}… không khớp mã băm', en: 'Photo {hash}… does not match its hash' },
  'verify.photo-unreferenced': {
    vi: 'Ảnh {hash}… không thuộc phiếu, chữ ký hay kế hoạch nào trong tệp: bị từ chối',
    en: 'Photo {hash}… is referenced by no assessment, signature or plan in the file: refused',
  },
  'verify.plan-orphan': {
    vi: 'Kế hoạch {id} gắn với phiếu {assessment}, không có trong tệp và không có trên máy',
    en: 'Plan {id} belongs to assessment {assessment}, which is neither in the file nor known here',
  },
  'verify.plan-unknown-item': {
    vi: 'Kế hoạch {id} nói đến chỉ tiêu "{item}", không có trong bộ tiêu chí của phiếu',
    en: 'Plan {id} refers to item "{item}", which the assessment\'s criteria set does not have',
  },
  ...PIN_MESSAGES,
  'attest.bad-signature': {
    vi: 'Chữ ký điện tử của thiết bị không hợp lệ (khoá {key})',
    en: 'The device signature is not valid (key {key})',
  },
  'attest.statement-mismatch': {
    vi: 'Tuyên bố đã ký không khớp với phiếu: {field}',
    en: 'The signed statement does not match the assessment: {field}',
  },
  'attest.key-id-mismatch': {
    vi: 'Mã khoá trong tuyên bố không khớp với khoá công khai kèm theo',
    en: 'The key id in the statement does not match the public key carried with it',
  },
  'attest.revoked': {
    vi: 'Khoá {key} đã bị thu hồi trước khi phiếu được gửi lên',
    en: 'Key {key} was revoked before the assessment was received',
  },
  'attest.on-draft': {
    vi: 'Phiếu nháp không được mang tuyên bố đã ký',
    en: 'A draft may not carry signed statements',
  },
} as const satisfies Record<string, Msg>;

export type VerifyCode = keyof typeof TABLE;

/** The integrity message for `code`, `{placeholders}` filled from `args`. */
export function verifyMessage(code: VerifyCode, args: Args = {}): Msg {
  const t = TABLE[code];
  return { vi: fill(t.vi, args), en: fill(t.en, args) };
}
