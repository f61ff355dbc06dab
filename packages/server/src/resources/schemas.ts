import { Type } from '@fastify/type-provider-typebox';
import { CAMPAIGN_KINDS, ROLES } from '../model/frames.js';

/** Route schemas shared by several resources (they also make the OpenAPI document). */

/** An error answer. */
export const ErrorReply = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.Object({ vi: Type.String(), en: Type.String() }),
    details: Type.Optional(Type.Unknown()),
  }),
});

/** A UUID path parameter. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** A role name. */
export const RoleSchema = Type.Union([Type.Literal(ROLES[0]), Type.Literal(ROLES[1]), Type.Literal(ROLES[2])]);

/** A campaign kind. */
export const KindSchema = Type.Union([
  Type.Literal(CAMPAIGN_KINDS[0]),
  Type.Literal(CAMPAIGN_KINDS[1]),
  Type.Literal(CAMPAIGN_KINDS[2]),
]);

/** A calendar day, YYYY-MM-DD (a Vietnam day). */
export const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

/** A user as the API shows it (never the password hash). */
export const UserReply = Type.Object({
  id: Type.String(),
  login: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  facilityId: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

/** A device as the API shows it (never its token). */
export const DeviceReply = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  label: Type.String(),
  enrolled: Type.Boolean(),
  revoked: Type.Boolean(),
  publicKey: Type.Unknown(),
  keyRegisteredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** A campaign as the API shows it, with its phase today in Vietnam. */
export const CampaignReply = Type.Object({
  id: Type.String(),
  name: Type.Object({ vi: Type.String(), en: Type.String() }),
  set: Type.Object({ id: Type.String(), version: Type.String(), hash: Type.String() }),
  kind: KindSchema,
  facilities: Type.Array(Type.String()),
  opensOn: Day,
  closesOn: Day,
  baselineCampaignId: Type.Union([Type.String(), Type.Null()]),
  checksCampaignId: Type.Union([Type.String(), Type.Null()]),
  phase: Type.Union([Type.Literal('upcoming'), Type.Literal('open'), Type.Literal('closed')]),
  createdAt: Type.String({ format: 'date-time' }),
  /** When the council released an inspection campaign's results to the stations; null until then. */
  releasedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** An assignment. */
export const AssignmentSchema = Type.Object(
  { facilityId: Type.String({ minLength: 1, maxLength: 200 }), userId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** The error answers every authenticated route may give. */
export const authErrors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply } as const;

/** The OpenAPI security requirement of routes that need a bearer token. */
export const bearer = [{ bearer: [] }];
