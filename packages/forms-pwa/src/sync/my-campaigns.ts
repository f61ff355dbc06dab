/**
 * "My campaigns" on Home, as a pure model: which campaign × facility this person must assess (a station: its own
 * facility in every campaign whose scope holds it; an inspector: its assignments), due when (the campaign's close
 * day), and whether it is done (an assessment of that campaign and facility submitted or locked), in progress (a
 * draft), late (not done after the close day, in Vietnam time) or not started.
 */
import type { Assessment } from '../core.js';
import type { ServerAssignment, ServerCampaign, ServerUser } from './client.js';

/** One piece of work of a campaign. */
export interface CampaignTask {
  campaign: ServerCampaign;
  facilityId: string;
  state: 'done' | 'in-progress' | 'late' | 'todo';
  /** Late and still being worked on (a draft exists). */
  draftLate: boolean;
  /** The assessment made for it on this device or pulled from the server (the newest, done ones first). */
  assessmentId?: string;
}

/** The assessment kind an assessment started from a campaign of this kind has. */
export function assessmentKindOf(kind: ServerCampaign['kind']): Assessment['assessmentKind'] {
  return kind === 'inspection' ? 'external-inspection' : kind === 'contest' ? 'contest-round' : 'self-assessment';
}

/**
 * The tasks of `me`, earliest due first. `today` is a Vietnam day (YYYY-MM-DD, core's `vietnamToday()`); campaigns
 * not open yet are left out.
 */
export function campaignTasks(
  me: Pick<ServerUser, 'id' | 'role' | 'facilityId'>,
  campaigns: ServerCampaign[],
  assignments: ServerAssignment[],
  assessments: Iterable<Assessment>,
  today: string,
): CampaignTask[] {
  const byKey = new Map<string, Assessment[]>();
  for (const a of assessments) {
    if (!a.campaign) continue;
    const k = `${a.campaign.id}\u0000${a.facility.id}`;
    byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  const out: CampaignTask[] = [];
  for (const c of campaigns) {
    if (c.opensOn > today) continue;
    const facilities =
      me.role === 'station'
        ? c.facilities.filter((f) => f === me.facilityId)
        : me.role === 'inspector'
          ? assignments.filter((a) => a.campaignId === c.id && a.userId === me.id).map((a) => a.facilityId)
          : [];
    for (const facilityId of facilities) {
      const found = byKey.get(`${c.id}\u0000${facilityId}`) ?? [];
      const done = found.find((a) => a.status !== 'draft');
      const draft = found.find((a) => a.status === 'draft');
      const late = !done && today > c.closesOn;
      out.push({
        campaign: c,
        facilityId,
        state: done ? 'done' : late ? 'late' : draft ? 'in-progress' : 'todo',
        draftLate: late && !!draft,
        ...((done ?? draft) ? { assessmentId: (done ?? draft)!.id } : {}),
      });
    }
  }
  return out.sort(
    (a, b) => a.campaign.closesOn.localeCompare(b.campaign.closesOn) || a.facilityId.localeCompare(b.facilityId),
  );
}
