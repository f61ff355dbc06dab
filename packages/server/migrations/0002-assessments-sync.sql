-- 0002: assessments pushed by devices, every revision kept, and the change counter pulls follow.

-- One row: the last change number handed out. A push takes its number as its LAST statement
-- (UPDATE … RETURNING), so the row lock orders numbers exactly as commits become visible (ADR 0008).
CREATE TABLE sync_counter (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  value bigint NOT NULL
);
INSERT INTO sync_counter (one, value) VALUES (true, 0);

-- The current revision of each assessment (what a pull returns).
CREATE TABLE assessments (
  id text PRIMARY KEY,
  facility_id text NOT NULL,
  campaign_id text,
  set_id text NOT NULL,
  set_version text NOT NULL,
  status text NOT NULL,
  head text NOT NULL,
  change bigint NOT NULL UNIQUE,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessments_facility ON assessments (facility_id);
CREATE INDEX assessments_campaign ON assessments (campaign_id, facility_id);

-- Every revision ever stored, by its content hash: the base of the next three-way merge.
CREATE TABLE assessment_revisions (
  assessment_id text NOT NULL,
  revision text NOT NULL,
  body jsonb NOT NULL,
  change bigint NOT NULL UNIQUE,
  pushed_by uuid,
  pushed_device uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, revision)
);
