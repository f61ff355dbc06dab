/**
 * UI messages of the fill-in view's navigation, the level ladder and the reasons shown while filling in,
 * Vietnamese first. Spread into `src/messages.ts`, so `t('fill.navigation')` type-checks like every other key.
 */
type M = { vi: string; en: string };

export const fillMessages = {
  'fill.navigation': { vi: 'Đi đến tiêu chí', en: 'Go to a criterion' },
  'fill.answeredOf': { vi: '{done}/{total} đã trả lời', en: '{done}/{total} answered' },
  'fill.jumpTo': { vi: 'Đi đến', en: 'Go to' },
  'fill.stoppedAt': { vi: 'Dừng ở {item}: {why}', en: 'Stopped at {item}: {why}' },
  'fill.why.unanswered': { vi: 'chưa trả lời', en: 'not answered yet' },
  'fill.why.evidence': { vi: 'thiếu ảnh minh chứng', en: 'the required photo is missing' },
  'fill.allDoneEvidence': {
    vi: 'Đã trả lời hết các mục và đủ ảnh minh chứng.',
    en: 'Every item is answered and has the photos it needs.',
  },
  'fill.whyIncomplete': { vi: 'Vì sao chưa có kết quả', en: 'Why there is no result yet' },
  'fill.whyFail': { vi: 'Vì sao không đạt', en: 'Why it does not pass' },
  'fill.missingEvidence': {
    vi: '{n} mục thiếu ảnh minh chứng (cần trước khi nộp): {list}',
    en: '{n} {n:item lacks|items lack} a required photo (needed before submitting): {list}',
  },
  'level.notAssessed': { vi: 'Chưa đánh giá', en: 'Not yet assessed' },
  'level.provisional': { vi: 'Mức {n} (tạm tính)', en: 'Level {n} (provisional)' },
  'level.group': { vi: 'Mức {n}', en: 'Level {n}' },
  'level.reached': { vi: 'Đạt mức {n}', en: 'Level {n} reached' },
  'level.toReach': { vi: 'Để đạt mức {n} cần: {list}', en: 'To reach level {n}: {list}' },
  'level.top': { vi: 'Đã đạt mức cao nhất ({n}).', en: 'The top level ({n}) is reached.' },
  'level.beyond': {
    vi: 'Đạt, nhưng chưa được tính: tiêu chí dừng ở mức {n}',
    en: 'Met, but not counted: the criterion stops at level {n}',
  },
  'level.elementMet': { vi: 'Đạt', en: 'Met' },
  'level.elementNotMet': { vi: 'Chưa đạt', en: 'Not met' },
  'level.meanPending': {
    vi: 'chưa tính — còn {n} tiêu chí chưa đánh giá xong',
    en: 'not yet — {n} criteria not fully assessed',
  },
  'level.counts': { vi: 'Số tiêu chí theo mức', en: 'Criteria by level' },
  'results.notes': { vi: 'Còn thiếu', en: 'Still missing' },
  'results.lockedAt': { vi: 'Đã khoá lúc {at}', en: 'Locked at {at}' },
  'results.technical': { vi: 'Thông tin kỹ thuật (mã băm)', en: 'Technical details (content hash)' },
  'xlsx.export': { vi: 'Xuất Excel (XLSX)', en: 'Export Excel (XLSX)' },
  'xlsx.set': { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  'xlsx.round': { vi: 'Đợt đánh giá', en: 'Round' },
  'xlsx.made': { vi: 'Ngày xuất', en: 'Exported on' },
  'plan.overdue': { vi: 'Quá hạn ({date})', en: 'Overdue ({date})' },
  'rec.print': { vi: 'In', en: 'Print' },
  'rec.selfNote': { vi: 'Ghi chú (tự đánh giá)', en: 'Note (self-assessment)' },
  'rec.inspectionNote': { vi: 'Ghi chú (đoàn kiểm tra)', en: 'Note (inspection)' },
  'xlsx.assessedOn': { vi: 'Ngày đánh giá', en: 'Assessed on' },
  'xlsx.facility': { vi: 'Cơ sở', en: 'Facility' },
  'xlsx.score': { vi: 'Điểm (%)', en: 'Score (%)' },
  'xlsx.gainPoints': { vi: 'Tăng (điểm phần trăm)', en: 'Gain (percentage points)' },
  'xlsx.fileRanking': { vi: 'xếp hạng', en: 'ranking' },
  'xlsx.fileHeat': { vi: 'bản đồ nhiệt', en: 'heat map' },
} as const satisfies Record<string, M>;
