/**
 * Record shapes the query modules return (getodk/central-backend calls these frames). Instants are ISO 8601 UTC
 * strings, made the same way from both engines.
 */

/** The three roles: council admin (everything), inspector (assigned facilities), station (its own facility). */
export const ROLES = ['admin', 'inspector', 'station'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** A person who signs in (or on whose behalf a device acts). */
export interface User {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  facilityId: string | null;
  disabled: boolean;
  createdAt: string;
}

/** Who is making a request: a signed-in person, or an enrolled device acting for its person. */
export interface Actor {
  user: User;
  /** Set when the request came with a device token. */
  deviceId: string | null;
}

/** An enrolled (or waiting) device. The public key is an opaque JWK: the signing scheme is the integrity issue's. */
export interface Device {
  id: string;
  userId: string;
  label: string;
  enrolled: boolean;
  revoked: boolean;
  publicKey: unknown;
  keyRegisteredAt: string | null;
  createdAt: string;
  lastSeenAt: string | null;
}

/** Kinds of campaign. Self-assessments and inspections are never successive rounds of one another. */
export const CAMPAIGN_KINDS = ['self-assessment', 'inspection', 'contest'] as const;
/** One of {@link CAMPAIGN_KINDS}. */
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** A campaign (đợt đánh giá / vòng thi). Dates are Vietnam days, YYYY-MM-DD, both inclusive. */
export interface Campaign {
  id: string;
  name: { vi: string; en: string };
  set: { id: string; version: string; hash: string };
  kind: CampaignKind;
  facilities: string[];
  opensOn: string;
  closesOn: string;
  baselineCampaignId: string | null;
  /** For an inspection campaign: the self-assessment campaign it checks (reconcile pairs the two by it). */
  checksCampaignId: string | null;
  createdAt: string;
  /** When the council released this inspection campaign's results to the stations (null: not released). */
  releasedAt: string | null;
}

/** Who assesses which facility in a campaign. */
export interface Assignment {
  campaignId: string;
  facilityId: string;
  userId: string;
}

/** One audit-log row. */
export interface Audit {
  id: number;
  at: string;
  actorUserId: string | null;
  actorDeviceId: string | null;
  action: string;
  subjectKind: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}
