import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host whenever the `EventTarget` it follows fires `change` (or the event `type` given): the app
 * store, the UI language, a builder session, the store's save state (`tc-save-status`). Listens only while the host
 * is connected. The one change controller of the app (`StoreController`, `LocaleController` and
 * `SessionController` are this with their target).
 */
export class ChangeController implements ReactiveController {
  private _target: EventTarget | undefined;
  private _connected = false;
  private readonly _onChange = () => this._host.requestUpdate();

  constructor(
    private readonly _host: ReactiveControllerHost,
    target?: EventTarget,
    private readonly _type = 'change',
  ) {
    this._target = target;
    this._host.addController(this);
  }

  /** Follows `target` (and stops following the previous one). */
  follow(target: EventTarget | undefined): void {
    if (target === this._target) return;
    if (this._connected) this._target?.removeEventListener(this._type, this._onChange);
    this._target = target;
    if (this._connected) target?.addEventListener(this._type, this._onChange);
  }

  hostConnected(): void {
    this._connected = true;
    this._target?.addEventListener(this._type, this._onChange);
  }

  hostDisconnected(): void {
    this._connected = false;
    this._target?.removeEventListener(this._type, this._onChange);
  }
}
