import { LitElement, css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { create } from 'qrcode';

/** The SVG path of a QR code's dark modules, one unit per module, inside a 4-module quiet zone. */
export function qrPath(text: string): { size: number; d: string } {
  const m = create(text, { errorCorrectionLevel: 'M' }).modules;
  let d = '';
  for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.get(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
  return { size: m.size + 8, d };
}

/** A QR code drawn as SVG (qrcode's encoder; no canvas, no innerHTML). `label` is its accessible name. */
@customElement('tc-qr-code')
export class TcQrCode extends LitElement {
  static override styles = css`
    :host { display: block; width: min(100%, 320px); background: #fff; }
    svg { display: block; width: 100%; height: auto; }
  `;
  @property() text = '';
  @property() label = '';

  override render() {
    const { size, d } = qrPath(this.text);
    return svg`<svg viewBox="0 0 ${size} ${size}" role="img" aria-label=${this.label} shape-rendering="crispEdges"
      ><title>${this.label}</title><rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-qr-code': TcQrCode;
  }
}
