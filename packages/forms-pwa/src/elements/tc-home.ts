import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Assessment } from '../core.js';
import { LocaleController, formatDate, loc, t } from '../i18n.js';
import { totalProgress } from '../model/progress.js';
import { href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import './tc-facility-map.js';
import { cssom } from './cssom.js';

type StatusFilter = 'all' | Assessment['status'];

/**
 * Home: every assessment on this device with facility, set, kind, date, progress and score, newest
 * first; search by text and filter by status; a button for a new assessment.
 */
@customElement('tc-home')
export class TcHome extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .tools { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; align-items: center; }
      .tools input { flex: 1 1 240px; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
      li.card { display: grid; grid-template-columns: 1fr auto; gap: 6px 12px; align-items: center; }
      a.main { color: inherit; text-decoration: none; display: grid; gap: 4px; min-height: 44px; }
      .name { font-weight: 700; font-size: 1.05rem; }
      .score { text-align: right; display: grid; gap: 4px; justify-items: end; }
      .bar { width: 100%; max-width: 260px; }
      .title { display: flex; justify-content: space-between; align-items: center; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; }
    `,
  ];

  private readonly _store = new StoreController(this);
  @state() private _q = '';
  @state() private _status: StatusFilter = 'all';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const store = this._store.store;
    const all = [...store.assessments.values()].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
    const q = this._q.trim().toLocaleLowerCase('vi');
    const shown = all.filter((a) => {
      if (this._status !== 'all' && a.status !== this._status) return false;
      if (!q) return true;
      const set = store.setFor(a);
      const hay = [a.facility.name, a.facility.commune, set ? loc(set.title) : a.criteriaSet.id, t(`kind.${a.assessmentKind}`), a.round?.label]
        .filter(Boolean)
        .join(' ')
        .toLocaleLowerCase('vi');
      return hay.includes(q);
    });
    return html`
      <div class="title">
        <h1>${t('home.title')}</h1>
        <a class="btn primary" href=${href({ view: 'new' })} data-action="new">${t('home.new')}</a>
      </div>
      <div class="tools">
        <input type="search" placeholder=${t('home.search')} aria-label=${t('home.search')} .value=${this._q} @input=${(e: Event) => (this._q = (e.target as HTMLInputElement).value)} />
        <select aria-label="status" @change=${(e: Event) => (this._status = (e.target as HTMLSelectElement).value as StatusFilter)}>
          ${(['all', 'draft', 'locked'] as const).map(
            (s) => html`<option value=${s} ?selected=${this._status === s}>${s === 'all' ? t('home.filterAll') : t(`status.${s}`)}</option>`,
          )}
        </select>
      </div>
      ${!store.ready
        ? html`<p>${t('app.loading')}</p>`
        : all.length === 0
          ? html`<p class="muted">${t('home.empty')}</p>`
          : shown.length === 0
            ? html`<p class="muted">${t('home.noMatch')}</p>`
            : html`<ul>${shown.map((a) => this._row(a))}</ul>`}
      <tc-facility-map></tc-facility-map>
    `;
  }

  private _row(a: Assessment) {
    const store = this._store.store;
    const set = store.setFor(a);
    const r = store.resultFor(a);
    const p = r ? totalProgress(r) : undefined;
    const pct = p && p.total ? Math.round((100 * p.done) / p.total) : 0;
    return html`<li class="card" data-assessment=${a.id}>
      <a class="main" href=${href({ view: a.status === 'draft' ? 'fill' : 'results', id: a.id })}>
        <span class="name">${a.facility.name}</span>
        <span class="muted">${set ? loc(set.shortTitle ?? set.title) : a.criteriaSet.id} · ${t(`kind.${a.assessmentKind}`)} · ${formatDate(a.assessedOn ?? a.createdAt)}</span>
        ${p ? html`<span class="bar"><span ${cssom({ width: `${pct}%` })}></span></span><span class="muted">${t('home.progress', { done: p.done, total: p.total })}</span>` : nothing}
      </a>
      <div class="score">
        <span class="badge ${a.status === 'locked' ? 'info' : ''}">${t(`status.${a.status}`)}</span>
        ${r ? html`<strong>${r.total.display.points}/${r.total.display.max}${r.total.display.percent !== undefined ? ` · ${r.total.display.percent}%` : ''}</strong>` : nothing}
        ${r && r.decision !== 'none' ? html`<span class="badge ${r.decision === 'pass' ? 'pass' : r.decision === 'fail' ? 'fail' : 'warn'}">${t(`decision.${r.decision}`)}</span>` : nothing}
        <button class="danger" @click=${() => this._delete(a)}>${t('home.delete')}</button>
      </div>
    </li>`;
  }

  private _delete(a: Assessment) {
    if (confirm(t('home.confirmDelete', { name: a.facility.name }))) void this._store.store.remove(a.id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-home': TcHome;
  }
}
