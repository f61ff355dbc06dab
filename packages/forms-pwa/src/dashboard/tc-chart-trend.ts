import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** One point of a trend: a label on the x axis and a percentage (undefined: not scored, drawn as a gap). */
export interface TrendDatum {
  label: string;
  value: number | undefined;
  text: string;
}

/**
 * A facility's total percentage over rounds as an SVG line chart (0–100 %), with the value written at each
 * point, round labels on the x axis and an accessible title.
 */
@customElement('tc-chart-trend')
export class TcChartTrend extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
  `;

  /** The points, oldest first. */
  @property({ attribute: false }) points: TrendDatum[] = [];
  /** The chart's accessible name. */
  @property() label = '';

  override render() {
    const pts = this.points;
    if (!pts.length) return nothing;
    const w = 560;
    const h = 220;
    const l = 40;
    const r = 20;
    const top = 20;
    const bottom = 40;
    const pad = 36; // keeps the first and last value labels clear of the axis
    const x = (i: number) =>
      pts.length === 1 ? (l + w - r) / 2 : l + pad + (i * (w - l - r - 2 * pad)) / (pts.length - 1);
    const y = (v: number) => top + ((100 - v) * (h - top - bottom)) / 100;
    const known = pts.map((p, i) => ({ ...p, i })).filter((p) => p.value !== undefined);
    const path = known.map((p, k) => `${k ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.value!).toFixed(1)}`).join(' ');
    return html`<svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="img" aria-label=${this.label} data-trend>
      <title>${this.label}</title>
      ${[0, 25, 50, 75, 100].map(
        (v) =>
          svg`<line x1=${l} x2=${w - r} y1=${y(v)} y2=${y(v)} stroke="#e6e8eb"></line><text x=${l - 6} y=${y(v) + 4} text-anchor="end" fill="#5b6470">${v}</text>`,
      )}
      <path d=${path} fill="none" stroke="#0b6e4f" stroke-width="3"></path>
      ${pts.map(
        (p, i) => svg`<text x=${x(i)} y=${h - bottom + 18} text-anchor="middle" fill="#1b1f24">${p.label}</text>
          ${
            p.value !== undefined
              ? svg`<circle cx=${x(i)} cy=${y(p.value)} r="5" fill="#0b6e4f"><title>${p.label}: ${p.text}</title></circle>
                <text x=${x(i)} y=${y(p.value) - 10} text-anchor="middle" font-weight="700" fill="#1b1f24">${p.text}</text>`
              : svg`<text x=${x(i)} y=${y(50)} text-anchor="middle" fill="#5b6470">${p.text}</text>`
          }`,
      )}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-chart-trend': TcChartTrend;
  }
}
