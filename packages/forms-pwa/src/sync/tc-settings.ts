import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatDateTime } from '../core.js';
import { LocaleController, locale } from '../i18n.js';
import { href } from '../router.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import { SyncError } from './client.js';
import { parseEnrolmentQr } from './enrol-code.js';
import { st, type SyncMessageCode } from './messages.js';
import { SyncController } from './sync-controller.js';
import { planConflictLines, photoRefusalText, syncLine } from './tc-sync-status.js';

/**
 * Settings → "Kết nối máy chủ": enrol this device (scan the admin's QR code in the app, or type the short code),
 * see the sync state with the server's messages about refused assessments, sync now, leave the server (the
 * assessments and the outbox stay). Links to the council's admin screens.
 */
@customElement('tc-settings')
export class TcSettings extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: grid; gap: 16px; max-width: 760px; }
      form { display: grid; gap: 10px; }
      label { display: grid; gap: 4px; font-weight: 600; }
      .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
      .err { color: var(--tc-red); }
      ul { margin: 0; padding-left: 1.2em; display: grid; gap: 6px; }
      h2 { margin: 0; font-size: 1.2rem; }
      p { margin: 0; }
      a.btn { display: inline-flex; align-items: center; min-height: 44px; }
    `,
  ];

  private readonly _store = new StoreController(this);
  private readonly _sync = new SyncController(this);
  @state() private _server = location.origin + '/';
  @state() private _code = '';
  @state() private _scanning = false;
  @state() private _error = '';
  @state() private _busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    const s = this._sync.engine.status;
    const link = s.link;
    const again = s.problem?.kind === 'signInAgain';
    return html`
      <h1>${st('settings.title')}</h1>
      <section class="card" aria-labelledby="server-h" data-section="server">
        <h2 id="server-h">${st('settings.server')}</h2>
        ${link ? this._linked() : html`<p>${st('settings.notEnrolled')}</p>`}
        ${!link || again ? this._enrolForm() : nothing}
      </section>
      ${
        link?.user.role === 'admin' || !link
          ? html`<section class="card"><a class="btn" href=${href({ view: 'admin' })} data-nav="admin">${st('settings.admin')}</a></section>`
          : nothing
      }
    `;
  }

  private _linked() {
    const s = this._sync.engine.status;
    const link = s.link!;
    const line = syncLine(s);
    return html`
      <p data-linked>${st('settings.connected', { server: link.baseUrl, name: link.user.displayName, role: st(`role.${link.user.role}` as SyncMessageCode) })}</p>
      <p class="muted">${st('settings.since', { when: formatDateTime(link.enrolledAt) })}${link.keyRegisteredAt ? ` · ${st('settings.keyRegistered')}` : ''}</p>
      <p class=${line.tone === 'bad' ? 'bad' : line.tone === 'ok' ? 'ok' : ''} data-settings-state=${line.tone} role="status">${line.text}</p>
      ${
        s.refused.length
          ? html`<div data-refused>
            <p><strong>${st('sync.refusedTitle')}</strong> — ${st('sync.refusedHint')}</p>
            <ul>
              ${s.refused.map((r) => {
                const a = this._store.store.assessments.get(r.id);
                return html`<li data-refused-id=${r.id}>
                  ${a ? html`<a href=${href({ view: 'fill', id: r.id })}>${a.facility.name}</a>` : r.id}: ${locale() === 'en' ? r.text.en : r.text.vi}
                </li>`;
              })}
            </ul>
          </div>`
          : nothing
      }
      ${
        s.photosRefused.length
          ? html`<div data-photos-refused>
            <p><strong>${st('sync.photosRefusedTitle')}</strong> — ${st('sync.photosRefusedHint')}</p>
            <ul>
              ${s.photosRefused.map((r) => html`<li data-refused-photo=${r.hash}>${photoRefusalText(r)}</li>`)}
            </ul>
          </div>`
          : nothing
      }
      ${
        s.planConflicts.length
          ? html`<div data-plan-conflicts>
            <p><strong>${st('sync.planConflictsTitle')}</strong> — ${st('sync.planConflictsHint')}</p>
            <ul>
              ${s.planConflicts.flatMap((c) =>
                planConflictLines(c).map(
                  (line) => html`<li data-plan-conflict=${c.planId}>
                    <a href=${href({ view: 'plan', id: c.assessmentId })}>${this._store.store.assessments.get(c.assessmentId)?.facility.name ?? c.assessmentId}</a>: ${line}
                  </li>`,
                ),
              )}
            </ul>
          </div>`
          : nothing
      }
      <div class="row">
        <button class="primary" data-action="sync-now" ?disabled=${s.running} @click=${() => void this._sync.engine.sync()}>${st('sync.button')}</button>
        <button class="danger" data-action="leave" @click=${this._leave}>${st('settings.leave')}</button>
      </div>
    `;
  }

  private _enrolForm() {
    return html`
      <form @submit=${this._submit} data-form="enrol">
        <label>${st('settings.address')}
          <input name="server" type="url" required .value=${this._server} @input=${(e: Event) => (this._server = (e.target as HTMLInputElement).value)} />
        </label>
        <label>${st('settings.code')}
          <input name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required minlength="8" .value=${this._code}
            @input=${(e: Event) => (this._code = (e.target as HTMLInputElement).value)} />
        </label>
        <div class="row">
          <button class="primary" type="submit" ?disabled=${this._busy} data-action="enrol">${st('settings.connect')}</button>
          <button type="button" data-action="scan" @click=${this._toggleScan}>${this._scanning ? st('settings.stopScan') : st('settings.scan')}</button>
        </div>
        ${this._error ? html`<p class="err" role="alert" data-enrol-error>${this._error}</p>` : nothing}
      </form>
      ${this._scanning ? html`<tc-qr-scan @qr=${this._onQr} @camera-error=${this._onCameraError}></tc-qr-scan>` : nothing}
    `;
  }

  private readonly _toggleScan = () => {
    if (!this._scanning) void import('./tc-qr-scan.js');
    this._scanning = !this._scanning;
  };

  private readonly _onQr = (e: CustomEvent<string>) => {
    this._scanning = false;
    const parsed = parseEnrolmentQr(e.detail);
    if (!parsed) {
      this._error = st('settings.badQr');
      return;
    }
    this._server = parsed.server;
    this._code = parsed.code;
    void this._enrol();
  };

  private readonly _onCameraError = () => {
    this._scanning = false;
    this._error = st('settings.noCamera');
  };

  private readonly _submit = (e: Event) => {
    e.preventDefault();
    void this._enrol();
  };

  private async _enrol(): Promise<void> {
    this._busy = true;
    this._error = '';
    try {
      let publicKey: object | undefined;
      try {
        publicKey = (await this._store.store.storage.deviceKey()).publicKey;
      } catch {
        publicKey = undefined; // no WebCrypto: the device enrols, it just has no key to register
      }
      await this._sync.engine.enrol(new URL(this._server).href, this._code.trim(), publicKey);
      this._code = '';
      void this._sync.engine.sync();
    } catch (err) {
      this._error = err instanceof SyncError ? (locale() === 'en' ? err.text.en : err.text.vi) : st('sync.unreachable');
    } finally {
      this._busy = false;
    }
  }

  private readonly _leave = async () => {
    if (!confirm(st('settings.leaveConfirm', { n: this._sync.engine.status.waiting }))) return;
    await this._sync.engine.leave();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-settings': TcSettings;
  }
}
