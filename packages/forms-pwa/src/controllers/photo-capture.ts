/**
 * Handles a camera/file input on its host: downscales the chosen image (see `model/photo.ts`) and fires
 * `photo-add` from the host with the photo ready to store. Tracks `busy` and `error` for the host to show.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { t } from '../i18n.js';
import type { StoredPhoto } from '../storage/db.js';

/** Detail of `photo-add` and `photo-remove`. */
export type PhotoEventDetail = { itemId: string; photo?: StoredPhoto; hash?: string };

export class PhotoCaptureController implements ReactiveController {
  busy = false;
  error = '';

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _itemId: () => string,
  ) {
    this._host.addController(this);
  }

  hostConnected(): void {}

  /** The input's `change` handler: every chosen photo (several from the gallery at once), one after another. */
  readonly onChange = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    this.busy = true;
    this.error = '';
    this._host.requestUpdate();
    let failed = 0;
    try {
      // Downscaling loads with the first photo taken, not with the fill-in view (issue 20); precached for offline use.
      const photoFromFile = await import('../model/photo.js').then(
        (m) => m.photoFromFile,
        () => undefined,
      );
      if (!photoFromFile) {
        this.error = t('item.photoFailed');
        return;
      }
      for (const file of files) {
        try {
          const photo = await photoFromFile(file);
          const detail: PhotoEventDetail = { itemId: this._itemId(), photo };
          this._host.dispatchEvent(new CustomEvent('photo-add', { detail, bubbles: true, composed: true }));
        } catch {
          failed++;
        }
      }
      if (failed) this.error = t('item.photoFailed');
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
  };
}
