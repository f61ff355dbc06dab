import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LocaleController, locale } from '../i18n.js';
import { shared } from '../styles.js';
import { adminApi, adminSession, bootstrap, signIn, signOut, type AdminSession } from './admin-api.js';
import { adminStyles, errorText } from './admin-styles.js';
import { st, type SyncMessageCode } from './messages.js';
import './tc-admin-users.js';
import './tc-admin-devices.js';
import './tc-admin-campaigns.js';
import './tc-admin-rounds.js';

type Tab = 'users' | 'devices' | 'campaigns' | 'rounds';

/**
 * The council admin's screens in the app: sign in with login and password (or create the first admin with the
 * server's one-time code), then people (create, reset password), devices (create → QR code + short code, revoke)
 * campaigns (create with facilities in scope, dates and baseline; assignments) and typed rounds (mapped to a
 * campaign). Talks to this origin's server.
 */
@customElement('tc-admin')
export class TcAdmin extends LitElement {
  static override styles = [shared, adminStyles, css`nav.tabs { display: flex; gap: 6px; flex-wrap: wrap; }`];

  @state() private _session: AdminSession | undefined = adminSession();
  @state() private _tab: Tab = 'users';
  @state() private _error = '';
  @state() private _first = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const s = this._session;
    return html`
      <h1>${st('admin.title')}</h1>
      ${s ? this._signedIn(s) : this._signInForm()}
    `;
  }

  private _signedIn(s: AdminSession) {
    const role = st(`role.${s.user.role}` as SyncMessageCode);
    const api = adminApi(s);
    return html`
      <div class="row card">
        <span data-signed-in>${st('admin.signedInAs', { name: s.user.displayName, role })}</span>
        <button data-action="sign-out" @click=${this._signOut}>${st('admin.signOut')}</button>
      </div>
      ${
        s.user.role !== 'admin'
          ? html`<p class="warn">${st('admin.notAdmin')}</p>`
          : html`<nav class="tabs" aria-label=${st('admin.title')}>
                ${(['users', 'devices', 'campaigns', 'rounds'] as const).map(
                  (
                    t,
                  ) => html`<button aria-pressed=${this._tab === t ? 'true' : 'false'} class=${this._tab === t ? 'primary' : ''}
                      data-tab=${t} @click=${() => (this._tab = t)}>${st(`admin.tab.${t}`)}</button>`,
                )}
              </nav>
              ${
                this._tab === 'users'
                  ? html`<tc-admin-users .api=${api}></tc-admin-users>`
                  : this._tab === 'devices'
                    ? html`<tc-admin-devices .api=${api} .baseUrl=${s.baseUrl}></tc-admin-devices>`
                    : this._tab === 'campaigns'
                      ? html`<tc-admin-campaigns .api=${api}></tc-admin-campaigns>`
                      : html`<tc-admin-rounds .api=${api}></tc-admin-rounds>`
              }`
      }
    `;
  }

  private _signInForm() {
    return html`
      <form class="card" @submit=${this._submit} data-form=${this._first ? 'bootstrap' : 'sign-in'}>
        <h2>${this._first ? st('admin.firstAdmin') : st('admin.signIn')}</h2>
        ${
          this._first
            ? html`<p class="muted">${st('admin.firstAdminHint')}</p>
                <label>${st('admin.oneTimeCode')}<input name="code" required autocomplete="off" /></label>
                <label>${st('admin.displayName')}<input name="displayName" required /></label>`
            : nothing
        }
        <label>${st('admin.login')}<input name="login" required autocomplete="username" autocapitalize="none" /></label>
        <label>${st('admin.password')}<input name="password" type="password" required autocomplete=${this._first ? 'new-password' : 'current-password'} /></label>
        <div class="row">
          <button class="primary" type="submit" data-action="sign-in">${this._first ? st('admin.create') : st('admin.signIn')}</button>
          <button type="button" data-action="first-admin" @click=${() => (this._first = !this._first)}>
            ${this._first ? st('admin.signIn') : st('admin.firstAdmin')}
          </button>
        </div>
        ${this._error ? html`<p class="err" role="alert" data-admin-error>${this._error}</p>` : nothing}
      </form>
    `;
  }

  private readonly _submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => String(f.get(k) ?? '').trim();
    const base = location.origin + '/';
    this._error = '';
    try {
      this._session = this._first
        ? await bootstrap(base, {
            code: get('code'),
            login: get('login'),
            displayName: get('displayName'),
            password: String(f.get('password') ?? ''),
          })
        : await signIn(base, get('login'), String(f.get('password') ?? ''));
    } catch (err) {
      this._error = errorText(err, locale());
    }
  };

  private readonly _signOut = async () => {
    await signOut();
    this._session = undefined;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-admin': TcAdmin;
  }
}
