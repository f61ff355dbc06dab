import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { vietnamToday, type Assessment, type CriteriaSet, type Problem, type ScoreResult } from '../core.js';
import { LocaleController, formatDate, loc, locale, t } from '../i18n.js';
import { lt } from '../loop/messages.js';
import {
  aggregate,
  facilityKey,
  formatPercent,
  rankByImprovement,
  rankByScore,
  score,
  type Scored,
} from '../loop/core.js';

/** The round picker's value for "latest assessment of each facility, any round". */
const ALL_ROUNDS = '*';
import { download, toCsv } from '../loop/csv.js';
import { downloadXlsx, percentCell, type HeaderLine } from '../io/xlsx.js';
import { aggregateSheets } from './aggregate-sheet.js';
import type { Aggregate } from '../loop/core.js';
import { fileName } from '../io/file-name.js';
import {
  heatMap,
  improvementCsvRows,
  improvementSheetRows,
  scoreSheetRows,
  latestPerFacility,
  roundsOf,
  scoreCsvRows,
  setsOf,
  trendOf,
} from './dashboard-model.js';
import { criterionInfo } from '../loop/labels.js';
import { scoredAll, toNum, type ScoredSource } from '../loop/scored.js';
import { setKey } from '../model/assessment.js';
import { slug } from '../report/inputs.js';
import { href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import './tc-chart-bars.js';
import './tc-chart-heatmap.js';
import './tc-chart-trend.js';
import './tc-dashboard-ranking.js';
import './tc-server-dashboard.js';
import { cssom } from '../cssom.js';
import { campaignAsRound } from '../sync/campaign-rounds.js';
import { percentNum } from '../numbers.js';
import { iot } from '../io/view-messages.js';

type Mode = 'score' | 'gain' | 'gap-closed';
const loadIo = () => import('../io/bundle.js');

/**
 * The council / contest dashboard over the assessments on this device and any bundles imported here (checked
 * exactly as an import is, but kept in memory: viewing them writes nothing). Ranking by score or improvement,
 * heat map of criteria by facility, the weakest criteria, a facility's trend over rounds, CSV exports.
 */
@customElement('tc-dashboard')
export class TcDashboard extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .head { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; align-items: flex-start; margin-bottom: 10px; }
      .pickfile { position: relative; overflow: hidden; }
      .pickfile input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .controls { display: flex; gap: 10px 14px; flex-wrap: wrap; align-items: end; margin-bottom: 12px; }
      .controls label span { display: block; font-size: 0.85em; color: var(--tc-muted); }
      .seg { display: inline-flex; flex-wrap: wrap; gap: 4px; }
      .seg button[aria-pressed='true'] { background: var(--tc-green); border-color: var(--tc-green); color: #fff; font-weight: 600; }
      .grid { display: grid; grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr); gap: 12px; align-items: start; }
      section.card { min-width: 0; }
      .wide { margin-top: 12px; }
      .sub { font-size: 0.8em; font-weight: 400; }
      h2 button { min-height: 44px; font-size: 0.9rem; font-weight: 400; }
      .msg { padding: 10px 14px; border-radius: 10px; overflow-wrap: anywhere; }
      .msg ul { margin: 4px 0 0; padding-left: 18px; }
      h2 { display: flex; justify-content: space-between; align-items: center; gap: 8px; flex-wrap: wrap; }
      @media (max-width: 980px) { .grid { grid-template-columns: 1fr; } }
    `,
  ];

  private readonly _store = new StoreController(this);
  /** Assessments from imported bundles (memory only), by id; and the sets those bundles brought. */
  @state() private _imported = new Map<string, Assessment>();
  @state() private _importedSets = new Map<string, CriteriaSet>();
  @state() private _errors: { file: string; errors: Problem[] }[] = [];
  @state() private _busy = false;
  @state() private _setId = '';
  @state() private _mode: Mode = 'score';
  @state() private _round = '';
  @state() private _baseline = '';
  @state() private _followup = '';
  @state() private _facility = '';
  @state() private _drafts = false;
  private readonly _results = new WeakMap<Assessment, ScoreResult | null>();

  /** Sets and results for device and imported assessments alike. */
  private readonly _source: ScoredSource = {
    setFor: (a) => this._importedSets.get(setKey(a.criteriaSet)) ?? this._store.store.setFor(a),
    resultFor: (a) => {
      if (this._store.store.assessments.get(a.id) === a) return this._store.store.resultFor(a);
      let r = this._results.get(a);
      if (r === undefined) {
        const set = this._source.setFor(a);
        const out = set ? score(set, a) : undefined;
        this._results.set(a, (r = out?.ok ? out.value : null));
      }
      return r ?? undefined;
    },
  };

  constructor() {
    super();
    new LocaleController(this);
  }

  /** Every scorable assessment the dashboard uses (imported ones replace a device copy with the same id). */
  entries(): Scored[] {
    const all = new Map(this._store.store.assessments);
    for (const [id, a] of this._imported) all.set(id, a);
    return scoredAll(
      this._source,
      // An assessment made for a campaign is paired by that campaign, never by a typed round name (issue 12).
      [...all.values()].filter((a) => this._drafts || a.status !== 'draft').map(campaignAsRound),
    );
  }

  override render() {
    const store = this._store.store;
    if (!store.ready) return html`<p>${t('app.loading')}</p>`;
    const all = this.entries();
    const sets = setsOf(all);
    const setId = sets.some((s) => s.id === this._setId) ? this._setId : (sets[0]?.id ?? '');
    const set = sets.find((s) => s.id === setId)?.set;
    const list = all.filter((s) => s.set.id === setId);
    const rounds = roundsOf(list);
    const pick = (v: string, fallback: string | undefined) => (rounds.some((r) => r.id === v) ? v : (fallback ?? ''));
    // "Latest per facility" is a choice of its own (ALL), not an empty value the default would replace.
    const round = this._round === ALL_ROUNDS ? '' : pick(this._round, rounds.at(-1)?.id);
    const followup = pick(this._followup, rounds.at(-1)?.id);
    const baseline = pick(this._baseline, rounds.at(-2)?.id ?? rounds.at(-1)?.id);
    const mode: Mode = rounds.length < 2 ? 'score' : this._mode;
    const focusRound = mode === 'score' ? round : followup;
    const inFocus = focusRound ? list.filter((s) => s.assessment.round?.id === focusRound) : list;
    const scoreRanking = mode === 'score' ? rankByScore(list, round || undefined) : undefined;
    const improvement = mode !== 'score' ? rankByImprovement(list, baseline, followup, mode) : undefined;
    const facilities = latestPerFacility(list);
    const facility = facilities.some(
      (f) => f.assessment.facility.id === this._facility || f.assessment.facility.registryId === this._facility,
    )
      ? this._facility
      : (scoreRanking?.rows[0]?.facilityId ??
        improvement?.rows[0]?.facilityId ??
        (facilities[0] && (facilities[0].assessment.facility.registryId ?? facilities[0].assessment.facility.id)) ??
        '');
    return html`
      <div class="head">
        <div>
          <h1>${lt('dash.title')}</h1>
          <div class="muted" data-source>${lt('dash.source', { device: store.assessments.size, imported: this._imported.size })}</div>
        </div>
        <div class="row">
          <label class="btn pickfile">${lt('dash.import')}<input type="file" multiple accept=".json,application/json" data-dashboard-import ?disabled=${this._busy} @change=${this._onImport} /></label>
          ${this._imported.size ? html`<button @click=${this._clear}>${lt('dash.clear')}</button>` : nothing}
          <a class="btn" href=${href({ view: 'merge' })}>${lt('merge.open')}</a>
        </div>
      </div>
      <tc-server-dashboard></tc-server-dashboard>
      <p class="muted">${lt('dash.importHint')}</p>
      ${this._errors.map(
        (
          f,
        ) => html`<div class="msg bad" role="alert" data-dashboard-error><strong>${f.file}: ${iot('io.invalid')}</strong>
          <ul>${f.errors.slice(0, 8).map((e) => html`<li>${e.message[locale()] ?? e.message.vi}${e.pointer ? html` <code>${e.pointer}</code>` : nothing}</li>`)}</ul></div>`,
      )}
      ${!set ? html`<p class="card muted">${lt('dash.empty')}</p>` : this._main({ sets, setId, set, list, rounds, round, baseline, followup, mode, inFocus, scoreRanking, improvement, facilities, facility })}
    `;
  }

  private _main(v: {
    sets: ReturnType<typeof setsOf>;
    setId: string;
    set: CriteriaSet;
    list: Scored[];
    rounds: ReturnType<typeof roundsOf>;
    round: string;
    baseline: string;
    followup: string;
    mode: Mode;
    inFocus: Scored[];
    scoreRanking: ReturnType<typeof rankByScore> | undefined;
    improvement: ReturnType<typeof rankByImprovement> | undefined;
    facilities: Scored[];
    facility: string;
  }) {
    const roundSelect = (
      name: string,
      label: string,
      value: string,
      on: (x: string) => void,
      allowAll = false,
    ) => html`<label><span>${label}</span>
      <select name=${name} @change=${(e: Event) => on((e.target as HTMLSelectElement).value)}>
        ${allowAll ? html`<option value=${ALL_ROUNDS} ?selected=${!value}>${lt('dash.allRounds')}</option>` : nothing}
        ${v.rounds.map((r) => html`<option value=${r.id} ?selected=${r.id === value}>${r.label} (${r.count})</option>`)}
      </select></label>`;
    const agg = aggregate(v.inFocus);
    const meanOf = new Map(agg.criteria.map((c) => [c.id, c.meanPercent]));
    const weakest = agg.weakest.slice(0, 5).map((id) => {
      const m = meanOf.get(id)!;
      return { label: criterionInfo(id, v.set).label, value: toNum(m), text: percentNum(m) };
    });
    const trend = trendOf(v.list, v.facility).map((p) => ({
      label: p.roundLabel || formatDate(p.when),
      value: p.percent ? toNum(p.percent) : undefined,
      text: p.percent ? percentNum(p.percent) : t('decision.incomplete'),
    }));
    const facName =
      v.facilities.find((f) => (f.assessment.facility.registryId ?? f.assessment.facility.id) === v.facility)
        ?.assessment.facility.name ?? '';
    const hm = heatMap(v.inFocus, v.set, (c) => `${c.code ? `${c.code}. ` : ''}${loc(c.title)}`);
    // Rounds are shown by their names as written, never by their ids (slugs).
    const roundName = (id: string) => roundsOf(v.list).find((r) => r.id === id)?.label ?? id;
    const focusLabel = roundName(v.mode === 'score' ? v.round : v.followup) || lt('dash.allRounds');
    return html`
      <div class="controls card">
        <label><span>${lt('dash.set')}</span>
          <select name="set" @change=${(e: Event) => (this._setId = (e.target as HTMLSelectElement).value)}>
            ${v.sets.map((s) => html`<option value=${s.id} ?selected=${s.id === v.setId}>${loc(s.set.shortTitle ?? s.set.title)} (${s.count})</option>`)}
          </select></label>
        <div><span class="muted" ${cssom({ display: 'block', 'font-size': '0.85em' })}>${lt('dash.by')}</span>
          <div class="seg" role="group" aria-label=${lt('dash.by')}>
            ${(['score', 'gain', 'gap-closed'] as const).map(
              (m) =>
                html`<button data-mode=${m} aria-pressed=${v.mode === m ? 'true' : 'false'} ?disabled=${m !== 'score' && v.rounds.length < 2} @click=${() => (this._mode = m)}>${lt(`dash.mode.${m}`)}</button>`,
            )}
          </div></div>
        ${
          v.mode === 'score'
            ? roundSelect('round', lt('dash.round'), v.round, (x) => (this._round = x), true)
            : html`${roundSelect('baseline', lt('dash.baseline'), v.baseline, (x) => (this._baseline = x))}${roundSelect('followup', lt('dash.followup'), v.followup, (x) => (this._followup = x))}`
        }
        <label class="row" ${cssom({ 'min-height': '44px' })}><input type="checkbox" .checked=${this._drafts} @change=${(e: Event) => (this._drafts = (e.target as HTMLInputElement).checked)} /> ${lt('dash.drafts')}</label>
      </div>
      <div class="grid">
        <section class="card" data-section="ranking">
          <h2>${v.mode === 'score' ? lt('dash.rankingScore', { round: roundName(v.round) || lt('dash.allRounds') }) : lt('dash.rankingImprovement', { from: roundName(v.baseline), to: roundName(v.followup) })}
            <span class="row"><button @click=${() => this._exportRanking(v)} data-action="ranking-csv">${lt('dash.export')}</button>
            <button @click=${() => this._xlsxRanking(v, v.set)} data-action="ranking-xlsx">${t('xlsx.export')}</button></span></h2>
          <tc-dashboard-ranking .score=${v.scoreRanking} .improvement=${v.improvement}></tc-dashboard-ranking>
          ${this._notRanked(v.scoreRanking, v.facilities, roundName(v.round))}
        </section>
        <div ${cssom({ display: 'grid', gap: '12px' })}>
          <section class="card" data-section="weakest">
            <h2>${lt('dash.weakest')} <span class="muted sub">${focusLabel} · ${lt('dash.count', { n: agg.count })}</span></h2>
            ${weakest.length ? html`<tc-chart-bars .bars=${weakest} label=${`${lt('dash.weakest')} — ${focusLabel}`}></tc-chart-bars>` : html`<p class="muted">${lt('cmp.none')}</p>`}
            ${agg.count ? html`<button @click=${() => this._xlsxAggregate(agg, focusLabel, v.set)} data-action="aggregate-xlsx">${lt('agg.export')}</button>` : nothing}
          </section>
          <section class="card" data-section="trend">
            <h2>${lt('dash.trend')}</h2>
            <select name="facility" aria-label=${lt('dash.facility')} @change=${(e: Event) => (this._facility = (e.target as HTMLSelectElement).value)}>
                ${v.facilities.map((f) => {
                  const id = f.assessment.facility.registryId ?? f.assessment.facility.id;
                  return html`<option value=${id} ?selected=${id === v.facility}>${f.assessment.facility.name}</option>`;
                })}
            </select>
            <tc-chart-trend .points=${trend} label=${lt('dash.trendOf', { name: facName })}></tc-chart-trend>
          </section>
        </div>
      </div>
      <section class="card wide" data-section="heatmap">
        <h2>${lt('dash.heatmap')} <span class="muted sub">${focusLabel}</span>
          <span class="row"><button @click=${() => this._exportHeat(hm, focusLabel)} data-action="heatmap-csv">${lt('dash.exportHeat')}</button>
          <button @click=${() => this._xlsxHeat(hm, focusLabel, v.set)} data-action="heatmap-xlsx">${t('xlsx.export')}</button></span></h2>
        <p class="muted">${lt('dash.heatmapHint')}</p>
        <tc-chart-heatmap .data=${hm} naText=${t('item.na')} label=${`${lt('dash.heatmap')} — ${focusLabel}`}></tc-chart-heatmap>
      </section>
    `;
  }

  private async _onImport(e: Event) {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    this._busy = true;
    const io = await loadIo();
    const errors: { file: string; errors: Problem[] }[] = [];
    const imported = new Map(this._imported);
    const sets = new Map(this._importedSets);
    try {
      for (const f of files) {
        if (f.size > io.MAX_IMPORT_BYTES) {
          errors.push({
            file: f.name,
            errors: [
              {
                code: 'io.too-big',
                pointer: '',
                message: { vi: iot('io.tooBig', { mb: 200 }), en: iot('io.tooBig', { mb: 200 }) },
              },
            ],
          });
          continue;
        }
        // The same checks as an import, against the sets known here; nothing on the device counts as a conflict.
        await this._store.store.loadAllSets(); // waits for the built-in sets not loaded yet
        const known = new Map([...this._store.store.sets, ...sets]);
        const out = io.planImport(await f.text(), { sets: known, assessments: new Map() });
        if (!out.ok) {
          errors.push({ file: f.name, errors: out.errors });
          continue;
        }
        for (const s of out.plan.sets) sets.set(s.key, s.set);
        for (const a of out.plan.assessments) imported.set(a.id, a);
      }
    } finally {
      this._importedSets = sets;
      this._imported = imported;
      this._errors = errors;
      this._busy = false;
    }
  }

  private _clear() {
    this._imported = new Map();
    this._importedSets = new Map();
    this._errors = [];
  }

  /**
   * Facilities of the chosen set with no assessment in the chosen round: listed apart, with the reason, so that no
   * station silently drops out of the ranking.
   */
  private _notRanked(r: ReturnType<typeof rankByScore> | undefined, facilities: Scored[], round: string) {
    if (!r || !round) return nothing;
    const shown = new Set([...r.rows, ...r.incomplete].map((x) => x.facilityId));
    const absent = facilities.filter((s) => !shown.has(facilityKey(s.assessment)));
    if (!absent.length) return nothing;
    return html`<div class="muted" data-not-ranked=${absent.length}>
      <p>${lt('dash.notRanked', { n: absent.length, round })}</p>
      <ul>${absent.map((s) => html`<li>${s.assessment.facility.name} — ${lt('dash.notRankedWhy', { round, last: s.assessment.round?.label ?? formatDate(s.assessment.assessedOn ?? s.assessment.createdAt) })}</li>`)}</ul>
    </div>`;
  }

  private _exportRanking(v: {
    scoreRanking: ReturnType<typeof rankByScore> | undefined;
    improvement: ReturnType<typeof rankByImprovement> | undefined;
    round: string;
    baseline: string;
    followup: string;
    list: readonly Scored[];
  }) {
    // Rounds by their names as written, in the header and the file name (never their internal slugs).
    const name = (id: string) => roundsOf(v.list).find((r) => r.id === id)?.label ?? id;
    const file = (id: string) => slug(name(id)).toLowerCase();
    if (v.improvement) {
      const header = [
        lt('dash.rank'),
        lt('dash.tie'),
        lt('dash.facility'),
        'id',
        `${name(v.baseline)} %`,
        `${name(v.followup)} %`,
        lt('dash.gain'),
        `${lt('dash.gapClosed')} %`,
      ];
      const rows = improvementCsvRows(v.improvement, {
        tie: lt('dash.tie'),
        full: lt('dash.alreadyFull'),
        incomplete: lt('dash.incomplete'),
        missing: (m) => lt(m === 'baseline' ? 'dash.missingBaseline' : 'dash.missingFollowup'),
      });
      download(`xep-hang-cai-thien-${file(v.baseline)}-${file(v.followup)}.csv`, toCsv(header, rows));
    } else if (v.scoreRanking) {
      const header = [
        lt('dash.rank'),
        lt('dash.tie'),
        lt('dash.facility'),
        'id',
        lt('dash.score'),
        lt('dash.decision'),
        lt('dash.assessment'),
      ];
      const rows = scoreCsvRows(v.scoreRanking, {
        tie: lt('dash.tie'),
        incomplete: lt('dash.incomplete'),
        decision: (d) => t(`decision.${d as 'pass'}`),
      });
      download(`xep-hang-${v.round ? file(v.round) : 'tat-ca'}.csv`, toCsv(header, rows));
    }
  }

  /** The header block of every dashboard workbook: the set, the round(s), the day it was made. */
  private _header(set: CriteriaSet | undefined, round: string): HeaderLine[] {
    return [
      { label: t('xlsx.set'), value: set ? `${loc(set.shortTitle ?? set.title)} (${set.version})` : '' },
      { label: t('xlsx.round'), value: round },
      { label: t('xlsx.made'), value: formatDate(vietnamToday()) },
    ];
  }

  private async _xlsxRanking(
    v: Parameters<TcDashboard['_exportRanking']>[0],
    set: CriteriaSet | undefined,
  ): Promise<void> {
    const name = (id: string) => roundsOf(v.list).find((r) => r.id === id)?.label ?? id;
    const setName = set ? (set.shortTitle ? loc(set.shortTitle) : set.id) : '';
    if (v.improvement) {
      const rounds = `${name(v.baseline)} → ${name(v.followup)}`;
      const rows = improvementSheetRows(v.improvement, {
        tie: lt('dash.tie'),
        full: lt('dash.alreadyFull'),
        incomplete: lt('dash.incomplete'),
        missing: (m) => lt(m === 'baseline' ? 'dash.missingBaseline' : 'dash.missingFollowup'),
      });
      await downloadXlsx(
        fileName([t('xlsx.fileRanking'), setName, name(v.baseline), name(v.followup), vietnamToday()], 'xlsx'),
        [
          {
            name: lt('dash.gain'),
            header: this._header(set, rounds),
            columns: [
              { title: lt('dash.rank'), kind: 'number', width: 7 },
              { title: lt('dash.tie'), width: 10 },
              { title: lt('dash.facility'), width: 36 },
              { title: name(v.baseline), kind: 'percent', width: 14 },
              { title: name(v.followup), kind: 'percent', width: 14 },
              { title: t('xlsx.gainPoints'), kind: 'number', decimals: 1, width: 14 },
              { title: lt('dash.gapClosed'), kind: 'percent', width: 14 },
            ],
            rows,
          },
        ],
      );
    } else if (v.scoreRanking) {
      const round = v.round ? name(v.round) : lt('dash.allRounds');
      const rows = scoreSheetRows(v.scoreRanking, {
        tie: lt('dash.tie'),
        incomplete: lt('dash.incomplete'),
        decision: (d) => t(`decision.${d as 'pass'}`),
      });
      await downloadXlsx(fileName([t('xlsx.fileRanking'), setName, round, vietnamToday()], 'xlsx'), [
        {
          name: lt('dash.rank'),
          header: this._header(set, round),
          columns: [
            { title: lt('dash.rank'), kind: 'number', width: 7 },
            { title: lt('dash.tie'), width: 10 },
            { title: lt('dash.facility'), width: 36 },
            { title: t('xlsx.score'), kind: 'percent', width: 12 },
            { title: lt('dash.decision'), width: 14 },
          ],
          rows,
        },
      ]);
    }
  }

  private async _xlsxHeat(hm: ReturnType<typeof heatMap>, label: string, set: CriteriaSet | undefined): Promise<void> {
    const setName = set ? (set.shortTitle ? loc(set.shortTitle) : set.id) : '';
    await downloadXlsx(fileName([t('xlsx.fileHeat'), setName, label, vietnamToday()], 'xlsx'), [
      {
        name: lt('dash.heatmap'),
        header: this._header(set, label),
        columns: [
          { title: lt('dash.facility'), width: 36 },
          ...hm.criteria.map((c) => ({ title: c.title, kind: 'percent' as const, width: 12 })),
        ],
        rows: hm.facilities.map((f, i) => [f.name, ...hm.cells[i]!.map(percentCell)]),
      },
    ]);
  }

  /** The aggregate view (per criterion and per item over the assessments shown) as a workbook. */
  private async _xlsxAggregate(agg: Aggregate, label: string, set: CriteriaSet | undefined): Promise<void> {
    const setName = set ? (set.shortTitle ? loc(set.shortTitle) : set.id) : '';
    await downloadXlsx(
      fileName([lt('agg.file'), setName, label, vietnamToday()], 'xlsx'),
      aggregateSheets(agg, set, this._header(set, label)),
    );
  }

  private _exportHeat(hm: ReturnType<typeof heatMap>, label: string) {
    const header = [lt('dash.facility'), 'id', ...hm.criteria.map((c) => c.title)];
    const rows = hm.facilities.map((f, i) => [f.name, f.id, ...hm.cells[i]!.map((x) => (x ? formatPercent(x) : ''))]);
    download(`ban-do-nhiet-${label}.csv`, toCsv(header, rows));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-dashboard': TcDashboard;
  }
}
