/**
 * The builder's words for core's validation problems (issue 14): where, in the set's own terms, what is wrong and
 * what to do — never a JSON path or a schema keyword. Core's table of messages (`packages/core/src/messages.ts`)
 * stays the CLI's and the import's; this one is the author's, built with core's one catalogue.
 */
import { defineMessages, type MessageTable } from '../core.js';

const TABLE = {
  // Places: a node by its number in the set (and its title when it has one).
  'bp.set': { vi: 'Bộ tiêu chí', en: 'The set' },
  'bp.section': { vi: 'Phần {n}', en: 'Section {n}' },
  'bp.criterion': { vi: 'Tiêu chí {n}', en: 'Criterion {n}' },
  'bp.item': { vi: 'Chỉ tiêu {n}', en: 'Item {n}' },
  'bp.titled': { vi: '{place} ({title})', en: '{place} ({title})' },
  'bp.atField': { vi: '{place} – {field}', en: '{place} – {field}' },
  'bp.in': { vi: '{inner} của {outer}', en: '{inner} of {outer}' },

  // Fields: how the author sees them in the form.
  'bf.title.vi': { vi: 'tên tiếng Việt', en: 'Vietnamese name' },
  'bf.title.en': { vi: 'tên tiếng Anh', en: 'English name' },
  'bf.text.vi': { vi: 'nội dung tiếng Việt', en: 'Vietnamese wording' },
  'bf.text.en': { vi: 'nội dung tiếng Anh', en: 'English wording' },
  'bf.guidance': { vi: 'hướng dẫn chấm', en: 'guidance' },
  'bf.description': { vi: 'mô tả', en: 'description' },
  'bf.id': { vi: 'mã định danh', en: 'identifier' },
  'bf.code': { vi: 'số hiệu', en: 'number' },
  'bf.version': { vi: 'phiên bản', en: 'version' },
  'bf.points': { vi: 'số điểm', en: 'points' },
  'bf.partialPoints': { vi: 'điểm đạt một phần', en: 'partial points' },
  'bf.maxPoints': { vi: 'điểm tối đa', en: 'maximum points' },
  'bf.weight': { vi: 'trọng số', en: 'weight' },
  'bf.kind': { vi: 'loại câu trả lời', en: 'answer kind' },
  'bf.response': { vi: 'câu trả lời', en: 'answer' },
  'bf.options': { vi: 'các lựa chọn', en: 'options' },
  'bf.option': { vi: 'lựa chọn {n}', en: 'option {n}' },
  'bf.bands': { vi: 'các khoảng giá trị', en: 'ranges' },
  'bf.band': { vi: 'khoảng {n}', en: 'range {n}' },
  'bf.level': { vi: 'mức', en: 'level' },
  'bf.levels': { vi: 'số mức', en: 'number of levels' },
  'bf.sourceNumber': { vi: 'số văn bản nguồn', en: 'source document number' },
  'bf.source': { vi: 'văn bản nguồn', en: 'source document' },
  'bf.facilityKinds': { vi: 'loại cơ sở áp dụng', en: 'facility kinds' },
  'bf.passRule': { vi: 'điều kiện đạt {n}', en: 'pass rule {n}' },
  'bf.scoring': { vi: 'cách chấm', en: 'scoring' },
  'bf.criteria': { vi: 'danh sách tiêu chí', en: 'list of criteria' },
  'bf.items': { vi: 'danh sách chỉ tiêu', en: 'list of items' },
  'bf.sections': { vi: 'danh sách phần', en: 'list of sections' },
  'bf.other': { vi: 'một trường', en: 'a field' },

  // Nouns for "what to do" sentences.
  'bn.set': { vi: 'bộ tiêu chí', en: 'set' },
  'bn.section': { vi: 'phần', en: 'section' },
  'bn.criterion': { vi: 'tiêu chí', en: 'criterion' },
  'bn.item': { vi: 'chỉ tiêu', en: 'item' },

  // What is wrong, and what to do.
  'bw.empty': { vi: 'chưa nhập', en: 'not filled in' },
  'bw.emptyTitle': { vi: 'Nhập tên {noun}.', en: 'Enter the name of the {noun}.' },
  'bw.emptyText': { vi: 'Nhập nội dung {noun}.', en: 'Enter the wording of the {noun}.' },
  'bw.emptyOther': { vi: 'Nhập {field}.', en: 'Enter the {field}.' },
  'bw.notNumber': { vi: 'không phải là số', en: 'is not a number' },
  'bw.typeNumber': { vi: 'Nhập một số, ví dụ 1 hoặc 0,5.', en: 'Enter a number, e.g. 1 or 0.5.' },
  'bw.type': { vi: 'không đúng dạng', en: 'has the wrong form' },
  'bw.typeFix': { vi: 'Nhập lại {field}.', en: 'Enter the {field} again.' },
  'bw.range': { vi: 'ngoài khoảng cho phép ({limit})', en: 'out of range ({limit})' },
  'bw.rangeFix': { vi: 'Nhập một giá trị {limit}.', en: 'Enter a value {limit}.' },
  'bw.pattern': { vi: 'có ký tự không dùng được', en: 'has characters that cannot be used' },
  'bw.patternId': {
    vi: 'Chỉ dùng chữ không dấu, chữ số, dấu chấm, gạch dưới và gạch ngang.',
    en: 'Use only letters without accents, digits, ".", "_" and "-".',
  },
  'bw.patternDate': { vi: 'Nhập ngày dạng năm-tháng-ngày, ví dụ 2026-05-15.', en: 'Enter a date as 2026-05-15.' },
  'bw.tooFew': { vi: 'cần ít nhất {n} mục', en: 'needs at least {n} {n:entry|entries}' },
  'bw.tooFewFix': { vi: 'Thêm cho đủ.', en: 'Add the missing ones.' },
  'bw.tooMany': { vi: 'nhiều hơn {n} mục cho phép', en: 'more than the {n} allowed' },
  'bw.tooManyFix': { vi: 'Bớt cho đủ.', en: 'Remove the extra ones.' },
  'bw.choose': { vi: 'chưa chọn hoặc chọn không hợp lệ', en: 'not chosen, or not a valid choice' },
  'bw.chooseFix': { vi: 'Chọn một giá trị trong danh sách.', en: 'Pick a value from the list.' },
  'bw.duplicate': { vi: 'các mục bị trùng', en: 'entries repeated' },
  'bw.duplicateFix': { vi: 'Xoá mục trùng.', en: 'Remove the repeated entry.' },
  'bw.extra': { vi: 'không dùng được ở đây', en: 'not used here' },
  'bw.extraFix': { vi: 'Xoá giá trị này.', en: 'Remove this value.' },
  'bw.duplicateId': { vi: 'mã "{id}" đã dùng ở {other}', en: 'identifier "{id}" is already used by {other}' },
  'bw.duplicateIdFix': { vi: 'Đổi sang một mã khác.', en: 'Change it to another identifier.' },
  'bw.pointsMissing': { vi: 'chưa nhập', en: 'not filled in' },
  'bw.pointsMissingFix': {
    vi: 'Nhập số điểm của chỉ tiêu (bộ tiêu chí chấm theo điểm).',
    en: 'Enter the points of the item (the set is scored by points).',
  },
  'bw.levelMissing': { vi: 'chưa chọn', en: 'not chosen' },
  'bw.levelMissingFix': {
    vi: 'Chọn mức của chỉ tiêu, từ 1 đến {levels}.',
    en: 'Pick the item’s level, 1 to {levels}.',
  },
  'bw.fixGeneric': { vi: 'Sửa lại cho đúng.', en: 'Correct it.' },
  'bw.technical': { vi: 'Chi tiết kỹ thuật', en: 'Technical details' },
} as const satisfies MessageTable;

/** The builder's problem words; codes typed as the table's keys. */
export const bpMsg = defineMessages(TABLE);
/** A code of the builder's problem table. */
export type BpCode = keyof typeof TABLE;
