/**
 * compare, reconcile, rank, aggregate: the improvement loop on the command line, as text, --json or --csv.
 */
import {
  aggregate,
  compareAssessments,
  formatExact,
  formatPercent,
  mul,
  sign,
  HUNDRED,
  rankByImprovement,
  rankByScore,
  reconcile,
  toCsv,
  verifyAttestations,
  type Exact,
  type Scored,
} from '@tieuchi/core';
import { UserError, formatProblems, oneLine } from './io.js';
import { loadKeys } from './verify-command.js';
import { type Command, type CommandContext, loadAssessment, scoreLoaded } from './main.js';

const pct = (x: Exact | undefined): string => (x ? formatPercent(x) : '');
const signed = (x: Exact | undefined, f: (x: Exact) => string = pct): string =>
  x ? (sign(x) > 0 ? `+${f(x)}` : f(x)) : '';
const num = (x: Exact | undefined): string => (x ? formatExact(x, 2) : '');

function loadScored(file: string, ctx: CommandContext): Scored {
  const { assessment, set } = loadAssessment(file, ctx.options.set, ctx.io, ctx.lang);
  return { set, assessment, result: scoreLoaded(file, set, assessment, ctx.lang) };
}

/**
 * What `rank` and `aggregate` read of a scored assessment, and nothing more: each file is read, verified and
 * scored one at a time and only this is kept, so a council's 20,000 files do not hold 20,000 documents and
 * results in memory (the set is one shared object per run). Same fields, same values: the output is unchanged.
 */
export function slimScored(s: Scored, perItem = true): Scored {
  const a = s.assessment;
  const facility: Record<string, unknown> = { id: a.facility.id, name: a.facility.name };
  if (a.facility.registryId !== undefined) facility.registryId = a.facility.registryId;
  if (a.facility.zone !== undefined) facility.zone = a.facility.zone;
  const assessment: Record<string, unknown> = { id: a.id, facility };
  if (a.round) assessment.round = { id: a.round.id };
  for (const k of ['assessedOn', 'submittedAt', 'createdAt', 'updatedAt'] as const)
    if (a[k] !== undefined) assessment[k] = a[k];
  const r = s.result;
  const result: Record<string, unknown> = {
    decision: r.decision,
    complete: r.complete,
    total: { percent: r.total.percent },
    // Ranking reads no criterion or item: only aggregate keeps them.
    sections: !perItem
      ? []
      : r.sections.map((sec) => ({
          criteria: sec.criteria.map((c) => ({
            id: c.id,
            score: { applicable: c.score.applicable, percent: c.score.percent },
            items: c.items.map((i) => ({ id: i.id, status: i.status, met: i.met })),
          })),
        })),
  };
  return {
    set: s.set,
    assessment: assessment as unknown as Scored['assessment'],
    result: result as unknown as Scored['result'],
  };
}

/**
 * Loads the files of a multi-file command one after the other (the first bad file stops the command with its
 * problems, as before), gives each full {@link Scored} to `each` (which may refuse it) and keeps its
 * {@link slimScored} form (`perItem`: with its per-criterion and per-item results, which only aggregate reads).
 */
async function loadAll(
  ctx: CommandContext,
  perItem: boolean,
  each?: (s: Scored) => Promise<boolean>,
): Promise<{ kept: Scored[]; refused: Scored[] }> {
  const kept: Scored[] = [];
  const refused: Scored[] = [];
  for (const f of ctx.args) {
    const s = loadScored(f, ctx);
    ((each ? await each(s) : true) ? kept : refused).push(slimScored(s, perItem));
  }
  return { kept, refused };
}

/** CSV whose text fields are on one line each, control characters escaped (a terminal shows --csv too). */
const csv = (header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string =>
  toCsv(
    header,
    rows.map((r) => r.map((v) => (typeof v === 'string' ? oneLine(v) : v))),
  );

function emit(ctx: CommandContext, json: unknown, csv: () => string, text: () => string): number {
  ctx.io.stdout(ctx.options.json ? JSON.stringify(json, null, 2) + '\n' : ctx.options.csv ? csv() : text());
  return 0;
}

const need = (ctx: CommandContext, n: number, what: string): void => {
  if (ctx.args.length !== n) throw new UserError(`${what}`);
};

export const compareCommand: Command = {
  usage: 'compare <before.json> <after.json> [--json|--csv]   deltas between two assessments of one facility',
  run: (ctx) => {
    need(
      ctx,
      2,
      ctx.lang === 'vi' ? 'compare: cần hai tệp phiếu (trước, sau)' : 'compare: two assessment files (before, after)',
    );
    const [bf, af] = ctx.args as [string, string];
    const r = compareAssessments(loadScored(bf, ctx), loadScored(af, ctx));
    if (!r.ok) throw new UserError(formatProblems(af, r.errors, ctx.lang));
    const c = r.value;
    const vi = ctx.lang === 'vi';
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
          `${vi ? 'Tổng' : 'Total'}: ${pct(c.total.before?.percent)}% → ${pct(c.total.after?.percent)}% (${signed(c.total.deltaPercent)} ${vi ? 'điểm %' : 'pp'})`,
          ...c.criteria.map(
            (x) =>
              `  ${x.id.padEnd(10)} ${pct(x.before?.percent).padStart(6)}% → ${pct(x.after?.percent).padStart(6)}%  ${signed(x.deltaPercent)}`,
          ),
          `${vi ? 'Mới đạt' : 'Newly met'}: ${c.newlyMet.join(', ') || '—'}`,
          `${vi ? 'Không còn đạt' : 'Newly lost'}: ${c.newlyLost.join(', ') || '—'}`,
          ...(c.added.length ? [`${vi ? 'Chỉ tiêu mới' : 'Added items'}: ${c.added.join(', ')}`] : []),
          ...(c.removed.length ? [`${vi ? 'Chỉ tiêu đã bỏ' : 'Removed items'}: ${c.removed.join(', ')}`] : []),
        ]
          .map(oneLine)
          .join('\n') + '\n',
    );
  },
};

export const reconcileCommand: Command = {
  usage: 'reconcile <self.json> <inspection.json> [--json|--csv]   self-assessment against inspection',
  run: (ctx) => {
    need(
      ctx,
      2,
      ctx.lang === 'vi'
        ? 'reconcile: cần hai tệp (tự đánh giá, kiểm tra)'
        : 'reconcile: two files (self-assessment, inspection)',
    );
    const [sf, inf] = ctx.args as [string, string];
    const r = reconcile(loadScored(sf, ctx), loadScored(inf, ctx));
    if (!r.ok) throw new UserError(formatProblems(inf, r.errors, ctx.lang));
    const x = r.value;
    const vi = ctx.lang === 'vi';
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
          `${vi ? 'Đồng thuận' : 'Agreement'}: ${x.agreed}/${x.compared}${x.agreementRate ? ` (${pct(mul(x.agreementRate, HUNDRED))}%)` : ''}`,
          `Cohen's kappa: ${x.kappa ? formatExact(x.kappa, 3) : `— (${x.kappaNote})`}`,
          `${vi ? 'Chênh lệch tổng điểm (tự đánh giá − kiểm tra)' : 'Total difference (self − inspection)'}: ${signed(x.totalDifference, num)}`,
          `${vi ? 'Khác nhau' : 'Disagreements'}:`,
          ...x.disagreements.map((d) => `  ${d.id.padEnd(10)} ${d.self} ≠ ${d.inspection}`),
          ...(x.notCompared.length
            ? [`${vi ? 'Không so sánh được' : 'Not compared'}: ${x.notCompared.join(', ')}`]
            : []),
        ]
          .map(oneLine)
          .join('\n') + '\n',
    );
  },
};

export const rankCommand: Command = {
  usage:
    'rank <assessment.json...> [--round R | --baseline R --followup R [--by gain|gap-closed]] [--keys <keys.json>] [--json|--csv]\n' +
    '                                                          contest ranking by final score or by improvement\n' +
    '                                                          (--keys: only assessments signed by a registered device)',
  run: async (ctx) => {
    if (!ctx.args.length)
      throw new UserError(ctx.lang === 'vi' ? 'rank: cần các tệp phiếu' : 'rank: assessment files are needed');
    const { baseline, followup, round, by } = ctx.options;
    const vi = ctx.lang === 'vi';
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
    const { kept: all, refused: unsigned } = await loadAll(
      ctx,
      false,
      keys
        ? async (s) => {
            const opts: Parameters<typeof verifyAttestations>[1] = { set: s.set, keys: keys! };
            if (ctx.options['received-at']) opts.receivedAt = ctx.options['received-at'];
            return (await verifyAttestations(s.assessment, opts)).registered;
          }
        : undefined,
    );
    if (keysError) throw keysError;
    const unsignedLines = unsigned.map(
      (s) =>
        `  ${s.assessment.facility.name}: ${vi ? 'không có chữ ký của thiết bị đã đăng ký (không xếp hạng)' : 'no signature by a registered device (not ranked)'}`,
    );
    if (baseline || followup) {
      if (!baseline || !followup) throw new UserError('rank: --baseline and --followup go together');
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
            `${vi ? 'Xếp hạng theo mức cải thiện' : 'Ranking by improvement'} ${baseline} → ${followup} (${r.by})`,
            ...r.rows.map(
              (x) =>
                `${String(x.rank).padStart(3)}${x.tied ? '=' : ' '} ${x.facilityName.padEnd(40)} ${pct(x.baseline).padStart(6)}% → ${pct(x.followup).padStart(6)}%  ${signed(x.gain).padStart(7)}  ${pct(mul(x.gapClosed, HUNDRED))}% ${vi ? 'khoảng cách' : 'of gap'}`,
            ),
            ...r.alreadyFull.map(
              (x) =>
                `  ${x.facilityName}: ${vi ? 'đã đạt 100% ở vòng đầu (xếp riêng)' : 'already at 100 % at baseline (listed apart)'}`,
            ),
            ...r.missing.map((x) => `  ${x.facilityName}: ${vi ? 'thiếu vòng' : 'missing round'} ${x.missing}`),
            ...r.incomplete.map((x) => `  ${x.facilityName}: ${vi ? 'phiếu chưa đủ' : 'incomplete assessment'}`),
            ...unsignedLines,
          ]
            .map(oneLine)
            .join('\n') + '\n',
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
          `${vi ? 'Xếp hạng theo điểm' : 'Ranking by score'}${round ? ` (${round})` : ''}`,
          ...r.rows.map(
            (x) =>
              `${String(x.rank).padStart(3)}${x.tied ? '=' : ' '} ${x.facilityName.padEnd(40)} ${pct(x.percent).padStart(6)}%  ${x.decision}`,
          ),
          ...r.incomplete.map(
            (x) => `  ${x.facilityName}: ${vi ? 'phiếu chưa đủ (không xếp hạng)' : 'incomplete (not ranked)'}`,
          ),
          ...unsignedLines,
        ]
          .map(oneLine)
          .join('\n') + '\n',
    );
  },
};

export const aggregateCommand: Command = {
  usage: 'aggregate <assessment.json...> [--json|--csv]   pass rates per criterion and item, weakest criteria',
  run: async (ctx) => {
    if (!ctx.args.length)
      throw new UserError(
        ctx.lang === 'vi' ? 'aggregate: cần các tệp phiếu' : 'aggregate: assessment files are needed',
      );
    const { kept: all } = await loadAll(ctx, true);
    const ids = new Set(all.map((s) => s.set.id));
    if (ids.size > 1)
      throw new UserError(
        `aggregate: ${ctx.lang === 'vi' ? 'các phiếu dùng nhiều bộ tiêu chí' : 'the assessments use several criteria sets'}: ${[...ids].join(', ')}`,
      );
    const a = aggregate(all);
    const vi = ctx.lang === 'vi';
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
          `${a.count} ${vi ? 'phiếu' : 'assessments'}: ${vi ? 'đạt' : 'pass'} ${a.decisions.pass}, ${vi ? 'không đạt' : 'fail'} ${a.decisions.fail}, ${vi ? 'chưa đủ' : 'incomplete'} ${a.decisions.incomplete}`,
          `${vi ? 'Tiêu chí yếu nhất' : 'Weakest criteria'}: ${a.weakest.slice(0, 5).join(', ')}`,
          ...a.criteria.map(
            (c) =>
              `  ${c.id.padEnd(10)} ${pct(c.meanPercent).padStart(6)}%${c.passRate ? `  ${vi ? 'đạt' : 'pass'} ${c.passing}/${c.applicable}` : ''}`,
          ),
          `${vi ? 'Phân bố tổng điểm' : 'Distribution of totals'}: ${a.distribution.map((d) => `${d.from}–${d.to}%: ${d.count}`).join('  ')}`,
        ]
          .map(oneLine)
          .join('\n') + '\n',
    );
  },
};
