import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { LocaleController } from '../i18n.js';
import { st } from './messages.js';

/**
 * Reads a QR code from the camera with jsQR (a JavaScript decoder, lazy-loaded: WebKit has no BarcodeDetector; no
 * eval, so the CSP holds). Fires `qr` with the decoded text, or `camera-error` when the camera cannot be opened.
 * The camera is released when a code is read or the element is removed.
 */
@customElement('tc-qr-scan')
export class TcQrScan extends LitElement {
  static override styles = css`
    :host { display: grid; gap: 8px; justify-items: center; }
    video { width: min(100%, 420px); aspect-ratio: 1; object-fit: cover; border-radius: 12px; background: #000; }
    p { margin: 0; }
  `;

  @query('video') private _video!: HTMLVideoElement;
  private _stream: MediaStream | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _stopped = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render() {
    return html`<video muted playsinline aria-label=${st('settings.scanHint')}></video>
      <p>${st('settings.scanHint')}</p>`;
  }

  override firstUpdated(): void {
    void this._start();
  }

  /** Opens the camera and decodes frames until a code is read or the element goes away. */
  private async _start(): Promise<void> {
    try {
      const [stream, { default: jsQR }] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        import('jsqr'),
      ]);
      if (this._stopped) return stream.getTracks().forEach((t) => t.stop());
      this._stream = stream;
      this._video.srcObject = stream;
      await this._video.play();
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      const tick = () => {
        if (this._stopped || !ctx) return;
        const w = this._video.videoWidth;
        const h = this._video.videoHeight;
        if (w && h) {
          canvas.width = w;
          canvas.height = h;
          ctx.drawImage(this._video, 0, 0, w, h);
          const found = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'dontInvert' });
          if (found?.data) {
            this._stop();
            this.dispatchEvent(new CustomEvent('qr', { detail: found.data, bubbles: true, composed: true }));
            return;
          }
        }
        this._timer = setTimeout(tick, 200);
      };
      tick();
    } catch (e) {
      this._stop();
      this.dispatchEvent(new CustomEvent('camera-error', { detail: String(e), bubbles: true, composed: true }));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop();
  }

  private _stop(): void {
    this._stopped = true;
    clearTimeout(this._timer);
    this._stream?.getTracks().forEach((t) => t.stop());
    this._stream = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-qr-scan': TcQrScan;
  }
}
