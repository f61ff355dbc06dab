/**
 * Vietnamese-first UI messages with an English switch. The app's table (`messages.ts`) is built with core's one
 * catalogue, `defineMessages` (the CLI's, the report's and the server's tables use it too): `{name}` placeholders
 * and `{n:one|other}` plural forms by Intl.PluralRules. `t('key')` reads the current locale; `loc(text)` picks a criteria file's `{ vi, en }` text. Elements re-render on a switch
 * through {@link LocaleController}.
 */
import type { ReactiveControllerHost } from 'lit';
import { ChangeController } from './controllers/change.js';
import { defineMessages } from './core.js';
import { messages, type MessageKey } from './messages.js';

export type Locale = 'vi' | 'en';

let current: Locale = 'vi';
const bus = new EventTarget();

/** The current UI language. */
export const locale = (): Locale => current;

let wanted: Locale = 'vi';
let english: Promise<void> | undefined;

/**
 * Loads the start-up table's English texts into it, once. The production build ships that table without them
 * (`scripts/split-english.ts`, ADR 0017); as written (development, tests) they are already there.
 */
function loadEnglish(): Promise<void> {
  return (english ??= import('./messages-en.js').then((m) => {
    const table = messages as Record<string, { vi: string; en: string }>;
    for (const [key, text] of Object.entries(m.english)) if (table[key]) table[key].en = text;
  }));
}

/**
 * Switches the UI language and re-renders every element that uses a {@link LocaleController}. English switches once
 * its texts have loaded (the first time only; precached, so offline too); the last language asked for wins. The
 * choice is also kept in `localStorage` (read back synchronously at start-up by {@link startLocale}).
 */
export function setLocale(l: Locale): void {
  wanted = l;
  try {
    localStorage.setItem(SAVED_LOCALE, l);
  } catch {
    // no localStorage (a private mode that refuses it): the language is still saved in IndexedDB settings
  }
  if (l === 'en' && (messages['app.langSwitch'] as { en: string }).en === '') {
    loadEnglish().then(
      () => wanted === 'en' && apply('en'),
      (e: unknown) => {
        console.warn('English texts did not load', e);
        if (wanted === 'en') wanted = current; // stays Vietnamese; a view waiting for English renders now
        bus.dispatchEvent(new Event('change'));
      },
    );
    return;
  }
  apply(l);
}

/** The `localStorage` key that mirrors the language setting, for a synchronous read at start-up. */
const SAVED_LOCALE = 'tieuchi-locale';

/**
 * At start-up, before the first render: asks for the language last chosen on this device when it is English, read
 * synchronously from `localStorage`. Until its texts have loaded {@link languagePending} is true and the shell waits
 * (issue 20, ADR 0017), so a device set to English never shows Vietnamese first; Vietnamese (the default) waits for
 * nothing.
 */
export function startLocale(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(SAVED_LOCALE);
  } catch {
    return;
  }
  if (saved === 'en') setLocale('en');
}

/** Whether a language was asked for whose texts have not loaded yet (the shell's first render waits for them). */
export const languagePending = (): boolean => wanted !== current;

function apply(l: Locale): void {
  if (l === current) return;
  current = l;
  document.documentElement.lang = l;
  bus.dispatchEvent(new Event('change'));
}

/** Looks up one message of a table in the current language (see {@link t}). */
export type Translate<Key extends string> = (key: Key, params?: Record<string, string | number>) => string;

/**
 * The lookup of one feature's message table, in the current language. A feature whose views load with their route
 * (the builder, the improvement loop) keeps its table next to its code and looks its texts up through its own
 * translator, so those texts load with the feature, not at start-up (ADR 0017); the key type is the table's own
 * keys, so a view cannot use a text whose table it has not imported.
 * @example const bt = translator(builderMessages); bt('b.heading')
 */
export function translator<T extends Record<string, { vi: string; en: string }>>(
  table: T,
): Translate<Extract<keyof T, string>> {
  const msg = defineMessages(table);
  return (key, params) => msg(key, params)[current];
}

/**
 * A UI message of the start-up table (`messages.ts`) in the current language. `{name}` placeholders are replaced
 * from `params`; `{n:one|other}` picks the plural form for the number `n` ("1 item", "2 items"; Vietnamese has one
 * form).
 * @example t('home.count', { n: 3 })
 */
export const t: Translate<MessageKey> = translator(messages);

/** Picks the current language from a `{ vi, en? }` text (Vietnamese when no English is given). */
export const loc = (text: { vi: string; en?: string } | undefined): string =>
  text ? (current === 'en' && text.en ? text.en : text.vi) : '';

// Dates: core's one formatter (dd/mm/yyyy, Vietnam time), shared with the PDF, the CLI and the server.
export { formatDate, formatDateTime, parseDate } from './core.js';

/** Re-renders its host when the UI language changes. */
export class LocaleController extends ChangeController {
  constructor(host: ReactiveControllerHost) {
    super(host, bus);
  }
}
