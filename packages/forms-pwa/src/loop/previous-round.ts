/**
 * For the fill-in view: what was found on each item at the facility's previous assessment (same set id) and the
 * action planned for it. Loads the previous assessment's plan from storage once, then re-renders its host.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Assessment } from '../core.js';
import type { AppStore } from '../state/store.js';
import { lastTimeHints, type LastTime } from './plan-model.js';
import { previousOf, toScored } from './scored.js';
import { exactNum } from '../numbers.js';

const NONE: ReadonlyMap<string, LastTime> = new Map();

export class PreviousRoundController implements ReactiveController {
  private _key = '';
  private _hints: ReadonlyMap<string, LastTime> = NONE;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _store: AppStore,
  ) {
    this._host.addController(this);
  }

  hostConnected(): void {}

  /** Hints by item id for `a` (empty when there is no earlier assessment). Stable between calls. */
  hintsFor(a: Assessment): ReadonlyMap<string, LastTime> {
    const prev = previousOf(this._store.assessments.values(), a);
    const key = prev ? `${a.id}|${prev.id}|${prev.updatedAt ?? ''}` : '';
    if (key === this._key) return this._hints;
    this._key = key;
    const s = prev && toScored(this._store, prev);
    if (!prev || !s) return (this._hints = NONE);
    this._hints = lastTimeHints(s, undefined, exactNum);
    void this._store.storage.getPlanForAssessment(prev.id).then(
      (plan) => {
        if (!plan || this._key !== key) return;
        this._hints = lastTimeHints(s, plan, exactNum);
        this._host.requestUpdate();
      },
      () => undefined,
    );
    return this._hints;
  }
}
