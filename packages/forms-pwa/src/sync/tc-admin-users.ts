import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, locale } from '../i18n.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import type { AdminApi } from './admin-api.js';
import { adminStyles, errorText } from './admin-styles.js';
import type { ServerUser } from './client.js';
import { st, type SyncMessageCode } from './messages.js';

/** Admin: the people of the programme; create one (a station needs its facility), reset a password. */
@customElement('tc-admin-users')
export class TcAdminUsers extends LitElement {
  static override styles = [shared, adminStyles];
  @property({ attribute: false }) api!: AdminApi;
  @state() private _users: ServerUser[] = [];
  @state() private _role: ServerUser['role'] = 'station';
  @state() private _msg = '';
  @state() private _error = '';
  private readonly _store = new StoreController(this);

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
      this._users = await this.api.users();
    } catch (e) {
      this._error = errorText(e, locale());
    }
  }

  override render() {
    const facilities = this._store.store.facilities;
    return html`
      <form class="card" @submit=${this._create} data-form="user">
        <h2>${st('admin.tab.users')}</h2>
        <label>${st('admin.login')}<input name="login" required pattern="[a-z0-9._\\-]{3,64}" autocapitalize="none" /></label>
        <label>${st('admin.displayName')}<input name="displayName" required /></label>
        <label>${st('admin.role')}
          <select name="role" @change=${(e: Event) => (this._role = (e.target as HTMLSelectElement).value as ServerUser['role'])}>
            ${(['station', 'inspector', 'admin'] as const).map((r) => html`<option value=${r} ?selected=${r === this._role}>${st(`role.${r}`)}</option>`)}
          </select>
        </label>
        ${
          this._role === 'station'
            ? html`<label>${st('admin.facility')}
                <select name="facilityId" required>
                  ${facilities.map((f) => html`<option value=${f.id}>${f.name}</option>`)}
                </select>
              </label>`
            : nothing
        }
        <label>${st('admin.password')}<input name="password" type="password" minlength="10" autocomplete="new-password" /></label>
        <div class="row"><button class="primary" type="submit" data-action="create-user">${st('admin.create')}</button></div>
        ${this._msg ? html`<p class="ok" role="status">${this._msg}</p>` : nothing}
        ${this._error ? html`<p class="err" role="alert">${this._error}</p>` : nothing}
      </form>
      <ul class="list" data-list="users">
        ${this._users.map(
          (u) => html`<li class="card" data-user=${u.login}>
            <span><strong>${u.displayName}</strong> · ${u.login} · ${st(`role.${u.role}` as SyncMessageCode)}${u.facilityId ? ` · ${this._facilityName(u.facilityId)}` : ''}</span>
            <button data-action="reset-password" @click=${() => void this._reset(u)}>${st('admin.resetPassword')}</button>
          </li>`,
        )}
      </ul>
    `;
  }

  private _facilityName(id: string): string {
    return this._store.store.facilities.find((f) => f.id === id)?.name ?? id;
  }

  private readonly _create = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const password = String(f.get('password') ?? '');
    this._msg = this._error = '';
    try {
      await this.api.createUser({
        login: String(f.get('login')).trim(),
        displayName: String(f.get('displayName')).trim(),
        role: this._role,
        ...(this._role === 'station' ? { facilityId: String(f.get('facilityId')) } : {}),
        ...(password ? { password } : {}),
      });
      form.reset();
      this._role = 'station';
      this._msg = st('admin.created');
      await this._load();
    } catch (err) {
      this._error = errorText(err, locale());
    }
  };

  private async _reset(u: ServerUser) {
    const password = prompt(st('admin.newPassword', { name: u.displayName }));
    if (!password) return;
    this._msg = this._error = '';
    try {
      await this.api.resetPassword(u.id, password);
      this._msg = st('admin.passwordReset');
    } catch (err) {
      this._error = errorText(err, locale());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-admin-users': TcAdminUsers;
  }
}
