import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n.js';
import { shared } from '../styles.js';

interface Point {
  x: number;
  y: number;
  /** Stroke width at this point, CSS px (pen pressure; fingers and mice get a steady width). */
  w: number;
}

/** Ink colour: dark blue, as a signature in ballpoint pen, distinct from the printed black. */
const INK = '#0d2a6b';
/** Pixels per CSS pixel of the exported PNG: sharp when the report prints it 160 pt wide. */
const EXPORT_SCALE = 2;
/** Width / height of the exported image: the report's signature box (160 x 60 pt). */
const EXPORT_ASPECT = 160 / 60;

const width = (e: PointerEvent): number => (e.pointerType === 'pen' && e.pressure > 0 ? 1.2 + 2.6 * e.pressure : 2.4);

/** Draws strokes on a 2D context, each point joined to the next with a round cap. */
function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Point[][], dx = 0, dy = 0): void {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of strokes) {
    if (s.length === 1) {
      ctx.beginPath();
      ctx.arc(s[0]!.x - dx, s[0]!.y - dy, s[0]!.w / 2, 0, Math.PI * 2);
      ctx.fill();
    }
    for (let i = 1; i < s.length; i++) segment(ctx, s[i - 1]!, s[i]!, dx, dy);
  }
}

function segment(ctx: CanvasRenderingContext2D, a: Point, b: Point, dx = 0, dy = 0): void {
  ctx.lineWidth = (a.w + b.w) / 2;
  ctx.beginPath();
  ctx.moveTo(a.x - dx, a.y - dy);
  ctx.lineTo(b.x - dx, b.y - dy);
  ctx.stroke();
}

/**
 * A signature pad: draw with a finger, a pen or a mouse (pointer events, no scrolling while drawing), clear
 * with a 44 px button. `toPng()` gives the signature cropped to its ink on a transparent background.
 * The canvas is an image to assistive technology; the typed name next to it is the accessible record.
 *
 * @fires signature-change - after each stroke and after clearing
 * @csspart canvas - the drawing area
 */
@customElement('tc-signature-pad')
export class TcSignaturePad extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      .pad { position: relative; border: 1px dashed #9aa3ad; border-radius: 10px; background: #fff; }
      canvas { display: block; width: 100%; height: 160px; touch-action: none; cursor: crosshair; border-radius: 10px; }
      .line { position: absolute; left: 16px; right: 16px; bottom: 36px; border-bottom: 1px solid #c5cbd2; pointer-events: none; }
      .x { position: absolute; left: 16px; bottom: 40px; color: #9aa3ad; pointer-events: none; font-size: 1.1rem; }
      .sigbar { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-top: 6px; }
      :host([disabled]) canvas { cursor: not-allowed; opacity: 0.6; }
    `,
  ];

  /** Accessible name of the drawing area, e.g. "Chữ ký của người đánh giá". */
  @property() label = '';
  /** Stops drawing and clearing. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private _empty = true;
  @query('canvas') private _canvas!: HTMLCanvasElement;
  private _strokes: Point[][] = [];
  private _drawing: number | undefined;
  private _resize?: ResizeObserver;

  constructor() {
    super();
    new LocaleController(this);
  }

  /** True while nothing is drawn. */
  get empty(): boolean {
    return this._empty;
  }

  override render() {
    return html`<div class="pad">
        <canvas
          part="canvas"
          role="img"
          aria-label=${this.label}
          @pointerdown=${this._onDown}
          @pointermove=${this._onMove}
          @pointerup=${this._onUp}
          @pointercancel=${this._onUp}
        ></canvas>
        <span class="line"></span><span class="x" aria-hidden="true">✕</span>
      </div>
      <div class="sigbar">
        <span class="muted" data-signed=${this._empty ? 'no' : 'yes'}>${this._empty ? t('sign.empty') : t('sign.signed')}</span>
        <button data-action="clear-signature" ?disabled=${this._empty || this.disabled} @click=${this.clear}>${t('sign.clear')}</button>
      </div>`;
  }

  override firstUpdated(): void {
    this._resize = new ResizeObserver(() => this._fit());
    this._resize.observe(this._canvas);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
  }

  /** Removes the drawing. */
  clear(): void {
    this._strokes = [];
    this._empty = true;
    this._fit();
    this.dispatchEvent(new Event('signature-change', { bubbles: true, composed: true }));
  }

  /**
   * The signature as a PNG cropped to its ink (plus a margin, widened to 8:3), transparent around the strokes, or
   * undefined when the pad is empty.
   */
  async toPng(): Promise<{ blob: Blob; width: number; height: number } | undefined> {
    if (this._empty) return undefined;
    const pts = this._strokes.flat();
    const pad = 8;
    let x0 = Math.min(...pts.map((p) => p.x - p.w)) - pad;
    let y0 = Math.min(...pts.map((p) => p.y - p.w)) - pad;
    let x1 = Math.max(...pts.map((p) => p.x + p.w)) + pad;
    let y1 = Math.max(...pts.map((p) => p.y + p.w)) + pad;
    // Widen the crop to one aspect ratio, the ink centred, so every signature prints the same height
    // and the names under the signature blocks line up.
    const w = x1 - x0;
    const h = y1 - y0;
    if (w / h > EXPORT_ASPECT) [y0, y1] = [y0 - (w / EXPORT_ASPECT - h) / 2, y1 + (w / EXPORT_ASPECT - h) / 2];
    else [x0, x1] = [x0 - (h * EXPORT_ASPECT - w) / 2, x1 + (h * EXPORT_ASPECT - w) / 2];
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.ceil((x1 - x0) * EXPORT_SCALE));
    canvas.height = Math.max(1, Math.ceil((y1 - y0) * EXPORT_SCALE));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d context unavailable');
    ctx.scale(EXPORT_SCALE, EXPORT_SCALE);
    drawStrokes(ctx, this._strokes, x0, y0);
    const blob = await new Promise<Blob>((res, rej) =>
      canvas.toBlob((b) => (b ? res(b) : rej(new Error('PNG encoding failed'))), 'image/png'),
    );
    return { blob, width: canvas.width, height: canvas.height };
  }

  /** Sizes the backing store to the element (sharp on high-DPI screens) and redraws. */
  private _fit(): void {
    const c = this._canvas;
    if (!c) return;
    const dpr = globalThis.devicePixelRatio || 1;
    const r = c.getBoundingClientRect();
    c.width = Math.max(1, Math.round(r.width * dpr));
    c.height = Math.max(1, Math.round(r.height * dpr));
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawStrokes(ctx, this._strokes);
  }

  private _point(e: PointerEvent): Point {
    const r = this._canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top, w: width(e) };
  }

  private _onDown(e: PointerEvent): void {
    if (this.disabled || (e.pointerType === 'mouse' && e.button !== 0) || this._drawing !== undefined) return;
    e.preventDefault();
    this._canvas.setPointerCapture?.(e.pointerId);
    this._drawing = e.pointerId;
    const p = this._point(e);
    this._strokes.push([p]);
    const ctx = this._canvas.getContext('2d');
    if (ctx) drawStrokes(ctx, [[p]]);
  }

  private _onMove(e: PointerEvent): void {
    if (e.pointerId !== this._drawing) return;
    e.preventDefault();
    const stroke = this._strokes[this._strokes.length - 1]!;
    const ctx = this._canvas.getContext('2d');
    // Coalesced events: every point the digitiser reported since the last frame, for smooth curves.
    for (const ev of e.getCoalescedEvents?.() ?? [e]) {
      const p = this._point(ev);
      const prev = stroke[stroke.length - 1]!;
      if (Math.hypot(p.x - prev.x, p.y - prev.y) < 0.8) continue;
      stroke.push(p);
      if (ctx) {
        ctx.strokeStyle = INK;
        ctx.lineCap = 'round';
        segment(ctx, prev, p);
      }
    }
  }

  private _onUp(e: PointerEvent): void {
    if (e.pointerId !== this._drawing) return;
    this._drawing = undefined;
    this._empty = false;
    this.dispatchEvent(new Event('signature-change', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tc-signature-pad': TcSignaturePad;
  }
}
