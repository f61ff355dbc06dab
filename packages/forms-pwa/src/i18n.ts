/**
 * Vietnamese-first UI messages with an English switch. A small table, no framework: `t('key')` reads the
 * current locale; `loc(text)` picks a criteria file's `{ vi, en }` text. Elements re-render on a switch
 * through {@link LocaleController}.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { messages, type MessageKey } from './messages.js';

export type Locale = 'vi' | 'en';

let current: Locale = 'vi';
const bus = new EventTarget();

/** The current UI language. */
export const locale = (): Locale => current;

/** Switches the UI language and re-renders every element that uses a {@link LocaleController}. */
export function setLocale(l: Locale): void {
  if (l === current) return;
  current = l;
  document.documentElement.lang = l;
  bus.dispatchEvent(new Event('change'));
}

/**
 * A UI message in the current language. `{name}` placeholders are replaced from `params`.
 * @example t('home.count', { n: 3 })
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const m = messages[key];
  let s: string = m[current] ?? m.vi;
  if (params) for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** Picks the current language from a `{ vi, en? }` text (Vietnamese when no English is given). */
export const loc = (text: { vi: string; en?: string } | undefined): string =>
  text ? (current === 'en' && text.en ? text.en : text.vi) : '';

/** dd/mm/yyyy for an ISO date or date-time (the local calendar day for a date-time). */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Reads a dd/mm/yyyy date typed by a person into ISO yyyy-mm-dd; undefined when it is not a real date. */
export function parseDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd/mm/yyyy hh:mm for an ISO date-time. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(iso)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Re-renders its host when the UI language changes. */
export class LocaleController implements ReactiveController {
  private readonly _onChange = () => this._host.requestUpdate();
  constructor(private readonly _host: ReactiveControllerHost) {
    this._host.addController(this);
  }
  hostConnected(): void {
    bus.addEventListener('change', this._onChange);
  }
  hostDisconnected(): void {
    bus.removeEventListener('change', this._onChange);
  }
}
