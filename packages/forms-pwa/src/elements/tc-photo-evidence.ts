import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, formatDateTime, t } from '../i18n.js';
import { photoFromFile } from '../model/photo.js';
import { appStore } from '../state/store.js';
import type { StoredPhoto } from '../storage/db.js';
import { cameraIcon, closeIcon, warnIcon } from '../icons.js';
import { shared } from '../styles.js';

/** Detail of `photo-add` and `photo-remove`. */
export type PhotoEventDetail = { itemId: string; photo?: StoredPhoto; hash?: string };

/**
 * Photo evidence of one item: thumbnails with capture time and delete, and a camera/file input. The
 * chosen image is downscaled to <= 1600 px JPEG before anything is stored. Reminds the assessor not to
 * photograph patients' faces or records.
 *
 * @fires photo-add - {@link PhotoEventDetail} with `photo`
 * @fires photo-remove - {@link PhotoEventDetail} with `hash`
 */
@customElement('tc-photo-evidence')
export class TcPhotoEvidence extends LitElement {
  static override styles = [
    shared,
    css`
      .thumbs { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
      figure { margin: 0; position: relative; width: 112px; }
      img { width: 112px; height: 84px; object-fit: cover; border-radius: 6px; display: block; background: #eee; }
      figcaption { font-size: 0.75em; color: var(--tc-muted); }
      figure button { position: absolute; top: 2px; right: 2px; min-width: 44px; min-height: 44px; padding: 0; background: rgb(255 255 255 / 0.9); }
      .add { position: relative; overflow: hidden; }
      .add input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .picker { display: grid; gap: 4px; justify-items: start; }
      .privacy { font-size: 0.8em; max-width: 260px; }
      .err { color: var(--tc-red); }
    `,
  ];

  /** The item the photos belong to. */
  @property() itemId = '';
  /** Hashes of the photos linked to the answer. */
  @property({ attribute: false }) hashes: string[] = [];
  /** Hides the input and delete buttons. */
  @property({ type: Boolean }) readonly = false;
  /** Reads a stored photo (the app's storage by default; replaceable in tests). */
  @property({ attribute: false }) loadPhoto: (hash: string) => Promise<StoredPhoto | undefined> = (h) =>
    appStore().storage.getPhoto(h);

  @state() private _thumbs = new Map<string, { url: string; capturedAt: string | undefined }>();
  @state() private _error = '';
  @state() private _busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('hashes')) void this._loadThumbs();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const th of this._thumbs.values()) URL.revokeObjectURL(th.url);
    this._thumbs = new Map();
  }

  override render() {
    return html`
      ${this.hashes.length ? html`<div class="thumbs">
        ${this.hashes.map((h) => {
          const th = this._thumbs.get(h);
          return html`<figure>
            ${th ? html`<img src=${th.url} alt="" />` : html`<img alt="" />`}
            <figcaption>${th?.capturedAt ? t('item.photoTaken', { time: formatDateTime(th.capturedAt) }) : ''}</figcaption>
            ${this.readonly
              ? nothing
              : html`<button title=${t('item.photoDelete')} aria-label=${t('item.photoDelete')} @click=${() => this._remove(h)}>${closeIcon}</button>`}
          </figure>`;
        })}
      </div>` : nothing}
      ${this.readonly
        ? nothing
        : html`<div class="picker">
            <label class="btn add">
              ${cameraIcon} ${t('item.photoAdd')}
              <input type="file" accept="image/*" capture="environment" ?disabled=${this._busy} @change=${this._onFile} />
            </label>
            <span class="privacy muted">${warnIcon} ${t('item.photoPrivacy')}</span>
          </div>`}
      ${this._error ? html`<p class="err" role="alert">${this._error}</p>` : nothing}
    `;
  }

  private async _loadThumbs() {
    const next = new Map<string, { url: string; capturedAt: string | undefined }>();
    for (const h of this.hashes) {
      const have = this._thumbs.get(h);
      if (have) next.set(h, have);
      else {
        const p = await this.loadPhoto(h);
        if (p) next.set(h, { url: URL.createObjectURL(p.blob), capturedAt: p.capturedAt });
      }
    }
    for (const [h, th] of this._thumbs) if (!next.has(h)) URL.revokeObjectURL(th.url);
    this._thumbs = next;
  }

  private async _onFile(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this._busy = true;
    this._error = '';
    try {
      const photo = await photoFromFile(file);
      this._fire('photo-add', { itemId: this.itemId, photo });
    } catch {
      this._error = t('item.photoFailed');
    } finally {
      this._busy = false;
    }
  }

  private _remove(hash: string) {
    this._fire('photo-remove', { itemId: this.itemId, hash });
  }

  private _fire(type: string, detail: PhotoEventDetail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-photo-evidence': TcPhotoEvidence;
  }
}
