import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PhotoEventDetail } from '../controllers/photo-capture.js';
import { LocaleController, formatDateTime, t } from '../i18n.js';
import { closeIcon } from '../icons.js';
import { appStore } from '../state/store.js';
import type { StoredPhoto } from '../storage/db.js';
import { shared } from '../styles.js';

export type { PhotoEventDetail };

/**
 * Thumbnails of one item's photo evidence, with capture time and a delete button (the item card offers undo);
 * a tap on a thumbnail shows the photo full size. (Taking a photo is the
 * item card's job, so a card without photos carries no extra element.)
 *
 * @fires photo-remove - {@link PhotoEventDetail} with `hash`
 */
@customElement('tc-photo-evidence')
export class TcPhotoEvidence extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .thumbs { display: flex; flex-wrap: wrap; gap: 8px; }
      figure { margin: 0; position: relative; width: 112px; }
      img { width: 112px; height: 84px; object-fit: cover; border-radius: 6px; display: block; background: #eee; }
      figcaption { font-size: 0.75em; color: var(--tc-muted); }
      button.del { position: absolute; top: 2px; right: 2px; min-width: 44px; min-height: 44px; padding: 0; background: rgb(255 255 255 / 0.9); }
      button.enlarge { padding: 0; border: 0; background: none; display: block; cursor: zoom-in; }
      dialog { max-width: 96vw; max-height: 96vh; padding: 8px; border: 0; border-radius: 10px; }
      dialog::backdrop { background: rgb(0 0 0 / 0.7); }
      img.full { max-width: 92vw; max-height: 80vh; width: auto; height: auto; object-fit: contain; }
    `,
  ];

  /** The item the photos belong to. */
  @property() itemId = '';
  /** Hashes of the photos linked to the answer. */
  @property({ attribute: false }) hashes: string[] = [];
  /** Hides the delete buttons. */
  @property({ type: Boolean }) readonly = false;
  /** Reads a stored photo (the app's storage by default; replaceable in tests). */
  @property({ attribute: false }) loadPhoto: (hash: string) => Promise<StoredPhoto | undefined> = (h) =>
    appStore().storage.getPhoto(h);

  /** The photo shown full size, if any. */
  @state() private _full: string | undefined;
  @state() private _thumbs = new Map<string, { url: string; capturedAt: string | undefined }>();

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
    return html`<div class="thumbs">
      ${this.hashes.map((h) => {
        const th = this._thumbs.get(h);
        return html`<figure data-photo=${h}>
          <button class="enlarge" data-enlarge aria-label=${t('item.photoEnlarge')} title=${t('item.photoEnlarge')} @click=${() => this._open(h)}>
            ${th ? html`<img src=${th.url} alt="" />` : html`<img alt="" />`}
          </button>
          <figcaption>${th?.capturedAt ? t('item.photoTaken', { time: formatDateTime(th.capturedAt) }) : ''}</figcaption>
          ${
            this.readonly
              ? nothing
              : html`<button class="del" title=${t('item.photoDelete')} aria-label=${t('item.photoDelete')} @click=${() => this._remove(h)}>${closeIcon}</button>`
          }
        </figure>`;
      })}
    </div>
    <dialog data-photo-full @close=${() => (this._full = undefined)} @click=${(e: Event) => e.target === e.currentTarget && (e.currentTarget as HTMLDialogElement).close()}>
      ${
        this._full && this._thumbs.get(this._full)
          ? html`<img class="full" src=${this._thumbs.get(this._full)!.url} alt=${t('item.photoEnlarge')} />
            <p class="muted">${this._thumbs.get(this._full)!.capturedAt ? t('item.photoTaken', { time: formatDateTime(this._thumbs.get(this._full)!.capturedAt) }) : ''}</p>`
          : nothing
      }
      <form method="dialog"><button data-close>${t('item.photoClose')}</button></form>
    </dialog>`;
  }

  /** Shows one photo full size (a modal dialog: Esc, the close button or a tap outside closes it). */
  private async _open(hash: string) {
    this._full = hash;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog[data-photo-full]')?.showModal();
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

  private _remove(hash: string) {
    const detail: PhotoEventDetail = { itemId: this.itemId, hash };
    this.dispatchEvent(new CustomEvent('photo-remove', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-photo-evidence': TcPhotoEvidence;
  }
}
