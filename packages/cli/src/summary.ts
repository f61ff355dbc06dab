/**
 * The readable summary `tieuchi score` prints: totals, decision with every reason in words, each rule's outcome,
 * and a line per criterion. Numbers are written as the language writes them (decimal comma in Vietnamese).
 */
import type { Assessment, CriteriaSet, ScoreResult } from '@tieuchi/core';
import { formatDate, formatLevel, localizeDecimal, nameList, namesOf, percentText } from '@tieuchi/core';
import { type Lang, oneLine } from './io.js';
import { say, textIn } from './messages.js';

const pad = (s: string, n: number): string => (s.length >= n ? s.slice(0, n - 1) + '…' : s + ' '.repeat(n - s.length));

const DECISION = {
  pass: 'summary.pass',
  fail: 'summary.fail',
  incomplete: 'summary.incomplete',
  none: 'summary.none',
} as const;

const MARK = { passed: '✓', failed: '✗', 'not-evaluated': '–' } as const;

/** The summary of one scored assessment, in `lang`. */
export function summary(set: CriteriaSet, a: Assessment, r: ScoreResult, lang: Lang): string {
  const text = (x: { vi: string; en?: string }) => textIn(x, lang);
  const num = (s: string) => localizeDecimal(s, lang);
  const names = namesOf(set);
  const out: string[] = [];
  out.push(`${a.facility.name} — ${text(set.title)} (${set.id}@${set.version})`);
  out.push(
    `${say(lang, `kind.${a.assessmentKind}`)}${a.assessedOn ? `, ${formatDate(a.assessedOn)}` : ''}${r.zone ? `, ${say(lang, 'summary.zone', { zone: r.zone })}` : ''}`,
  );
  out.push('');
  if (r.meanLevel) {
    const t = r.rules.filter((x) => x.kind === 'mean-level-at-least' && x.threshold).map((x) => x.threshold!);
    out.push(
      `${say(lang, 'summary.mean')}: ${num(formatLevel(r.meanLevel, t))} (${say(lang, 'summary.level-sum')} ${r.levelSum})`,
    );
  } else {
    const d = r.total.display;
    out.push(
      `${say(lang, 'summary.total')}: ${num(d.points)}/${num(d.max)}${d.percent ? ` (${percentText(d.percent, lang)})` : ''}`,
    );
  }
  if (r.rating) out.push(`${say(lang, 'summary.rating')}: ${text(r.rating.label)}`);
  out.push(`${say(lang, 'summary.decision')}: ${say(lang, DECISION[r.decision])}`);
  if (r.reasons.length) {
    out.push(`${say(lang, 'summary.reasons')}:`);
    for (const x of r.reasons) out.push(`  - ${text(x)}`);
  }
  if (r.rules.length) {
    out.push(`${say(lang, 'summary.rules')}:`);
    for (const x of r.rules) out.push(`  ${MARK[x.status]} ${text(x.message)}`);
  }
  if (r.missingEvidence.length) {
    const list = nameList(r.missingEvidence.map((id) => names.item(id)));
    out.push(say(lang, 'summary.evidence', { count: r.missingEvidence.length, list }));
  }
  out.push('');
  out.push(`${say(lang, 'summary.criteria')}:`);
  const crit = new Map(set.sections.flatMap((s) => s.criteria).map((c) => [c.id, c]));
  for (const s of r.sections) {
    for (const c of s.criteria) {
      const sc = c.score;
      const src = crit.get(c.id);
      const right = !sc.applicable
        ? say(lang, 'summary.na')
        : c.level !== undefined
          ? say(lang, 'summary.level', { level: c.level })
          : `${pad(`${num(sc.display.points)}/${num(sc.display.max)}`, 9)} ${percentText(sc.display.percent ?? '0', lang).padStart(7)}`;
      const label = src?.code?.replace(/^tiêu chí\s+/i, '') ?? c.id;
      out.push(`  ${pad(label, 8)} ${pad(src ? text(src.title) : '', 52)} ${right}`);
    }
  }
  // Names, titles and ids come from files: one line each, control characters escaped.
  return out.map(oneLine).join('\n') + '\n';
}
