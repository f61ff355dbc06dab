import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n.js';
import { lt } from '../loop/messages.js';
import { mul, HUNDRED, type Exact, type ImprovementRanking, type RankEntry, type ScoreRanking } from '../loop/core.js';
import { signed } from '../loop/scored.js';
import { href } from '../router.js';
import { shared } from '../styles.js';
import { exactPct, percentNum } from '../numbers.js';

/**
 * The contest ranking table: by score in a round, or by improvement between two rounds (gain in percentage
 * points and share of the gap closed). Ties are marked "="; facilities not ranked (missing a round, incomplete,
 * already at 100 %, superseded) are listed under the table, never dropped.
 */
@customElement('tc-dashboard-ranking')
export class TcDashboardRanking extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      table { width: 100%; border-collapse: collapse; background: #fff; }
      th, td { padding: 8px 8px; border-bottom: 1px solid var(--tc-line); text-align: left; }
      th { white-space: nowrap; font-size: 0.9em; }
      td.name { min-width: 11em; }
      td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      td.rank { font-weight: 800; width: 4.5em; white-space: nowrap; }
      tr[data-rank='1'] td.rank { color: var(--tc-green); }
      .tie { margin-left: 4px; }
      .apart { margin-top: 10px; display: grid; gap: 6px; }
      .apart ul { margin: 4px 0 0; padding-left: 18px; }
      a { color: inherit; }
      td.name a { display: inline-flex; align-items: center; min-height: 44px; }
    `,
  ];

  /** A ranking by score (shown when no improvement ranking is given). */
  @property({ attribute: false }) score: ScoreRanking | undefined;
  /** A ranking by improvement. */
  @property({ attribute: false }) improvement: ImprovementRanking | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    if (this.improvement) return this._improvement(this.improvement);
    if (this.score) return this._score(this.score);
    return nothing;
  }

  private _rank(r: { rank: number; tied: boolean }) {
    return html`<td class="rank">${r.rank}${r.tied ? html`<span class="badge warn tie" title=${lt('dash.tie')}>= ${lt('dash.tie')}</span>` : nothing}</td>`;
  }

  private _name(e: RankEntry) {
    return html`<td class="name"><a href=${href({ view: 'results', id: e.assessmentId })}>${e.facilityName}</a></td>`;
  }

  private _score(r: ScoreRanking) {
    return html`<table data-ranking="score">
        <thead><tr><th>${lt('dash.rank')}</th><th>${lt('dash.facility')}</th><th class="n">${lt('dash.score')}</th><th>${lt('dash.decision')}</th></tr></thead>
        <tbody>${r.rows.map(
          (
            x,
          ) => html`<tr data-rank=${x.rank} data-facility=${x.facilityId}>${this._rank(x)}${this._name(x)}<td class="n">${percentNum(x.percent)}</td>
            <td><span class="badge ${x.decision === 'pass' ? 'pass' : x.decision === 'fail' ? 'fail' : ''}">${t(`decision.${x.decision as 'pass'}`)}</span></td></tr>`,
        )}</tbody>
      </table>
      ${this._apart([
        [lt('dash.incomplete'), r.incomplete.map((e) => e.facilityName)],
        [lt('dash.superseded'), r.superseded.map((e) => `${e.facilityName} (${e.assessmentId})`)],
      ])}`;
  }

  private _improvement(r: ImprovementRanking) {
    const share = (x: Exact) => exactPct(mul(x, HUNDRED));
    return html`<table data-ranking="improvement">
        <thead><tr><th>${lt('dash.rank')}</th><th>${lt('dash.facility')}</th><th class="n">${r.baselineRound}</th><th class="n">${r.followupRound}</th>
          <th class="n">${lt('dash.gain')}${r.by === 'gain' ? ' ▼' : ''}</th><th class="n">${lt('dash.gapClosed')}${r.by === 'gap-closed' ? ' ▼' : ''}</th></tr></thead>
        <tbody>${r.rows.map(
          (x) => html`<tr data-rank=${x.rank} data-facility=${x.facilityId}>${this._rank(x)}${this._name(x)}
            <td class="n">${percentNum(x.baseline)}</td><td class="n">${percentNum(x.followup)}</td>
            <td class="n" data-gain>${signed(x.gain)}</td><td class="n">${share(x.gapClosed)}</td></tr>`,
        )}</tbody>
      </table>
      ${this._apart([
        [lt('dash.alreadyFull'), r.alreadyFull.map((e) => `${e.facilityName} (${exactPct(e.followup)})`)],
        [
          lt('dash.missing'),
          r.missing.map(
            (e) =>
              `${e.facilityName} — ${lt(e.missing === 'baseline' ? 'dash.missingBaseline' : 'dash.missingFollowup')}`,
          ),
        ],
        [lt('dash.incomplete'), r.incomplete.map((e) => e.facilityName)],
        [lt('dash.superseded'), r.superseded.map((e) => `${e.facilityName} (${e.assessmentId})`)],
      ])}`;
  }

  private _apart(groups: [string, string[]][]) {
    const shown = groups.filter(([, l]) => l.length);
    if (!shown.length) return nothing;
    return html`<div class="apart">${shown.map(
      ([title, list]) =>
        html`<div class="warn card" data-apart><strong>${title} (${list.length})</strong><ul>${list.map((x) => html`<li>${x}</li>`)}</ul></div>`,
    )}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-dashboard-ranking': TcDashboardRanking;
  }
}
