/**
 * Dates as people in Vietnam read them: one formatter for the app, the PDF, the CLI and the server.
 * Every instant is shown in Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year: Vietnam has kept no daylight saving
 * since 1975), whatever the time zone of the device or server that formats it, so a lock at 00:30 in Cần Thơ on
 * 15/05 reads 15/05 on a tablet, in the PDF and on the council server alike.
 */

/** The IANA name of the time zone every date is shown in. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const p2 = (n: number): string => String(n).padStart(2, '0');

/** The instant shifted into Vietnam wall-clock time, read with the UTC getters; undefined when not a date. */
function wallClock(iso: string): Date | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t + OFFSET_MS);
}

/**
 * The calendar day (`yyyy-mm-dd`) of an ISO date-time in Vietnam time; a plain ISO date is that day already.
 * @example vietnamDate('2026-05-14T17:30:00Z') // '2026-05-15' (00:30 in Vietnam)
 */
export function vietnamDate(iso: string): string | undefined {
  if (DATE_ONLY.test(iso)) return iso;
  const d = wallClock(iso);
  return d && `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

/** Today's calendar day in Vietnam (`yyyy-mm-dd`), for defaults, due dates and "late". */
export const vietnamToday = (now: Date = new Date()): string => vietnamDate(now.toISOString())!;

/**
 * `dd/mm/yyyy` for an ISO date, or for the Vietnam calendar day of an ISO date-time; text that is not a date is
 * returned as it is, and undefined or empty gives ''.
 */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const day = vietnamDate(iso);
  if (!day) return iso;
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** `dd/mm/yyyy hh:mm` in Vietnam time for an ISO date-time (a plain date gives `dd/mm/yyyy`). */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  if (DATE_ONLY.test(iso)) return formatDate(iso);
  const d = wallClock(iso);
  if (!d) return iso;
  return `${formatDate(iso)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/**
 * Reads a date typed as `dd/mm/yyyy` (also `d/m/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy`) into ISO `yyyy-mm-dd`;
 * undefined when it is not a real calendar date (31/02/2027).
 */
export function parseDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${p2(mo)}-${p2(d)}`;
}
