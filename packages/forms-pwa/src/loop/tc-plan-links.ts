import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n.js';
import { lt } from './messages.js';
import { pct, previousOf, previousSameKind, reconcilePartner } from './scored.js';
import { agreedSummary } from './agreed.js';
import { href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';

/**
 * The improvement-loop actions of one assessment, for the results view: its plan, the comparison with the
 * facility's previous assessment, self-assessment vs inspection, and merging a team's parts into it.
 */
@customElement('tc-plan-links')
export class TcPlanLinks extends LitElement {
  static override styles = [
    shared,
    css`:host { display: block; margin: 12px 0; } p.agreed { margin: 0 0 10px; padding: 10px 14px; } p.agreed a { display: inline-flex; align-items: center; min-height: 44px; }`,
  ];

  /** The assessment the links are about. */
  @property() assessmentId = '';
  private readonly _store = new StoreController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const store = this._store.store;
    const a = store.assessments.get(this.assessmentId);
    if (!a) return nothing;
    const all = store.assessments.values();
    // "Previous round": an earlier assessment of the same kind only (issue 13); locked ones first, as before.
    const prev = previousOf(all, a);
    const previous =
      prev && prev.assessmentKind === a.assessmentKind ? prev : previousSameKind(store.assessments.values(), a);
    // Reconcile with the self-assessment (or inspection) of the same round, else the nearest in time.
    const other = reconcilePartner(store.assessments.values(), a);
    const selfFirst = a.assessmentKind === 'self-assessment';
    const agreed = agreedSummary(store, store.assessments.values(), a);
    return html`${
      agreed
        ? html`<p class="card agreed" data-agreed-link>
            <strong>${lt('rec.agreed')}:</strong> ${lt('rec.agreedLinked', { done: agreed.done, total: agreed.total })}${
              agreed.after
                ? html` · ${lt('rec.agreedScore', { result: `${t(`decision.${agreed.after.decision as 'pass'}`)} · ${pct(agreed.after.total.percent)}` })}`
                : nothing
            }
            · <a href=${href({ view: 'reconcile', a: agreed.self.id, b: agreed.inspection.id })}>${lt('rec.agreedOpen')}</a>
          </p>`
        : nothing
    }<nav class="row" aria-label=${lt('plan.title')}>
      <a class="btn primary" href=${href({ view: 'plan', id: a.id })} data-action="plan">${lt('plan.open')}</a>
      ${
        previous
          ? html`<a class="btn" href=${href({ view: 'compare', a: previous.id, b: a.id })} data-action="compare">${lt('cmp.withPrevious')}</a>`
          : nothing
      }
      ${
        other
          ? html`<a class="btn" href=${href({ view: 'reconcile', a: selfFirst ? a.id : other.id, b: selfFirst ? other.id : a.id })} data-action="reconcile">${lt('rec.title')}</a>`
          : nothing
      }
      <a class="btn" href=${href({ view: 'merge', id: a.id })} data-action="merge">${lt('merge.open')}</a>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-plan-links': TcPlanLinks;
  }
}
