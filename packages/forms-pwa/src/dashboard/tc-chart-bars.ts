import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { heatColour } from './tc-chart-heatmap.js';

/** One bar: a label, a percentage (0–100) to draw and the exact text to show. */
export interface BarDatum {
  label: string;
  value: number;
  text: string;
}

/** Horizontal percentage bars as SVG (the weakest criteria), each labelled, with an accessible title. */
@customElement('tc-chart-bars')
export class TcChartBars extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
  `;

  /** The bars, top first. */
  @property({ attribute: false }) bars: BarDatum[] = [];
  /** The chart's accessible name. */
  @property() label = '';

  override render() {
    if (!this.bars.length) return nothing;
    const w = 560;
    const bh = 34;
    const h = this.bars.length * bh + 4;
    const clip = (s: string) => (s.length > 46 ? `${s.slice(0, 45)}…` : s);
    const barX = 0;
    const barW = w - 60;
    return html`<svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="img" aria-label=${this.label} data-bars>
      <title>${this.label}</title>
      ${this.bars.map(
        (b, i) => svg`<g>
          <title>${b.label}: ${b.text}%</title>
          <text x=${barX} y=${i * bh + 11} fill="#1b1f24">${clip(b.label)}</text>
          <rect x=${barX} y=${i * bh + 15} width=${barW} height="12" rx="3" fill="#eef0f3"></rect>
          <rect x=${barX} y=${i * bh + 15} width=${(Math.max(0, Math.min(100, b.value)) * barW) / 100} height="12" rx="3" fill=${heatColour(b.value)}></rect>
          <text x=${barW + 6} y=${i * bh + 25} font-weight="700" fill="#1b1f24">${b.text}%</text>
        </g>`,
      )}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-chart-bars': TcChartBars;
  }
}
