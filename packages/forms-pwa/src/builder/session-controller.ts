import type { ReactiveControllerHost } from 'lit';
import { ChangeController } from '../controllers/change.js';
import type { BuilderSession } from './session.js';

/** Re-renders its host whenever the session it is given changes (an edit, a save, a publication). */
export class SessionController extends ChangeController {
  constructor(host: ReactiveControllerHost) {
    super(host);
  }

  /** Follows `s` (and stops following the previous one). */
  override follow(s: BuilderSession | undefined): void {
    super.follow(s);
  }
}
