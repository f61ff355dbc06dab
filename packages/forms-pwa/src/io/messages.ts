/**
 * The import view's own error texts, as core's message catalogue (`defineMessages`): one `{ vi, en }` template per
 * code, so a problem carries both languages and the view shows the current one.
 */
import { defineMessages, type MessageTable } from '../core.js';

const TABLE = {
  'io.too-big': { vi: 'Tệp quá lớn (tối đa {mb} MB).', en: 'The file is too large (at most {mb} MB).' },
  'io.failed': { vi: 'Không nhập được tệp: {why}', en: 'Import failed: {why}' },
  'io.backup-progress': { vi: 'Đang sao lưu {done}/{total} ảnh…', en: 'Backing up {done}/{total} photos…' },
  'io.restore-progress': {
    vi: 'Đang đọc bản sao lưu: {done}/{total} ảnh…',
    en: 'Reading the backup: {done}/{total} photos…',
  },
  'io.backup-failed': {
    vi: 'Sao lưu không thành công ({why}). Tệp sao lưu chưa dùng được. Hãy giải phóng dung lượng (hoặc chọn nơi lưu khác) rồi bấm Sao lưu lại.',
    en: 'The backup failed ({why}). The backup file cannot be used. Free some space (or choose another place to save) and press Back up again.',
  },
  'io.restore-failed': {
    vi: 'Không khôi phục được ({why}). Không có gì thay đổi trên máy. Hãy giải phóng dung lượng nếu máy đầy rồi nhập lại tệp.',
    en: 'The restore failed ({why}). Nothing changed on this device. Free some space if the device is full, then import the file again.',
  },
} as const satisfies MessageTable;

/** The message for an import-view code, in both languages. */
export const ioMsg = defineMessages(TABLE);
