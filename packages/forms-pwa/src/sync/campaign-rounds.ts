/**
 * Campaigns pair assessments, never typed round names (issue 12 §2): for the dashboard (and core's rank, compare and
 * aggregate behind it), an assessment made for a campaign is seen with that campaign as its round. The projection is
 * cached per object (assessments are immutable), so a re-render scores nothing again.
 */
import type { Assessment } from '../core.js';

const seen = new WeakMap<Assessment, Assessment>();

/** The round id a campaign is shown under (a prefix no typed round name gets in practice). */
export const campaignRoundId = (campaignId: string): string => `campaign.${campaignId}`;

/** `a` with its campaign as its round; `a` itself when it has no campaign. */
export function campaignAsRound(a: Assessment): Assessment {
  if (!a.campaign) return a;
  let out = seen.get(a);
  if (!out) {
    out = { ...a, round: { id: campaignRoundId(a.campaign.id), label: a.campaign.label ?? a.campaign.id } };
    seen.set(a, out);
  }
  return out;
}
