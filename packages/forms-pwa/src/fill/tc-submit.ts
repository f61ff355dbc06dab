import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocaleController, loc, t } from '../i18n.js';
import { itemIndex } from '../model/assessment.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { sbt } from './submit-messages.js';
import { lockIcon } from '../icons.js';
import { shared } from '../styles.js';
import { cssom } from '../cssom.js';
import { invalidAnswersBox } from './invalid-answers.js';
import { warmAfterPaint } from '../report/early.js';

/**
 * Submit: blocked while items are unanswered, unless each is marked N/A (where allowed) or given the
 * reason it could not be assessed — both can be done right here. Missing required evidence is listed and
 * must be acknowledged. Locking records the content hash; the assessment is read-only afterwards.
 */
@customElement('tc-submit')
export class TcSubmit extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; max-width: 900px; }
      ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
      li.card { display: grid; gap: 8px; }
      .acts { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
      .acts input { flex: 1 1 220px; }
      .box { padding: 12px 14px; border-radius: 10px; margin: 12px 0; }
      .hash { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
    `,
  ];

  /** The assessment to submit. */
  @property() assessmentId = '';
  private readonly _store = new StoreController(this);
  @state() private _ackEvidence = false;
  @state() private _busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  /** After this page is painted, the report worker gets ready: Results and its PDF come next (ADR 0022). */
  override firstUpdated(): void {
    warmAfterPaint();
  }

  override render() {
    const store = this._store.store;
    const found = this._store.find(this.assessmentId);
    if (!found) return this._store.missing();
    const { assessment: a, set, result: r } = found;
    if (a.status !== 'draft')
      return html`<h1>${sbt('submit.title')}</h1>
        <p class="box ok" data-locked>${lockIcon} ${sbt('submit.done', { hash: '' })}<span class="hash">${a.contentHash}</span></p>
        <a class="btn primary" href=${href({ view: 'results', id: a.id })}>${t('fill.results')}</a>`;
    void import('./tc-signatures.js'); // signature pads: their own small chunk
    const idx = itemIndex(set);
    const missing = r.missingEvidence;
    const invalid = store.invalidAnswers(a);
    const open = a.conflicts?.length ?? 0;
    const blocked =
      open > 0 ||
      invalid.length > 0 ||
      r.unanswered.length > 0 ||
      (missing.length > 0 && !this._ackEvidence) ||
      this._busy;
    return html`<h1>${sbt('submit.title')}</h1>
      <p class="muted">${a.facility.name} · ${loc(set.shortTitle ?? set.title)}</p>
      ${invalidAnswersBox(a, set, invalid)}
      ${open ? html`<p class="box warn" role="alert" data-conflicts=${open}>${t('conflict.submit', { n: open })} <a href=${href({ view: 'fill', id: a.id })}>${sbt('submit.goto')}</a></p>` : nothing}
      ${
        r.unanswered.length
          ? html`<p class="box warn" role="status" data-unanswered=${r.unanswered.length}>${sbt('submit.unanswered', { n: r.unanswered.length })}</p>
            <ul>
              ${repeat(
                r.unanswered,
                (id) => id,
                (id) => {
                  const place = idx.get(id);
                  if (!place) return nothing;
                  return html`<li class="card" data-item=${id}>
                  <div>${place.item.code ? html`<strong>${place.item.code}</strong> ` : nothing}${loc(place.item.text)}</div>
                  <div class="acts">
                    ${place.item.naAllowed ? html`<button @click=${() => store.answer(a.id, id, { na: true })}>${t('item.na')}</button>` : nothing}
                    <input placeholder=${t('item.unassessedReason')} aria-label=${t('item.unassessedReason')} @change=${(
                      e: Event,
                    ) => {
                      const v = (e.target as HTMLInputElement).value.trim();
                      if (v) store.answer(a.id, id, { unassessed: v });
                    }} />
                    <a class="btn" href=${href({ view: 'fill', id: a.id, section: place.section.id })}>${sbt('submit.goto')}</a>
                  </div>
                </li>`;
                },
              )}
            </ul>`
          : html`<p class="box ok">${sbt('submit.ready')}</p>`
      }
      ${r.unassessed.length ? html`<p class="box warn">${sbt('submit.incompleteNote')}</p>` : nothing}
      ${
        missing.length
          ? html`<div class="box warn">
            <p>${sbt('submit.missingEvidence', { n: missing.length })}</p>
            <ul>${missing.map((id) => html`<li>${idx.get(id)?.item.code ?? ''} ${loc(idx.get(id)?.item.text)}</li>`)}</ul>
            <label class="acts"><input type="checkbox" ${cssom({ 'min-height': '24px', width: '24px' })} .checked=${this._ackEvidence} @change=${(e: Event) => (this._ackEvidence = (e.target as HTMLInputElement).checked)} /> ${sbt('submit.confirmMissingEvidence')}</label>
          </div>`
          : nothing
      }
      <tc-signatures .assessment=${a}></tc-signatures>
      <div class="acts">
        <button class="primary" data-action="lock" ?disabled=${blocked} @click=${this._onLock}>${lockIcon} ${sbt('submit.lock')}</button>
        <a class="btn" href=${href({ view: 'fill', id: a.id })}>${t('submit.back')}</a>
      </div>`;
  }

  private async _onLock() {
    this._busy = true;
    try {
      // Signatures first: they go on the draft, then the lock records the content hash (which leaves them out).
      await import('./tc-signatures.js');
      const signatures = this.renderRoot.querySelector('tc-signatures');
      if (signatures && !(await signatures.save())) return;
      await this._store.store.submit(this.assessmentId);
      go({ view: 'results', id: this.assessmentId });
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-submit': TcSubmit;
  }
}
