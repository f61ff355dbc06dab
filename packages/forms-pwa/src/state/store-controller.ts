/** Re-renders its host whenever the app store changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { appStore, type AppStore } from './store.js';

export class StoreController implements ReactiveController {
  readonly store: AppStore;
  private readonly _onChange = () => this._host.requestUpdate();
  constructor(
    private readonly _host: ReactiveControllerHost,
    store: AppStore = appStore(),
  ) {
    this.store = store;
    this._host.addController(this);
  }
  hostConnected(): void {
    this.store.addEventListener('change', this._onChange);
  }
  hostDisconnected(): void {
    this.store.removeEventListener('change', this._onChange);
  }
}
