/**
 * The readable summary `tieuchi score` prints: totals, decision with every reason, and a line per criterion.
 */
import type { Assessment, CriteriaSet, ScoreResult } from '@tieuchi/core';
import { formatExact } from '@tieuchi/core';
import { type Lang, oneLine } from './io.js';

const T = {
  vi: {
    total: 'Tổng điểm',
    decision: 'Kết quả',
    reasons: 'Lý do',
    criteria: 'Tiêu chí',
    pass: 'ĐẠT',
    fail: 'KHÔNG ĐẠT',
    incomplete: 'CHƯA ĐỦ (còn chỉ tiêu chưa trả lời hoặc không đánh giá được)',
    none: '(không kết luận: bộ tiêu chí không có quy tắc đạt/không đạt, hoặc không có gì áp dụng)',
    rating: 'Xếp loại',
    mean: 'Mức trung bình',
    level: 'mức',
    na: 'không áp dụng',
    knockouts: 'Điểm liệt không đạt',
    evidence: 'Thiếu ảnh minh chứng',
  },
  en: {
    total: 'Total',
    decision: 'Decision',
    reasons: 'Reasons',
    criteria: 'Criteria',
    pass: 'PASS',
    fail: 'FAIL',
    incomplete: 'INCOMPLETE (items unanswered or not assessed)',
    none: '(no decision: the set has no pass rules, or nothing is applicable)',
    rating: 'Rating',
    mean: 'Mean level',
    level: 'level',
    na: 'not applicable',
    knockouts: 'Failed knockout items',
    evidence: 'Missing photo evidence',
  },
} as const;

const pad = (s: string, n: number): string => (s.length >= n ? s.slice(0, n - 1) + '…' : s + ' '.repeat(n - s.length));

export function summary(set: CriteriaSet, a: Assessment, r: ScoreResult, lang: Lang): string {
  const t = T[lang];
  const text = (x: { vi: string; en?: string }) => (lang === 'en' ? (x.en ?? x.vi) : x.vi);
  const out: string[] = [];
  out.push(`${a.facility.name} — ${text(set.title)} (${set.id}@${set.version})`);
  out.push(`${a.assessmentKind}${a.assessedOn ? `, ${a.assessedOn}` : ''}${r.zone ? `, vùng/zone ${r.zone}` : ''}`);
  out.push('');
  if (r.meanLevel) out.push(`${t.mean}: ${formatExact(r.meanLevel, 2)} (Σ ${r.levelSum})`);
  else
    out.push(
      `${t.total}: ${r.total.display.points} / ${r.total.display.max}${r.total.display.percent ? ` (${r.total.display.percent}%)` : ''}`,
    );
  if (r.rating) out.push(`${t.rating}: ${text(r.rating.label)}`);
  out.push(`${t.decision}: ${t[r.decision]}`);
  if (r.reasons.length) {
    out.push(`${t.reasons}:`);
    for (const x of r.reasons) out.push(`  - ${x[lang]}`);
  }
  if (r.missingEvidence.length) out.push(`${t.evidence}: ${r.missingEvidence.join(', ')}`);
  out.push('');
  out.push(`${t.criteria}:`);
  const titles = new Map(set.sections.flatMap((s) => s.criteria).map((c) => [c.id, text(c.title)]));
  for (const s of r.sections) {
    for (const c of s.criteria) {
      const sc = c.score;
      const right = !sc.applicable
        ? t.na
        : c.level !== undefined
          ? `${t.level} ${c.level}`
          : `${pad(`${sc.display.points}/${sc.display.max}`, 9)} ${sc.display.percent?.padStart(5) ?? ''}%`;
      out.push(`  ${pad(c.id, 8)} ${pad(titles.get(c.id) ?? '', 52)} ${right}`);
    }
  }
  // Names, titles and ids come from files: one line each, control characters escaped.
  return out.map(oneLine).join('\n') + '\n';
}
