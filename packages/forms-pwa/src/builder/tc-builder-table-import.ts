import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CriteriaSet, TableCell, TableColumn, TableImportResult } from '../core.js';
import { importTable, parseColumnMap, parseCsv } from '../core-checked.js';
import { LocaleController, loc, locale } from '../i18n.js';
import { bt } from './messages.js';
import { shared } from '../styles.js';
import { builderStyles } from './styles.js';
import { nextVersionDraft, versionsOf } from './versions.js';

/** Reads a table file: an XLSX workbook's first sheet (@tieuchi/sheets, loaded only now) or CSV text. */
async function readTable(file: File): Promise<TableCell[][]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const { readWorkbook } = await import('@tieuchi/sheets');
    return (await readWorkbook(bytes))[0]?.rows ?? [];
  }
  return parseCsv(new TextDecoder().decode(bytes));
}

/**
 * The builder's table import (decision 0014): a file, the column map, the document it comes from and the set it is a
 * new version of; "Preview" lists every row and every problem (row, column, message) and saves nothing; "Create
 * draft" fires `table-imported` with the new set (the builder stores it as a draft). Cell text is shown as text.
 */
@customElement('tc-builder-table-import')
export class TcBuilderTableImport extends LitElement {
  static override styles = [
    shared,
    builderStyles,
    css`
      :host { display: block; }
      form { display: grid; gap: 8px; }
      label { display: grid; gap: 2px; }
      .table { overflow-x: auto; max-height: 60vh; }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      th, td { border-bottom: 1px solid var(--tc-line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
      tr.bad td { background: #fdecea; }
      ul.problems { margin: 6px 0; padding-left: 18px; }
      .file { position: relative; overflow: hidden; }
    `,
  ];

  /** The sets that can get a new version, by `id@version`. */
  @property({ attribute: false }) sets: ReadonlyMap<string, CriteriaSet> = new Map();

  @state() private _result: TableImportResult | undefined;
  @state() private _mapProblems: string[] = [];
  @state() private _error = '';
  @state() private _version = '';
  @state() private _base = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const r = this._result;
    const en = locale() === 'en';
    return html`<details data-table-import>
      <summary>${bt('ti.heading')}</summary>
      <p class="muted">${bt('ti.intro')}</p>
      <form @submit=${this._onPreview}>
        <label>${bt('ti.file')}<input name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required /></label>
        <label>${bt('ti.base')}
          <select name="base" @change=${this._onBase}>
            <option value="">${bt('ti.noBase')}</option>
            ${[...this.sets].map(([k, s]) => html`<option value=${k} ?selected=${k === this._base}>${loc(s.title)} (${s.version})</option>`)}
          </select>
        </label>
        <label>${bt('ti.map')}<input name="map" value="code=A,level=B,text=C" required /></label>
        <span class="muted">${bt('ti.mapHint')}</span>
        <label>${bt('ti.document')}<input name="document" required /></label>
        <label>${bt('ti.address')}<input name="address" type="url" /></label>
        <label>${bt('ti.skip')}<input name="skip" inputmode="numeric" value="1" /></label>
        <label>${bt('ti.version')}<input name="version" .value=${this._version} @input=${(e: Event) => (this._version = (e.target as HTMLInputElement).value)} required /></label>
        <div class="row"><button class="primary" type="submit" data-action="table-preview">${bt('ti.preview')}</button></div>
      </form>
      ${this._error ? html`<p class="err" role="alert">${this._error}</p>` : nothing}
      ${this._mapProblems.length ? html`<ul class="problems" role="alert">${this._mapProblems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
      ${r ? this._preview(r, en) : nothing}
    </details>`;
  }

  private _preview(r: TableImportResult, en: boolean) {
    const bad = new Set(r.ok ? [] : r.problems.map((p) => p.row));
    const colName = (c: TableColumn | undefined) => c ?? '';
    return html`<div data-table-preview>
      <p><strong>${bt('ti.rows', { n: r.rows.length })}</strong> ·
        ${r.ok ? html`<span data-table-ok>${bt('ti.ok', { id: r.set.id, version: r.set.version })}</span>` : html`<span class="err" data-table-problems>${bt('ti.problems', { n: r.problems.length })}</span>`}</p>
      ${
        r.ok
          ? html`<div class="row"><button class="primary" @click=${() => this._create(r.set)} data-action="table-create">${bt('ti.create')}</button></div>`
          : html`<ul class="problems">
              ${r.problems.map(
                (p) =>
                  html`<li data-problem-row=${p.row}>${p.row ? `${bt('ti.row')} ${p.row}` : bt('ti.table')}${p.column ? `, ${bt('ti.col')} ${p.letter ?? ''} (${colName(p.column)})` : ''}: ${en ? p.message.en : p.message.vi}</li>`,
              )}
            </ul>`
      }
      <div class="table"><table>
        <thead><tr><th>${bt('ti.row')}</th><th>${bt('ti.code')}</th><th>${bt('ti.level')}</th><th>${bt('ti.points')}</th><th>${bt('ti.text')}</th></tr></thead>
        <tbody>
          ${r.rows.map(
            (x) => html`<tr class=${bad.has(x.row) ? 'bad' : ''} data-row=${x.row}>
              <td>${x.row}</td><td>${x.code ?? x.criterion ?? ''}</td><td>${x.level ?? ''}</td><td>${x.points ?? ''}</td><td>${x.text ?? ''}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
    </div>`;
  }

  private _onBase(e: Event) {
    this.chooseBase((e.target as HTMLSelectElement).value);
  }

  private async _onPreview(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const file = data.get('file');
    const field = (k: string) => String(data.get(k) ?? '').trim();
    await this.preview(file instanceof File ? file : undefined, {
      map: field('map'),
      document: field('document'),
      address: field('address'),
      skip: field('skip'),
    });
  }

  /**
   * Reads `file` with the column `map` and shows the preview (every row, every problem); saves nothing. The base
   * set and the version are the ones chosen in the form.
   */
  async preview(
    file: File | undefined,
    f: { map: string; document: string; address?: string; skip?: string },
  ): Promise<TableImportResult | undefined> {
    this._result = undefined;
    this._error = '';
    const m = parseColumnMap(f.map);
    this._mapProblems = m.ok ? [] : m.problems.map((p) => (locale() === 'en' ? p.en : p.vi));
    if (!m.ok || !file || !file.size) return undefined;
    let rows: TableCell[][];
    try {
      rows = await readTable(file);
    } catch (x) {
      this._error = bt('ti.unreadable', { why: String(x) });
      return undefined;
    }
    const base = this.sets.get(this._base);
    const skip = Number(f.skip || '1');
    this._result = importTable(rows, {
      map: m.map,
      skipRows: Number.isInteger(skip) && skip >= 0 ? skip : 1,
      document: f.document,
      ...(f.address ? { address: f.address } : {}),
      ...(base ? { base } : {}),
      version: this._version.trim(),
      id: file.name.replace(/\.[^.]*$/, ''),
    });
    return this._result;
  }

  /** Chooses the set the table is a new version of (`id@version`, or '' for a new set) and proposes a version. */
  chooseBase(key: string): void {
    this._base = key;
    const base = this.sets.get(key);
    if (base) this._version = nextVersionDraft(base, versionsOf(this.sets.values(), base.id)).version;
  }

  private _create(set: CriteriaSet) {
    this.dispatchEvent(new CustomEvent('table-imported', { detail: set, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-builder-table-import': TcBuilderTableImport;
  }
}
