import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { contentHash, formatDate, vietnamToday } from '../core.js';
import { LocaleController, loc, locale } from '../i18n.js';
import { setKey } from '../model/assessment.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import type { AdminApi } from './admin-api.js';
import { adminStyles, errorText } from './admin-styles.js';
import type { ServerAssignment, ServerCampaign, ServerUser } from './client.js';
import { st } from './messages.js';

const KINDS = ['self-assessment', 'inspection', 'contest'] as const;

/**
 * Admin: campaigns (đợt đánh giá / vòng thi): create one (names, criteria set pinned by its content hash, kind,
 * facilities in scope, open and close days, baseline of the same kind and set), and assign inspectors to
 * facilities. Days are Vietnam days; the server checks everything again.
 */
@customElement('tc-admin-campaigns')
export class TcAdminCampaigns extends LitElement {
  static override styles = [shared, adminStyles];
  @property({ attribute: false }) api!: AdminApi;
  @state() private _campaigns: ServerCampaign[] = [];
  @state() private _users: ServerUser[] = [];
  @state() private _assignments = new Map<string, ServerAssignment[]>();
  @state() private _scope = new Set<string>();
  @state() private _filter = '';
  @state() private _error = '';
  @state() private _msg = '';
  private readonly _store = new StoreController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._store.store.loadAllSets(); // the campaign form offers every set: load the built-in ones not loaded yet
    void this._load();
  }

  private async _load() {
    try {
      [this._campaigns, this._users] = await Promise.all([this.api.campaigns(), this.api.users()]);
      const m = new Map<string, ServerAssignment[]>();
      for (const c of this._campaigns) m.set(c.id, await this.api.assignments(c.id));
      this._assignments = m;
    } catch (e) {
      this._error = errorText(e, locale());
    }
  }

  override render() {
    const store = this._store.store;
    const sets = [...store.sets.values()];
    const q = this._filter.trim().toLowerCase();
    const shown = store.facilities.filter((f) => !q || `${f.name} ${f.id}`.toLowerCase().includes(q));
    const today = vietnamToday();
    return html`
      <form class="card" @submit=${this._create} data-form="campaign">
        <h2>${st('admin.tab.campaigns')}</h2>
        <label>${st('admin.nameVi')}<input name="nameVi" required maxlength="300" /></label>
        <label>${st('admin.nameEn')}<input name="nameEn" required maxlength="300" /></label>
        <label>${st('admin.set')}
          <select name="set" required>
            ${sets.map((s) => html`<option value=${setKey(s)}>${loc(s.title)} (${s.version})</option>`)}
          </select>
        </label>
        <label>${st('admin.kind')}
          <select name="kind">${KINDS.map((k) => html`<option value=${k}>${st(`admin.kind.${k}`)}</option>`)}</select>
        </label>
        <div class="row">
          <label>${st('admin.opensOn')}<input name="opensOn" type="date" required .value=${today} /></label>
          <label>${st('admin.closesOn')}<input name="closesOn" type="date" required /></label>
        </div>
        <label>${st('admin.baseline')}
          <select name="baseline">
            <option value="">${st('admin.none')}</option>
            ${this._campaigns.map((c) => html`<option value=${c.id}>${c.name[locale()]}</option>`)}
          </select>
        </label>
        <label>${st('admin.checks')}
          <select name="checks">
            <option value="">${st('admin.none')}</option>
            ${this._campaigns
              .filter((c) => c.kind === 'self-assessment')
              .map((c) => html`<option value=${c.id}>${c.name[locale()]}</option>`)}
          </select>
        </label>
        <fieldset>
          <legend>${st('admin.scope', { n: this._scope.size })}</legend>
          <div class="row">
            <input aria-label=${st('admin.filter')} placeholder=${st('admin.filter')} .value=${this._filter}
              @input=${(e: Event) => (this._filter = (e.target as HTMLInputElement).value)} />
            <button type="button" data-action="select-shown" @click=${() => (this._scope = new Set([...this._scope, ...shown.map((f) => f.id)]))}>
              ${st('admin.selectShown')}
            </button>
          </div>
          <div class="scope" data-scope>
            ${shown
              .slice(0, 300)
              .map(
                (f) =>
                  html`<label><input type="checkbox" value=${f.id} .checked=${this._scope.has(f.id)} @change=${this._toggle} />${f.name}</label>`,
              )}
          </div>
        </fieldset>
        <div class="row"><button class="primary" type="submit" data-action="create-campaign">${st('admin.create')}</button></div>
        ${this._msg ? html`<p class="ok" role="status">${this._msg}</p>` : nothing}
        ${this._error ? html`<p class="err" role="alert">${this._error}</p>` : nothing}
      </form>
      <ul class="list" data-list="campaigns">
        ${this._campaigns.map((c) => this._campaign(c))}
      </ul>
    `;
  }

  private _campaign(c: ServerCampaign) {
    const inspectors = this._users.filter((u) => u.role === 'inspector');
    const name = (id: string) => this._store.store.facilities.find((f) => f.id === id)?.name ?? id;
    const who = (id: string) => this._users.find((u) => u.id === id)?.displayName ?? id;
    return html`<li class="card" data-campaign=${c.name.vi}>
      <div>
        <strong>${c.name[locale()]}</strong> · ${st(`admin.kind.${c.kind}`)} · ${st(`admin.phase.${c.phase}`)} ·
        ${st('admin.dates', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })} · ${st('admin.facilitiesCount', { n: c.facilities.length })}
        <ul>
          ${(this._assignments.get(c.id) ?? []).map((a) => html`<li>${name(a.facilityId)} — ${who(a.userId)}</li>`)}
        </ul>
        ${
          c.kind !== 'inspection'
            ? nothing
            : c.releasedAt
              ? html`<p data-released>${st('admin.released', { date: formatDate(c.releasedAt) })}</p>`
              : html`<p>${st('admin.notReleased')}</p>
                  <button type="button" data-action="release" @click=${() => this._release(c)}>${st('admin.release')}</button>`
        }
      </div>
      ${
        inspectors.length
          ? html`<form class="row" @submit=${(e: Event) => this._assign(e, c)} data-form="assign">
              <select name="facilityId" aria-label=${st('admin.facility')}>${c.facilities.map((f) => html`<option value=${f}>${name(f)}</option>`)}</select>
              <select name="userId" aria-label=${st('admin.inspector')}>${inspectors.map((u) => html`<option value=${u.id}>${u.displayName}</option>`)}</select>
              <button type="submit" data-action="assign">${st('admin.assign')}</button>
            </form>`
          : nothing
      }
    </li>`;
  }

  private readonly _toggle = (e: Event) => {
    const i = e.target as HTMLInputElement;
    const next = new Set(this._scope);
    if (i.checked) next.add(i.value);
    else next.delete(i.value);
    this._scope = next;
  };

  private readonly _create = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const set = this._store.store.sets.get(String(f.get('set')));
    this._msg = this._error = '';
    if (!set) return;
    try {
      await this.api.createCampaign({
        name: { vi: String(f.get('nameVi')).trim(), en: String(f.get('nameEn')).trim() },
        set: { id: set.id, version: set.version, hash: contentHash(set) },
        kind: String(f.get('kind')) as ServerCampaign['kind'],
        facilities: [...this._scope],
        opensOn: String(f.get('opensOn')),
        closesOn: String(f.get('closesOn')),
        baselineCampaignId: String(f.get('baseline') ?? '') || null,
        checksCampaignId: String(f.get('checks') ?? '') || null,
      });
      form.reset();
      this._scope = new Set();
      this._msg = st('admin.created');
      await this._load();
    } catch (err) {
      this._error = errorText(err, locale());
    }
  };

  private async _release(c: ServerCampaign) {
    this._msg = this._error = '';
    try {
      await this.api.release(c.id);
      await this._load();
    } catch (err) {
      this._error = errorText(err, locale());
    }
  }

  private async _assign(e: Event, c: ServerCampaign) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    try {
      await this.api.assign(c.id, String(f.get('facilityId')), String(f.get('userId')));
      await this._load();
    } catch (err) {
      this._error = errorText(err, locale());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-admin-campaigns': TcAdminCampaigns;
  }
}
