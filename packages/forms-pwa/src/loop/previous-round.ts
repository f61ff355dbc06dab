/**
 * For the fill-in view: what was found on each item at the facility's previous assessment (same set id) and the
 * action planned for it. Loads the previous assessment's plan from storage once, then re-renders its host.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { facilityKey, type Assessment } from '../core.js';
import type { AppStore } from '../state/store.js';
import { lastTimeHints, type LastTime } from './plan-model.js';
import { previousOf, toScored, when } from './scored.js';
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

  /** The other assessments (by identity) and what of `a` decided {@link _prev}, for {@link _previous}. */
  private _others: Assessment[] = [];
  private _forKey: string | undefined;
  private _prev: Assessment | undefined;

  /**
   * `a`'s previous assessment, searched for again only when another assessment was added, removed or replaced, or
   * what of `a` decides it changed (facility, set id, kind, day): an answer tap replaces only `a`, and searching
   * every assessment on the device on each render of the fill-in view was wasted work (issue 20).
   */
  private _previous(a: Assessment): Assessment | undefined {
    const all = this._store.assessments;
    const key = [a.id, facilityKey(a), a.criteriaSet.id, a.assessmentKind, when(a).slice(0, 10)].join('\u0000');
    let same = key === this._forKey && all.size === this._others.length + 1;
    if (same) {
      let i = 0;
      for (const x of all.values()) {
        if (x.id === a.id) continue;
        if (x !== this._others[i++]) {
          same = false;
          break;
        }
      }
    }
    if (!same) {
      this._others = [...all.values()].filter((x) => x.id !== a.id);
      this._prev = previousOf(all.values(), a);
      this._forKey = key;
    }
    return this._prev;
  }

  /** Hints by item id for `a` (empty when there is no earlier assessment). Stable between calls. */
  hintsFor(a: Assessment): ReadonlyMap<string, LastTime> {
    const prev = this._previous(a);
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
