import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sha256Hex, type Assessment } from '../core.js';
import { LocaleController, t } from '../i18n.js';
import { StoreController } from '../state/store-controller.js';
import { shared } from '../styles.js';
import type { TcSignaturePad } from './tc-signature-pad.js';
import './tc-signature-pad.js';

type Signature = NonNullable<Assessment['signatures']>[number];
/** The two signatories the report always has a block for. */
const ROLES = ['assessor', 'facility-head'] as const;
type Role = (typeof ROLES)[number];

/**
 * The signatures at the submit step: a name and a signature pad for the assessor and for the head of the
 * facility. `save()` stores each drawn signature as a PNG in the photo store (keyed by its SHA-256) and
 * records `{ role, name, signedAt, image }` on the draft, before it is locked. Signatures are outside the
 * content hash by design, so signing never changes what the hash certifies.
 */
@customElement('tc-signatures')
export class TcSignatures extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; margin: 12px 0; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; margin-top: 8px; }
      .who { display: grid; gap: 6px; }
      .who input { width: 100%; }
      .err { padding: 8px 12px; border-radius: 8px; margin: 8px 0 0; }
    `,
  ];

  /** The draft being submitted. */
  @property({ attribute: false }) assessment?: Assessment;
  @state() private _names: Partial<Record<Role, string>> = {};
  @state() private _error = '';
  /** The head of this facility's name as signed last time on this device (setting `sign.head.<facility>`). */
  @state() private _rememberedHead: string | undefined;
  private _loadedFor: string | undefined;
  private readonly _store = new StoreController(this);

  constructor() {
    super();
    new LocaleController(this);
  }

  /** The name shown for a role: typed here, else already on the assessment, else its first assessor. */
  private _name(role: Role): string {
    const typed = this._names[role];
    if (typed !== undefined) return typed;
    const signed = this.assessment?.signatures?.find((s) => s.role === role)?.name;
    return (
      signed ?? (role === 'assessor' ? (this.assessment?.assessors?.[0]?.name ?? '') : (this._rememberedHead ?? ''))
    );
  }

  override willUpdate(): void {
    const key = this.assessment && headKey(this.assessment);
    if (!key || key === this._loadedFor) return;
    this._loadedFor = key;
    void this._store.store.storage
      .getSetting<string>(key)
      .then((name) => {
        if (typeof name === 'string' && this._loadedFor === key) this._rememberedHead = name;
      })
      .catch(() => undefined); // a convenience: without it the name is typed
  }

  override render() {
    return html`<section class="card" aria-labelledby="sign-h">
      <h2 id="sign-h">${t('sign.title')}</h2>
      <p class="muted">${t('sign.hint')}</p>
      <div class="grid">
        ${ROLES.map(
          (role) => html`<div class="who" data-role=${role}>
            <label>${t(`sign.role.${role}`)}
              <input name=${`sign-${role}`} autocomplete="name" .value=${this._name(role)} @input=${(e: Event) => (this._names = { ...this._names, [role]: (e.target as HTMLInputElement).value })} />
            </label>
            <tc-signature-pad data-role=${role} label=${t('sign.pad', { role: t(`sign.role.${role}`) })} @signature-change=${() => (this._error = '')}></tc-signature-pad>
          </div>`,
        )}
      </div>
      ${this._error ? html`<p class="err bad" role="alert" data-sign-error>${this._error}</p>` : nothing}
    </section>`;
  }

  /**
   * Stores the drawn signatures and records them on the draft. Pads left empty add nothing (the report
   * then leaves room to sign by hand).
   * @returns false when a drawn signature has no name (the field is focused) or its image could not be stored yet
   *   (the message says why), true otherwise
   */
  async save(): Promise<boolean> {
    const a = this.assessment;
    if (!a) return true;
    const pads = [...this.renderRoot.querySelectorAll<TcSignaturePad>('tc-signature-pad')].filter((p) => !p.empty);
    for (const pad of pads) {
      const role = pad.dataset.role as Role;
      if (!this._name(role).trim()) {
        this._error = t('sign.nameMissing', { role: t(`sign.role.${role}`) });
        this.renderRoot.querySelector<HTMLInputElement>(`input[name="sign-${role}"]`)?.focus();
        return false;
      }
    }
    if (!pads.length) return true;
    const store = this._store.store;
    const now = new Date().toISOString();
    const signed: Signature[] = [];
    let failed = false;
    for (const pad of pads) {
      const role = pad.dataset.role as Role;
      const png = await pad.toPng();
      if (!png) continue;
      const hash = sha256Hex(new Uint8Array(await png.blob.arrayBuffer()));
      const name = this._name(role).trim().normalize('NFC');
      const stored = await store.savePhoto({
        hash,
        blob: png.blob,
        mime: 'image/png',
        width: png.width,
        height: png.height,
        capturedAt: now,
        caption: `${t(`sign.role.${role}`)}: ${name}`,
      });
      if (!stored) failed = true;
      signed.push({ role, name, signedAt: now, image: hash });
      if (role === 'facility-head' && name) await store.storage.putSetting(headKey(a), name).catch(() => undefined);
    }
    const kept = (a.signatures ?? []).filter((s) => !signed.some((n) => n.role === s.role));
    store.sign(a.id, [...kept, ...signed]);
    // An image storage refused waits in memory and is written again (the banner says why); the pad keeps the
    // drawing. Locking waits until it is durable.
    if (failed) this._error = t(`storage.${store.problem ?? 'failed'}`);
    return !failed;
  }
}

/** The setting under which a facility's head's name is remembered (by registry id when it has one). */
const headKey = (a: Assessment): string => `sign.head.${a.facility.registryId ?? a.facility.id}`;

declare global {
  interface HTMLElementTagNameMap {
    'tc-signatures': TcSignatures;
  }
}
