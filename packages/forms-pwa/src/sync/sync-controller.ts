/** Re-renders its host whenever the page's sync status changes (and starts the page's sync engine). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { appStore } from '../state/store.js';
import { pageSync } from './auto.js';
import type { SyncEngine } from './engine.js';

export class SyncController implements ReactiveController {
  readonly engine: SyncEngine = pageSync(appStore());
  private readonly _onChange = () => this._host.requestUpdate();
  constructor(private readonly _host: ReactiveControllerHost) {
    this._host.addController(this);
  }
  hostConnected(): void {
    this.engine.addEventListener('change', this._onChange);
  }
  hostDisconnected(): void {
    this.engine.removeEventListener('change', this._onChange);
  }
}
