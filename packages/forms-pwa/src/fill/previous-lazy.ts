/**
 * Last round's hints for the fill-in view, loaded after the first cards (issue 20, ADR 0017): the search for the
 * facility's previous assessment, its scoring, core's plan proposal and `tc-plan-hint` are not on the view's start-up
 * path. Nothing is loaded while this is the only assessment on the device (there is no previous round to show);
 * otherwise the code loads once the first cards have painted, and the host re-renders with the hints.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Assessment } from '../core.js';
import type { LastTime } from '../loop/plan-model.js';
import type { PreviousRoundController } from '../loop/previous-round.js';
import type { AppStore } from '../state/store.js';
import { afterPaint } from './progressive.js';

const NONE: ReadonlyMap<string, LastTime> = new Map();

/** Loads the previous-round code and the hint element (each test or page loads it once). */
const loadHints = () =>
  Promise.all([import('../loop/previous-round.js'), import('./tc-plan-hint.js')]).then(([m]) => m);

/** `PreviousRoundController`'s `hintsFor`, empty until its code has loaded after the first paint. */
export class LazyPreviousRound implements ReactiveController {
  private _real: PreviousRoundController | undefined;
  private _loading = false;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _store: AppStore,
  ) {
    this._host.addController(this);
  }

  hostConnected(): void {}

  /** Hints by item id for `a`: none until the code has loaded (then as `PreviousRoundController` gives them). */
  hintsFor(a: Assessment): ReadonlyMap<string, LastTime> {
    if (this._real) return this._real.hintsFor(a);
    if (!this._loading && this._store.assessments.size > 1) {
      this._loading = true;
      afterPaint(() => {
        loadHints().then(
          (m) => {
            this._real = new m.PreviousRoundController(this._host, this._store);
            this._host.requestUpdate();
          },
          (e: unknown) => {
            this._loading = false; // tried again with the next render
            console.warn('last round hints did not load', e);
          },
        );
      });
    }
    return NONE;
  }
}
