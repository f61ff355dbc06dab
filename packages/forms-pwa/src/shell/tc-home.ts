import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type Assessment, type ScoreResult } from '../core.js';
import { matches, setWords } from './search.js';
import { LocaleController, formatDate, loc, t } from '../i18n.js';
import { totalProgress } from '../model/progress.js';
import { href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import type { ArchivedAssessment } from '../storage/db.js';
import { shared } from '../styles.js';
import './tc-facility-map.js';
import { cssom } from '../cssom.js';
import { num, pct, exactNum } from '../numbers.js';
import { ht } from './home-messages.js';

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
      .archive { margin-top: 16px; }
      .archive ul { list-style: none; padding: 0; display: grid; gap: 10px; }
      .archive .purge { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
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
  @state() private _archive: ArchivedAssessment[] = [];
  @state() private _archiveOpen = false;
  /** What was typed to delete a locked assessment for good, by id. */
  @state() private _purgeName = new Map<string, string>();

  constructor() {
    super();
    new LocaleController(this);
    // "My campaigns" (council server, src/sync/): loaded only on a device enrolled with one (issue 20).
    void this._store.store.storage
      .getSync('server')
      .then((link) => link && import('../sync/tc-my-campaigns.js'))
      .catch(() => undefined);
  }

  override render() {
    const store = this._store.store;
    const all = [...store.assessments.values()].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
    const shown = all.filter((a) => {
      if (this._status !== 'all' && a.status !== this._status) return false;
      const set = store.setFor(a);
      return matches(this._q, [
        a.facility.name,
        a.facility.commune,
        a.criteriaSet.id,
        ...setWords(set),
        t(`kind.${a.assessmentKind}`),
        a.round?.label,
      ]);
    });
    return html`
      <div class="title">
        <h1>${t('home.title')}</h1>
        <a class="btn primary" href=${href({ view: 'new' })} data-action="new">${ht('home.new')}</a>
      </div>
      <tc-my-campaigns></tc-my-campaigns>
      <div class="tools">
        <input type="search" placeholder=${ht('home.search')} aria-label=${ht('home.search')} .value=${this._q} @input=${(e: Event) => (this._q = (e.target as HTMLInputElement).value)} />
        <select aria-label="status" @change=${(e: Event) => (this._status = (e.target as HTMLSelectElement).value as StatusFilter)}>
          ${(['all', 'draft', 'locked'] as const).map(
            (s) =>
              html`<option value=${s} ?selected=${this._status === s}>${s === 'all' ? ht('home.filterAll') : t(`status.${s}`)}</option>`,
          )}
        </select>
      </div>
      ${
        !store.ready
          ? html`<p>${t('app.loading')}</p>`
          : all.length === 0
            ? html`<p class="muted">${ht('home.empty')}</p>`
            : shown.length === 0
              ? html`<p class="muted">${ht('home.noMatch')}</p>`
              : html`<ul>${shown.map((a) => this._row(a))}</ul>`
      }
      ${this._archiveList()}
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
        <span class="muted">${set ? loc(set.shortTitle ?? set.title) : a.criteriaSet.id} · ${t(`kind.${a.assessmentKind}`)}</span>
        <span class="muted" data-round>${a.round ? html`<strong>${a.round.label}</strong> · ` : nothing}${formatDate(a.assessedOn ?? a.createdAt)}</span>
        ${p ? html`<span class="bar"><span ${cssom({ width: `${pct}%` })}></span></span><span class="muted">${ht('home.progress', { done: p.done, total: p.total })}</span>` : nothing}
      </a>
      <div class="score">
        <span class="badge ${a.status === 'locked' ? 'info' : ''}">${t(`status.${a.status}`)}</span>
        ${r ? html`<strong data-score>${this._score(r)}</strong>` : nothing}
        ${r && r.decision !== 'none' ? html`<span class="badge ${r.decision === 'pass' ? 'pass' : r.decision === 'fail' ? 'fail' : 'warn'}">${t(`decision.${r.decision}`)}</span>` : nothing}
        <button class="danger" @click=${() => this._delete(a)}>${ht('home.delete')}</button>
      </div>
    </li>`;
  }

  /** The score as the set reports it: points and percentage, or for a set of levels the mean level once complete. */
  private _score(r: ScoreResult): string {
    if (r.criteriaSet.model === 'levels')
      return r.meanLevel && r.complete ? `${t('score.meanLevel')} ${exactNum(r.meanLevel, 2)}` : '';
    const d = r.total.display;
    return `${num(d.points)}/${num(d.max)}${d.percent !== undefined ? ` · ${pct(d.percent)}` : ''}`;
  }

  /** Deleting moves to the archive at once (no prompt: it can be restored from there). */
  private async _delete(a: Assessment) {
    await this._store.store.remove(a.id);
    await this._loadArchive();
  }

  private async _loadArchive() {
    try {
      this._archive = await this._store.store.storage.listArchive();
    } catch {
      this._archive = [];
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    void this._loadArchive();
  }

  /** The archive: deleted assessments, restorable; deleting a locked one for good needs its name typed back. */
  private _archiveList() {
    if (!this._archive.length) return nothing;
    return html`<details class="card archive" data-archive=${this._archive.length} ?open=${this._archiveOpen} @toggle=${(e: Event) => (this._archiveOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${ht('home.archive', { n: this._archive.length })}</summary>
      <p class="muted">${ht('home.archiveHint')}</p>
      <ul>
        ${this._archive.map(({ assessment: a, archivedAt }) => {
          const locked = a.status !== 'draft';
          const typed = this._purgeName.get(a.id) ?? '';
          const ok = !locked || typed.trim() === a.facility.name.trim();
          return html`<li data-archived=${a.id}>
            <div><strong>${a.facility.name}</strong> · ${t(`kind.${a.assessmentKind}`)} · ${t(`status.${a.status}`)} <span class="muted">(${ht('home.archivedAt', { date: formatDate(archivedAt) })})</span></div>
            <div class="row">
              <button data-action="restore" @click=${() => this._restore(a.id)}>${ht('home.restore')}</button>
              ${
                locked
                  ? html`<label class="purge">${ht('home.purgeLockedLabel', { name: a.facility.name })}
                    <input data-purge-name .value=${typed} @input=${(e: Event) => (this._purgeName = new Map(this._purgeName).set(a.id, (e.target as HTMLInputElement).value))} /></label>`
                  : nothing
              }
              <button class="danger" data-action="purge" ?disabled=${!ok} @click=${() => this._purge(a)}>${ht('home.purge')}</button>
            </div>
          </li>`;
        })}
      </ul>
    </details>`;
  }

  private async _restore(id: string) {
    await this._store.store.restore(id);
    await this._loadArchive();
  }

  private async _purge(a: Assessment) {
    if (a.status === 'draft' && !confirm(ht('home.confirmPurge', { name: a.facility.name }))) return;
    await this._store.store.purge(a.id, this._purgeName.get(a.id));
    await this._loadArchive();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-home': TcHome;
  }
}
