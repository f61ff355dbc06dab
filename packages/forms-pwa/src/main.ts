/** Entry point: language, store, shell, service worker. */
import './shell/tc-app.js';
import type { ReactiveElement } from 'lit';
import { setLocale, startLocale, type Locale } from './i18n.js';
import { appStore } from './state/store.js';
import { registerServiceWorker } from './sw.js';

// Before the first render (module code runs before the shell's first update, a microtask): English, when this device
// was last set to it, loads first and the shell waits for it (ADR 0017); Vietnamese waits for nothing.
startLocale();
const store = appStore();
void store.storage.getSetting<Locale>('locale').then((l) => {
  if (l === 'en' || l === 'vi') setLocale(l);
});
const ready = store.init();

/**
 * Resolves once the first view has rendered with the stored data and the browser has painted it: the store has
 * loaded, the route's view element is defined and updated, and two frames have passed.
 */
async function firstViewPainted(): Promise<void> {
  await ready.catch(() => undefined);
  const app = document.querySelector('tc-app') as ReactiveElement | null;
  await app?.updateComplete;
  const view = app?.shadowRoot?.querySelector('main')?.firstElementChild;
  if (view?.localName.includes('-')) {
    await customElements.whenDefined(view.localName);
    await (view as ReactiveElement).updateComplete;
  }
  await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
}

// The service worker (workbox-window, 2.2 KB gzip) registers once the first view has painted, not before: the view
// does not need it, and registering right after still precaches the lazy chunks (New, Submit, Results, the lock
// code) soon after the first visit, so a device that goes offline then still has them (ADR 0017). Registering 2 s
// after load was too late for that.
void firstViewPainted().then(() => registerServiceWorker());
