/** The words of the table import (rows → a criteria set), in Vietnamese and English. */
import { defineMessages, type MessageTable } from '../catalogue.js';

const TABLE = {
  'table.map.syntax': {
    vi: 'Cách ghép cột "{part}" không hiểu được: viết tên=cột, ví dụ code=A,text=C',
    en: 'Column map "{part}" is not understood: write name=column, e.g. code=A,text=C',
  },
  'table.map.unknown': {
    vi: 'Không có cột tên "{name}"; dùng: {allowed}',
    en: 'There is no column named "{name}"; use: {allowed}',
  },
  'table.map.column': {
    vi: 'Cột "{column}" không hợp lệ: dùng chữ cái (A, B, …) hoặc số thứ tự (1, 2, …)',
    en: 'Column "{column}" is not valid: use a letter (A, B, …) or a number (1, 2, …)',
  },
  'table.map.required': {
    vi: 'Cần ghép cột nội dung (text) và cột mã (code) hoặc cột tiêu chí (criterion)',
    en: 'Map the text column, and the code or the criterion column',
  },
  'table.empty': { vi: 'Bảng không có dòng dữ liệu nào', en: 'The table has no data rows' },
  'table.text.missing': { vi: 'Thiếu nội dung chỉ tiêu', en: 'The item text is missing' },
  'table.criterion.missing': {
    vi: 'Không biết chỉ tiêu thuộc tiêu chí nào: cần mã dạng A1.1-2.12 hoặc cột tiêu chí',
    en: 'Cannot tell which criterion this item belongs to: give a code like A1.1-2.12 or a criterion column',
  },
  'table.number': { vi: 'Không phải một số: "{value}"', en: 'Not a number: "{value}"' },
  'table.number.ambiguous': {
    vi: '"{value}" có thể là {a} hoặc {b}: hãy ghi rõ',
    en: '"{value}" could be {a} or {b}: write it unambiguously',
  },
  'table.number.range': {
    vi: 'Số ngoài khoảng cho phép ({limit}): {value}',
    en: 'Number out of range ({limit}): {value}',
  },
  'table.number.decimals': {
    vi: 'Quá 4 chữ số thập phân: {value}',
    en: 'More than 4 decimals: {value}',
  },
  'table.level.integer': {
    vi: 'Mức phải là số nguyên từ 1 đến 10: {value}',
    en: 'The level must be a whole number from 1 to 10: {value}',
  },
  'table.level.conflict': {
    vi: 'Mức {level} khác với mức trong mã {code}',
    en: 'Level {level} differs from the level in code {code}',
  },
  'table.level.missing': {
    vi: 'Bảng chấm theo mức: dòng này thiếu mức',
    en: 'The table scores by level: this row has no level',
  },
  'table.points.missing': {
    vi: 'Bảng chấm theo điểm: dòng này thiếu điểm',
    en: 'The table scores by points: this row has no points',
  },
  'table.points.levels': {
    vi: 'Bảng chấm theo mức không dùng điểm cho từng chỉ tiêu',
    en: 'A table scored by level has no points per item',
  },
  'table.weight.zero': { vi: 'Hệ số phải lớn hơn 0', en: 'The weight (hệ số) must be above 0' },
  'table.weight.conflict': {
    vi: 'Hệ số {value} khác hệ số {before} đã ghi cho tiêu chí {criterion}',
    en: 'Weight {value} differs from the weight {before} given earlier for criterion {criterion}',
  },
  'table.knockout': {
    vi: 'Điểm liệt: ghi "có"/"x" hoặc "không"/để trống, không phải "{value}"',
    en: 'Knockout: write "yes"/"x" or "no"/leave empty, not "{value}"',
  },
  'table.code.duplicate': {
    vi: 'Mã {code} đã có ở dòng {row}',
    en: 'Code {code} already appears on row {row}',
  },
  'table.version.same': {
    vi: 'Phiên bản mới phải khác phiên bản {version} của bộ gốc',
    en: 'The new version must differ from the base version {version}',
  },
  'table.version.missing': {
    vi: 'Cần phiên bản cho bộ tiêu chí mới',
    en: 'The new criteria set needs a version',
  },
  'table.set': {
    vi: 'Bộ tiêu chí tạo ra không hợp lệ: {detail}',
    en: 'The resulting criteria set is not valid: {detail}',
  },
  'table.note': {
    vi: 'Nhập từ bảng của {document}, dòng {row}.',
    en: 'Imported from the table of {document}, row {row}.',
  },
} as const satisfies MessageTable;

/** The table import's message function (codes typed as the table's keys). */
export const tableMsg = defineMessages(TABLE);
/** A message code of the table import. */
export type TableMessageCode = keyof typeof TABLE;
