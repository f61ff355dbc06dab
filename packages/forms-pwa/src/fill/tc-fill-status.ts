import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { partNumbers, shortText, type CriteriaSet, type ScoreResult } from '../core.js';
import { LocaleController, loc, t } from '../i18n.js';
import { itemIndex } from '../model/assessment.js';
import { totalProgress } from '../model/progress.js';
import { shared } from '../styles.js';

/**
 * How an item is named to people: its code (e.g. "9.1"), else its number in the set's order and the start of its
 * text ("12 “Có bồn rửa tay…”"), never its id.
 */
export function itemLabel(set: CriteriaSet, id: string): string {
  const it = itemIndex(set).get(id)?.item;
  if (!it) return id;
  return it.code ?? `${partNumbers(set).item(id)} “${shortText(loc(it.text), 6)}”`;
}

/**
 * Why the decision is not "pass" once every item has an answer, on the fill-in screen itself ("CHƯA ĐỦ" with
 * 47/47 answered: an item could not be assessed; "KHÔNG ĐẠT": the rule that failed), and which answered items
 * still lack a required photo. Core's reasons, shown as core words them. Nothing while items are still open
 * (the progress already says so) or when the decision is a pass.
 */
@customElement('tc-fill-status')
export class TcFillStatus extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      h2 { font-size: 1rem; margin: 0 0 6px; }
      ul { margin: 0; padding-left: 20px; display: grid; gap: 4px; }
    `,
  ];

  @property({ attribute: false }) set: CriteriaSet | undefined;
  @property({ attribute: false }) result: ScoreResult | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const r = this.result;
    const set = this.set;
    if (!r || !set) return nothing;
    const p = totalProgress(r);
    if (p.done < p.total) return nothing;
    const reasons = r.decision === 'incomplete' || r.decision === 'fail' ? r.reasons : [];
    const evidence = r.missingEvidence;
    if (!reasons.length && !evidence.length) return nothing;
    const bad = r.decision === 'fail';
    return html`<section class="card ${bad ? 'bad' : 'warn'}" data-fill-status=${r.decision} role="status">
      <h2>${r.decision === 'fail' ? t('fill.whyFail') : r.decision === 'incomplete' ? t('fill.whyIncomplete') : t('results.notes')}</h2>
      <ul>
        ${reasons.map((x) => html`<li data-reason>${loc(x)}</li>`)}
        ${
          evidence.length
            ? html`<li data-evidence>
              ${t('fill.missingEvidence', { n: evidence.length, list: evidence.map((id) => itemLabel(set, id)).join(', ') })}
            </li>`
            : nothing
        }
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-fill-status': TcFillStatus;
  }
}
