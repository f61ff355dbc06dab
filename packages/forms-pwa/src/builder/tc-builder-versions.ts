import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CriteriaSet, Problem } from '../core.js';
import { LocaleController, formatDateTime, locale } from '../i18n.js';
import { bt } from './messages.js';
import { problemItem } from './problem-view.js';
import { changes, describeChange } from './versions.js';
import { builderStyles } from './styles.js';
import { shared } from '../styles.js';

const DRAFT = '__draft__';

/**
 * Publishing and versions: the publish button (refused while core finds problems, listing them), the published
 * versions of this set id with their content hashes, and a readable diff between any two of them or the draft.
 *
 * @fires publish - the author asks to publish the draft
 * @fires export-set - `{ set, published }`: download a version (or the draft) as JSON
 */
@customElement('tc-builder-versions')
export class TcBuilderVersions extends LitElement {
  static override styles = [
    shared,
    builderStyles,
    css`
      :host { display: block; }
      ul.diff { padding-left: 18px; margin: 6px 0; display: grid; gap: 4px; }
      ul.diff li { overflow-wrap: anywhere; }
      ul.diff li[data-kind='added'] { color: var(--tc-green); }
      ul.diff li[data-kind='removed'] { color: var(--tc-red); }
      .versions { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
      .versions li { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; justify-content: space-between; border: 1px solid var(--tc-line); border-radius: 10px; padding: 6px 10px; }
      .problems { margin: 6px 0; padding-left: 18px; }
    `,
  ];

  /** The draft's set. */
  @property({ attribute: false }) set!: CriteriaSet;
  /** core's problems with the draft (publishing is refused while there are any). */
  @property({ attribute: false }) problems: Problem[] = [];
  /** Every published or shipped version with this set's id (oldest first). */
  @property({ attribute: false }) versions: CriteriaSet[] = [];
  /** The last publication's message. */
  @property() message = '';
  /** True while a publication is being written. */
  @property({ type: Boolean }) busy = false;

  @state() private _before = '';
  @state() private _after = DRAFT;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const en = locale() === 'en';
    const ok = this.problems.length === 0;
    const byVersion = new Map(this.versions.map((v) => [v.version, v]));
    const before = byVersion.get(this._before) ?? this.versions[this.versions.length - 1];
    const after = this._after === DRAFT ? this.set : byVersion.get(this._after);
    const diff = before && after ? changes(before, after) : [];
    return html`<section class="stack">
      <div class="card stack">
        <h3>${bt('b.publish')}</h3>
        <p class="muted">${bt('b.publishHint')}</p>
        ${
          ok
            ? nothing
            : html`<div class="bad-text" role="alert" data-publish-blocked>
              ${bt('b.publishBlocked', { n: this.problems.length })}
              <ul class="problems">${this.problems.slice(0, 8).map((p) => problemItem(this.set, p))}</ul>
            </div>`
        }
        <div class="row">
          <button class="primary" ?disabled=${!ok || this.busy} @click=${() => this.dispatchEvent(new CustomEvent('publish', { bubbles: true, composed: true }))} data-action="publish">${bt('b.publishButton')}</button>
          <button ?disabled=${!ok} @click=${() => this._export(this.set, false)} data-action="export-draft">${bt('b.exportJson')}</button>
        </div>
        ${this.message ? html`<p class="ok-text" role="status" data-published>${this.message}</p>` : nothing}
      </div>

      <div class="card stack">
        <h3>${bt('b.versions')}</h3>
        ${
          this.versions.length === 0
            ? html`<p class="muted">${bt('b.noVersions')}</p>`
            : html`<ul class="versions">
              ${this.versions.map(
                (v) => html`<li data-version=${v.version}>
                  <span><strong>${v.version}</strong> ${v.publishedAt ? html`<span class="muted">· ${formatDateTime(v.publishedAt)}</span>` : nothing}
                    ${v.contentHash ? html`<code class="muted">#${v.contentHash.slice(0, 12)}</code>` : nothing}
                    ${v.origin ? html`<span class="badge info">${bt('b.localOf', { version: v.origin.version })}</span>` : nothing}</span>
                  <button @click=${() => this._export(v, true)}>${bt('b.exportJson')}</button>
                </li>`,
              )}
            </ul>`
        }
      </div>

      <div class="card stack">
        <h3>${bt('b.diff')}</h3>
        <div class="grid2">
          <label><span>${bt('b.diffBefore')}</span>
            <select data-diff-before @change=${(e: Event) => (this._before = (e.target as HTMLSelectElement).value)}>
              ${this.versions.map((v) => html`<option value=${v.version} ?selected=${v === before}>${v.version}</option>`)}
            </select></label>
          <label><span>${bt('b.diffAfter')}</span>
            <select data-diff-after @change=${(e: Event) => (this._after = (e.target as HTMLSelectElement).value)}>
              <option value=${DRAFT} ?selected=${this._after === DRAFT}>${bt('b.draftVersion', { version: this.set.version })}</option>
              ${this.versions.map((v) => html`<option value=${v.version} ?selected=${this._after === v.version}>${v.version}</option>`)}
            </select></label>
        </div>
        ${
          !before
            ? html`<p class="muted">${bt('b.noVersions')}</p>`
            : diff.length === 0
              ? html`<p class="muted" data-diff-empty>${bt('b.noChanges')}</p>`
              : html`<ul class="diff" data-diff>${diff.map((c) => html`<li data-kind=${c.kind}>${en ? describeChange(c).en : describeChange(c).vi}</li>`)}</ul>`
        }
      </div>
    </section>`;
  }

  private _export(set: CriteriaSet, published: boolean) {
    this.dispatchEvent(new CustomEvent('export-set', { detail: { set, published }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-versions': TcBuilderVersions;
  }
}
