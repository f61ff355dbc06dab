import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HeatMap } from './dashboard-model.js';
import { toNum } from '../loop/scored.js';
import { percentNum } from '../numbers.js';

/** Colour for a percentage: red (0) through amber (50) to green (100); grey when not applicable. */
export function heatColour(p: number | undefined): string {
  if (p === undefined) return '#e6e8eb';
  const stops: [number, [number, number, number]][] = [
    [0, [179, 38, 30]],
    [50, [232, 170, 40]],
    [80, [150, 196, 110]],
    [100, [11, 110, 79]],
  ];
  let i = 0;
  while (i < stops.length - 2 && p > stops[i + 1]![0]) i++;
  const [p0, c0] = stops[i]!;
  const [p1, c1] = stops[i + 1]!;
  const k = Math.max(0, Math.min(1, (p - p0) / (p1 - p0)));
  const c = c0.map((v, j) => Math.round(v + (c1[j]! - v) * k));
  return `rgb(${c[0]} ${c[1]} ${c[2]})`;
}

/**
 * The heat map of criteria (columns, by short code) by facility (rows), as SVG: each cell coloured by the
 * criterion's percentage and labelled with it; every cell has a title, the whole an accessible name. A key of
 * the criteria codes follows the chart.
 */
@customElement('tc-chart-heatmap')
export class TcChartHeatmap extends LitElement {
  static override styles = css`
    :host { display: block; }
    .scroll { overflow: auto; max-width: 100%; }
    svg { display: block; font: 12px system-ui, sans-serif; }
    .key { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 2px 16px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 0.85em; color: #5b6470; }
  `;

  /** The data: criteria, facilities and percentages. */
  @property({ attribute: false }) data: HeatMap | undefined;
  /** The chart's accessible name. */
  @property() label = '';
  /** Text for a cell that does not apply. */
  @property() naText = 'N/A';

  override render() {
    const d = this.data;
    if (!d || !d.facilities.length) return nothing;
    const left = 210;
    const top = 26;
    const cw = Math.max(34, Math.min(56, Math.floor(820 / Math.max(1, d.criteria.length))));
    const ch = 30;
    const w = left + cw * d.criteria.length + 4;
    const h = top + ch * d.facilities.length + 4;
    const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${this.label}><svg width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="img" aria-label=${this.label} data-heatmap>
        <title>${this.label}</title>
        ${d.criteria.map(
          (c, j) =>
            svg`<text x=${left + j * cw + cw / 2} y=${top - 8} text-anchor="middle" font-weight="700" fill="#1b1f24"><title>${c.title}</title>${c.short}</text>`,
        )}
        ${d.facilities.map(
          (
            f,
            i,
          ) => svg`<text x=${left - 8} y=${top + i * ch + ch / 2 + 4} text-anchor="end" fill="#1b1f24"><title>${f.name}</title>${clip(f.name, 30)}</text>
            ${d.cells[i]!.map((v, j) => {
              const p = v ? toNum(v) : undefined;
              const text = v ? percentNum(v) : this.naText;
              return svg`<g data-cell=${`${f.id}|${d.criteria[j]!.id}`}>
                <rect x=${left + j * cw + 1} y=${top + i * ch + 1} width=${cw - 2} height=${ch - 2} rx="3" fill=${heatColour(p)}><title>${f.name} — ${d.criteria[j]!.title}: ${text}${v ? '%' : ''}</title></rect>
                <text x=${left + j * cw + cw / 2} y=${top + i * ch + ch / 2 + 4} text-anchor="middle" fill=${p !== undefined && (p < 35 || p > 85) ? '#fff' : '#1b1f24'} pointer-events="none">${v ? Math.floor(p!) : '–'}</text>
              </g>`;
            })}`,
        )}
      </svg></div>
      <ul class="key">${d.criteria.map((c) => html`<li><strong>${c.short}</strong> ${c.title}</li>`)}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-chart-heatmap': TcChartHeatmap;
  }
}
