-- 0007: improvement plans (kế hoạch cải tiến) on the server, one per assessment (ADR 0021). A plan belongs to the
-- facility of the assessment it is made from: who may pull that assessment pulls its plan. A plan's change number
-- comes from the same `sync_counter` as the assessments' (taken as the LAST statement of the push, so numbers
-- become visible in commit order); a device keeps a cursor of its own for plans.
CREATE TABLE plans (
  id text PRIMARY KEY,
  assessment_id text NOT NULL,
  facility_id text NOT NULL,
  head text NOT NULL,
  change bigint NOT NULL UNIQUE,
  body jsonb NOT NULL,
  -- The fields changed differently on two devices since their shared revision (core's mergePlans): both values,
  -- who pushed the one not kept and when. Kept until a later push settles them; synced with the plan.
  conflicts jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plans_assessment ON plans (assessment_id);

-- Every revision of a plan ever stored, by content hash: the base of the next three-way merge.
CREATE TABLE plan_revisions (
  plan_id text NOT NULL,
  revision text NOT NULL,
  body jsonb NOT NULL,
  pushed_by uuid,
  pushed_device uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, revision)
);
