/**
 * Every fixed word the report and the score sheet print, by code, in Vietnamese (first) and English: one flat
 * table built with core's `defineMessages`, like every other package (typed codes, `{name}` placeholders,
 * `{n:one|other}` plurals by Intl.PluralRules). Text that comes from a criteria set or an assessment is printed as
 * it is (Vietnamese, or English when `lang` is 'en' and the set has an English text).
 *
 * Every entry has both languages: the table `satisfies MessageTable` (`{ vi: string; en: string }` per code), so a
 * code missing one language does not compile. Codes built from a document's value (`kind.${a.assessmentKind}`) are
 * checked too: the template type must be one of the table's codes.
 */
import { defineMessages, type Lang, type MessageArgs, type MessageTable } from '@tieuchi/core';

export type { Lang };

const TABLE = {
  // --- report ---
  'report.title': { vi: 'BÁO CÁO ĐÁNH GIÁ CHẤT LƯỢNG', en: 'QUALITY ASSESSMENT REPORT' },
  // --- sheet ---
  'sheet.title': { vi: 'PHIẾU CHẤM ĐIỂM (BẢN GIẤY)', en: 'SCORE SHEET (PAPER)' },
  'sheet.hint': {
    vi: 'Dùng khi không có máy tính bảng: đánh dấu một ô cho mỗi chỉ tiêu, ghi chú khi cần, rồi nhập lại vào ứng dụng.',
    en: 'For use when no tablet is available: tick one box per item, add notes where needed, then enter it into the app.',
  },
  'sheet.number-in': { vi: 'Số liệu', en: 'Value' },
  // --- kind ---
  'kind.self-assessment': { vi: 'Tự đánh giá', en: 'Self-assessment' },
  'kind.external-inspection': { vi: 'Kiểm tra, đánh giá của đoàn', en: 'External inspection' },
  'kind.contest-round': { vi: 'Vòng chấm điểm hội thi', en: 'Contest round' },
  // --- status ---
  'status.draft': { vi: 'Nháp', en: 'Draft' },
  'status.submitted': { vi: 'Đã nộp', en: 'Submitted' },
  'status.locked': { vi: 'Đã khoá', en: 'Locked' },
  // --- facilityKind ---
  'facilityKind.commune-station': { vi: 'Trạm y tế xã/phường', en: 'Commune health station' },
  'facilityKind.hospital': { vi: 'Bệnh viện', en: 'Hospital' },
  'facilityKind.health-centre': { vi: 'Trung tâm y tế', en: 'Health centre' },
  'facilityKind.clinic': { vi: 'Phòng khám', en: 'Clinic' },
  'facilityKind.other': { vi: 'Khác', en: 'Other' },
  // --- cover ---
  'cover.zone': { vi: 'Vùng', en: 'Zone' },
  'cover.set': { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  'cover.version': { vi: 'phiên bản', en: 'version' },
  'cover.sources': { vi: 'Văn bản căn cứ', en: 'Legal basis' },
  'cover.assessment-kind': { vi: 'Hình thức', en: 'Kind' },
  'cover.round': { vi: 'Đợt / vòng', en: 'Round' },
  'cover.assessed-on': { vi: 'Ngày đánh giá', en: 'Assessed on' },
  'cover.submitted-at': { vi: 'Ngày nộp', en: 'Submitted' },
  'cover.locked-at': { vi: 'Ngày khoá', en: 'Locked' },
  'cover.status': { vi: 'Trạng thái', en: 'Status' },
  'cover.assessors': { vi: 'Người đánh giá', en: 'Assessors' },
  'cover.name': { vi: 'Họ tên', en: 'Name' },
  'cover.role': { vi: 'Vai trò', en: 'Role' },
  'cover.organisation': { vi: 'Đơn vị', en: 'Organisation' },
  'cover.content-hash': { vi: 'Mã băm nội dung (SHA-256)', en: 'Content hash (SHA-256)' },
  'cover.not-locked': { vi: 'Phiếu chưa khoá: chưa có mã băm nội dung.', en: 'Not locked: no content hash yet.' },
  // --- sourceRole ---
  'sourceRole.basis': { vi: 'căn cứ', en: 'basis' },
  'sourceRole.amends': { vi: 'sửa đổi', en: 'amends' },
  'sourceRole.replaces': { vi: 'được thay thế', en: 'replaced' },
  'sourceRole.reference': { vi: 'tham khảo', en: 'reference' },
  // --- wordingNote ---
  'wordingNote.official': { vi: '', en: '' },
  'wordingNote.paraphrase': {
    vi: 'Nội dung chỉ tiêu trong bộ này là diễn giải của nhóm soạn, không phải nguyên văn văn bản.',
    en: "The items' wording in this set is the authors' paraphrase, not the official text.",
  },
  'wordingNote.mixed': {
    vi: 'Câu chữ các chỉ tiêu trong bộ này không phải đều là nguyên văn văn bản: xem nguồn gốc ghi ở từng chỉ tiêu.',
    en: "Not every item's wording in this set is the official text: see the origin shown with each item.",
  },
  'wordingNote.drafted': {
    vi: 'Nội dung chỉ tiêu trong bộ này do nhóm Tiêu Chí soạn, không lấy từ văn bản chính thức.',
    en: "The items' wording in this set was drafted by the Tiêu Chí team; it is not taken from an official text.",
  },
  // --- wordingOf ---
  'wordingOf.official': { vi: 'Nguyên văn văn bản', en: 'Official text' },
  'wordingOf.paraphrase': { vi: 'Diễn đạt lại', en: 'Paraphrased' },
  'wordingOf.drafted': { vi: 'Do nhóm Tiêu Chí soạn', en: 'Drafted by the Tiêu Chí team' },
  'wordingOf.unverified': { vi: 'Chưa đối chiếu văn bản', en: 'Not checked against the official text' },
  // --- summary ---
  'summary.title': { vi: 'Tóm tắt kết quả', en: 'Summary' },
  'summary.total': { vi: 'Tổng điểm', en: 'Total' },
  'summary.mean-level': { vi: 'Mức trung bình', en: 'Mean level' },
  'summary.level-sum': { vi: 'Tổng mức', en: 'Sum of levels' },
  'summary.level-counts': { vi: 'Số tiêu chí theo mức', en: 'Criteria per level' },
  'summary.rating': { vi: 'Xếp loại', en: 'Rating' },
  'summary.decision': { vi: 'Kết luận', en: 'Decision' },
  'summary.reasons': { vi: 'Lý do', en: 'Reasons' },
  'summary.rules': { vi: 'Điều kiện đạt', en: 'Pass rules' },
  'summary.chart': { vi: 'Điểm theo tiêu chí', en: 'Points per criterion' },
  'summary.chart-levels': { vi: 'Mức theo tiêu chí', en: 'Level per criterion' },
  'summary.knockouts-failed': { vi: 'Điểm liệt không đạt', en: 'Failed knockout items' },
  'summary.missing-evidence': { vi: 'Thiếu ảnh minh chứng bắt buộc', en: 'Required photo evidence missing' },
  'summary.unanswered': { vi: 'Chưa trả lời', en: 'Unanswered' },
  'summary.unassessed': { vi: 'Không đánh giá được', en: 'Could not be assessed' },
  // --- word ---
  'word.level': { vi: 'Mức', en: 'Level' },
  'word.not-applicable': { vi: 'không áp dụng', en: 'not applicable' },
  'word.max-points': { vi: 'Điểm tối đa', en: 'Maximum' },
  'word.target': { vi: 'mục tiêu', en: 'target' },
  // --- decision ---
  'decision.pass': { vi: 'ĐẠT', en: 'PASS' },
  'decision.fail': { vi: 'KHÔNG ĐẠT', en: 'FAIL' },
  'decision.incomplete': {
    vi: 'CHƯA ĐỦ (còn chỉ tiêu chưa trả lời hoặc không đánh giá được)',
    en: 'INCOMPLETE (items unanswered or not assessed)',
  },
  'decision.none': {
    vi: 'Không kết luận: bộ tiêu chí không có quy tắc đạt/không đạt, hoặc không có gì áp dụng',
    en: 'No decision: the set has no pass rules, or nothing is applicable',
  },
  // --- ruleStatus ---
  'ruleStatus.passed': { vi: 'Đạt', en: 'Passed' },
  'ruleStatus.failed': { vi: 'Không đạt', en: 'Failed' },
  'ruleStatus.not-evaluated': { vi: 'Chưa xét', en: 'Not evaluated' },
  // --- items ---
  'items.title': { vi: 'Kết quả từng chỉ tiêu', en: 'Every item' },
  'items.knockout': { vi: 'ĐIỂM LIỆT', en: 'KNOCKOUT' },
  'items.knockout-failed': { vi: 'ĐIỂM LIỆT KHÔNG ĐẠT', en: 'KNOCKOUT FAILED' },
  'items.level-met': { vi: 'mức {n}', en: 'level {n}' },
  'items.photos-count': { vi: '{n} ảnh', en: '{n} {n:photo|photos}' },
  'items.photo-needed': { vi: 'thiếu ảnh', en: 'photo missing' },
  'items.photo-always': { vi: 'Cần ảnh minh chứng', en: 'Photo evidence required' },
  'items.photo-when-not-met': { vi: 'Cần ảnh minh chứng khi không đạt', en: 'Photo evidence required when not met' },
  'items.citation': { vi: 'Căn cứ', en: 'Source' },
  // --- col ---
  'col.code': { vi: 'Mã', en: 'Code' },
  'col.text': { vi: 'Nội dung', en: 'Item' },
  'col.answer': { vi: 'Trả lời', en: 'Answer' },
  'col.points': { vi: 'Điểm', en: 'Points' },
  'col.max': { vi: 'Tối đa', en: 'Max' },
  'col.na': { vi: 'KAD', en: 'N/A' },
  'col.note': { vi: 'Ghi chú', en: 'Note' },
  // --- answer ---
  'answer.met': { vi: 'Đạt', en: 'Met' },
  'answer.partial': { vi: 'Đạt một phần', en: 'Partially met' },
  'answer.not-met': { vi: 'Không đạt', en: 'Not met' },
  'answer.na': { vi: 'Không áp dụng', en: 'Not applicable' },
  'answer.auto-na': { vi: 'Không áp dụng (tự động)', en: 'Not applicable (automatic)' },
  'answer.unanswered': { vi: 'Chưa trả lời', en: 'Unanswered' },
  'answer.unassessed': { vi: 'Không đánh giá được', en: 'Could not be assessed' },
  // --- annex ---
  'annex.title': { vi: 'Phụ lục: ảnh minh chứng', en: 'Annex: photo evidence' },
  'annex.photo-missing': {
    vi: 'Ảnh {hash} không có trong dữ liệu đưa vào báo cáo.',
    en: 'Photo {hash} was not supplied to the report.',
  },
  // --- compare ---
  'compare.title': { vi: 'So sánh với lần đánh giá trước', en: 'Comparison with the previous assessment' },
  'compare.previous': { vi: 'Lần trước', en: 'Previous' },
  'compare.current': { vi: 'Lần này', en: 'This one' },
  'compare.delta': { vi: 'Chênh lệch', en: 'Change' },
  // --- plan ---
  'plan.title': { vi: 'Kế hoạch cải tiến', en: 'Improvement plan' },
  // --- planCol ---
  'planCol.item': { vi: 'Chỉ tiêu', en: 'Item' },
  'planCol.problem': { vi: 'Vấn đề', en: 'Problem' },
  'planCol.action': { vi: 'Hành động', en: 'Action' },
  'planCol.owner': { vi: 'Người phụ trách', en: 'Owner' },
  'planCol.due': { vi: 'Hạn', en: 'Due' },
  'planCol.status': { vi: 'Trạng thái', en: 'Status' },
  'planCol.gain': { vi: 'Điểm có thể tăng', en: 'Points to gain' },
  // --- planStatus ---
  'planStatus.planned': { vi: 'Dự kiến', en: 'Planned' },
  'planStatus.in-progress': { vi: 'Đang làm', en: 'In progress' },
  'planStatus.done': { vi: 'Xong', en: 'Done' },
  'planStatus.verified': { vi: 'Đã kiểm chứng', en: 'Verified' },
  // --- sign ---
  'sign.title': { vi: 'Xác nhận', en: 'Signatures' },
  'sign.hint': { vi: '(ký, ghi rõ họ tên)', en: '(signature and full name)' },
  'sign.signed-at': { vi: 'Ký ngày', en: 'Signed on' },
  // --- signRole ---
  'signRole.assessor': { vi: 'Người đánh giá', en: 'Assessor' },
  'signRole.facility-head': { vi: 'Thủ trưởng cơ sở', en: 'Head of facility' },
  'signRole.other': { vi: 'Người ký', en: 'Signatory' },
  // --- frame ---
  'frame.page': { vi: 'Trang {x}/{y}', en: 'Page {x}/{y}' },
  // --- rules ---
  'rules.title': { vi: 'Cách tính điểm và quy tắc đạt', en: 'How it is scored and when it passes' },
  'rules.by-zone': { vi: 'theo vùng', en: 'by zone' },
  'rules.none': {
    vi: 'Bộ tiêu chí không có quy tắc đạt/không đạt: chỉ có điểm (và xếp loại nếu có).',
    en: 'The set has no pass rules: only a score (and a rating when it has one).',
  },
  'rules.rating-bands': { vi: 'Xếp loại', en: 'Rating' },
  'rules.from': { vi: 'từ', en: 'from' },
  'rules.points-unit': { vi: 'điểm', en: 'pt' },
  // --- model ---
  'model.points': {
    vi: 'Mỗi chỉ tiêu có điểm; điểm cộng dồn lên tiêu chí và tổng. Chỉ tiêu không áp dụng bị loại khỏi mẫu số.',
    en: 'Each item carries points, summed into criteria and the total. Items not applicable leave the denominator.',
  },
  'model.levels': {
    vi: 'Mỗi tiêu chí đạt một mức trên thang {n} mức (cộng dồn: phải đạt hết các tiểu mục của mức dưới); điểm chung là mức trung bình có trọng số.',
    en: 'Each criterion reaches a level on a {n}-level ladder (cumulative: every element of the lower levels must hold); the overall score is the weighted mean level.',
  },
  // --- aggregation ---
  'aggregation.sum': {
    vi: 'Tổng điểm = tổng điểm có trọng số / tổng tối đa có trọng số.',
    en: 'Total = weighted points / weighted maximum.',
  },
  'aggregation.mean-of-percentages': {
    vi: 'Tỷ lệ = trung bình có trọng số của tỷ lệ các tiêu chí.',
    en: "Percentage = weighted mean of the criteria's percentages.",
  },
  // --- ruleText ---
  'ruleText.total-percent-at-least': {
    vi: 'Tổng điểm đạt ít nhất {p}% số điểm áp dụng',
    en: 'The total reaches at least {p}% of the applicable points',
  },
  'ruleText.each-criterion-percent-at-least': {
    vi: 'Mỗi tiêu chí đạt ít nhất {p}% số điểm của nó',
    en: 'Every criterion reaches at least {p}% of its points',
  },
  'ruleText.each-section-percent-at-least': {
    vi: 'Mỗi phần đạt ít nhất {p}% số điểm của nó',
    en: 'Every section reaches at least {p}% of its points',
  },
  'ruleText.criterion-percent-at-least': {
    vi: 'Tiêu chí {c} đạt ít nhất {p}% số điểm của nó',
    en: 'Criterion {c} reaches at least {p}% of its points',
  },
  'ruleText.no-failed-knockout': { vi: 'Không có điểm liệt nào không đạt', en: 'No knockout item fails' },
  'ruleText.mean-level-at-least': { vi: 'Mức trung bình ít nhất {l}', en: 'The mean level is at least {l}' },
  'ruleText.each-criterion-level-at-least': {
    vi: 'Mỗi tiêu chí đạt ít nhất mức {l}',
    en: 'Every criterion reaches at least level {l}',
  },
  // --- sheetField ---
  'sheetField.facility': { vi: 'Cơ sở y tế', en: 'Health facility' },
  'sheetField.date': { vi: 'Ngày đánh giá', en: 'Date' },
  'sheetField.assessors': { vi: 'Người đánh giá', en: 'Assessors' },
} as const satisfies MessageTable;

/** The table itself, read-only: for tests that walk every code. */
export const REPORT_MESSAGES: Readonly<MessageTable> = TABLE;

/** A report message code. */
export type ReportMessageCode = keyof typeof TABLE;

/** The report's message for `code` in both languages. */
export const msg = defineMessages(TABLE);

/** The report's message for `code` in `lang`, placeholders and plurals filled for that language. */
export const say = (lang: Lang, code: ReportMessageCode, args?: MessageArgs): string => msg(code, args)[lang];

/** `say` with the language fixed: what each section of the layout calls (`ix.say('report.title')`). */
export type Say = (code: ReportMessageCode, args?: MessageArgs) => string;

/** The report's messages in one language. */
export const sayIn =
  (lang: Lang): Say =>
  (code, args) =>
    say(lang, code, args);
