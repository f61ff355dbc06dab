/** Assessment fixtures for sync tests, made from the repository's example (a qd1300 commune-station draft). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lockAssessment, type Assessment, type ImprovementPlan } from '@tieuchi/core';

const EXAMPLE = fileURLToPath(new URL('../../../examples/qd1300-commune-health/pass.assessment.json', import.meta.url));
const SET = fileURLToPath(new URL('../../../criteria/qd1300-commune-health.json', import.meta.url));

/** The criteria set the fixtures use. */
export const qd1300 = () => JSON.parse(readFileSync(SET, 'utf8'));

/** A valid draft of facility `facilityId` with id `id`, optionally in a campaign. */
export function draft(id: string, facilityId: string, campaign?: { id: string; label: string }): Assessment {
  const a = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Assessment & Record<string, unknown>;
  a.id = id;
  a.status = 'draft';
  delete a.submittedAt;
  a.facility = { ...a.facility, id: facilityId };
  if (campaign) {
    a.schemaVersion = 2;
    (a as Record<string, unknown>).campaign = campaign;
  }
  return a;
}

/**
 * A locked (sealed, content-hashed) assessment of `facilityId`, made by core's `lockAssessment` from the example:
 * optionally in a campaign, of another kind, with a typed round, or with some answers changed first.
 */
export function locked(
  id: string,
  facilityId: string,
  opts: {
    campaign?: { id: string; label: string };
    kind?: 'self-assessment' | 'external-inspection' | 'contest-round';
    round?: { id: string; label?: string };
    answers?: Record<string, { value: unknown; evidence?: string[] }>;
  } = {},
): Assessment {
  const d = draft(id, facilityId, opts.campaign) as Assessment & Record<string, unknown>;
  if (opts.kind) d.assessmentKind = opts.kind;
  if (opts.round) d.round = opts.round;
  if (opts.answers) d.answers = { ...d.answers, ...(opts.answers as Assessment['answers']) };
  return lockAssessment(d, qd1300(), '2026-12-01T08:00:00.000Z');
}

type Action = ImprovementPlan['actions'][number];
/** A plan of assessment `assessmentId` (facility `facilityId`) with these actions. */
export function plan(assessmentId: string, facilityId: string, actions: Partial<Action>[] = []): ImprovementPlan {
  return {
    schemaVersion: 1,
    kind: 'improvement-plan',
    id: `${assessmentId}-plan`,
    assessmentId,
    facilityId,
    createdAt: '2026-12-01T01:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    actions: actions.map((a, i) => ({ id: `act-t1.${i + 1}`, itemId: `t1.${i + 1}`, status: 'planned', ...a })),
  };
}
