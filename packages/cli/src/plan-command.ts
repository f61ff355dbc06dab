/**
 * `tieuchi plan <assessment.json>`: the improvement plan core proposes for an assessment (`proposePlan`), in the
 * order the app shows it — what changes the decision first (a failed knockout, a criterion or section under its
 * threshold, a level not reached), then by points to gain — as text, `--csv`, `--json` (the plan document) or
 * `--xlsx` (the app's plan columns, points to gain as numbers, a header block naming set, facility, round, date).
 */
import {
  ZERO,
  add,
  exactToNumber,
  formatDate,
  formatExact,
  localizeDecimal,
  proposePlan,
  sign,
  toCsv,
  vietnamToday,
  type CriteriaSet,
  type Exact,
  type ImprovementPlan,
  type Scored,
} from '@tieuchi/core';
import type { SheetSpec } from '@tieuchi/sheets';
import { type Command, type CommandContext, loadAssessment, scoreLoaded } from './command.js';
import { UserError, type Lang, oneLine } from './io.js';
import { say, textIn } from './messages.js';
import { writeXlsx } from './xlsx.js';

type Action = ImprovementPlan['actions'][number];

/** Each item of a set by id: its code and its text. */
function items(set: CriteriaSet): Map<string, { code?: string | undefined; text: { vi: string; en?: string } }> {
  return new Map(set.sections.flatMap((s) => s.criteria.flatMap((c) => c.items.map((it) => [it.id, it] as const))));
}

/** Points the plan would gain if every action succeeded (points-model sets; zero otherwise). */
const gainOf = (plan: ImprovementPlan): Exact =>
  plan.actions.reduce((sum, x) => (x.pointsToGain ? add(sum, x.pointsToGain) : sum), ZERO);

const points = (x: Exact, lang: Lang): string => localizeDecimal(formatExact(x), lang);

/** The header block: set, facility, round, the day assessed and the day the file is made (dd/mm/yyyy, Vietnam). */
function headerLines(s: Scored, lang: Lang): { label: string; value: string }[] {
  const { set, assessment: a } = s;
  return [
    { label: say(lang, 'xlsx.set'), value: `${textIn(set.shortTitle ?? set.title, lang)} (${set.id}, ${set.version})` },
    { label: say(lang, 'xlsx.facility'), value: a.facility.name },
    { label: say(lang, 'xlsx.round'), value: a.round?.label ?? a.round?.id ?? '' },
    { label: say(lang, 'plan.assessed-on'), value: formatDate(a.assessedOn ?? a.submittedAt ?? a.createdAt) },
    { label: say(lang, 'xlsx.date'), value: formatDate(vietnamToday()) },
  ].filter((x) => x.value !== '');
}

function text(s: Scored, plan: ImprovementPlan, lang: Lang): string {
  const idx = items(s.set);
  const out = [
    `${say(lang, 'plan.title')}: ${s.assessment.facility.name}`,
    ...headerLines(s, lang)
      .filter((h) => h.label !== say(lang, 'xlsx.facility'))
      .map((h) => `${h.label}: ${h.value}`),
    '',
  ];
  if (!plan.actions.length) return [...out, say(lang, 'plan.empty')].map(oneLine).join('\n') + '\n';
  const gain = gainOf(plan);
  out.push(
    say(lang, 'plan.count', { n: plan.actions.length }) +
      (sign(gain) !== 0
        ? `; ${say(lang, 'plan.gain-total', { points: points(gain, lang), n: exactToNumber(gain) })}`
        : ''),
  );
  plan.actions.forEach((x, i) => {
    const it = idx.get(x.itemId);
    const head = [
      `${String(i + 1).padStart(3)}. ${it?.code ?? x.itemId}`,
      it ? textIn(it.text, lang) : '',
      x.pointsToGain
        ? say(lang, 'plan.gain', { points: points(x.pointsToGain, lang), n: exactToNumber(x.pointsToGain) })
        : '',
      x.knockout ? say(lang, 'plan.knockout').toUpperCase() : '',
    ]
      .filter(Boolean)
      .join('  ');
    out.push(head);
    if (x.goal) out.push(`     ${say(lang, 'plan.why-first')}: ${textIn(x.goal, lang)}`);
    const problem = x.problem ?? '';
    const note = it && problem.startsWith(`${it.text.vi} — `) ? problem.slice(it.text.vi.length + 3) : '';
    if (note) out.push(`     ${say(lang, 'plan.note')}: ${note}`);
  });
  return out.map(oneLine).join('\n') + '\n';
}

/** The plan's rows for `--csv` (neutral ids and decimal point, for machines). */
function csvText(s: Scored, plan: ImprovementPlan): string {
  const idx = items(s.set);
  return toCsv(
    ['order', 'item_id', 'code', 'item', 'problem', 'why_first', 'points_to_gain', 'knockout'],
    plan.actions.map((x: Action, i) =>
      [
        i + 1,
        x.itemId,
        idx.get(x.itemId)?.code ?? '',
        idx.get(x.itemId)?.text.vi ?? '',
        x.problem,
        x.goal?.vi ?? '',
        x.pointsToGain ? formatExact(x.pointsToGain) : '',
        x.knockout ? 'yes' : '',
      ].map((v) => (typeof v === 'string' ? oneLine(v) : v)),
    ),
  );
}

/** The plan as one sheet: the app's plan columns (action, owner, due, resources left to fill in) and why first. */
export function planSheets(s: Scored, plan: ImprovementPlan, lang: Lang): SheetSpec[] {
  const idx = items(s.set);
  return [
    {
      name: say(lang, 'plan.title'),
      header: headerLines(s, lang),
      columns: [
        { title: say(lang, 'plan.code'), width: 10 },
        { title: say(lang, 'xlsx.item'), width: 50 },
        { title: say(lang, 'plan.problem'), width: 40 },
        { title: say(lang, 'plan.why-first'), width: 40 },
        { title: say(lang, 'plan.action'), width: 30 },
        { title: say(lang, 'plan.owner'), width: 18 },
        { title: say(lang, 'plan.due'), kind: 'date', width: 12 },
        { title: say(lang, 'plan.resources'), width: 18 },
        { title: say(lang, 'plan.status'), width: 14 },
        { title: say(lang, 'plan.points'), kind: 'number', decimals: 2, width: 10 },
        { title: say(lang, 'plan.knockout'), width: 10 },
      ],
      rows: plan.actions.map((x) => {
        const it = idx.get(x.itemId);
        return [
          it?.code ?? x.itemId,
          it ? textIn(it.text, lang) : '',
          x.problem,
          x.goal ? textIn(x.goal, lang) : '',
          x.action,
          x.owner,
          x.due,
          x.resources,
          say(lang, 'plan.planned'),
          x.pointsToGain ? exactToNumber(x.pointsToGain) : undefined,
          x.knockout ? say(lang, 'plan.knockout') : '',
        ];
      }),
    },
  ];
}

export const planCommand: Command = {
  usage:
    'plan <assessment.json> [--json|--csv|--xlsx <f>]   the improvement plan proposed for an assessment, what\n' +
    '                                                          changes the decision first, then by points to gain',
  run: (ctx: CommandContext) => {
    const { args, options, io, lang } = ctx;
    if (args.length !== 1) throw new UserError(say(lang, 'plan.one-file'));
    const file = args[0]!;
    const { assessment, set } = loadAssessment(file, options.set, io, lang);
    const s: Scored = { set, assessment, result: scoreLoaded(file, set, assessment, lang) };
    const plan = proposePlan(s, new Date().toISOString());
    if (options.xlsx) return writeXlsx(ctx, planSheets(s, plan, lang));
    io.stdout(
      options.json ? JSON.stringify(plan, null, 2) + '\n' : options.csv ? csvText(s, plan) : text(s, plan, lang),
    );
    return 0;
  },
};
