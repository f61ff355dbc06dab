import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDateTime } from '../core.js';
import { LocaleController, loc, locale, t } from '../i18n.js';
import type { MessageKey } from '../messages.js';
import { percentNum } from '../numbers.js';
import { appStore } from '../state/store.js';
import { shared } from '../styles.js';
import { SyncError, type ServerCampaign } from '../sync/client.js';
import type { ServerLink } from '../sync/engine.js';
import { st, type SyncMessageCode } from '../sync/messages.js';
import {
  serverDashboardApi,
  type DashboardFilters,
  type ServerComputed,
  type ServerDashboard,
  type ServerDashboardRow,
} from './server-dashboard.js';

/** Why the dashboard shows this device's data instead of the server's. */
export type LocalReason = 'notEnrolled' | 'notCouncil' | 'offline' | 'unreachable' | 'signInAgain' | 'server';

/** Rows best first (exact percentages compared as fractions), unscored last, then by facility name. */
export function byScore(a: ServerDashboardRow, b: ServerDashboardRow): number {
  if (a.percent && b.percent) {
    // a/b vs c/d: compare a·d with c·b in BigInt (numbers in JSON may be strings of digits when large).
    const l = BigInt(a.percent.num) * BigInt(b.percent.den);
    const r = BigInt(b.percent.num) * BigInt(a.percent.den);
    if (l !== r) return l > r ? -1 : 1;
  } else if (a.percent || b.percent) return a.percent ? -1 : 1;
  return a.facility.name.localeCompare(b.facility.name, 'vi');
}

/**
 * The server's side of the council dashboard: on a device enrolled as a council admin or inspector and online,
 * the assessments the server holds (every synced one in the person's scope, nothing to import), filtered by
 * campaign, facility kind and commune, with core's score as the server computed it, when and why it was last
 * recomputed, and the server's CSV and XLSX exports. Otherwise it says the dashboard shows this device's data,
 * and why (not enrolled, offline, server unreachable...). Fires `server-data` with `detail: boolean`.
 */
@customElement('tc-server-dashboard')
export class TcServerDashboard extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; margin-bottom: 12px; }
      .filters { display: flex; gap: 10px 14px; flex-wrap: wrap; align-items: end; margin: 8px 0; }
      .filters label span { display: block; font-size: 0.85em; color: var(--tc-muted); }
      .filters select { min-height: 44px; max-width: 100%; }
      .wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--tc-line); vertical-align: top; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .note { padding: 10px 14px; border-radius: 10px; display: flex; gap: 8px 12px; flex-wrap: wrap; align-items: center; }
      .note span { flex: 1 1 240px; }
      h2 { margin-top: 0; }
      p { margin: 6px 0; }
    `,
  ];

  /** The fetch to use (tests pass a fake server); the page's own by default. */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  @state() private _link: ServerLink | undefined;
  @state() private _local: { why: LocalReason; text?: string } | undefined;
  @state() private _loading = false;
  @state() private _data: ServerDashboard | undefined;
  @state() private _campaigns: ServerCampaign[] = [];
  @state() private _computed: ServerComputed | undefined;
  @state() private _readAt = '';
  @state() private _filters: DashboardFilters = {};
  @state() private _busyExport = false;
  /** Kinds and communes seen in any answer, so a filter's choices stay when another filter narrows the rows. */
  private readonly _kinds = new Set<string>();
  private readonly _communes = new Set<string>();
  private _req = 0;

  private readonly _onNetwork = () => void this.reload();

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this._onNetwork);
    window.addEventListener('offline', this._onNetwork);
    void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this._onNetwork);
    window.removeEventListener('offline', this._onNetwork);
  }

  private _api() {
    return serverDashboardApi({ baseUrl: this._link!.baseUrl, token: this._link!.token, fetch: this.fetch });
  }

  /** Reads the link and, when the server can be used, the campaigns and the dashboard for the current filters. */
  async reload(): Promise<void> {
    const n = ++this._req;
    const link = await appStore().storage.getSync<ServerLink>('server');
    // Taken off the page meanwhile (another view): nothing to show, nobody to tell.
    if (n !== this._req || !this.isConnected) return;
    this._link = link;
    if (!link) return this._toLocal('notEnrolled');
    if (link.user.role !== 'admin' && link.user.role !== 'inspector') return this._toLocal('notCouncil');
    if (globalThis.navigator?.onLine === false) return this._toLocal('offline');
    this._loading = true;
    try {
      const api = this._api();
      const [campaigns, data, computed] = await Promise.all([
        api.campaigns(),
        api.dashboard(this._filters),
        this._filters.campaign ? api.computed(this._filters.campaign) : Promise.resolve(undefined),
      ]);
      if (n !== this._req) return;
      for (const r of data.rows) {
        if (r.facility.kind) this._kinds.add(r.facility.kind);
        if (r.facility.commune) this._communes.add(r.facility.commune);
      }
      this._campaigns = campaigns;
      this._data = data;
      this._computed = computed;
      this._readAt = new Date().toISOString();
      this._local = undefined;
      this.dispatchEvent(new CustomEvent('server-data', { detail: true, bubbles: true, composed: true }));
    } catch (e) {
      if (n !== this._req) return;
      if (!(e instanceof SyncError)) this._toLocal('unreachable');
      else if (e.status === 401) this._toLocal('signInAgain');
      else this._toLocal('server', e.text[locale()]);
    } finally {
      if (n === this._req) this._loading = false;
    }
  }

  private _toLocal(why: LocalReason, text?: string): void {
    this._local = text === undefined ? { why } : { why, text };
    this._data = undefined;
    this._computed = undefined;
    this.dispatchEvent(new CustomEvent('server-data', { detail: false, bubbles: true, composed: true }));
  }

  private _setFilter(k: keyof DashboardFilters, v: string): void {
    this._filters = { ...this._filters, [k]: v || undefined };
    void this.reload();
  }

  override render() {
    if (this._local) {
      const why = st(`serverDash.why.${this._local.why}` as SyncMessageCode, { text: this._local.text ?? '' });
      const retry = ['unreachable', 'server', 'offline'].includes(this._local.why);
      return html`<div class="note warn" role="note" data-local-source=${this._local.why}>
        <span>${st('serverDash.local', { why })}</span>
        ${retry ? html`<button data-action="server-retry" @click=${() => void this.reload()}>${st('serverDash.retry')}</button>` : nothing}
      </div>`;
    }
    if (!this._data) return this._loading ? html`<p class="muted">${st('serverDash.loading')}</p>` : nothing;
    return this._server(this._data);
  }

  private _server(d: ServerDashboard) {
    const name = (id: string | null) => {
      const c = id ? this._campaigns.find((x) => x.id === id) : undefined;
      return c ? loc(c.name) : id ? id : st('serverDash.noCampaign');
    };
    const select = (k: keyof DashboardFilters, label: string, options: [string, string][]) =>
      html`<label><span>${label}</span>
        <select name=${`server-${k}`} @change=${(e: Event) => this._setFilter(k, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this._filters[k]}>${st('serverDash.all')}</option>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${this._filters[k] === v}>${text}</option>`)}
        </select></label>`;
    const kindText = (k: string) =>
      k.match(/^(commune-station|hospital|health-centre|clinic|other)$/) ? t(`fk.${k}` as MessageKey) : k;
    const rows = [...d.rows].sort(byScore);
    const decisions = Object.entries(d.decisions).sort((a, b) => b[1] - a[1]);
    const c = this._computed;
    return html`<section class="card" data-server-dashboard aria-busy=${this._loading ? 'true' : 'false'}>
      <h2>${st('serverDash.title')}</h2>
      <p class="muted" data-server-source>${st('serverDash.source', { server: new URL(this._link!.baseUrl).host, when: formatDateTime(this._readAt) })}</p>
      <div class="filters">
        ${select(
          'campaign',
          st('serverDash.campaign'),
          this._campaigns.map((x) => [x.id, loc(x.name)]),
        )}
        ${select(
          'kind',
          st('serverDash.kind'),
          [...this._kinds].sort().map((k) => [k, kindText(k)]),
        )}
        ${select(
          'commune',
          st('serverDash.commune'),
          [...this._communes].sort((a, b) => a.localeCompare(b, 'vi')).map((k) => [k, k]),
        )}
      </div>
      <p class="muted" data-engine=${d.computed.engineVersion} data-recomputed-now=${d.computed.recomputedNow}>
        ${st('serverDash.engine', { version: d.computed.engineVersion, n: d.computed.recomputedNow })}
      </p>
      ${
        c
          ? html`<p data-campaign-computed=${c.because}>${st('serverDash.recomputed', {
              when: formatDateTime(c.at),
              version: c.engineVersion,
              n: c.assessments,
              why: c.text[locale()],
            })}</p>`
          : nothing
      }
      <p data-decisions>${st('serverDash.count', { n: d.rows.length })}${decisions.map(([k, n]) => ` · ${this._decision(k)}: ${n}`)}</p>
      ${
        rows.length
          ? html`<div class="wrap" tabindex="0" role="region" aria-label=${st('serverDash.title')}><table data-server-rows=${rows.length}>
              <thead><tr>
                <th scope="col">${st('serverDash.facility')}</th><th scope="col">${st('serverDash.kind')}</th>
                <th scope="col">${st('serverDash.commune')}</th><th scope="col">${st('serverDash.campaign')}</th>
                <th scope="col">${st('serverDash.status')}</th><th scope="col">${st('serverDash.score')}</th>
                <th scope="col">${st('serverDash.decision')}</th>
              </tr></thead>
              <tbody>${rows.map(
                (r) => html`<tr data-assessment=${r.assessmentId}>
                  <td>${r.facility.name}</td><td>${r.facility.kind ? kindText(r.facility.kind) : ''}</td>
                  <td>${r.facility.commune ?? ''}</td><td>${name(r.campaignId)}</td>
                  <td>${this._status(r.status)}</td>
                  <td class="num">${r.percent ? `${percentNum(r.percent)} %` : '—'}</td>
                  <td>${this._decision(r.decision)}</td>
                </tr>`,
              )}</tbody></table></div>`
          : html`<p class="muted">${st('serverDash.empty')}</p>`
      }
      <div class="row">
        <button data-action="server-csv" ?disabled=${this._busyExport} @click=${() => this._export('csv')}>${st('serverDash.csv')}</button>
        <button data-action="server-xlsx" ?disabled=${this._busyExport} @click=${() => this._export('xlsx')}>${st('serverDash.xlsx')}</button>
      </div>
      <p class="muted">${st('serverDash.localBelow')}</p>
    </section>`;
  }

  private _decision(d: string): string {
    return ['pass', 'fail', 'incomplete', 'none'].includes(d)
      ? t(`decision.${d}` as MessageKey)
      : st('serverDash.unscored');
  }

  private _status(s: string): string {
    return ['draft', 'submitted', 'locked'].includes(s) ? t(`status.${s}` as MessageKey) : s;
  }

  private async _export(format: 'csv' | 'xlsx'): Promise<void> {
    this._busyExport = true;
    try {
      const { name, blob } = await this._api().exportFile(this._filters, format, locale());
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      if (!(e instanceof SyncError)) this._toLocal('unreachable');
      else this._toLocal(e.status === 401 ? 'signInAgain' : 'server', e.text[locale()]);
    } finally {
      this._busyExport = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-server-dashboard': TcServerDashboard;
  }
}
