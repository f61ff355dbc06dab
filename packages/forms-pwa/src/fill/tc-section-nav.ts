import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CriteriaSet, ScoreResult } from '../core.js';
import { LocaleController, loc, t } from '../i18n.js';
import { percentOf, sectionProgress } from '../model/progress.js';
import { href } from '../router.js';
import { shared } from '../styles.js';
import { cssom } from '../cssom.js';

/**
 * Section navigation of the fill-in view: every section with its progress (answered / applicable)
 * and its percentage. Links are hash routes, so the browser's back button works.
 */
@customElement('tc-section-nav')
export class TcSectionNav extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      nav { display: grid; gap: 6px; }
      a {
        display: grid;
        gap: 4px;
        min-height: 44px;
        padding: 8px 10px;
        border-radius: 8px;
        border: 1px solid var(--tc-line);
        background: #fff;
        color: inherit;
        text-decoration: none;
      }
      a[aria-current='page'] { border-color: var(--tc-green); box-shadow: inset 4px 0 0 var(--tc-green); }
      .t { font-weight: 600; font-size: 0.92rem; }
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
    return html`<nav aria-label=${t('fill.sections')}>
      ${this.set.sections.map((s, i) => {
        const r = this.result!.sections.find((x) => x.id === s.id);
        const p = r ? sectionProgress(r) : { done: 0, total: 0 };
        const pct = percentOf(p);
        return html`<a
          href=${href({ view: 'fill', id: this.assessmentId, section: s.id })}
          aria-current=${s.id === this.current ? 'page' : 'false'}
          class=${p.done === p.total ? 'complete' : ''}
          data-section=${s.id}
        >
          <span class="t">${i + 1}. ${loc(s.title)}</span>
          <span class="bar"><span ${cssom({ width: `${pct}%` })}></span></span>
          <span class="p"
            ><span>${p.done}/${p.total}</span
            ><span>${r?.score.display.percent !== undefined ? `${r.score.display.percent}%` : ''}</span></span
          >
        </a>`;
      })}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-section-nav': TcSectionNav;
  }
}
