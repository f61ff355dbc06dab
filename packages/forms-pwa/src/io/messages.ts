/**
 * The import view's own error texts, as core's message catalogue (`defineMessages`): one `{ vi, en }` template per
 * code, so a problem carries both languages and the view shows the current one.
 */
import { defineMessages, type MessageTable } from '../core.js';

const TABLE = {
  'io.too-big': { vi: 'Tệp quá lớn (tối đa {mb} MB).', en: 'The file is too large (at most {mb} MB).' },
  'io.failed': { vi: 'Không nhập được tệp: {why}', en: 'Import failed: {why}' },
} as const satisfies MessageTable;

/** The message for an import-view code, in both languages. */
export const ioMsg = defineMessages(TABLE);
