import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CriteriaSet } from '../core.js';
import { LocaleController, loc } from '../i18n.js';
import { bt } from './messages.js';
import { problemsUnder, type ProblemIndex } from './problems.js';
import { copyIcon, downIcon, gripIcon, removeIcon, upIcon } from './icons.js';
import { builderStyles } from './styles.js';
import { nodePointer, type NodeLevel, type NodePath } from './tree.js';
import { shared } from '../styles.js';

/** Detail of `tree-op`: a structural change the editor applies to the draft. */
export type TreeOp =
  | { op: 'add'; level: NodeLevel; parent: number[] }
  | { op: 'remove' | 'duplicate'; path: NodePath }
  | { op: 'move'; path: NodePath; delta: number }
  | { op: 'move-to'; path: NodePath; to: NodePath };

/** Detail of `node-select`: the node to edit, or `undefined` for the set's own fields. */
export type NodeSelect = { path: NodePath | undefined };

const key = (p: NodePath | undefined) => (p ? p.join('.') : 'set');
const parseKey = (k: string): NodePath | undefined =>
  k === 'set' ? undefined : (k.split('.').map(Number) as unknown as NodePath);

/**
 * The set as a tree: sections → criteria → items. Click a node to edit it. Reorder by dragging a row onto
 * another of the same level (or a criterion onto a section, an item onto a criterion, to move it there), or
 * from the keyboard: Alt+↑ / Alt+↓ on a row, or the labelled move buttons of the selected node.
 * Each row shows how many problems core found under it.
 *
 * @fires node-select - {@link NodeSelect}
 * @fires tree-op - {@link TreeOp}
 */
@customElement('tc-builder-tree')
export class TcBuilderTree extends LitElement {
  static override styles = [
    shared,
    builderStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 0; }
      ul ul { padding-left: 14px; border-left: 2px solid #eceff2; margin-left: 8px; }
      li { margin: 2px 0; }
      .row { display: flex; align-items: stretch; gap: 2px; border-radius: 8px; }
      .row.drop { outline: 2px dashed var(--tc-blue); }
      .row button.node { flex: 1; justify-content: flex-start; text-align: left; border-color: transparent; background: transparent; padding: 6px 8px; min-width: 0; }
      .row button.node span.name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; }
      .row[aria-current='true'] button.node { background: #e6eefb; border-color: var(--tc-blue); font-weight: 600; }
      .grip { cursor: grab; color: var(--tc-muted); display: inline-flex; align-items: center; padding: 0 4px; user-select: none; }
      .lvl { font-size: 0.75rem; color: var(--tc-muted); font-weight: 700; }
      .count { background: var(--tc-red-bg); color: var(--tc-red); border-radius: 999px; padding: 0 7px; font-size: 0.8rem; font-weight: 700; }
      .actions { display: flex; flex-wrap: wrap; gap: 4px; padding: 8px 0; border-bottom: 1px solid var(--tc-line); margin-bottom: 8px; }
      .actions button { padding: 6px 8px; font-size: 0.9rem; }
      .set-row { margin-bottom: 6px; }
    `,
  ];

  /** The set being authored. */
  @property({ attribute: false }) set!: CriteriaSet;
  /** The selected node (undefined: the set's own fields). */
  @property({ attribute: false }) selected: NodePath | undefined;
  /** core's problems by field pointer. */
  @property({ attribute: false }) problems: ProblemIndex = new Map();

  @state() private _dragOver = '';
  private _dragging = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const set = this.set;
    const setProblems = [...this.problems.keys()]
      .filter((k) => !k.startsWith('/sections/'))
      .reduce((n, k) => n + (this.problems.get(k)?.length ?? 0), 0);
    return html`${this._actions()}
      <div class="row set-row" aria-current=${this.selected === undefined ? 'true' : 'false'}>
        <button class="node" data-node="set" @click=${() => this._select(undefined)}>
          <span class="name">${bt('b.setFields')}</span>${setProblems ? html`<span class="count" title=${bt('b.problems', { n: setProblems })}>${setProblems}</span>` : nothing}
        </button>
      </div>
      <ul aria-label=${bt('b.structure')}>
        ${set.sections.map(
          (s, si) => html`<li>
            ${this._row([si], 'section', s.title, s.id)}
            <ul>
              ${s.criteria.map(
                (c, ci) => html`<li>
                  ${this._row([si, ci], 'criterion', c.title, c.id, c.code)}
                  <ul>
                    ${c.items.map((it, ii) => html`<li>${this._row([si, ci, ii], 'item', it.text, it.id, it.code)}</li>`)}
                  </ul>
                </li>`,
              )}
            </ul>
          </li>`,
        )}
      </ul>
      <div class="actions"><button @click=${() => this._op({ op: 'add', level: 'section', parent: [] })} data-action="add-section">+ ${bt('b.section')}</button></div>`;
  }

  /** Buttons acting on the selected node: move up / down, duplicate, remove, add a child. */
  private _actions() {
    const p = this.selected;
    if (!p) return html`<div class="actions muted">${bt('b.treeHint')}</div>`;
    const level = p.length === 1 ? 'section' : p.length === 2 ? 'criterion' : 'item';
    const name = this._name(p);
    const count =
      p.length === 1
        ? this.set.sections.length
        : p.length === 2
          ? (this.set.sections[p[0]]?.criteria.length ?? 0)
          : (this.set.sections[p[0]]?.criteria[p[1]!]?.items.length ?? 0);
    const idx = p[p.length - 1]!;
    return html`<div class="actions" role="toolbar" aria-label=${bt('b.nodeActions', { name })}>
      <button aria-label=${bt('b.moveUp', { name })} title=${bt('b.moveUp', { name })} ?disabled=${idx === 0} @click=${() => this._op({ op: 'move', path: p, delta: -1 })} data-action="up">${upIcon}</button>
      <button aria-label=${bt('b.moveDown', { name })} title=${bt('b.moveDown', { name })} ?disabled=${idx >= count - 1} @click=${() => this._op({ op: 'move', path: p, delta: 1 })} data-action="down">${downIcon}</button>
      <button aria-label=${bt('b.duplicate', { name })} title=${bt('b.duplicate', { name })} @click=${() => this._op({ op: 'duplicate', path: p })} data-action="duplicate">${copyIcon}</button>
      <button class="danger" aria-label=${bt('b.remove', { name })} title=${bt('b.remove', { name })} @click=${() => this._op({ op: 'remove', path: p })} data-action="remove">${removeIcon}</button>
      ${
        level === 'section'
          ? html`<button @click=${() => this._op({ op: 'add', level: 'criterion', parent: [p[0]] })} data-action="add-criterion">+ ${bt('b.criterion')}</button>`
          : level === 'criterion'
            ? html`<button @click=${() => this._op({ op: 'add', level: 'item', parent: [p[0], p[1]!] })} data-action="add-item">+ ${bt('b.item')}</button>`
            : html`<button @click=${() => this._op({ op: 'add', level: 'item', parent: [p[0], p[1]!] })} data-action="add-item">+ ${bt('b.item')}</button>`
      }
    </div>`;
  }

  private _name(p: NodePath): string {
    const s = this.set.sections[p[0]];
    if (p.length === 1) return loc(s?.title) || s?.id || '';
    const c = s?.criteria[p[1]!];
    if (p.length === 2) return loc(c?.title) || c?.id || '';
    const it = c?.items[p[2]!];
    return it?.code || it?.id || '';
  }

  private _row(p: NodePath, level: NodeLevel, title: { vi: string; en?: string }, id: string, code?: string) {
    const k = key(p);
    const n = problemsUnder(this.problems, nodePointer(p)).length;
    const label = loc(title) || bt('b.untitled');
    const selected = key(this.selected) === k;
    return html`<div
      class="row ${this._dragOver === k ? 'drop' : ''}"
      aria-current=${selected ? 'true' : 'false'}
      draggable="true"
      data-path=${k}
      data-level=${level}
      @dragstart=${(e: DragEvent) => this._onDragStart(e, k)}
      @dragend=${() => ((this._dragging = ''), (this._dragOver = ''))}
      @dragover=${(e: DragEvent) => this._onDragOver(e, p)}
      @dragleave=${() => (this._dragOver = this._dragOver === k ? '' : this._dragOver)}
      @drop=${(e: DragEvent) => this._onDrop(e, p)}
    >
      <span class="grip" aria-hidden="true">${gripIcon}</span>
      <button class="node" data-node=${k} aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown" @click=${() => this._select(p)} @keydown=${(e: KeyboardEvent) => this._onKey(e, p)}>
        <span class="lvl">${bt(`b.${level}Short`)}</span>
        <span class="name" title=${label}>${code ? `${code} ` : ''}${label}</span>
        ${n ? html`<span class="count" title=${bt('b.problems', { n })}>${n}</span>` : nothing}
      </button>
      <span class="sr-only">${id}</span>
    </div>`;
  }

  /** Where a dragged node may land when dropped on `target`: same level (before it), or into its parent-level row. */
  private _dropPath(from: NodePath, target: NodePath): NodePath | undefined {
    if (target.length === from.length) return target;
    if (target.length === from.length - 1) {
      // Onto a parent row: append there.
      const count =
        target.length === 1
          ? (this.set.sections[target[0]]?.criteria.length ?? 0)
          : (this.set.sections[target[0]]?.criteria[target[1]!]?.items.length ?? 0);
      return [...target, count] as unknown as NodePath;
    }
    return undefined;
  }

  private _onDragStart(e: DragEvent, k: string) {
    this._dragging = k;
    e.dataTransfer?.setData('text/plain', k);
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
  }

  private _onDragOver(e: DragEvent, target: NodePath) {
    const from = parseKey(this._dragging);
    if (!from || !this._dropPath(from, target)) return;
    e.preventDefault();
    this._dragOver = key(target);
  }

  private _onDrop(e: DragEvent, target: NodePath) {
    e.preventDefault();
    const from = parseKey(this._dragging || e.dataTransfer?.getData('text/plain') || '');
    this._dragOver = '';
    this._dragging = '';
    const to = from && this._dropPath(from, target);
    if (from && to && key(from) !== key(to)) this._op({ op: 'move-to', path: from, to });
  }

  private _onKey(e: KeyboardEvent, p: NodePath) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    this._op({ op: 'move', path: p, delta: e.key === 'ArrowUp' ? -1 : 1 });
  }

  private _select(path: NodePath | undefined) {
    this.dispatchEvent(new CustomEvent<NodeSelect>('node-select', { detail: { path }, bubbles: true, composed: true }));
  }

  private _op(detail: TreeOp) {
    this.dispatchEvent(new CustomEvent<TreeOp>('tree-op', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-tree': TcBuilderTree;
  }
}
