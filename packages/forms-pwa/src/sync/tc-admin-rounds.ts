import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, loc, locale } from '../i18n.js';
import { shared } from '../styles.js';
import type { AdminApi, TypedRound } from './admin-api.js';
import { adminStyles, errorText } from './admin-styles.js';
import type { ServerCampaign } from './client.js';
import { st } from './messages.js';

/** A round's key in this view (the same typed words may be used with two sets). */
const keyOf = (r: TypedRound) => JSON.stringify([r.round, r.setId, r.setVersion]);

/**
 * Admin: the typed rounds the server reports (assessments made before campaigns, their round typed as words) and
 * mapping one to a campaign of the same criteria set (id and version). The server keeps the mapping outside the
 * content hash; after it, rank, compare and the dashboard pair those assessments by the campaign.
 */
@customElement('tc-admin-rounds')
export class TcAdminRounds extends LitElement {
  static override styles = [shared, adminStyles];
  @property({ attribute: false }) api!: AdminApi;
  @state() private _rounds: TypedRound[] = [];
  @state() private _campaigns: ServerCampaign[] = [];
  @state() private _chosen = new Map<string, string>();
  @state() private _loaded = false;
  @state() private _error = '';
  @state() private _msg = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Reads the typed rounds and the campaigns from the server. */
  async load(): Promise<void> {
    try {
      const [rounds, campaigns] = await Promise.all([this.api.rounds(), this.api.campaigns()]);
      // Rounds already mapped to a campaign need nothing more (later pushes of them are placed by the server).
      this._rounds = rounds.filter((r) => r.campaignId === null);
      this._campaigns = campaigns;
      this._error = '';
    } catch (e) {
      this._error = errorText(e, locale());
    } finally {
      this._loaded = true;
    }
  }

  override render() {
    return html`
      <section class="card">
        <h2>${st('admin.tab.rounds')}</h2>
        <p class="muted">${st('rounds.hint')}</p>
      </section>
      ${this._msg ? html`<p class="card" role="status" data-mapped>${this._msg}</p>` : nothing}
      ${this._error ? html`<p class="err" role="alert" data-admin-error>${this._error}</p>` : nothing}
      ${
        this._loaded && !this._error && !this._rounds.length
          ? html`<p class="card muted" data-rounds-empty>${st('rounds.empty')}</p>`
          : nothing
      }
      ${this._rounds.length ? html`<ul class="list">${this._rounds.map((r) => this._round(r))}</ul>` : nothing}
    `;
  }

  private _round(r: TypedRound) {
    const k = keyOf(r);
    const fits = this._campaigns.filter((c) => c.set.id === r.setId && c.set.version === r.setVersion);
    const chosen = this._chosen.get(k) ?? '';
    return html`<li class="card" data-round=${r.round}>
      <div>
        <strong>${r.label ?? r.round}</strong>
        <div class="muted">${st('rounds.line', { set: `${r.setId} ${r.setVersion}`, n: r.assessments })}</div>
      </div>
      ${
        fits.length
          ? html`<div class="row">
              <label>${st('rounds.campaign')}
                <select name="campaign" @change=${(e: Event) => this._choose(k, (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!chosen}>${st('rounds.choose')}</option>
                  ${fits.map((c) => html`<option value=${c.id} ?selected=${c.id === chosen}>${loc(c.name)}</option>`)}
                </select>
              </label>
              <button class="primary" data-action="map-round" ?disabled=${!chosen} @click=${() => this._map(r, chosen)}>
                ${st('rounds.map')}
              </button>
            </div>`
          : html`<p class="muted" data-no-campaign>${st('rounds.noCampaign')}</p>`
      }
    </li>`;
  }

  private _choose(k: string, id: string): void {
    const m = new Map(this._chosen);
    m.set(k, id);
    this._chosen = m;
  }

  private async _map(r: TypedRound, campaignId: string): Promise<void> {
    this._msg = '';
    this._error = '';
    try {
      const { assessments: mapped } = await this.api.mapRound({
        round: r.round,
        setId: r.setId,
        setVersion: r.setVersion,
        campaignId,
      });
      const c = this._campaigns.find((x) => x.id === campaignId);
      this._msg = st('rounds.mapped', { n: mapped, round: r.round, campaign: c ? loc(c.name) : campaignId });
      await this.load();
    } catch (e) {
      this._error = errorText(e, locale());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-admin-rounds': TcAdminRounds;
  }
}
