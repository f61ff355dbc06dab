import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CriteriaSet, Problem } from '../core.js';
import { LocaleController, formatDateTime, loc, t } from '../i18n.js';
import { bt } from './messages.js';
import { newId } from '../model/assessment.js';
import { go, href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import type { SetDraft } from '../storage/db.js';
import { MAX_SET_BYTES, downloadSet, parseSetFile } from './io.js';
import { problemItem } from './problem-view.js';
import { BuilderSession, newDraft } from './session.js';
import { builderStyles } from './styles.js';
import { blankSet, duplicateSet } from './tree.js';
import { localEditionDraft, nextVersionDraft, versionsOf } from './versions.js';
import { shared } from '../styles.js';
import './tc-builder-editor.js';
import './tc-builder-table-import.js';
import { iot } from '../io/view-messages.js';
import { ht } from '../shell/home-messages.js';

/**
 * The criteria-set builder ("Bộ tiêu chí"). Without a draft id: the drafts on this device, the published and
 * shipped sets (duplicate, edit into a new version, make a local edition of a shipped set, export), a new blank
 * set and JSON import. With one: that draft in `tc-builder-editor`.
 */
@customElement('tc-builder')
export class TcBuilder extends LitElement {
  static override styles = [
    shared,
    builderStyles,
    css`
      :host { display: block; }
      .head { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; align-items: center; margin-bottom: 12px; }
      .head h1 { margin: 0; }
      section { margin-bottom: 14px; }
      ul.list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
      ul.list li { display: flex; justify-content: space-between; gap: 8px 14px; align-items: center; flex-wrap: wrap; border: 1px solid var(--tc-line); border-radius: 10px; padding: 8px 12px; background: #fff; }
      .name { display: grid; gap: 2px; min-width: 0; flex: 1 1 280px; }
      .name strong { overflow-wrap: anywhere; }
      .file { position: relative; overflow: hidden; }
      .file input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .errors { margin: 6px 0 0; padding-left: 18px; }
    `,
  ];

  /** The draft to edit; empty shows the list. */
  @property() draftId = '';

  @state() private _drafts: SetDraft[] = [];
  @state() private _session: BuilderSession | undefined;
  @state() private _missing = false;
  @state() private _importErrors: { problems: Problem[]; doc?: unknown } | undefined;
  private readonly _store = new StoreController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._store.store.loadAllSets(); // the builder lists and derives from every set
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('draftId')) void this._load();
  }

  private async _load() {
    const storage = this._store.store.storage;
    if (this.draftId) {
      if (this._session?.draft.draftId === this.draftId) return;
      this._missing = false;
      const d = await storage.getSetDraft(this.draftId);
      this._session = d ? new BuilderSession(this._store.store, d) : undefined;
      this._missing = !d;
    } else {
      await this._session?.flush();
      this._session = undefined;
      this._drafts = (await storage.listSetDrafts()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    }
  }

  override render() {
    if (this.draftId) {
      if (this._session) return html`<tc-builder-editor .session=${this._session}></tc-builder-editor>`;
      return html`<p>${this._missing ? bt('b.draftMissing') : t('app.loading')}</p><a class="btn" href=${href({ view: 'builder' })}>${bt('b.backToList')}</a>`;
    }
    const store = this._store.store;
    const sets = [...store.sets.entries()].sort(([a], [b]) => a.localeCompare(b));
    return html`<div class="head">
        <h1>${bt('b.heading')}</h1>
        <div class="row">
          <button class="primary" @click=${this._onNew} data-action="new-set">+ ${bt('b.newSet')}</button>
          <label class="btn file">${bt('b.importJson')}<input type="file" accept="application/json,.json" @change=${this._onImport} data-builder-import /></label>
        </div>
      </div>
      <p class="muted">${bt('b.intro')}</p>
      ${this._importErrors ? this._errors(this._importErrors) : nothing}
      <tc-builder-table-import
        .sets=${store.sets}
        @table-imported=${(e: CustomEvent<CriteriaSet>) => void this._startFrom(e.detail)}
      ></tc-builder-table-import>
      <section>
        <h2>${bt('b.drafts')}</h2>
        ${
          this._drafts.length === 0
            ? html`<p class="muted">${bt('b.noDrafts')}</p>`
            : html`<ul class="list">
              ${this._drafts.map(
                (d) => html`<li data-draft=${d.draftId}>
                  <span class="name"><strong>${loc(d.set.title) || bt('b.untitledSet')}</strong>
                    <span class="muted"><code>${d.set.id}@${d.set.version}</code> · ${formatDateTime(d.updatedAt)}</span></span>
                  <span class="row">
                    <a class="btn primary" href=${href({ view: 'builder', draft: d.draftId })}>${bt('b.open')}</a>
                    <button @click=${() => this._startFrom(duplicateSet(d.set, this._freeSetId(`${d.set.id}-copy`)))}>${bt('b.duplicateSet')}</button>
                    <button class="danger" @click=${() => this._onDelete(d)}>${ht('home.delete')}</button>
                  </span>
                </li>`,
              )}
            </ul>`
        }
      </section>
      <section>
        <h2>${bt('b.sets')}</h2>
        <ul class="list">
          ${sets.map(([k, s]) => {
            const builtin = store.builtinKeys.has(k);
            return html`<li data-set=${k}>
              <span class="name"><strong>${loc(s.title)}</strong>
                <span class="muted"><code>${k}</code> · ${builtin ? iot('io.builtin') : s.origin ? bt('b.localOf', { version: s.origin.version }) : bt('b.local')}</span></span>
              <span class="row">
                ${
                  builtin
                    ? html`<button @click=${() => this._startFrom(localEditionDraft(s, versionsOf(store.sets.values(), s.id)))} data-action="local-edition">${bt('b.localEdition')}</button>`
                    : html`<button @click=${() => this._startFrom(nextVersionDraft(s, versionsOf(store.sets.values(), s.id)))} data-action="new-version">${bt('b.newVersion')}</button>`
                }
                <button @click=${() => this._startFrom(duplicateSet(s, this._freeSetId(`${s.id}-copy`)))} data-action="duplicate-set">${bt('b.duplicateSet')}</button>
                <button @click=${() => this._export(s)} data-action="export-set">${bt('b.exportJson')}</button>
              </span>
            </li>`;
          })}
        </ul>
      </section>`;
  }

  private _errors(e: { problems: Problem[]; doc?: unknown }) {
    return html`<div class="card bad" role="alert" data-import-errors>
      <strong>${iot('io.invalid')}</strong>
      <ul class="errors">
        ${e.problems.slice(0, 20).map((p) => problemItem(e.doc, p))}
      </ul>
      ${e.problems.length > 20 ? html`<p>${bt('b.moreProblems', { n: e.problems.length - 20 })}</p>` : nothing}
    </div>`;
  }

  /** An id no set or draft here uses yet. */
  private _freeSetId(base: string): string {
    const taken = new Set(
      [...this._store.store.sets.values()].map((s) => s.id).concat(this._drafts.map((d) => d.set.id)),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private _onNew() {
    void this._startFrom(blankSet(this._freeSetId(newId('bo').slice(0, 14))));
  }

  /** Stores a new draft around `set` and opens it. */
  private async _startFrom(set: CriteriaSet) {
    const d = newDraft(set);
    // Opened from memory: a write that fails is kept and retried (the banner says why), so nothing is lost.
    this._session = new BuilderSession(this._store.store, d);
    await this._store.store.saveSetDraft(d);
    go({ view: 'builder', draft: d.draftId });
  }

  private async _onDelete(d: SetDraft) {
    if (!confirm(bt('b.confirmDeleteDraft', { name: loc(d.set.title) || d.set.id }))) return;
    await this._store.store.deleteSetDraft(d.draftId);
    this._drafts = this._drafts.filter((x) => x.draftId !== d.draftId);
  }

  private async _onImport(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this._importErrors = undefined;
    if (file.size > MAX_SET_BYTES) {
      const mb = Math.round(MAX_SET_BYTES / 1048576);
      this._importErrors = {
        problems: [
          {
            code: 'io.too-big',
            pointer: '',
            message: { vi: `Tệp quá lớn (tối đa ${mb} MB).`, en: `The file is too large (at most ${mb} MB).` },
          },
        ],
      };
      return;
    }
    const out = parseSetFile(await file.text());
    if (!out.ok) {
      this._importErrors = { problems: out.errors, doc: out.doc };
      return;
    }
    await this._startFrom(out.set);
  }

  private _export(s: CriteriaSet) {
    const name = downloadSet(s, true);
    this.dispatchEvent(
      new CustomEvent('toast', { detail: iot('io.exported', { name }), bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder': TcBuilder;
  }
}
