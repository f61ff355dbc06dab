/** Entry point: language, store, shell, service worker. */
import './shell/tc-app.js';
import { setLocale, type Locale } from './i18n.js';
import { appStore } from './state/store.js';
import { registerServiceWorker } from './sw.js';

const store = appStore();
void store.storage.getSetting<Locale>('locale').then((l) => {
  if (l === 'en' || l === 'vi') setLocale(l);
});
void store.init();
// The service worker (and workbox-window) 2 s after the page has loaded, when idle: no view waits for it, and its
// precaching does not compete with the first view's own requests (issue 20).
const register = () =>
  setTimeout(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => void registerServiceWorker(), { timeout: 3000 });
    else void registerServiceWorker();
  }, 2000);
if (document.readyState === 'complete') register();
else addEventListener('load', register, { once: true });
