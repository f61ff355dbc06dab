import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A small SVG bar pair: a percentage before (grey) and after (green, red when lower), on a 0–100 scale, with
 * an accessible title. For the compare view's table; values are for drawing only (the table shows exact ones).
 */
@customElement('tc-chart-delta')
export class TcChartDelta extends LitElement {
  static override styles = css`
    :host { display: inline-block; vertical-align: middle; }
    svg { display: block; }
  `;

  /** Percentage before (0–100), or undefined when not applicable. */
  @property({ type: Number }) from: number | undefined;
  /** Percentage after (0–100), or undefined when not applicable. */
  @property({ type: Number }) to: number | undefined;
  /** The accessible name, e.g. "A1: 50.0 → 100.0". */
  @property() label = '';
  /** Width in CSS pixels. */
  @property({ type: Number }) width = 160;

  override render() {
    const w = this.width;
    const x = (p: number | undefined) => (p === undefined ? 0 : Math.max(0, Math.min(100, p)) * (w / 100));
    const worse = this.from !== undefined && this.to !== undefined && this.to < this.from;
    return html`<svg width=${w} height="22" viewBox="0 0 ${w} 22" role="img" aria-label=${this.label}>
      <title>${this.label}</title>
      <rect x="0" y="1" width=${w} height="9" fill="#eef0f3" rx="2"></rect>
      <rect x="0" y="1" width=${x(this.from)} height="9" fill="#9aa3ad" rx="2"></rect>
      <rect x="0" y="12" width=${w} height="9" fill="#eef0f3" rx="2"></rect>
      <rect x="0" y="12" width=${x(this.to)} height="9" fill=${worse ? '#b3261e' : '#0b6e4f'} rx="2"></rect>
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-chart-delta': TcChartDelta;
  }
}
