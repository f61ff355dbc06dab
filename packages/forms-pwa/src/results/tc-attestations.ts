import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Assessment, AttestationReport, CriteriaSet } from '../core.js';
import { LocaleController, formatDateTime } from '../i18n.js';
import { DEVICE_KEY, type DeviceKey, type Storage } from '../storage/db.js';
import { shared } from '../styles.js';
import { att } from './att-messages.js';

/**
 * The device signatures of a locked assessment, verified here (core's `verifyAttestations`): who signed, when,
 * valid or not, and whose key. The app has no council key list: a key is "this device's" or "not registered";
 * registration is the council server's. Never called "chữ ký số".
 */
@customElement('tc-attestations')
export class TcAttestations extends LitElement {
  static override styles = [
    shared,
    css`:host { display: block; } section { margin-bottom: 12px; } ul { margin: 4px 0; padding-left: 20px; } .bad { color: var(--bad, #b00020); font-weight: 600; }`,
  ];

  @property({ attribute: false }) assessment?: Assessment;
  @property({ attribute: false }) set?: CriteriaSet;
  @property({ attribute: false }) storage?: Storage;
  @state() private _report: AttestationReport | undefined;
  @state() private _ownKey: string | undefined;
  private _for?: Assessment;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(): void {
    const a = this.assessment;
    if (!a || a === this._for) return;
    this._for = a;
    this._report = undefined;
    const opts = this.set ? { set: this.set } : {};
    // Verifying needs core's validators: loaded here (Results), never on the start-up path.
    void import('../core-checked.js')
      .then(({ verifyAttestations }) => verifyAttestations(a, opts))
      .then((r) => {
        if (this._for === a) this._report = r;
      })
      .catch(() => undefined); // no WebCrypto: nothing to show
    void this.storage
      ?.getSetting<DeviceKey>(DEVICE_KEY)
      .then((k) => (this._ownKey = k?.keyId))
      .catch(() => undefined);
  }

  override render() {
    const r = this._report;
    if (!this.assessment || this.assessment.status === 'draft' || !r) return nothing;
    return html`<section class="card" data-attestations=${r.status}>
      <h2>${att('att.title')}</h2>
      ${
        r.status === 'unsigned'
          ? html`<p data-unsigned>${att('att.unsigned')}</p>`
          : html`<ul>
            ${r.checks.map(
              (c) => html`<li data-valid=${String(c.valid)}>
                ${c.signer.name} (${att(`att.role.${c.signer.role}` as 'att.role.other')}) · ${formatDateTime(c.signedAt)} ·
                <span class=${c.valid ? '' : 'bad'}>${c.valid ? att('att.valid') : att('att.invalid')}</span> ·
                ${c.keyId === this._ownKey ? att('att.thisDevice') : att('att.unknownKey')} <span class="muted">(${c.keyId.slice(0, 12)})</span>
              </li>`,
            )}
          </ul>`
      }
      ${
        r.uncovered.length
          ? html`<p class=${r.status === 'signed' ? 'bad' : 'muted'} data-uncovered>
            ${att(r.status === 'signed' ? 'att.uncoveredSigned' : 'att.uncovered')}:
            ${r.uncovered.map((s) => `${s.name} (${att(`att.role.${s.role}` as 'att.role.other')})`).join(', ')}
          </p>`
          : nothing
      }
      <p class="muted">${att('att.note')}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-attestations': TcAttestations;
  }
}
