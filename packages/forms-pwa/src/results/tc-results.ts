import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSet, ScoreResult } from '../core.js';
import { lockedVerdict } from '../core-checked.js';
import { ladderState } from '../model/ladder.js';
import { LocaleController, formatDateTime, loc, t } from '../i18n.js';
import { itemIndex } from '../model/assessment.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { cameraIcon, lockIcon, stopIcon } from '../icons.js';
import { shared } from '../styles.js';
import { invalidAnswersBox } from '../fill/invalid-answers.js';
import '../loop/tc-plan-links.js';
import '../fill/tc-score-panel.js';
import { cssom } from '../cssom.js';
import './tc-attestations.js';
import { num, exactNum } from '../numbers.js';

/**
 * Results: totals and decision, every rule with its explanation, why it did not pass, a table per
 * criterion, and the gaps (items not fully met, failed knockouts, items not assessed).
 */
@customElement('tc-results')
export class TcResults extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .top { display: grid; grid-template-columns: minmax(260px, 360px) 1fr; gap: 16px; align-items: start; }
      @media (max-width: 760px) { .top { grid-template-columns: 1fr; } }
      table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--tc-line); border-radius: 10px; overflow: hidden; }
      th, td { padding: 8px 10px; border-bottom: 1px solid var(--tc-line); text-align: left; vertical-align: top; }
      td.n, th.n { text-align: right; white-space: nowrap; }
      tr.sec td { background: #f0f3f6; font-weight: 700; }
      section { margin-top: 18px; }
      ul { margin: 0; padding-left: 20px; display: grid; gap: 6px; }
      .hash { font-family: ui-monospace, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
      details.tech summary { min-height: 44px; display: flex; align-items: center; cursor: pointer; color: var(--tc-blue); }
      .note { color: var(--tc-muted); white-space: pre-line; overflow-wrap: anywhere; }
    `,
  ];

  /** The assessment to show. */
  @property() assessmentId = '';
  private readonly _store = new StoreController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const store = this._store.store;
    const found = this._store.find(this.assessmentId);
    if (!found) return this._store.missing();
    const { assessment: a, set, result: r } = found;
    // PDF export: its own small chunk; pdfmake loads in its worker. A chunk that fails to load (offline before the
    // app was cached, or a page torn down meanwhile) leaves the buttons out and says so in the console.
    import('./tc-report-export.js').catch((e: unknown) => console.warn('PDF export could not load:', e));
    const idx = itemIndex(set);
    const levels = set.scoring.model === 'levels';
    // A locked assessment keeps the verdict it was locked with; if today's engine decides otherwise, say so.
    const verdict = a.status === 'locked' ? lockedVerdict(a, r) : undefined;
    const gaps = r.sections
      .flatMap((s) => s.criteria.flatMap((c) => c.items))
      .filter((i) => i.status === 'answered' && !i.met);
    const text = (id: string) => {
      const it = idx.get(id)?.item;
      return it ? `${it.code ? `${it.code} ` : ''}${loc(it.text)}` : id;
    };
    return html`
      <div class="row" ${cssom({ 'justify-content': 'space-between' })}>
        <div>
          <h1>${t('results.title')} — ${a.facility.name}</h1>
          <div class="muted" data-set-title>${loc(set.shortTitle ?? set.title)} (${set.version}) · ${t(`kind.${a.assessmentKind}`)} · ${t(`status.${a.status}`)}</div>
          ${
            a.contentHash
              ? html`<div data-locked-at>${lockIcon} ${t('results.lockedAt', { at: formatDateTime(a.lockedAt) })}</div>
                <details class="tech"><summary>${t('results.technical')}</summary><div class="hash" data-hash>${a.contentHash}</div></details>`
              : nothing
          }
        </div>
        <div class="row">
          ${a.status === 'draft' ? html`<a class="btn" href=${href({ view: 'fill', id: a.id })}>${t('submit.back')}</a>` : html`<button @click=${this._onRevise}>${t('fill.revise')}</button>`}
          <a class="btn" href=${href({ view: 'io', id: a.id })}>${t('results.export')}</a>
        </div>
      </div>
      ${verdict?.changed ? html`<div class="card bad" role="alert" data-verdict-changed>${loc(verdict.message)}</div>` : nothing}
      <tc-report-export .assessmentId=${a.id} ${cssom({ margin: '8px 0 12px' })}></tc-report-export>
      <tc-plan-links .assessmentId=${a.id}></tc-plan-links>
      <tc-attestations .assessment=${a} .set=${set} .storage=${store.storage}></tc-attestations>
      ${invalidAnswersBox(a, set, store.invalidAnswers(a))}
      <div class="top">
        <tc-score-panel .result=${r}></tc-score-panel>
        <div>
          ${
            r.reasons.length
              ? html`<section class="card ${r.decision === 'fail' ? 'bad' : 'warn'}" ${cssom({ margin: '0' })}><h2 data-reasons-heading>${r.decision === 'fail' ? t('results.reasons') : r.decision === 'incomplete' ? t('fill.whyIncomplete') : t('results.notes')}</h2><ul data-reasons>${r.reasons.map((x) => html`<li>${loc(x)}</li>`)}</ul></section>`
              : nothing
          }
          ${
            r.failedKnockouts.length
              ? html`<section class="card"><h2>${stopIcon} ${t('results.failedKnockouts')}</h2><ul>${r.failedKnockouts.map((id) => html`<li>${text(id)}</li>`)}</ul></section>`
              : nothing
          }
        </div>
      </div>
      <section>
        ${levels ? this._levelTable(r, set) : this._pointsTable(r, set)}
      </section>
      <section class="card">
        <h2>${t('results.gaps')}</h2>
        ${
          gaps.length
            ? html`<ul data-gaps>${gaps.map((g) => html`<li>${text(g.id)} — ${exactNum(g.points)}/${exactNum(g.max)}${a.answers[g.id]?.note ? html`<div class="note">${a.answers[g.id]!.note}</div>` : nothing}</li>`)}</ul>`
            : html`<p class="muted">${t('results.noGaps')}</p>`
        }
      </section>
      ${
        r.unassessed.length
          ? html`<section class="card"><h2>${t('results.unassessed')}</h2><ul>${r.unassessed.map((id) => html`<li>${text(id)}: <em>${a.answers[id]?.unassessed}</em></li>`)}</ul></section>`
          : nothing
      }
      ${
        r.missingEvidence.length
          ? html`<section class="card warn"><h2>${cameraIcon} ${t('item.evidenceMissing')}</h2><ul>${r.missingEvidence.map((id) => html`<li>${text(id)}</li>`)}</ul></section>`
          : nothing
      }
    `;
  }

  private _pointsTable(r: ScoreResult, set: CriteriaSet) {
    return html`<table>
      <thead><tr><th>${t('results.criterion')}</th><th class="n">${t('results.points')}</th><th class="n">%</th></tr></thead>
      <tbody>
        ${r.sections.map((s, i) => {
          const ss = set.sections.find((x) => x.id === s.id);
          return html`<tr class="sec"><td>${i + 1}. ${loc(ss?.title)}</td><td class="n">${num(s.score.display.points)}/${num(s.score.display.max)}</td><td class="n">${s.score.display.percent !== undefined ? num(s.score.display.percent) : '—'}</td></tr>
            ${s.criteria.map((c) => {
              const cc = ss?.criteria.find((x) => x.id === c.id);
              return html`<tr data-criterion=${c.id}><td>${cc?.code ? `${cc.code}. ` : ''}${loc(cc?.title)}</td><td class="n">${num(c.score.display.points)}/${num(c.score.display.max)}</td><td class="n">${c.score.display.percent !== undefined ? num(c.score.display.percent) : '—'}</td></tr>`;
            })}`;
        })}
      </tbody>
    </table>`;
  }

  /** A set of levels: each criterion's level (or "not yet assessed"), never points or percentages. */
  private _levelTable(r: ScoreResult, set: CriteriaSet) {
    const top = set.scoring.levels ?? 5;
    return html`<table data-level-table>
      <thead><tr><th>${t('results.criterion')}</th><th class="n">${t('results.level')}</th></tr></thead>
      <tbody>
        ${r.sections.map((s, i) => {
          const ss = set.sections.find((x) => x.id === s.id);
          return html`<tr class="sec"><td colspan="2">${i + 1}. ${loc(ss?.title)}</td></tr>
            ${s.criteria.map((c) => {
              const cc = ss?.criteria.find((x) => x.id === c.id);
              const st = cc ? ladderState(c, cc, top) : undefined;
              const level =
                !st || st.kind === 'not-assessed'
                  ? t('level.notAssessed')
                  : st.kind === 'climbing' && st.provisional
                    ? t('level.provisional', { n: st.level })
                    : String(st.level);
              return html`<tr data-criterion=${c.id}><td>${cc?.code ? `${cc.code}. ` : ''}${loc(cc?.title)}</td><td class="n" data-level>${level}</td></tr>`;
            })}`;
        })}
      </tbody>
    </table>`;
  }

  private async _onRevise() {
    const id = await this._store.store.revise(this.assessmentId);
    go({ view: 'fill', id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-results': TcResults;
  }
}
