/** Assessment fixtures for sync tests, made from the repository's example (a qd1300 commune-station draft). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '@tieuchi/core';

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
