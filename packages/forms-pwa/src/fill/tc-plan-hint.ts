import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, formatDate, t } from '../i18n.js';
import type { LastTime } from '../loop/plan-model.js';
import { shared } from '../styles.js';

const KNOWN = new Set(['met', 'partial', 'not-met']);

/**
 * On an item of the next assessment: what was found there last time and the action planned
 * ("Lần trước: chưa đạt — kế hoạch: … — bây giờ?"). Text bindings only: notes and actions are people's text.
 */
@customElement('tc-plan-hint')
export class TcPlanHint extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      p { margin: 0; padding: 6px 10px; border-radius: 8px; border-left: 4px solid var(--tc-amber); overflow-wrap: anywhere; }
      .now { font-weight: 700; }
    `,
  ];

  /** The previous finding on this item. */
  @property({ attribute: false }) hint: LastTime | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const h = this.hint;
    if (!h) return nothing;
    const found =
      h.value === 'unassessed'
        ? t('item.unassessed')
        : KNOWN.has(String(h.value))
          ? t(`ans.${h.value as 'met'}`)
          : `${h.value} (${h.points}/${h.max})`;
    return html`<p class="warn" data-last-time>
      <strong>${t('last.title', { date: formatDate(h.when) })}:</strong> ${found}${h.note ? ` (${h.note})` : ''}
      — ${h.action ? t('last.plan', { action: h.action }) : t('last.noPlan')}${h.actionStatus ? ` [${t(`ps.${h.actionStatus}`)}]` : ''}
      — <span class="now">${t('last.now')}</span>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-plan-hint': TcPlanHint;
  }
}
