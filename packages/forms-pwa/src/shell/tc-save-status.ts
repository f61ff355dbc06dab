import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ChangeController } from '../controllers/change.js';
import { LocaleController, t } from '../i18n.js';
import { appStore } from '../state/store.js';

/**
 * The save indicator's styles, scoped to `tc-save-status`: the element renders into its host's shadow root (the
 * header's), so the host includes them. The text sits in a box of a fixed size with `contain: strict`, a layout root
 * of its own: "Đang lưu…" turning into "✓ Đã lưu" lays out and paints that box only, not the page from its root
 * (issue 20: it was a second frame of the page's layout and paint after every answer tap). The element itself is
 * a flex item of the header's tools, which Chromium never lays out alone: the box is the child inside it.
 * 7em holds the longest text ("Save failed!", about 6em), as the old minimum width did; 6.5em on a phone.
 */
export const saveStatusStyles = css`
  tc-save-status { display: block; }
  tc-save-status .save {
    display: block; contain: strict; width: 7em; height: 1.45em; line-height: 1.45;
    font-size: 0.9rem; text-align: right; white-space: nowrap;
  }
  @media (max-width: 600px) {
    tc-save-status .save { width: 6.5em; font-size: 0.8rem; }
  }
`;

/**
 * The header's save state: "Đang lưu…" while a write is queued, "✓ Đã lưu" once every write's IndexedDB
 * transaction completed, "Lỗi lưu!" when one failed. It follows the store's `save` event only, so a write becoming
 * durable renders this element and nothing else. `data-save` / `data-saved-at` carry the state and the time of the
 * last durable write for the tests. No shadow root: it renders into the header's (see {@link saveStatusStyles}).
 */
@customElement('tc-save-status')
export class TcSaveStatus extends LitElement {
  private readonly _store = appStore();

  constructor() {
    super();
    new ChangeController(this, this._store, 'save');
    new LocaleController(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    const s = this._store.saveState;
    return html`<span class="save" role="status" data-save=${s} data-saved-at=${this._store.savedAt ?? ''}
      >${s === 'saving' ? t('save.saving') : s === 'saved' ? `✓ ${t('save.saved')}` : s === 'error' ? t('save.error') : ''}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-save-status': TcSaveStatus;
  }
}
