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
void registerServiceWorker();
