import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CriteriaSet } from '../core.js';
import { LocaleController, loc, locale, t } from '../i18n.js';
import { bt } from './messages.js';
import { href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import type { EditDetail } from './fields.js';
import { downloadSet } from './io.js';
import { fieldPointer, nodeOf } from './problems.js';
import { problemItem } from './problem-view.js';
import { nodeName } from './problem-words.js';
import type { BuilderSession } from './session.js';
import { SessionController } from './session-controller.js';
import { builderStyles } from './styles.js';
import { addNode, duplicateNode, moveBy, moveTo, nodePointer, removeNode, type NodePath } from './tree.js';
import { shared } from '../styles.js';
import type { CasesChange } from './tc-builder-preview.js';
import type { NodeSelect, TcBuilderTree, TreeOp } from './tc-builder-tree.js';
import './tc-builder-item.js';
import './tc-builder-node.js';
import './tc-builder-preview.js';
import './tc-builder-set.js';
import './tc-builder-tree.js';
import './tc-builder-versions.js';
import { iot } from '../io/view-messages.js';

/** Whether a path still names a node of the set. */
function exists(set: CriteriaSet, p: NodePath | undefined): boolean {
  if (!p) return true;
  const s = set.sections[p[0]];
  if (!s || p.length === 1) return !!s;
  const c = s.criteria[p[1]!];
  if (!c || p.length === 2) return !!c;
  return !!c.items[p[2]!];
}

/**
 * Editing one draft: the tree on the left, the selected node's (or the set's) fields in the middle, and on the
 * right either the live preview with test cases or publishing, versions and diff. Every change is applied to the
 * session, which validates it with core and saves it at once.
 */
@customElement('tc-builder-editor')
export class TcBuilderEditor extends LitElement {
  static override styles = [
    shared,
    builderStyles,
    css`
      :host { display: block; }
      .head { display: flex; gap: 8px 16px; justify-content: space-between; align-items: flex-start; flex-wrap: wrap; margin-bottom: 10px; }
      .head h1 { margin: 0; }
      .status { font-size: 0.9rem; min-width: 6em; }
      .layout { display: grid; grid-template-columns: 270px minmax(0, 1fr) minmax(0, 1fr); gap: 14px; align-items: start; }
      .tree { position: sticky; top: 72px; max-height: calc(100vh - 84px); overflow: auto; }
      .panel-tabs { display: flex; gap: 4px; margin-bottom: 8px; }
      .panel-tabs button[aria-selected='true'] { background: var(--tc-green); border-color: var(--tc-green); color: #fff; font-weight: 600; }
      details.problems { margin-bottom: 10px; padding: 0 14px; border-color: var(--tc-red); }
      details.problems summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; font-weight: 600; color: var(--tc-red); }
      details.problems[open] { padding-bottom: 8px; }
      details.problems ul { margin: 0; padding-left: 0; list-style: none; display: grid; gap: 2px; max-height: 220px; overflow: auto; }
      details.problems li { border-bottom: 1px solid var(--tc-line); }
      details.problems li button { border: none; background: none; text-align: left; justify-content: flex-start; color: var(--tc-red); padding: 4px 6px; width: 100%; }
      .form h2 { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
      @media (max-width: 1200px) {
        .layout { grid-template-columns: 250px minmax(0, 1fr); }
        .right { grid-column: 1 / -1; }
      }
      @media (max-width: 760px) {
        .layout { grid-template-columns: 1fr; }
        .tree { position: static; max-height: none; }
      }
    `,
  ];

  /** The draft being edited. */
  @property({ attribute: false }) session!: BuilderSession;

  @state() private _selected: NodePath | undefined;
  @state() private _tab: 'preview' | 'versions' = 'preview';
  @state() private _message = '';
  @state() private _busy = false;
  private readonly _store = new StoreController(this);
  private readonly _follow = new SessionController(this);
  private _focusAfter: NodePath | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('session')) this._follow.follow(this.session);
  }

  override updated() {
    if (this._focusAfter) {
      const p = this._focusAfter;
      this._focusAfter = undefined;
      const tree = this.renderRoot.querySelector<TcBuilderTree>('tc-builder-tree');
      void tree?.updateComplete.then(() =>
        tree.shadowRoot?.querySelector<HTMLElement>(`button[data-node="${p.join('.')}"]`)?.focus(),
      );
    }
  }

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const set = s.set;
    if (!exists(set, this._selected)) this._selected = undefined;
    const versions = [...this._store.store.sets.values()]
      .filter((x) => x.id === set.id)
      .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.version.localeCompare(b.version));
    return html`<div class="head">
        <div>
          <h1 data-builder-title>${loc(set.title) || bt('b.untitledSet')}</h1>
          <div class="muted"><code>${set.id}@${set.version}</code>${set.origin ? html` · ${bt('b.localOf', { version: set.origin.version })}` : nothing}</div>
        </div>
        <div class="row">
          <span class="status" role="status" data-builder-save=${s.saveState}>${s.saveState === 'saving' ? t('save.saving') : s.saveState === 'saved' ? `✓ ${t('save.saved')}` : s.saveState === 'error' ? t('save.error') : ''}</span>
          <span class="badge ${s.valid ? 'pass' : 'fail'}" data-problem-count=${s.problems.length}>${s.valid ? bt('b.valid') : bt('b.problems', { n: s.problems.length })}</span>
          <a class="btn" href=${href({ view: 'builder' })}>${bt('b.backToList')}</a>
        </div>
      </div>
      ${
        s.valid
          ? nothing
          : html`<details class="problems card">
            <summary>${bt('b.problemsList', { n: s.problems.length })}</summary>
            <ul>
              ${s.problems.map((p) => problemItem(set, p, () => this._goTo(fieldPointer(p))))}
            </ul>
          </details>`
      }
      <div class="layout" @builder-edit=${this._onEdit} @tree-op=${this._onTree} @node-select=${this._onSelect} @cases-change=${this._onCases} @publish=${this._onPublish} @export-set=${this._onExport}>
        <nav class="tree card" aria-label=${bt('b.structure')}>
          <tc-builder-tree .set=${set} .selected=${this._selected} .problems=${s.index}></tc-builder-tree>
        </nav>
        <section class="form card" aria-label=${bt('b.fields')}>${this._form(set)}</section>
        <section class="right">
          <div class="panel-tabs" role="tablist">
            <button role="tab" aria-selected=${this._tab === 'preview' ? 'true' : 'false'} @click=${() => (this._tab = 'preview')} data-tab="preview">${bt('b.preview')}</button>
            <button role="tab" aria-selected=${this._tab === 'versions' ? 'true' : 'false'} @click=${() => (this._tab = 'versions')} data-tab="versions">${bt('b.publishTab')}</button>
          </div>
          <div role="tabpanel" class=${this._tab === 'preview' ? 'card' : ''}>
            ${
              this._tab === 'preview'
                ? html`<tc-builder-preview .set=${set} ?valid=${s.valid} .cases=${s.cases}></tc-builder-preview>`
                : html`<tc-builder-versions .set=${set} .problems=${s.problems} .versions=${versions} .message=${this._message} ?busy=${this._busy}></tc-builder-versions>`
            }
          </div>
        </section>
      </div>`;
  }

  private _form(set: CriteriaSet) {
    const p = this._selected;
    const s = this.session;
    if (!p)
      return html`<h2>${bt('b.setFields')}</h2><tc-builder-set .set=${set} .problems=${s.index}></tc-builder-set>`;
    const section = set.sections[p[0]]!;
    if (p.length === 1)
      return html`<h2><span class="badge info">${bt('b.section')}</span> ${loc(section.title) || bt('b.untitled')}</h2>
        <tc-builder-node .node=${section} .pointer=${nodePointer(p)} .problems=${s.index}></tc-builder-node>`;
    const criterion = section.criteria[p[1]!]!;
    if (p.length === 2)
      return html`<h2><span class="badge info">${bt('b.criterion')}</span> ${loc(criterion.title) || bt('b.untitled')}</h2>
        <tc-builder-node .node=${criterion} .pointer=${nodePointer(p)} .problems=${s.index}></tc-builder-node>`;
    const item = criterion.items[p[2]!]!;
    return html`<h2><span class="badge info">${bt('b.item')}</span> ${item.code ?? ''} <span class="muted">${loc(criterion.title)}</span></h2>
      <tc-builder-item .item=${item} .pointer=${nodePointer(p)} .model=${set.scoring.model} .problems=${s.index}></tc-builder-item>`;
  }

  private _goTo(pointer: string) {
    this._selected = nodeOf(pointer);
    void this.updateComplete.then(() => {
      const form = this.renderRoot.querySelector('.form > :last-child');
      const field = form?.shadowRoot?.querySelector<HTMLElement>(
        `[data-pointer="${CSS.escape(pointer)}"] :is(input, select, textarea)`,
      );
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    });
  }

  private _onEdit(e: CustomEvent<EditDetail>) {
    e.stopPropagation();
    this.session.edit(e.detail.pointer, e.detail.value);
  }

  private _onSelect(e: CustomEvent<NodeSelect>) {
    this._selected = e.detail.path;
  }

  private _onTree(e: CustomEvent<TreeOp>) {
    const s = this.session;
    const d = e.detail;
    switch (d.op) {
      case 'add': {
        const r = addNode(s.set, d.level, d.parent);
        s.replace(r.set);
        this._selected = r.path;
        break;
      }
      case 'remove': {
        const name = this._nameOf(d.path);
        if (!confirm(bt('b.confirmRemove', { name }))) return;
        s.replace(removeNode(s.set, d.path));
        this._selected = d.path.length > 1 ? (d.path.slice(0, -1) as unknown as NodePath) : undefined;
        break;
      }
      case 'duplicate': {
        const r = duplicateNode(s.set, d.path);
        s.replace(r.set);
        this._selected = r.path;
        break;
      }
      case 'move': {
        const r = moveBy(s.set, d.path, d.delta);
        s.replace(r.set);
        this._selected = r.path;
        this._focusAfter = r.path;
        break;
      }
      case 'move-to': {
        const r = moveTo(s.set, d.path, d.to);
        s.replace(r.set);
        this._selected = r.path;
        break;
      }
    }
  }

  /** The node by its number and title ("Tiêu chí 3 (Truyền thông)"), never its id. */
  private _nameOf(p: NodePath): string {
    return nodeName(this.session.set, nodePointer(p), locale());
  }

  private _onCases(e: CustomEvent<CasesChange>) {
    this.session.setCases(e.detail.cases);
  }

  private async _onPublish() {
    this._busy = true;
    this._message = '';
    try {
      const out = await this.session.publish(this._store.store);
      if (out.ok)
        this._message = bt('b.published', {
          key: `${out.set.id}@${out.set.version}`,
          hash: out.set.contentHash?.slice(0, 12) ?? '',
        });
    } finally {
      this._busy = false;
    }
  }

  private _onExport(e: CustomEvent<{ set: CriteriaSet; published: boolean }>) {
    const name = downloadSet(e.detail.set, e.detail.published);
    this.dispatchEvent(
      new CustomEvent('toast', { detail: iot('io.exported', { name }), bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-editor': TcBuilderEditor;
  }
}
