/** The one change controller: re-renders its host on `change` of what it follows, only while the host is connected. */
import { describe, expect, it } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ChangeController } from '../src/controllers/change.js';

function host(): ReactiveControllerHost & { updates: number; controllers: ReactiveController[] } {
  const h = {
    updates: 0,
    controllers: [] as ReactiveController[],
    addController: (c: ReactiveController) => void h.controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void h.updates++,
    updateComplete: Promise.resolve(true),
  };
  return h;
}
const change = (t: EventTarget) => t.dispatchEvent(new Event('change'));

describe('ChangeController', () => {
  it('follows one target at a time, and only while its host is connected', () => {
    const h = host();
    const a = new EventTarget();
    const b = new EventTarget();
    const c = new ChangeController(h, a);
    change(a);
    expect(h.updates).toBe(0); // not connected yet
    c.hostConnected();
    change(a);
    expect(h.updates).toBe(1);
    c.follow(b);
    change(a);
    change(b);
    expect(h.updates).toBe(2); // a no longer, b now
    c.hostDisconnected();
    change(b);
    c.follow(a); // while disconnected: remembered, not listened to
    change(a);
    expect(h.updates).toBe(2);
    c.hostConnected();
    change(a);
    change(b);
    expect(h.updates).toBe(3);
  });
});
