/**
 * Every message a person reads, by code, in Vietnamese and English (one table keeps wording consistent and
 * testable). Numbers arrive already formatted by `format.ts`.
 */
import { defineMessages, type MessageArgs, type MessageTable, type Msg } from './catalogue.js';
import type { ScoreResultExplanation as Explanation } from './generated/types.js';

const TABLE = {
  // --- assessment against its set ---
  'answer.set-mismatch': {
    vi: 'Phiếu được lập theo bộ tiêu chí "{want}" nhưng đang chấm bằng "{got}"',
    en: 'The assessment was made with criteria set "{want}" but is being scored with "{got}"',
  },
  'answer.hash-mismatch': {
    vi: 'Nội dung bộ tiêu chí khác với bản phiếu đã dùng (mã băm {want}, hiện là {got})',
    en: 'The criteria set content differs from the one the assessment used (hash {want}, now {got})',
  },
  'answer.unknown-item': {
    vi: 'Câu trả lời cho chỉ tiêu "{id}" không có trong bộ tiêu chí',
    en: 'Answer to item "{id}", which the criteria set does not have',
  },
  'answer.bad-value': {
    vi: 'Giá trị {value} không hợp lệ cho chỉ tiêu "{id}"; cho phép: {allowed}',
    en: 'Value {value} is not valid for item "{id}"; allowed: {allowed}',
  },
  'answer.na-not-allowed': {
    vi: 'Chỉ tiêu "{id}" không được đánh dấu "không áp dụng"',
    en: 'Item "{id}" may not be marked not applicable',
  },
  'answer.conflict': {
    vi: 'Chỉ tiêu "{id}" vừa có giá trị vừa có "{other}": chỉ chọn một',
    en: 'Item "{id}" has both a value and "{other}": choose one',
  },
  // --- improvement loop ---
  'loop.different-facility': {
    vi: 'Hai phiếu thuộc hai cơ sở khác nhau ({a}, {b})',
    en: 'The two assessments are of different facilities ({a}, {b})',
  },
  'loop.different-set': {
    vi: 'Hai phiếu dùng hai bộ tiêu chí khác nhau ({a}, {b})',
    en: 'The two assessments use different criteria sets ({a}, {b})',
  },
  // --- three-way merge ---
  'merge.not-draft': {
    vi: 'Chỉ gộp được phiếu nháp; bản {which} đã ở trạng thái "{status}" (sửa phiếu đã khoá sẽ tạo một bản sửa đổi mới)',
    en: 'Only drafts can be merged; the {which} copy is "{status}" (changing a locked assessment makes a new revision)',
  },
  'merge.different-assessment': {
    vi: 'Hai bản không phải cùng một phiếu ({a}, {b})',
    en: 'The two copies are not of the same assessment ({a}, {b})',
  },
  'merge.no-conflict': { vi: 'Không có xung đột cần chọn tại {path}', en: 'There is no conflict to resolve at {path}' },
  // --- results (numbers arrive written for each language: { vi: "33,3 %", en: "33.3%" }) ---
  'rule.total.passed': {
    vi: 'Tổng điểm đạt {score}, không dưới mức cần {threshold}',
    en: 'The total is {score}, at least the {threshold} needed',
  },
  'rule.total.failed': {
    vi: 'Tổng điểm đạt {score}, cần ít nhất {threshold}: thiếu {shortfall} điểm phần trăm',
    en: 'The total is {score}; at least {threshold} is needed: {shortfall} percentage {shortfall:point|points} short',
  },
  'rule.node.failed': {
    vi: '{name} đạt {score}, cần ít nhất {threshold}',
    en: '{name} is at {score}; at least {threshold} is needed',
  },
  'rule.each-criterion.passed': {
    vi: 'Mọi tiêu chí đạt ít nhất {threshold} số điểm của tiêu chí',
    en: 'Every criterion reaches at least {threshold} of its points',
  },
  'rule.each-criterion.failed': {
    vi: '{count} tiêu chí chưa đạt {threshold} số điểm: {list}',
    en: '{count} {count:criterion is|criteria are} below {threshold} of {count:its|their} points: {list}',
  },
  'rule.each-section.passed': {
    vi: 'Mọi phần đạt ít nhất {threshold} số điểm của phần',
    en: 'Every section reaches at least {threshold} of its points',
  },
  'rule.each-section.failed': {
    vi: '{count} phần chưa đạt {threshold} số điểm: {list}',
    en: '{count} {count:section is|sections are} below {threshold} of {count:its|their} points: {list}',
  },
  'rule.criterion.passed': {
    vi: '{name} đạt {score}, không dưới mức cần {threshold}',
    en: '{name} is at {score}, at least the {threshold} needed',
  },
  'rule.criterion.na': {
    vi: '{name} không áp dụng cho cơ sở này: quy tắc về tiêu chí này được bỏ qua',
    en: '{name} does not apply to this facility: its rule is skipped',
  },
  'rule.knockout.passed': { vi: 'Không có điểm liệt nào bị trượt', en: 'No knockout item failed' },
  'rule.knockout.none-defined': {
    vi: 'Không có điểm liệt nào bị trượt (bộ tiêu chí chưa có chỉ tiêu nào là điểm liệt)',
    en: 'No knockout item failed (no item of this set is a knockout item)',
  },
  'rule.knockout.failed': {
    vi: 'Trượt {count} điểm liệt (chỉ tiêu bắt buộc phải đạt): {list}',
    en: '{count} knockout {count:item|items} (which must be met) failed: {list}',
  },
  'rule.mean-level.passed': {
    vi: 'Mức trung bình {actual}, không dưới mức cần {threshold}',
    en: 'The mean level is {actual}, at least the {threshold} needed',
  },
  'rule.mean-level.failed': {
    vi: 'Mức trung bình {actual}, cần ít nhất {threshold}',
    en: 'The mean level is {actual}; at least {threshold} is needed',
  },
  'rule.level.failed': {
    vi: '{name} đạt mức {actual}, cần ít nhất mức {threshold}',
    en: '{name} is at level {actual}; at least level {threshold} is needed',
  },
  'rule.each-level.passed': {
    vi: 'Mọi tiêu chí đạt ít nhất mức {threshold}',
    en: 'Every criterion reaches at least level {threshold}',
  },
  'rule.each-level.failed': {
    vi: '{count} tiêu chí dưới mức {threshold}: {list}',
    en: '{count} {count:criterion is|criteria are} below level {threshold}: {list}',
  },
  'rule.not-evaluated': {
    vi: 'Không có chỉ tiêu nào áp dụng để xét quy tắc này: bỏ qua',
    en: 'No applicable item for this rule to judge: skipped',
  },
  'score.points': { vi: '{points}/{max} điểm ({percent})', en: '{points}/{max} {max:point|points} ({percent})' },
  'score.percent': { vi: '{percent}', en: '{percent}' },
  'result.unanswered': {
    vi: 'Còn {count} chỉ tiêu chưa trả lời: {list}',
    en: '{count} {count:item|items} not yet answered: {list}',
  },
  'result.unassessed': {
    vi: '{count} chỉ tiêu không đánh giá được: {list}',
    en: '{count} {count:item|items} could not be assessed: {list}',
  },
  'level.defect': {
    vi: 'Mức 1: có khiếm khuyết ở {list}',
    en: 'Level 1: a defect is present at {list}',
  },
  'level.stopped': {
    vi: 'Đạt mức {level}; để đạt mức {next} cần: {list}',
    en: 'At level {level}; to reach level {next}: {list}',
  },
  'level.top': { vi: 'Đạt mức cao nhất ({level})', en: 'Reaches the top level ({level})' },
  // --- improvement plan ---
  'plan.goal.knockout': {
    vi: 'Sửa {item}: điểm liệt phải đạt thì phiếu mới đạt',
    en: 'Fix {item}: a knockout item must be met for the assessment to pass',
  },
  'plan.goal.node': { vi: 'Sửa {item} để đạt {name}', en: 'Fix {item} to pass {name}' },
  'plan.goal.level': {
    vi: 'Sửa {item} để {name} đạt mức {level}',
    en: 'Fix {item} so that {name} reaches level {level}',
  },
  // --- answer kinds (engine, ADR 0011) ---
  'answer.count-allowed': { vi: 'một số nguyên ≥ 0 (số lần)', en: 'a whole number ≥ 0 (a count)' },
  // --- set, schema and level texts the engine itself reports (the other checks' texts: check-messages.ts) ---
  'answer.facility-kind': {
    vi: 'Bộ tiêu chí không áp dụng cho loại cơ sở "{kind}" (áp dụng cho: {allowed})',
    en: 'The criteria set does not apply to facility kind "{kind}" (it applies to: {allowed})',
  },
  'answer.zone-missing': {
    vi: 'Bộ tiêu chí phân biệt theo vùng nhưng cơ sở chưa có vùng',
    en: 'The criteria set depends on the zone, but the facility has none',
  },
  'set.points-missing': {
    vi: 'Thiếu số điểm ("points") cho chỉ tiêu tính điểm',
    en: 'Missing "points" for an item of a points-scored set',
  },
  'set.duplicate-id': { vi: 'Mã "{id}" bị trùng (đã dùng ở {other})', en: 'Id "{id}" is used twice (also at {other})' },
  'set.partial-too-high': {
    vi: 'Điểm đạt một phần ({partial}) phải nhỏ hơn điểm đạt ({points})',
    en: 'Partial points ({partial}) must be below full points ({points})',
  },
  'set.bands-order': {
    vi: 'Các ngưỡng phải tăng dần: {prev} rồi {next}',
    en: 'Band minimums must increase: {prev} then {next}',
  },
  'set.bands-start': {
    vi: 'Ngưỡng đầu tiên phải là {expected} để không bỏ sót khoảng nào',
    en: 'The first band must start at {expected} so no range is left uncovered',
  },
  'set.numeric-range': {
    vi: 'Giá trị nhỏ nhất ({min}) lớn hơn giá trị lớn nhất ({max})',
    en: 'Minimum ({min}) is above maximum ({max})',
  },
  'schema.version-newer': {
    vi: 'Tài liệu có schemaVersion {found}, mới hơn phiên bản phần mềm này hiểu ({known}); hãy cập nhật phần mềm',
    en: 'Document has schemaVersion {found}, newer than this software understands ({known}); please update',
  },
  'level.pending': {
    vi: 'Mức 1 (tạm thời): chưa trả lời tiểu mục mức 1 {list}',
    en: 'Level 1 (provisional): level-1 elements not yet answered: {list}',
  },
  'result.nothing-applicable': {
    vi: 'Không có chỉ tiêu nào áp dụng: không thể kết luận',
    en: 'No item is applicable: there is nothing to decide on',
  },
} as const satisfies MessageTable;

export type MessageCode = keyof typeof TABLE;

/** The message for `code` with `{placeholders}` filled from `args`. */
export const message: (code: MessageCode, args?: MessageArgs) => Msg = defineMessages(TABLE);

/**
 * The message for `code` as a result explanation: the sentence in both languages with its code and arguments, so
 * an app, a PDF or a CLI can show it or write it again its own way (`message(e.code, e.params)`).
 */
export function explain(code: MessageCode, params: MessageArgs = {}): Explanation {
  return { ...message(code, params), code, params };
}

/** A short list for messages: the first few ids, then "+N". */
export function shortList(ids: readonly string[], max = 8): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} +${ids.length - max}`;
}
