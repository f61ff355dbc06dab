import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How the next chunk is started: `next` must be called once, later, in a task of its own. */
export type ChunkScheduler = (next: () => void) => () => void;

/**
 * The next chunk after the browser painted the last one: a frame (so each frame lays out one chunk), then a task of
 * its own. Where no frame comes (a hidden tab, a test without rendering) it goes on after 100 ms anyway.
 * @returns a function that cancels it
 */
export const afterPaint: ChunkScheduler = (next) => {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    next();
  };
  const frame = requestAnimationFrame(() => setTimeout(go, 0));
  const fallback = setTimeout(go, 100);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
};

/** Options of {@link ProgressiveController}. */
export interface ProgressiveOptions {
  /** Entries in the first render (enough to fill the first screen of a tablet). */
  first?: number | undefined;
  /** Entries added by the second chunk, and the fewest of any later chunk (they grow to about {@link budgetMs}). */
  step?: number | undefined;
  /** Script time aimed at per chunk (ms); style and layout of the chunk follow in the frame. */
  budgetMs?: number | undefined;
  /** Most entries in one chunk. */
  maxStep?: number | undefined;
  /** When the next chunk starts (default {@link afterPaint}). */
  schedule?: ChunkScheduler | undefined;
  /**
   * Resolves once a chunk has rendered, its entries' own updates included (default: the host's `updateComplete`).
   * A chunk is timed until then: the entries are elements of their own that render after the host, in the same task.
   */
  settled?: (() => Promise<unknown>) | undefined;
}

/**
 * Renders a long list a few entries at a time (issue 20: on a low-end tablet the 1300 form's 47 item cards took
 * one task of up to 0.66 s to build, style and lay out). The host renders its first {@link limit} entries; after
 * each update that left some out, the next chunk follows once the browser has painted, so the first screen is
 * answerable early and no task grows with the list. Each chunk is sized from how long the last one took to render
 * (a fast desktop renders a 300-item form in a few large chunks, a slow tablet in chunks of the first step). The list always completes by itself (find-in-page and screen
 * readers reach every entry a moment later); {@link all} renders the rest at once, for a jump further down or before
 * printing.
 */
export class ProgressiveController implements ReactiveController {
  /** How many entries the host renders now. */
  limit: number;
  /** How many entries the host has (it sets this as it renders). */
  total = 0;
  private readonly _first: number;
  private _step: number;
  private readonly _budget: number;
  private readonly _maxStep: number;
  private readonly _minStep: number;
  private readonly _schedule: ChunkScheduler;
  private readonly _settled: () => Promise<unknown>;
  /** Counts resets and {@link all}: a chunk's timing that arrives after one is dropped. */
  private _epoch = 0;
  private _cancel: (() => void) | undefined;
  private readonly _onPrint = () => void this.all();

  constructor(
    private readonly _host: ReactiveControllerHost,
    options: ProgressiveOptions = {},
  ) {
    this._first = options.first ?? 6;
    this._step = options.step ?? 4;
    this._minStep = this._step;
    this._budget = options.budgetMs ?? 25;
    this._maxStep = options.maxStep ?? 64;
    this._schedule = options.schedule ?? afterPaint;
    this._settled = options.settled ?? (() => _host.updateComplete);
    this.limit = this._first;
    _host.addController(this);
  }

  /** Whether every entry is rendered. */
  get complete(): boolean {
    return this.limit >= this.total;
  }

  /** Starts again from the first chunk (another list: another assessment or section). */
  reset(): void {
    this._stop();
    this._epoch++;
    this.limit = this._first;
  }

  /** Renders every entry in the next update; resolves once the host has rendered them. */
  async all(): Promise<void> {
    this._stop();
    this._epoch++;
    if (this.limit !== Infinity) {
      this.limit = Infinity;
      this._host.requestUpdate();
    }
    await this._host.updateComplete;
  }

  hostConnected(): void {
    addEventListener('beforeprint', this._onPrint);
    if (!this.complete) this._host.requestUpdate(); // back in the page: carry on where it stopped
  }

  hostUpdated(): void {
    if (this.complete || this._cancel) return;
    this._cancel = this._schedule(() => {
      this._cancel = undefined;
      const start = performance.now();
      const epoch = this._epoch;
      const step = this._step;
      this.limit += step;
      this._host.requestUpdate();
      // Timed until the chunk's entries have rendered too (issue 20: timed at the host's own update, the cards'
      // renders were left out, chunks grew to 10+ cards and tasks of 90-160 ms at 4x slowdown).
      void this._settled().then(() => {
        if (epoch !== this._epoch) return;
        // Scale the next chunk to the budget by the time this one took (at least 1 ms: clocks are coarse). Never
        // below the first step: on a loaded device one-card chunks would take a frame each and the list long to
        // complete (measured: 47 cards later than rendering them all at once).
        const took = Math.max(1, performance.now() - start);
        this._step = Math.max(this._minStep, Math.min(this._maxStep, Math.round((step * this._budget) / took)));
      });
    });
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this._onPrint);
    this._stop();
  }

  private _stop(): void {
    this._cancel?.();
    this._cancel = undefined;
  }
}
