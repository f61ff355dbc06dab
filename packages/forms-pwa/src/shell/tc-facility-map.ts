import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Facility } from '../core.js';
import { LocaleController } from '../i18n.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import { ht } from './home-messages.js';

/**
 * Facilities added on this device (provisional ids) and the registry entry each stands for. Mapping one makes
 * its rounds match the registry facility's in comparisons, rankings and the dashboard (see
 * `AppStore.mapFacility`). Shown only when there is a provisional facility.
 */
@customElement('tc-facility-map')
export class TcFacilityMap extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; margin-top: 24px; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 0; border-top: 1px solid var(--tc-line, #ddd); }
      .name { flex: 1 1 220px; font-weight: 600; }
      select { min-height: 44px; flex: 1 1 260px; }
    `,
  ];

  private readonly _store = new StoreController(this);
  /** The registry id chosen for each provisional facility, before "Map" is pressed. */
  @state() private _choice = new Map<string, string>();
  @state() private _error = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const store = this._store.store;
    const provisional = store.facilities.filter((f) => f.provisional);
    if (!provisional.length) return nothing;
    const registry = store.facilities.filter((f) => !f.provisional);
    return html`
      <section aria-labelledby="fm-title">
        <h2 id="fm-title">${ht('facmap.title')}</h2>
        <p class="muted">${ht('facmap.hint')}</p>
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        <ul>${provisional.map((f) =>
          this._row(
            f,
            registry.filter((r) => r.kind === f.kind),
          ),
        )}</ul>
      </section>
    `;
  }

  private _row(f: Facility, candidates: Facility[]) {
    const mapped = f.registryId ? candidates.find((c) => c.id === f.registryId) : undefined;
    const choice = this._choice.get(f.id) ?? f.registryId ?? '';
    return html`<li data-provisional=${f.id}>
      <span class="name">${f.name}</span>
      ${mapped ? html`<span class="badge info">${ht('facmap.mapped', { name: mapped.name })}</span>` : nothing}
      <select aria-label=${ht('facmap.choose', { name: f.name })} @change=${(e: Event) => this._choose(f.id, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!choice}>${ht('facmap.none')}</option>
        ${candidates.map((c) => html`<option value=${c.id} ?selected=${c.id === choice}>${c.name}${c.commune ? ` — ${c.commune}` : ''}</option>`)}
      </select>
      <button class="btn" ?disabled=${!choice || choice === f.registryId} @click=${() => this._map(f.id, choice)}>${ht('facmap.map')}</button>
    </li>`;
  }

  private _choose(id: string, value: string) {
    this._choice = new Map(this._choice).set(id, value);
  }

  private async _map(id: string, registryId: string) {
    try {
      this._error = '';
      await this._store.store.mapFacility(id, registryId);
    } catch (e) {
      this._error = String((e as Error).message ?? e);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-facility-map': TcFacilityMap;
  }
}
