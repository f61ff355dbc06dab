-- 0004: campaign results (rank, aggregate) stored with what they were computed from, so they are recomputed
-- when the scoring engine, a criteria set or the campaign's assessments change (ADR 0016).
CREATE TABLE campaign_results (
  campaign_id uuid NOT NULL,
  view text NOT NULL,
  engine_version text NOT NULL,
  -- The content hashes of the criteria sets used, in a fixed order.
  set_hashes text NOT NULL,
  -- The campaign's assessments as they were: highest change number and count (a push always raises the one or
  -- lowers the other).
  data_change bigint NOT NULL,
  data_count integer NOT NULL,
  computed_at timestamptz NOT NULL,
  reason text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (campaign_id, view)
);

-- Each assessment's score summary for the dashboard, with what it was computed from: recomputed on read when the
-- revision, the engine version or the set's hash differs.
CREATE TABLE assessment_scores (
  assessment_id text PRIMARY KEY,
  revision text NOT NULL,
  engine_version text NOT NULL,
  set_hash text NOT NULL,
  -- The total percentage as an exact fraction (JSON {num, den}), null when it has none.
  percent jsonb,
  decision text NOT NULL,
  complete boolean NOT NULL,
  computed_at timestamptz NOT NULL
);
-- The facility as the document states it, kept by the database itself (generated columns), so the dashboard
-- lists and filters without reading whole documents.
ALTER TABLE assessments
  ADD COLUMN facility_name text GENERATED ALWAYS AS (body->'facility'->>'name') STORED,
  ADD COLUMN facility_kind text GENERATED ALWAYS AS (body->'facility'->>'kind') STORED,
  ADD COLUMN commune text GENERATED ALWAYS AS (body->'facility'->>'commune') STORED;
CREATE INDEX assessments_facility_kind ON assessments (facility_kind);
CREATE INDEX assessments_commune ON assessments (commune);
