/**
 * UI messages of the Submit view and its invalid-answers box, Vietnamese first. Looked up with `sbt()`: this table
 * loads with those views, not at start-up (issue 20, ADR 0017).
 */
import { translator } from '../i18n.js';

type M = { vi: string; en: string };

export const submitMessages = {
  'submit.title': { vi: 'Nộp và khoá phiếu', en: 'Submit and lock' },
  'submit.unanswered': {
    vi: 'Còn {n} mục chưa trả lời. Hãy trả lời, chọn "Không áp dụng" (nếu được phép) hoặc ghi lý do không đánh giá được.',
    en: '{n} {n:item is|items are} unanswered. Answer {n:it|them}, mark them not applicable (where allowed) or give the reason they could not be assessed.',
  },
  'submit.missingEvidence': {
    vi: 'Thiếu ảnh minh chứng bắt buộc ({n} mục):',
    en: 'Required photo evidence missing ({n} {n:item|items}):',
  },
  'submit.ready': {
    vi: 'Mọi mục đã có trả lời. Sau khi khoá, phiếu chỉ xem được.',
    en: 'Every item is settled. Once locked, the assessment is read-only.',
  },
  'submit.incompleteNote': {
    vi: 'Có mục không đánh giá được: kết quả sẽ là "chưa đủ".',
    en: 'Some items could not be assessed: the result will be "incomplete".',
  },
  'submit.confirmMissingEvidence': {
    vi: 'Vẫn khoá dù thiếu ảnh minh chứng',
    en: 'Lock even though photos are missing',
  },
  'submit.lock': { vi: 'Khoá phiếu', en: 'Lock assessment' },
  'submit.done': { vi: 'Đã khoá phiếu. Mã băm nội dung: {hash}', en: 'Locked. Content hash: {hash}' },
  'submit.goto': { vi: 'Đi tới mục', en: 'Go to item' },
} as const satisfies Record<string, M>;

/** A message of this table in the current language. */
export const sbt = translator(submitMessages);
