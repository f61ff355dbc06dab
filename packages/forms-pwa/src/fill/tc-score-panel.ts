import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type ScoreResult, type ScoreResultScore } from '../core.js';
import { LocaleController, loc, t } from '../i18n.js';
import { shared } from '../styles.js';
import { num, pct, exactNum } from '../numbers.js';

/**
 * The live score: total (and the current section's) points, maximum and percentage as core displays
 * them, the pass decision, rating or mean level, and every pass rule with its status and message.
 * Announced politely to screen readers as it changes.
 *
 * @csspart panel - the panel box
 */
@customElement('tc-score-panel')
export class TcScorePanel extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .panel { display: grid; gap: 8px; }
      .big { font-size: 1.6rem; font-weight: 700; line-height: 1.1; }
      .line { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; flex-wrap: wrap; }
      .decision { font-size: 1rem; padding: 4px 12px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
      li { display: grid; grid-template-columns: 1.4em 1fr; gap: 4px; font-size: 0.9rem; }
      .passed { color: var(--tc-green); }
      .failed { color: var(--tc-red); }
      .not-evaluated { color: var(--tc-muted); }
    `,
  ];

  /** core's score result (absent while loading). */
  @property({ attribute: false }) result: ScoreResult | undefined;
  /** When set, the panel also shows this section's score. */
  @property() sectionId: string | undefined;
  /** Leaves the rule list out (the narrow screens' bar). */
  @property({ type: Boolean }) compact = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const levels = r.criteriaSet.model === 'levels';
    const section = this.sectionId ? r.sections.find((s) => s.id === this.sectionId) : undefined;
    const decisionClass =
      r.decision === 'pass' ? 'pass' : r.decision === 'fail' ? 'fail' : r.decision === 'incomplete' ? 'warn' : 'info';
    return html`<section class="panel card ${this.compact ? 'compact' : ''}" part="panel" aria-live="polite">
      <div class="line">
        <span class="muted" data-score-head>${t(levels ? 'score.levelHead' : 'score.total')}</span>
        <span class="badge decision ${decisionClass}" data-decision=${r.decision}>${t(`decision.${r.decision}`)}</span>
      </div>
      ${
        levels
          ? this._levels(r)
          : html`<div class="line">
            <span class="big" data-total>${this._score(r.total)}</span>
            ${r.total.display.percent !== undefined ? html`<span class="big">${pct(r.total.display.percent)}</span>` : nothing}
          </div>`
      }
      ${r.rating ? html`<div class="line"><span>${t('score.rating')}</span><strong>${loc(r.rating.label)}</strong></div>` : nothing}
      ${
        section && !levels
          ? html`<div class="line" data-section-score>
            <span class="muted">${t('score.section')}</span>
            <span>${this._score(section.score)}${section.score.display.percent !== undefined ? ` · ${pct(section.score.display.percent)}` : ''}</span>
          </div>`
          : nothing
      }
      ${
        this.compact
          ? nothing // never shown in the narrow screens' bar: not built (issue 20)
          : this._rules(r)
      }
    </section>`;
  }

  /** Every pass rule with its status and message. */
  private _rules(r: ScoreResult) {
    return html`<div class="rules">
        <div class="muted">${t('score.rules')}</div>
        ${
          r.rules.length === 0
            ? html`<div class="muted">${t('score.noRules')}</div>`
            : html`<ul>
              ${r.rules.map(
                (rule) => html`<li class=${rule.status} data-rule=${rule.kind} data-status=${rule.status}>
                  <span aria-label=${t(`rule.${rule.status}`)}>${rule.status === 'passed' ? '✓' : rule.status === 'failed' ? '✗' : '…'}</span>
                  <span>${loc(rule.message)}</span>
                </li>`,
              )}
            </ul>`
        }
      </div>`;
  }

  /**
   * A set of levels reports levels, never percentages: the mean level once every criterion is assessed (before
   * that core counts open criteria as level 1, which would understate), and how many criteria reached each level.
   */
  private _levels(r: ScoreResult) {
    const open = r.sections.reduce(
      (n, s) => n + s.criteria.filter((c) => c.items.some((i) => i.status === 'unanswered')).length,
      0,
    );
    return html`<div class="line" data-mean-level>
        <span>${t('score.meanLevel')}</span>
        ${
          r.meanLevel && r.complete
            ? html`<strong class="big" data-total>${exactNum(r.meanLevel, 2)}</strong>`
            : html`<span class="muted" data-total>${t('level.meanPending', { n: open })}</span>`
        }
      </div>
      ${
        r.levelCounts && r.complete
          ? html`<div class="line" data-level-counts>
            <span class="muted">${t('level.counts')}</span>
            <span>${r.levelCounts.map((n, i) => `${t('item.level', { n: i + 1 })}: ${n}`).join(' · ')}</span>
          </div>`
          : nothing
      }`;
  }

  private _score(s: ScoreResultScore) {
    return `${num(s.display.points)}/${num(s.display.max)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-score-panel': TcScorePanel;
  }
}
