/**
 * The messages of the checks on documents entering the software — the schema step and a criteria set's semantic
 * rules — apart from the engine's table (`messages.ts`) so that scoring a trusted document does not load them
 * (ADR 0017). `all-messages.ts` joins both tables into the public `message()`.
 */
import { defineMessages, type MessageArgs, type MessageTable, type Msg } from './catalogue.js';

export const CHECK_TABLE = {
  // --- schema ---
  'schema.required': { vi: 'Thiếu trường bắt buộc "{field}"', en: 'Missing required field "{field}"' },
  'schema.additional': {
    vi: 'Trường "{field}" không được phép ở đây (gõ sai tên?)',
    en: 'Field "{field}" is not allowed here (a typo?)',
  },
  'schema.type': { vi: 'Sai kiểu dữ liệu: cần {expected}', en: 'Wrong type: expected {expected}' },
  'schema.enum': { vi: 'Giá trị không hợp lệ; cho phép: {allowed}', en: 'Invalid value; allowed: {allowed}' },
  'schema.const': { vi: 'Giá trị phải là {expected}', en: 'Value must be {expected}' },
  'schema.pattern': { vi: 'Định dạng không hợp lệ ({what})', en: 'Invalid format ({what})' },
  'schema.range': { vi: 'Giá trị ngoài khoảng cho phép ({limit})', en: 'Value out of range ({limit})' },
  'schema.length': { vi: 'Độ dài không hợp lệ ({limit})', en: 'Invalid length ({limit})' },
  'schema.count': { vi: 'Số phần tử không hợp lệ ({limit})', en: 'Invalid number of entries ({limit})' },
  'schema.unique': { vi: 'Các phần tử bị trùng', en: 'Entries are duplicated' },
  'schema.kind': {
    vi: 'Loại {value} không tồn tại; cho phép: {allowed}',
    en: 'Unknown kind {value}; allowed: {allowed}',
  },
  'schema.other': { vi: 'Không hợp lệ: {detail}', en: 'Invalid: {detail}' },
  'schema.not-object': { vi: 'Tài liệu phải là một đối tượng JSON', en: 'The document must be a JSON object' },
  // --- criteria-set semantics ---
  'set.decimals': { vi: 'Số {value} có quá 4 chữ số thập phân', en: 'Number {value} has more than 4 decimals' },
  'set.max-mismatch': {
    vi: 'Điểm tối đa ghi là {stated} nhưng các chỉ tiêu cộng lại được {computed}',
    en: 'Stated maximum is {stated} but the items add up to {computed}',
  },
  'set.level-missing': {
    vi: 'Bộ tiêu chí chấm theo mức: tiểu mục cần "level" từ 1 đến {levels}',
    en: 'Levels model: the item needs a "level" from 1 to {levels}',
  },
  'set.level-unexpected': {
    vi: '"level" chỉ dùng cho bộ tiêu chí chấm theo mức',
    en: '"level" is only used in a levels-model set',
  },
  'set.levels-missing': {
    vi: 'Bộ tiêu chí chấm theo mức cần "scoring.levels"',
    en: 'A levels-model set needs "scoring.levels"',
  },
  'set.levels-binary-only': {
    vi: 'Bộ tiêu chí chấm theo mức chỉ dùng câu trả lời đạt / không đạt',
    en: 'A levels-model set uses met / not met answers only',
  },
  'set.bands-beyond': {
    vi: 'Ngưỡng {value} vượt quá giá trị lớn nhất có thể ({max})',
    en: 'Band minimum {value} is above the largest possible value ({max})',
  },
  'set.rule-unknown-criterion': {
    vi: 'Quy tắc nói đến tiêu chí "{id}" không tồn tại',
    en: 'The rule refers to criterion "{id}", which does not exist',
  },
  'set.rule-model': {
    vi: 'Quy tắc "{kind}" không dùng được với cách chấm "{model}"',
    en: 'Rule "{kind}" does not apply to the "{model}" model',
  },
  'set.zone-unknown': {
    vi: 'Vùng "{zone}" không có trong "applicability.zones"',
    en: 'Zone "{zone}" is not listed in "applicability.zones"',
  },
  'set.no-weight': {
    vi: 'Tổng trọng số bằng 0: không thể tính điểm',
    en: 'All weights are zero: nothing can be scored',
  },
  'set.number-range': {
    vi: 'Số {value} vượt quá giới hạn đọc chính xác (±{limit})',
    en: 'Number {value} is beyond the range read exactly (±{limit})',
  },
  'set.too-many-items': {
    vi: 'Bộ tiêu chí có {count} chỉ tiêu, vượt giới hạn {limit}',
    en: 'The set has {count} items, more than the limit of {limit}',
  },
  'set.too-many-criteria': {
    vi: 'Bộ tiêu chí có {count} tiêu chí, vượt giới hạn {limit}',
    en: 'The set has {count} criteria, more than the limit of {limit}',
  },
  'set.level-empty': {
    vi: 'Tiêu chí không có tiểu mục nào ở mức {levels}: không thể xét mức đó',
    en: 'The criterion has no element at {levels:level|levels} {levels}: that level cannot be judged',
  },
  'lock.verdict-changed': {
    vi: 'Khi khóa phiếu, bộ chấm điểm (phiên bản {version}) kết luận "{then}"; bộ chấm điểm hiện tại ({current}) kết luận "{now}". Kết quả khi khóa vẫn là kết quả chính thức.',
    en: 'When locked, the scoring engine (version {version}) decided "{then}"; the current engine ({current}) decides "{now}". The verdict at locking remains the official one.',
  },
  'lock.verdict-same': {
    vi: 'Kết quả khớp với kết quả khi khóa phiếu (bộ chấm điểm {version})',
    en: 'The result matches the one recorded at locking (engine {version})',
  },
} as const satisfies MessageTable;

/** A code of the checks' table. */
export type CheckMessageCode = keyof typeof CHECK_TABLE;

/** The check message for `code` with `{placeholders}` filled from `args`. */
export const checkMessage: (code: CheckMessageCode, args?: MessageArgs) => Msg = defineMessages(CHECK_TABLE);
