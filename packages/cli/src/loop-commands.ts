/**
 * compare, reconcile, rank, aggregate: the improvement loop on the command line, as text, --json or --csv.
 */
import {
  compareAssessments,
  createAggregator,
  formatExact,
  formatPercent,
  localizeDecimal,
  namesOf,
  exactToNumber,
  mul,
  sign,
  HUNDRED,
  rankByImprovement,
  rankByScore,
  reconcile,
  toCsv,
  type Exact,
  type RegisteredKey,
  type Scored,
} from '@tieuchi/core';
import type { SheetSpec } from '@tieuchi/sheets';
import { UserError, formatProblems, oneLine } from './io.js';
import { say } from './messages.js';
import { cellNumber, criterionName, fraction, header, writeXlsx } from './xlsx.js';
import { loadKeys } from './verify-command.js';
import { type Command, type CommandContext, loadAssessment, scoreLoaded } from './command.js';
import { scoreEach } from './pool.js';

const pct = (x: Exact | undefined): string => (x ? formatPercent(x) : '');
const signed = (x: Exact | undefined, f: (x: Exact) => string = pct): string =>
  x ? (sign(x) > 0 ? `+${f(x)}` : f(x)) : '';
const num = (x: Exact | undefined): string => (x ? formatExact(x, 2) : '');

function loadScored(file: string, ctx: CommandContext): Scored {
  const { assessment, set } = loadAssessment(file, ctx.options.set, ctx.io, ctx.lang);
  return { set, assessment, result: scoreLoaded(file, set, assessment, ctx.lang) };
}

export { slimScored } from './slim.js';

/**
 * Loads the files of a multi-file command (the first bad file, in argument order, stops the command with its
 * problems, as before), in this thread or in workers (`pool.ts`), and keeps the slim record of each
 * (`perItem`: with its per-criterion and per-item results, which only aggregate reads); `refused`: those not
 * signed by a registered device when `keys` are given.
 */
async function loadAll(
  ctx: CommandContext,
  perItem: boolean,
  keys?: readonly RegisteredKey[],
): Promise<{ kept: Scored[]; refused: Scored[] }> {
  const kept: Scored[] = [];
  const refused: Scored[] = [];
  const opts: Parameters<typeof scoreEach>[1] = { perItem, keys, receivedAt: ctx.options['received-at'] };
  await scoreEach(ctx, opts, (s, counted) => (counted ? kept : refused).push(s));
  return { kept, refused };
}

/** CSV whose text fields are on one line each, control characters escaped (a terminal shows --csv too). */
const csv = (header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string =>
  toCsv(
    header,
    rows.map((r) => r.map((v) => (typeof v === 'string' ? oneLine(v) : v))),
  );

function emit(
  ctx: CommandContext,
  json: unknown,
  csv: () => string,
  text: () => string,
  sheets: () => SheetSpec[],
): number | Promise<number> {
  if (ctx.options.xlsx) return writeXlsx(ctx, sheets());
  ctx.io.stdout(ctx.options.json ? JSON.stringify(json, null, 2) + '\n' : ctx.options.csv ? csv() : text());
  return 0;
}

/** A percentage for text output, as the language writes it ("82,8" in Vietnamese). */
const pctL = (ctx: CommandContext, x: Exact | undefined): string => localizeDecimal(pct(x), ctx.lang);
const signedL = (ctx: CommandContext, x: Exact | undefined, f: (x: Exact) => string = pct): string =>
  localizeDecimal(signed(x, f), ctx.lang);

const need = (ctx: CommandContext, n: number, what: string): void => {
  if (ctx.args.length !== n) throw new UserError(`${what}`);
};

export const compareCommand: Command = {
  usage:
    'compare <before.json> <after.json> [--json|--csv|--xlsx <f>]   deltas between two assessments of one facility',
  run: (ctx) => {
    need(ctx, 2, say(ctx.lang, 'compare.two-files'));
    const [bf, af] = ctx.args as [string, string];
    const before = loadScored(bf, ctx);
    const after = loadScored(af, ctx);
    const r = compareAssessments(before, after);
    if (!r.ok) throw new UserError(formatProblems(af, r.errors, ctx.lang));
    const c = r.value;
    const L = ctx.lang;
    return emit(
      ctx,
      c,
      () =>
        csv(
          ['level', 'id', 'before_percent', 'after_percent', 'delta_percent_points', 'delta_points', 'change'],
          [
            [
              'total',
              'total',
              pct(c.total.before?.percent),
              pct(c.total.after?.percent),
              signed(c.total.deltaPercent),
              num(c.total.deltaPoints),
              '',
            ],
            ...c.criteria.map((x) => [
              'criterion',
              x.id,
              pct(x.before?.percent),
              pct(x.after?.percent),
              signed(x.deltaPercent),
              num(x.deltaPoints),
              '',
            ]),
            ...c.items.map((x) => ['item', x.id, '', '', '', num(x.deltaPoints), x.change]),
          ],
        ),
      () =>
        [
          `${c.facilityId}: ${c.before.assessmentId} (${c.before.when ?? '?'}) → ${c.after.assessmentId} (${c.after.when ?? '?'})`,
          `${say(L, 'compare.total')}: ${pctL(ctx, c.total.before?.percent)}% → ${pctL(ctx, c.total.after?.percent)}% (${signedL(ctx, c.total.deltaPercent)} ${say(L, 'compare.pp')})`,
          ...c.criteria.map(
            (x) =>
              `  ${x.id.padEnd(10)} ${pctL(ctx, x.before?.percent).padStart(6)}% → ${pctL(ctx, x.after?.percent).padStart(6)}%  ${signedL(ctx, x.deltaPercent)}`,
          ),
          `${say(L, 'compare.newly-met')}: ${c.newlyMet.join(', ') || '—'}`,
          `${say(L, 'compare.newly-lost')}: ${c.newlyLost.join(', ') || '—'}`,
          ...(c.added.length ? [`${say(L, 'compare.added')}: ${c.added.join(', ')}`] : []),
          ...(c.removed.length ? [`${say(L, 'compare.removed')}: ${c.removed.join(', ')}`] : []),
        ]
          .map(oneLine)
          .join('\n') + '\n',
      () => [
        {
          name: say(L, 'compare.total'),
          header: header([before, after], L),
          columns: [
            { title: say(L, 'summary.criteria'), width: 48 },
            { title: before.assessment.assessedOn ?? c.before.assessmentId, kind: 'percent' },
            { title: after.assessment.assessedOn ?? c.after.assessmentId, kind: 'percent' },
            { title: say(L, 'xlsx.gain'), kind: 'number', decimals: 1 },
          ],
          rows: [
            [
              say(L, 'compare.total'),
              fraction(c.total.before?.percent),
              fraction(c.total.after?.percent),
              cellNumber(c.total.deltaPercent),
            ],
            ...c.criteria.map((x) => [
              criterionName(after, x.id, L),
              fraction(x.before?.percent),
              fraction(x.after?.percent),
              cellNumber(x.deltaPercent),
            ]),
          ],
        },
      ],
    );
  },
};

export const reconcileCommand: Command = {
  usage: 'reconcile <self.json> <inspection.json> [--json|--csv|--xlsx <f>]   self-assessment against inspection',
  run: (ctx) => {
    need(ctx, 2, say(ctx.lang, 'reconcile.two-files'));
    const [sf, inf] = ctx.args as [string, string];
    const self = loadScored(sf, ctx);
    const insp = loadScored(inf, ctx);
    const r = reconcile(self, insp);
    if (!r.ok) throw new UserError(formatProblems(inf, r.errors, ctx.lang));
    const x = r.value;
    const L = ctx.lang;
    const item = (id: string) => namesOf(insp.set).item(id)[L];
    return emit(
      ctx,
      x,
      () =>
        csv(
          ['item', 'self', 'inspection', 'self_minus_inspection_points'],
          x.disagreements.map((d) => [d.id, d.self, d.inspection, num(d.pointsDifference)]),
        ),
      () =>
        [
          `${say(L, 'reconcile.agreement')}: ${x.agreed}/${x.compared}${x.agreementRate ? ` (${pctL(ctx, mul(x.agreementRate, HUNDRED))}%)` : ''}`,
          `Cohen's kappa: ${x.kappa ? localizeDecimal(formatExact(x.kappa, 3), L) : `— (${x.kappaNote})`}`,
          `${say(L, 'reconcile.total-difference')}: ${signedL(ctx, x.totalDifference, num)}`,
          `${say(L, 'reconcile.disagreements')}:`,
          ...x.disagreements.map((d) => `  ${d.id.padEnd(10)} ${d.self} ≠ ${d.inspection}`),
          ...(x.notCompared.length ? [`${say(L, 'reconcile.not-compared')}: ${x.notCompared.join(', ')}`] : []),
        ]
          .map(oneLine)
          .join('\n') + '\n',
      () => [
        {
          name: say(L, 'reconcile.disagreements'),
          header: [
            ...header([self, insp], L),
            { label: say(L, 'reconcile.agreement'), value: `${x.agreed}/${x.compared}` },
            { label: "Cohen's kappa", value: x.kappa ? exactToNumber(x.kappa) : `— (${x.kappaNote})` },
          ],
          columns: [
            { title: say(L, 'xlsx.item'), width: 56 },
            { title: say(L, 'xlsx.self') },
            { title: say(L, 'xlsx.inspection') },
            { title: say(L, 'xlsx.points-difference'), kind: 'number', decimals: 2 },
          ],
          rows: x.disagreements.map((d) => [item(d.id), d.self, d.inspection, cellNumber(d.pointsDifference)]),
        },
      ],
    );
  },
};

export const rankCommand: Command = {
  usage:
    'rank <assessment.json...> [--round R | --baseline R --followup R [--by gain|gap-closed]] [--keys <keys.json>] [--json|--csv|--xlsx <f>]\n' +
    '                                                          contest ranking by final score or by improvement\n' +
    '                                                          (--keys: only assessments signed by a registered device)',
  run: async (ctx) => {
    const L = ctx.lang;
    if (!ctx.args.length) throw new UserError(say(L, 'rank.no-files'));
    const { baseline, followup, round, by } = ctx.options;
    // With the council's keys, only assessments with a valid signature by a registered (unrevoked) device count.
    // The keys are read first (each file is checked as it is read) but a bad keys file is reported, as before,
    // only once every assessment file has loaded.
    let keys: ReturnType<typeof loadKeys> | undefined;
    let keysError: unknown;
    if (ctx.options.keys) {
      try {
        keys = loadKeys(ctx.options.keys, ctx.lang);
      } catch (e) {
        keysError = e;
      }
    }
    const { kept: all, refused: unsigned } = await loadAll(ctx, false, keys);
    if (keysError) throw keysError;
    const unsignedLines = unsigned.map((s) => `  ${s.assessment.facility.name}: ${say(L, 'rank.unsigned')}`);
    const facility = { title: say(L, 'xlsx.facility'), width: 40 };
    if (baseline || followup) {
      if (!baseline || !followup) throw new UserError(say(L, 'rank.baseline-followup'));
      if (by !== undefined && by !== 'gain' && by !== 'gap-closed') throw new UserError('rank: --by gain | gap-closed');
      const r = rankByImprovement(all, baseline, followup, (by as 'gain' | 'gap-closed' | undefined) ?? 'gain');
      return emit(
        ctx,
        r,
        () =>
          csv(
            [
              'rank',
              'facility_id',
              'facility',
              'baseline_percent',
              'followup_percent',
              'gain_points',
              'gap_closed_percent',
              'tied',
            ],
            r.rows.map((x) => [
              x.rank,
              x.facilityId,
              x.facilityName,
              pct(x.baseline),
              pct(x.followup),
              signed(x.gain),
              pct(mul(x.gapClosed, HUNDRED)),
              x.tied ? 'yes' : '',
            ]),
          ),
        () =>
          [
            `${say(L, 'rank.by-improvement')} ${baseline} → ${followup} (${r.by})`,
            ...r.rows.map(
              (x) =>
                `${String(x.rank).padStart(3)}${x.tied ? '=' : ' '} ${x.facilityName.padEnd(40)} ${pctL(ctx, x.baseline).padStart(6)}% → ${pctL(ctx, x.followup).padStart(6)}%  ${signedL(ctx, x.gain).padStart(7)}  ${pctL(ctx, mul(x.gapClosed, HUNDRED))}% ${say(L, 'rank.of-gap')}`,
            ),
            ...r.alreadyFull.map((x) => `  ${x.facilityName}: ${say(L, 'rank.already-full')}`),
            ...r.missing.map((x) => `  ${x.facilityName}: ${say(L, 'rank.missing-round', { round: x.missing })}`),
            ...r.incomplete.map((x) => `  ${x.facilityName}: ${say(L, 'rank.incomplete')}`),
            ...unsignedLines,
          ]
            .map(oneLine)
            .join('\n') + '\n',
        () => [
          {
            name: say(L, 'rank.by-improvement'),
            header: header(all, L, `${baseline} → ${followup}`),
            columns: [
              { title: say(L, 'xlsx.rank'), kind: 'number', width: 8 },
              facility,
              { title: say(L, 'xlsx.baseline'), kind: 'percent' },
              { title: say(L, 'xlsx.followup'), kind: 'percent' },
              { title: say(L, 'xlsx.gain'), kind: 'number', decimals: 1 },
              { title: say(L, 'xlsx.gap-closed'), kind: 'percent' },
              { title: say(L, 'xlsx.tied'), width: 10 },
            ],
            rows: r.rows.map((x) => [
              x.rank,
              x.facilityName,
              fraction(x.baseline),
              fraction(x.followup),
              cellNumber(x.gain),
              cellNumber(x.gapClosed),
              x.tied ? say(L, 'xlsx.yes') : '',
            ]),
          },
        ],
      );
    }
    const r = rankByScore(all, round);
    return emit(
      ctx,
      r,
      () =>
        csv(
          ['rank', 'facility_id', 'facility', 'percent', 'decision', 'tied'],
          r.rows.map((x) => [x.rank, x.facilityId, x.facilityName, pct(x.percent), x.decision, x.tied ? 'yes' : '']),
        ),
      () =>
        [
          `${say(L, 'rank.by-score')}${round ? ` (${round})` : ''}`,
          ...r.rows.map(
            (x) =>
              `${String(x.rank).padStart(3)}${x.tied ? '=' : ' '} ${x.facilityName.padEnd(40)} ${pctL(ctx, x.percent).padStart(6)}%  ${x.decision}`,
          ),
          ...r.incomplete.map((x) => `  ${x.facilityName}: ${say(L, 'rank.incomplete')}`),
          ...unsignedLines,
        ]
          .map(oneLine)
          .join('\n') + '\n',
      () => [
        {
          name: say(L, 'rank.by-score'),
          header: header(all, L, round),
          columns: [
            { title: say(L, 'xlsx.rank'), kind: 'number', width: 8 },
            facility,
            { title: say(L, 'xlsx.percent'), kind: 'percent' },
            { title: say(L, 'xlsx.decision') },
            { title: say(L, 'xlsx.tied'), width: 10 },
          ],
          rows: r.rows.map((x) => [
            x.rank,
            x.facilityName,
            fraction(x.percent),
            say(L, DECISION[x.decision as keyof typeof DECISION] ?? 'summary.none'),
            x.tied ? say(L, 'xlsx.yes') : '',
          ]),
        },
      ],
    );
  },
};

const DECISION = {
  pass: 'summary.pass',
  fail: 'summary.fail',
  incomplete: 'summary.incomplete',
  none: 'summary.none',
} as const;

export const aggregateCommand: Command = {
  usage:
    'aggregate <assessment.json...> [--json|--csv|--xlsx <f>]   pass rates per criterion and item, weakest criteria',
  run: async (ctx) => {
    const L = ctx.lang;
    if (!ctx.args.length) throw new UserError(say(L, 'aggregate.no-files'));
    // Streamed: each result is counted as it arrives and dropped (memory flat in the number of files); kept are
    // only the first result of each set version and round (for the spreadsheet's header block) and the last.
    const acc = createAggregator();
    const ids = new Set<string>();
    const seen = new Set<string>();
    const all: Scored[] = [];
    let last: Scored | undefined;
    // Counted where each file is scored (in the workers: per batch, merged in argument order); the slim records
    // that come here carry no criterion or item.
    await scoreEach(
      ctx,
      { perItem: false },
      (s) => {
        ids.add(s.set.id);
        const key = JSON.stringify([s.set.id, s.set.version, s.assessment.round?.label ?? s.assessment.round?.id]);
        if (!seen.has(key)) {
          seen.add(key);
          all.push(s);
        }
        last = s;
      },
      acc,
    );
    if (ids.size > 1) throw new UserError(say(L, 'aggregate.several-sets', { ids: [...ids].join(', ') }));
    const a = acc.result();
    return emit(
      ctx,
      a,
      () =>
        csv(
          ['criterion', 'applicable', 'mean_percent', 'passing', 'pass_rate_percent'],
          a.criteria.map((c) => [
            c.id,
            c.applicable,
            pct(c.meanPercent),
            c.passing,
            c.passRate ? pct(mul(c.passRate, HUNDRED)) : '',
          ]),
        ),
      () =>
        [
          say(L, 'aggregate.counts', {
            count: a.count,
            pass: a.decisions.pass,
            fail: a.decisions.fail,
            incomplete: a.decisions.incomplete,
          }),
          `${say(L, 'aggregate.weakest')}: ${a.weakest.slice(0, 5).join(', ')}`,
          ...a.criteria.map(
            (c) =>
              `  ${c.id.padEnd(10)} ${pctL(ctx, c.meanPercent).padStart(6)}%${c.passRate ? `  ${say(L, 'aggregate.pass', { passing: c.passing ?? 0, applicable: c.applicable })}` : ''}`,
          ),
          `${say(L, 'aggregate.distribution')}: ${a.distribution.map((d) => `${d.from}–${d.to}%: ${d.count}`).join('  ')}`,
        ]
          .map(oneLine)
          .join('\n') + '\n',
      () => [
        {
          name: say(L, 'summary.criteria'),
          header: header(all, L),
          columns: [
            { title: say(L, 'summary.criteria'), width: 56 },
            { title: say(L, 'xlsx.applicable'), kind: 'number' },
            { title: say(L, 'xlsx.mean-percent'), kind: 'percent' },
            { title: say(L, 'xlsx.passing'), kind: 'number' },
            { title: say(L, 'xlsx.pass-rate'), kind: 'percent' },
          ],
          rows: a.criteria.map((c) => [
            criterionName(last!, c.id, L),
            c.applicable,
            fraction(c.meanPercent),
            c.passing,
            c.passRate ? cellNumber(c.passRate) : undefined,
          ]),
        },
      ],
    );
  },
};
