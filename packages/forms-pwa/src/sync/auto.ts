/**
 * When the app syncs by itself: at start, when the browser comes back online, a few seconds after a change was
 * stored, and every five minutes while online (to bring other devices' changes). Photos that failed to upload are
 * retried at start and on coming online at once, otherwise after their backoff. The "Đồng bộ" button calls
 * `sync()` directly. Loaded lazily by the shell, so a device never enrolled pays nothing at start-up.
 */
import type { AppStore } from '../state/store.js';
import { SyncEngine } from './engine.js';

let engine: SyncEngine | undefined;

/** The page's sync engine, started on first call. */
export function pageSync(store: AppStore): SyncEngine {
  if (engine) return engine;
  const e = new SyncEngine(store);
  engine = e;
  const online = () => globalThis.navigator?.onLine !== false;
  // Photos that failed wait their backoff, except at start and on coming back online (tried at once).
  const maybe = (photosNow = false) => {
    if (e.status.link && online()) void e.sync({ photosNow });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let savedAt = store.savedAt;
  // `save`: the store's save state (a write became durable fires only this, not `change`).
  store.addEventListener('save', () => {
    if (store.savedAt === savedAt) return; // only a change that reached storage (so the outbox) counts
    savedAt = store.savedAt;
    void e.refresh(); // "N changes waiting" at once; the send waits for a pause in typing
    clearTimeout(timer);
    timer = setTimeout(() => maybe(), 2000);
  });
  globalThis.addEventListener?.('online', () => maybe(true));
  setInterval(() => maybe(), 5 * 60_000);
  void e.refresh().then(() => maybe(true));
  return e;
}
