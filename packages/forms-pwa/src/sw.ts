/**
 * Service-worker registration through workbox-window. When a new version is waiting, listeners get an
 * `apply` function: it waits for the store's pending writes, tells the new worker to take over and
 * reloads once it controls the page.
 */
import { flushPendingEdits } from './state/pending-edits.js';
import type { Workbox } from 'workbox-window';
import { appStore } from './state/store.js';

type Listener = (apply: () => void) => void;
const listeners = new Set<Listener>();
let pending: (() => void) | undefined;

/** Calls `fn` (now or later) when an update is waiting. */
export function onUpdateAvailable(fn: Listener): void {
  listeners.add(fn);
  if (pending) fn(pending);
}

/** Registers `sw.js` (production builds only). */
export async function registerServiceWorker(): Promise<Workbox | undefined> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return undefined;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('./sw.js', { scope: './' });
  wb.addEventListener('waiting', () => {
    pending = () => {
      // Every change must be durable first; changes held in memory after a failed write (storage full)
      // are written again, and while that fails the page does not reload: the storage banner says why.
      // A number still being typed is sent first.
      flushPendingEdits();
      void appStore()
        .retry()
        .then((saved) => {
          if (!saved) return;
          wb.addEventListener('controlling', () => location.reload());
          wb.messageSkipWaiting();
        });
    };
    for (const l of listeners) l(pending);
  });
  await wb.register();
  return wb;
}
