/** The council works in Vietnam time: dates, due dates and "late" are computed in this zone. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in Vietnam.
 * @example vnDay(new Date('2026-12-01T17:30:00Z')) // '2026-12-02' (00:30 in Hà Nội)
 */
export function vnDay(at: Date): string {
  return dayFormat.format(at);
}

/** Where a campaign stands on a given instant, in Vietnam days: `upcoming`, `open` or `closed`. */
export type CampaignPhase = 'upcoming' | 'open' | 'closed';

/**
 * The phase of a campaign open from `opensOn` to `closesOn` inclusive (YYYY-MM-DD, Vietnam days).
 * A campaign closing on 2026-12-01 is still open at 23:59 that day in Hà Nội (16:59 UTC), closed a minute later.
 */
export function campaignPhase(opensOn: string, closesOn: string, at: Date): CampaignPhase {
  const today = vnDay(at);
  if (today < opensOn) return 'upcoming';
  if (today > closesOn) return 'closed';
  return 'open';
}

/** True when `day` is YYYY-MM-DD and names a real calendar day (2026-02-30 does not). */
export function isRealDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}
