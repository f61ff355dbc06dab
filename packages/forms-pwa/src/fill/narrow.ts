import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the fill-in view swaps its side column for the sticky bar on top (its CSS says the same width). */
export const NARROW_QUERY = '(max-width: 860px)';

/**
 * Whether the screen is narrow (a tablet upright, a phone): the fill-in view then shows the bar on top and hides
 * the side column, and the other way round. The view builds the score panel and the criteria navigation only where
 * they are shown (issue 20: on a low-end tablet the hidden column's panel and navigation were built on opening and
 * again on every answer). Re-renders its host when the width crosses the line. Without `matchMedia`, wide.
 */
export class NarrowController implements ReactiveController {
  /** Whether the screen is narrow now. */
  narrow = false;
  /** While printing: the page's width is the paper's, so the view builds both (the print shows whichever fits). */
  printing = false;
  private _query: MediaQueryList | undefined;
  private readonly _onChange = (e: MediaQueryListEvent) => {
    this.narrow = e.matches;
    this._host.requestUpdate();
  };
  private readonly _onPrint = (e: Event) => {
    this.printing = e.type === 'beforeprint';
    this._host.requestUpdate();
  };

  /** Whether the narrow screens' bar is to be built. */
  get bar(): boolean {
    return this.narrow || this.printing;
  }

  /** Whether the wide screens' side column is to be built. */
  get column(): boolean {
    return !this.narrow || this.printing;
  }

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._query = typeof matchMedia === 'function' ? matchMedia(NARROW_QUERY) : undefined;
    this.narrow = this._query?.matches ?? false;
    this._query?.addEventListener('change', this._onChange);
    addEventListener('beforeprint', this._onPrint);
    addEventListener('afterprint', this._onPrint);
  }

  hostDisconnected(): void {
    this._query?.removeEventListener('change', this._onChange);
    this._query = undefined;
    removeEventListener('beforeprint', this._onPrint);
    removeEventListener('afterprint', this._onPrint);
  }
}
