import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n.js';
import { onUpdateAvailable } from '../sw.js';
import { shared } from '../styles.js';

/**
 * "A new version is available — reload". Reloading first waits for pending writes (drafts live in
 * IndexedDB, so nothing is lost), then activates the waiting service worker.
 */
@customElement('tc-update-toast')
export class TcUpdateToast extends LitElement {
  static override styles = [
    shared,
    css`
      .bar { position: fixed; left: 12px; right: 12px; bottom: 12px; z-index: 20; display: flex; gap: 12px; align-items: center; justify-content: space-between;
        max-width: 640px; margin: 0 auto; padding: 10px 14px; border-radius: 12px; background: #1b1f24; color: #fff; }
      button { background: #fff; color: #1b1f24; }
    `,
  ];

  @state() private _apply: (() => void) | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override connectedCallback() {
    super.connectedCallback();
    onUpdateAvailable((apply) => (this._apply = apply));
  }

  override render() {
    if (!this._apply) return nothing;
    return html`<div class="bar" role="alert" data-update>
      <span>${t('app.update')}</span>
      <button @click=${() => this._apply?.()}>${t('app.reload')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-update-toast': TcUpdateToast;
  }
}
