/**
 * Every text the CLI prints, by code, in Vietnamese and English: one table built with core's `defineMessages`
 * (typed codes, plurals by Intl.PluralRules). Numbers arrive already written for each language.
 */
import { defineMessages, type MessageArgs, type MessageTable } from '@tieuchi/core';
import type { Lang } from './io.js';

const TABLE = {
  // --- usage errors ---
  'score.one-file': { vi: 'score: chỉ một tệp phiếu', en: 'score: one assessment file' },
  'validate.no-file': { vi: 'validate: cần ít nhất một tệp', en: 'validate: at least one file is needed' },
  'validate.unknown-kind': { vi: 'không rõ loại tài liệu', en: 'unknown document kind' },
  'cli.unknown-command': { vi: 'lệnh không rõ "{cmd}"', en: 'unknown command "{cmd}"' },
  'load.no-assessment': { vi: 'cần tệp phiếu đánh giá', en: 'an assessment file is needed' },
  'report.no-out': { vi: 'report: cần --out <tệp.pdf>', en: 'report: --out <file.pdf> is needed' },
  'report.blank-no-file': {
    vi: 'report --blank: không nhận tệp phiếu, chỉ --set',
    en: 'report --blank: takes no assessment, only --set',
  },
  'report.blank-no-set': {
    vi: 'report --blank: cần --set <bộ tiêu chí.json>',
    en: 'report --blank: --set <criteria-set.json> is needed',
  },
  'report.one-file': { vi: 'report: chỉ một tệp phiếu', en: 'report: one assessment file' },
  'report.bundle-choose': {
    vi: 'gói có {count} phiếu, chọn một bằng --id',
    en: 'the bundle holds {count} {count:assessment|assessments}, choose one with --id',
  },
  'report.needs-package': {
    vi: 'report: cần gói @tieuchi/report (npm install @tieuchi/report) để tạo PDF',
    en: 'report: the PDF needs the @tieuchi/report package (npm install @tieuchi/report)',
  },
  'report.bundle-missing': { vi: 'không có phiếu "{id}" trong gói', en: 'no assessment "{id}" in the bundle' },
  'write.failed': { vi: 'không ghi được tệp ({code})', en: 'cannot write the file ({code})' },
  'compare.two-files': {
    vi: 'compare: cần hai tệp phiếu (trước, sau)',
    en: 'compare: two assessment files (before, after)',
  },
  'reconcile.two-files': {
    vi: 'reconcile: cần hai tệp (tự đánh giá, kiểm tra)',
    en: 'reconcile: two files (self-assessment, inspection)',
  },
  'rank.no-files': { vi: 'rank: cần các tệp phiếu', en: 'rank: assessment files are needed' },
  'rank.baseline-followup': {
    vi: 'rank: --baseline và --followup phải đi cùng nhau',
    en: 'rank: --baseline and --followup go together',
  },
  'aggregate.no-files': { vi: 'aggregate: cần các tệp phiếu', en: 'aggregate: assessment files are needed' },
  'aggregate.several-sets': {
    vi: 'aggregate: các phiếu dùng nhiều bộ tiêu chí: {ids}',
    en: 'aggregate: the assessments use several criteria sets: {ids}',
  },
  'verify.no-file': { vi: 'verify: cần ít nhất một tệp', en: 'verify: at least one file is needed' },
  'verify.bad-keys': {
    vi: 'tệp khoá không hợp lệ (cần {"kind":"device-keys","keys":[…]})',
    en: 'not a valid keys file (expected {"kind":"device-keys","keys":[…]})',
  },
  'verify.not-a-document': {
    vi: 'cần phiếu đánh giá hoặc gói phiếu',
    en: 'an assessment or a bundle is needed',
  },
  'verify.valid': { vi: 'hợp lệ', en: 'valid' },
  'verify.invalid': { vi: 'KHÔNG hợp lệ', en: 'NOT valid' },
  'verify.registered': { vi: 'khoá đã đăng ký', en: 'registered key' },
  'verify.revoked': { vi: 'khoá ĐÃ THU HỒI', en: 'key REVOKED' },
  'verify.signed-line': {
    vi: 'thiết bị ký: {who}, {when}, khoá {key}: {validity}; {standing}',
    en: 'device-signed: {who}, {when}, key {key}: {validity}; {standing}',
  },
  'verify.uncovered': {
    vi: 'chữ ký tay không được thiết bị ký xác nhận',
    en: 'drawn signature not covered by a device signature',
  },
  'verify.changed-after': { vi: ' — thêm hoặc sửa sau khi ký', en: ' — added or changed after signing' },
  'verify.unsigned': { vi: 'chưa ký', en: 'not signed' },
  'verify.draft': { vi: 'bản nháp (chưa khoá)', en: 'draft (not locked)' },
  'verify.hash-matches': { vi: 'mã băm khớp', en: 'content hash matches' },
  'verify.unknown-key': {
    vi: 'khoá lạ (chưa đăng ký với hội đồng)',
    en: 'unknown key (not registered with the council)',
  },
  'verify.claims': { vi: 'tự nhận "{name}"', en: 'claims "{name}"' },
  // --- score summary ---
  'summary.total': { vi: 'Tổng điểm', en: 'Total' },
  'summary.decision': { vi: 'Kết quả', en: 'Decision' },
  'summary.reasons': { vi: 'Lý do', en: 'Reasons' },
  'summary.rules': { vi: 'Quy tắc', en: 'Rules' },
  'summary.criteria': { vi: 'Tiêu chí', en: 'Criteria' },
  'summary.pass': { vi: 'ĐẠT', en: 'PASS' },
  'summary.fail': { vi: 'KHÔNG ĐẠT', en: 'FAIL' },
  'summary.incomplete': {
    vi: 'CHƯA ĐỦ (còn chỉ tiêu chưa trả lời hoặc không đánh giá được)',
    en: 'INCOMPLETE (items not yet answered or not assessed)',
  },
  'summary.none': {
    vi: '(không kết luận: bộ tiêu chí không có quy tắc đạt/không đạt, hoặc không có gì áp dụng)',
    en: '(no decision: the set has no pass rules, or nothing is applicable)',
  },
  'summary.rating': { vi: 'Xếp loại', en: 'Rating' },
  'summary.mean': { vi: 'Mức trung bình', en: 'Mean level' },
  'summary.level-sum': { vi: 'tổng các mức', en: 'sum of levels' },
  'summary.level': { vi: 'mức {level}', en: 'level {level}' },
  'summary.na': { vi: 'không áp dụng', en: 'not applicable' },
  'summary.evidence': {
    vi: 'Thiếu ảnh minh chứng ({count} chỉ tiêu): {list}',
    en: 'Missing photo evidence ({count} {count:item|items}): {list}',
  },
  'summary.zone': { vi: 'vùng {zone}', en: 'zone {zone}' },
  'kind.self-assessment': { vi: 'Tự đánh giá', en: 'Self-assessment' },
  'kind.external-inspection': { vi: 'Kiểm tra, đánh giá của đoàn', en: 'External inspection' },
  'kind.contest-round': { vi: 'Vòng chấm điểm hội thi', en: 'Contest round' },
  // --- improvement loop ---
  'compare.total': { vi: 'Tổng', en: 'Total' },
  'compare.pp': { vi: 'điểm phần trăm', en: 'pp' },
  'compare.newly-met': { vi: 'Mới đạt', en: 'Newly met' },
  'compare.newly-lost': { vi: 'Không còn đạt', en: 'Newly lost' },
  'compare.added': { vi: 'Chỉ tiêu mới', en: 'Added items' },
  'compare.removed': { vi: 'Chỉ tiêu đã bỏ', en: 'Removed items' },
  'reconcile.agreement': { vi: 'Đồng thuận', en: 'Agreement' },
  'reconcile.total-difference': {
    vi: 'Chênh lệch tổng điểm (tự đánh giá − kiểm tra)',
    en: 'Total difference (self − inspection)',
  },
  'reconcile.disagreements': { vi: 'Khác nhau', en: 'Disagreements' },
  'reconcile.not-compared': { vi: 'Không so sánh được', en: 'Not compared' },
  'rank.unsigned': {
    vi: 'không có chữ ký của thiết bị đã đăng ký (không xếp hạng)',
    en: 'no signature by a registered device (not ranked)',
  },
  'rank.by-improvement': { vi: 'Xếp hạng theo mức cải thiện', en: 'Ranking by improvement' },
  'rank.of-gap': { vi: 'khoảng cách', en: 'of gap' },
  'rank.already-full': {
    vi: 'đã đạt 100 % ở vòng đầu (xếp riêng)',
    en: 'already at 100% at baseline (listed apart)',
  },
  'rank.missing-round': { vi: 'thiếu vòng {round}', en: 'missing round {round}' },
  'rank.incomplete': { vi: 'phiếu chưa đủ (không xếp hạng)', en: 'incomplete assessment (not ranked)' },
  'rank.by-score': { vi: 'Xếp hạng theo điểm', en: 'Ranking by score' },
  'aggregate.counts': {
    vi: '{count} phiếu: đạt {pass}, không đạt {fail}, chưa đủ {incomplete}',
    en: '{count} {count:assessment|assessments}: pass {pass}, fail {fail}, incomplete {incomplete}',
  },
  'aggregate.weakest': { vi: 'Tiêu chí yếu nhất', en: 'Weakest criteria' },
  'aggregate.pass': { vi: 'đạt {passing}/{applicable}', en: 'pass {passing}/{applicable}' },
  'aggregate.distribution': { vi: 'Phân bố tổng điểm', en: 'Distribution of totals' },
  'xlsx.written': { vi: '✓ {file} (bảng tính)', en: '✓ {file} (spreadsheet)' },
  'xlsx.set': { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  'xlsx.round': { vi: 'Vòng', en: 'Round' },
  'xlsx.date': { vi: 'Ngày lập', en: 'Made on' },
  'xlsx.facility': { vi: 'Cơ sở', en: 'Facility' },
  'xlsx.item': { vi: 'Chỉ tiêu', en: 'Item' },
  'xlsx.self': { vi: 'Tự đánh giá', en: 'Self-assessment' },
  'xlsx.inspection': { vi: 'Kiểm tra', en: 'Inspection' },
  'xlsx.points-difference': { vi: 'Chênh lệch điểm (tự − kiểm tra)', en: 'Points difference (self − inspection)' },
  'xlsx.rank': { vi: 'Hạng', en: 'Rank' },
  'xlsx.percent': { vi: 'Tỷ lệ điểm', en: 'Percent' },
  'xlsx.decision': { vi: 'Kết quả', en: 'Decision' },
  'xlsx.tied': { vi: 'Đồng hạng', en: 'Tied' },
  'xlsx.baseline': { vi: 'Vòng đầu', en: 'Baseline' },
  'xlsx.followup': { vi: 'Vòng sau', en: 'Follow-up' },
  'xlsx.gain': { vi: 'Tăng (điểm phần trăm)', en: 'Gain (percentage points)' },
  'xlsx.gap-closed': { vi: 'Phần khoảng cách đã thu hẹp', en: 'Share of the gap closed' },
  'xlsx.applicable': { vi: 'Số phiếu áp dụng', en: 'Assessments applicable' },
  'xlsx.mean-percent': { vi: 'Tỷ lệ điểm trung bình', en: 'Mean percent' },
  'xlsx.passing': { vi: 'Số phiếu đạt tiêu chí', en: 'Assessments passing' },
  'xlsx.pass-rate': { vi: 'Tỷ lệ đạt', en: 'Pass rate' },
  'xlsx.points': { vi: 'Điểm', en: 'Points' },
  'xlsx.max': { vi: 'Điểm tối đa', en: 'Maximum' },
  'xlsx.yes': { vi: 'có', en: 'yes' },
  // --- reading files (io.ts) ---
  'read.no-stdin': { vi: 'không có đầu vào chuẩn', en: 'no standard input' },
  'read.not-found': { vi: 'không tìm thấy tệp', en: 'file not found' },
  'read.directory': { vi: 'là một thư mục', en: 'is a directory' },
  'read.fifo': { vi: 'là một đường ống (FIFO)', en: 'is a FIFO (named pipe)' },
  'read.device': { vi: 'là một thiết bị', en: 'is a device' },
  'read.not-regular': { vi: 'không phải tệp thường', en: 'is not a regular file' },
  'read.not-read': { vi: '{what}, không đọc', en: '{what}, not read' },
  'read.file-too-big': { vi: 'tệp lớn hơn giới hạn {limit}', en: 'file is larger than the {limit} limit' },
  'read.too-big': { vi: 'lớn hơn giới hạn {limit}', en: 'larger than the {limit} limit' },
  'json.end': { vi: 'hết tệp quá sớm', en: 'unexpected end of file' },
  'json.unexpected': { vi: 'ký tự không mong đợi {char}', en: 'unexpected character {char}' },
  'json.malformed': {
    vi: 'JSON không hợp lệ (dòng {line}, cột {column}): {near}',
    en: 'malformed JSON (line {line}, column {column}): {near}',
  },
  'set.other-version': {
    vi: 'Bộ tiêu chí "{id}" có phiên bản {versions} nhưng phiếu cần phiên bản {version}',
    en: 'Criteria set "{id}" is available in version {versions} but the assessment needs version {version}',
  },
  'set.unknown': {
    vi: 'Không tìm thấy bộ tiêu chí "{id}" (dùng --set <tệp>)',
    en: 'Unknown criteria set "{id}" (use --set <file>)',
  },
  // --- report photos ---
  'photos.no-folder': { vi: 'không tìm thấy thư mục', en: 'folder not found' },
  'photos.not-folder': { vi: 'không phải thư mục', en: 'not a folder' },
  // --- import-table, export-table ---
  'table.bad-xlsx': { vi: 'không đọc được tệp XLSX ({why})', en: 'not a readable XLSX file ({why})' },
  'table.no-sheet': { vi: 'không có trang tính "{sheet}" ({sheets})', en: 'no sheet "{sheet}" ({sheets})' },
  'table.row': { vi: 'dòng {row}', en: 'row {row}' },
  'table.level': { vi: 'mức {level}', en: 'level {level}' },
  'table.points': { vi: '{points} điểm', en: '{points} pt' },
  'table.knockout': { vi: 'điểm liệt', en: 'knockout' },
  'table.table': { vi: 'bảng', en: 'table' },
  'table.column': { vi: 'cột {letter} ({title})', en: 'column {letter} ({title})' },
  'import.one-file': {
    vi: 'import-table: cần đúng một tệp .xlsx hoặc .csv',
    en: 'import-table: one .xlsx or .csv file',
  },
  'import.no-map': {
    vi: 'import-table: cần --map code=A,text=C,…',
    en: 'import-table: --map code=A,text=C,… is needed',
  },
  'import.no-document': {
    vi: 'import-table: cần --document <số văn bản>',
    en: 'import-table: --document <document number> is needed',
  },
  'import.bad-skip': { vi: 'cần số nguyên ≥ 0', en: 'a whole number ≥ 0 is needed' },
  'import.problems': {
    vi: '{n} lỗi, không lưu gì',
    en: '{n} {n:problem|problems}, nothing saved',
  },
  'import.valid-not-saved': {
    vi: 'Bảng hợp lệ; chưa lưu (thêm --out <bộ-tiêu-chí.json>).',
    en: 'The table is valid; nothing saved (add --out <set.json>).',
  },
  'export.one-file': {
    vi: 'export-table: cần đúng một tệp bộ tiêu chí',
    en: 'export-table: one criteria set file',
  },
  'export.no-out': {
    vi: 'export-table: cần --out <tệp.xlsx|.csv>',
    en: 'export-table: --out <file.xlsx|.csv> is needed',
  },
  'export.rows': { vi: '{n} dòng', en: '{n} {n:row|rows}' },
  // --- plan (the app's plan words, loop/messages.ts, where there are the same) ---
  'plan.one-file': { vi: 'plan: chỉ một tệp phiếu', en: 'plan: one assessment file' },
  'plan.title': { vi: 'Kế hoạch cải tiến', en: 'Improvement plan' },
  'plan.empty': { vi: 'Không có mục nào cần cải tiến.', en: 'Nothing to improve.' },
  'plan.count': { vi: '{n} hành động', en: '{n} {n:action|actions}' },
  'plan.gain-total': { vi: 'có thể tăng tới {points} điểm', en: 'up to {points} {n:point|points} to gain' },
  'plan.gain': { vi: '+{points} điểm', en: '+{points} {n:point|points}' },
  'plan.why-first': { vi: 'Vì sao làm trước', en: 'Why first' },
  'plan.note': { vi: 'Ghi chú khi đánh giá', en: 'Note from the assessment' },
  'plan.assessed-on': { vi: 'Ngày đánh giá', en: 'Assessed on' },
  'plan.code': { vi: 'Mã', en: 'Code' },
  'plan.problem': { vi: 'Tồn tại', en: 'Problem seen' },
  'plan.action': { vi: 'Hành động khắc phục', en: 'Action' },
  'plan.owner': { vi: 'Người phụ trách', en: 'Owner' },
  'plan.due': { vi: 'Hạn hoàn thành', en: 'Due' },
  'plan.resources': { vi: 'Nguồn lực', en: 'Resources' },
  'plan.status': { vi: 'Trạng thái', en: 'Status' },
  'plan.planned': { vi: 'Đã lên kế hoạch', en: 'Planned' },
  'plan.points': { vi: 'Điểm có thể tăng', en: 'Points to gain' },
  'plan.knockout': { vi: 'Điểm liệt', en: 'Knockout' },
} as const satisfies MessageTable;

/** A CLI message code. */
export type CliMessageCode = keyof typeof TABLE;

/** The CLI's message for `code` in both languages. */
export const msg = defineMessages(TABLE);

/** The CLI's message for `code` in `lang`. */
export const say = (lang: Lang, code: CliMessageCode, args?: MessageArgs): string => msg(code, args)[lang];

/** A text from a document (a set's title, a reason) in `lang`: English when the document has it, else Vietnamese. */
export const textIn = (t: { vi: string; en?: string | undefined }, lang: Lang): string =>
  lang === 'en' ? (t.en ?? t.vi) : t.vi;
