import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BuilderSession } from './session.js';

/** Re-renders its host whenever the session it is given changes (an edit, a save, a publication). */
export class SessionController implements ReactiveController {
  private _session: BuilderSession | undefined;
  private readonly _onChange = () => this._host.requestUpdate();

  constructor(private readonly _host: ReactiveControllerHost) {
    this._host.addController(this);
  }

  /** Follows `s` (and stops following the previous one). */
  follow(s: BuilderSession | undefined): void {
    if (s === this._session) return;
    this._session?.removeEventListener('change', this._onChange);
    this._session = s;
    s?.addEventListener('change', this._onChange);
  }

  hostConnected(): void {
    this._session?.addEventListener('change', this._onChange);
  }

  hostDisconnected(): void {
    this._session?.removeEventListener('change', this._onChange);
  }
}
