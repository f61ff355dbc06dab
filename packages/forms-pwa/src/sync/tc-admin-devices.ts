import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDateTime } from '../core.js';
import { LocaleController, locale } from '../i18n.js';
import { shared } from '../styles.js';
import type { AdminApi, ServerDevice } from './admin-api.js';
import { adminStyles, errorText } from './admin-styles.js';
import type { ServerUser } from './client.js';
import { enrolmentQrText } from './enrol-code.js';
import { st } from './messages.js';
import './tc-qr-code.js';

/**
 * Admin: devices, like ODK Central's app users. Create one for a person → its single-use QR code and short code,
 * shown once; revoke one (it gets 401 at its next request; its data and outbox stay on the tablet).
 */
@customElement('tc-admin-devices')
export class TcAdminDevices extends LitElement {
  static override styles = [shared, adminStyles];
  @property({ attribute: false }) api!: AdminApi;
  @property() baseUrl = '';
  @state() private _devices: ServerDevice[] = [];
  @state() private _users: ServerUser[] = [];
  @state() private _codes: { label: string; code: string; shortCode: string; expiresAt: string } | undefined;
  @state() private _error = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load() {
    try {
      [this._devices, this._users] = await Promise.all([this.api.devices(), this.api.users()]);
    } catch (e) {
      this._error = errorText(e, locale());
    }
  }

  override render() {
    const userName = (id: string) => this._users.find((u) => u.id === id)?.displayName ?? id;
    const c = this._codes;
    return html`
      <form class="card" @submit=${this._create} data-form="device">
        <h2>${st('admin.tab.devices')}</h2>
        <label>${st('admin.deviceFor')}
          <select name="userId" required>
            ${this._users.map((u) => html`<option value=${u.id}>${u.displayName} (${u.login})</option>`)}
          </select>
        </label>
        <label>${st('admin.deviceLabel')}<input name="label" required maxlength="200" /></label>
        <div class="row"><button class="primary" type="submit" data-action="create-device">${st('admin.create')}</button></div>
        ${this._error ? html`<p class="err" role="alert">${this._error}</p>` : nothing}
      </form>
      ${
        c
          ? html`<section class="card" data-enrol-codes aria-live="polite">
              <h3>${c.label}</h3>
              <p>${st('admin.enrolCodes', { when: formatDateTime(c.expiresAt) })}</p>
              <tc-qr-code .text=${enrolmentQrText(this.baseUrl, c.code)} .label=${st('admin.qrLabel')}></tc-qr-code>
              <p class="code" data-short-code>${c.shortCode}</p>
            </section>`
          : nothing
      }
      <ul class="list" data-list="devices">
        ${this._devices.map(
          (d) => html`<li class="card" data-device=${d.label}>
            <span><strong>${d.label}</strong> · ${userName(d.userId)} ·
              ${d.revoked ? st('admin.state.revoked') : d.enrolled ? st('admin.state.enrolled') : st('admin.state.waiting')}
              ${d.lastSeenAt ? html` · ${st('admin.lastSeen', { when: formatDateTime(d.lastSeenAt) })}` : nothing}</span>
            ${d.revoked ? nothing : html`<button class="danger" data-action="revoke" @click=${() => void this._revoke(d)}>${st('admin.revoke')}</button>`}
          </li>`,
        )}
      </ul>
    `;
  }

  private readonly _create = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    this._error = '';
    try {
      const label = String(f.get('label')).trim();
      const r = await this.api.createDevice(String(f.get('userId')), label);
      this._codes = { label, code: r.code, shortCode: r.shortCode, expiresAt: r.expiresAt };
      form.reset();
      await this._load();
    } catch (err) {
      this._error = errorText(err, locale());
    }
  };

  private async _revoke(d: ServerDevice) {
    if (!confirm(st('admin.revokeConfirm', { label: d.label }))) return;
    try {
      await this.api.revokeDevice(d.id);
      await this._load();
    } catch (err) {
      this._error = errorText(err, locale());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-admin-devices': TcAdminDevices;
  }
}
