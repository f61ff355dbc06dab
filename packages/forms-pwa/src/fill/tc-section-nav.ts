import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSet, CriteriaSetCriterion, ScoreResult, ScoreResultCriterionResult } from '../core.js';
import { LocaleController, loc, t } from '../i18n.js';
import { criterionProgress, percentOf, sectionProgress } from '../model/progress.js';
import { href } from '../router.js';
import { shared } from '../styles.js';
import { cssom } from '../cssom.js';
import { pct as percent } from '../numbers.js';

/** Detail of `criterion-jump`: the criterion the person chose and the section it is in. */
export interface CriterionJumpDetail {
  section: string;
  criterion: string;
}

/**
 * Navigation of the fill-in view: every criterion with answered / total (and, where a set has several sections,
 * each section with its progress first). A section is a hash link, so the browser's back button works; a criterion
 * asks the fill-in view to show it (`criterion-jump`). A set of levels shows each criterion's level, never a
 * percentage; a criterion with nothing answered yet says so instead of a level.
 *
 * @fires criterion-jump - {@link CriterionJumpDetail}
 */
@customElement('tc-section-nav')
export class TcSectionNav extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      nav { display: grid; gap: 6px; }
      a, button.crit {
        display: grid;
        gap: 4px;
        min-height: 44px;
        padding: 8px 10px;
        border-radius: 8px;
        border: 1px solid var(--tc-line);
        background: #fff;
        color: inherit;
        text-decoration: none;
        text-align: left;
        font: inherit;
        width: 100%;
        cursor: pointer;
      }
      a[aria-current='page'] { border-color: var(--tc-green); box-shadow: inset 4px 0 0 var(--tc-green); }
      button.crit { padding: 6px 10px; margin-left: 0; justify-content: stretch; justify-items: stretch; align-content: start; }
      .sub { display: grid; gap: 4px; margin-left: 10px; }
      .t { font-weight: 600; font-size: 0.92rem; }
      .crit .t { font-weight: 500; font-size: 0.88rem; }
      .p { display: flex; justify-content: space-between; font-size: 0.8rem; color: var(--tc-muted); }
      .complete .p { color: var(--tc-green); }
    `,
  ];

  @property({ attribute: false }) set: CriteriaSet | undefined;
  @property({ attribute: false }) result: ScoreResult | undefined;
  /** The assessment the links open. */
  @property() assessmentId = '';
  /** The section shown now. */
  @property() current = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    if (!this.set || !this.result) return nothing;
    const several = this.set.sections.length > 1;
    const levels = this.set.scoring.model === 'levels';
    return html`<nav aria-label=${t('fill.navigation')}>
      ${this.set.sections.map((s, i) => {
        const r = this.result!.sections.find((x) => x.id === s.id);
        const p = r ? sectionProgress(r) : { done: 0, total: 0 };
        const pct = percentOf(p);
        const criteria = html`${s.criteria.map((c) =>
          this._criterion(
            s.id,
            c,
            r?.criteria.find((x) => x.id === c.id),
            levels,
          ),
        )}`;
        if (!several) return html`<div class="sub" data-criteria-of=${s.id}>${criteria}</div>`;
        return html`<a
            href=${href({ view: 'fill', id: this.assessmentId, section: s.id })}
            aria-current=${s.id === this.current ? 'page' : 'false'}
            class=${p.done === p.total ? 'complete' : ''}
            data-section=${s.id}
          >
            <span class="t">${i + 1}. ${loc(s.title)}</span>
            <span class="bar"><span ${cssom({ width: `${pct}%` })}></span></span>
            <span class="p"
              ><span>${t('fill.answeredOf', { done: p.done, total: p.total })}</span
              ><span>${!levels && r?.score.display.percent !== undefined ? percent(r.score.display.percent) : ''}</span></span
            >
          </a>
          ${s.id === this.current ? html`<div class="sub" data-criteria-of=${s.id}>${criteria}</div>` : nothing}`;
      })}
    </nav>`;
  }

  private _criterion(
    section: string,
    c: CriteriaSetCriterion,
    r: ScoreResultCriterionResult | undefined,
    levels: boolean,
  ) {
    const p = r ? criterionProgress(r) : { done: 0, total: 0 };
    const right = levels
      ? p.done === 0
        ? t('level.notAssessed')
        : r?.level !== undefined
          ? p.done < p.total
            ? t('level.provisional', { n: r.level })
            : t('item.level', { n: r.level })
          : ''
      : r?.score.display.percent !== undefined && p.done > 0
        ? percent(r.score.display.percent)
        : '';
    return html`<button
      type="button"
      class="crit ${p.done === p.total ? 'complete' : ''}"
      data-criterion=${c.id}
      @click=${() => this._jump(section, c.id)}
    >
      <span class="t">${c.code ? `${c.code}. ` : ''}${loc(c.title)}</span>
      <span class="p"
        ><span data-progress>${t('fill.answeredOf', { done: p.done, total: p.total })}</span
        ><span data-level>${right}</span></span
      >
    </button>`;
  }

  private _jump(section: string, criterion: string) {
    this.dispatchEvent(
      new CustomEvent<CriterionJumpDetail>('criterion-jump', {
        detail: { section, criterion },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-section-nav': TcSectionNav;
  }
}
