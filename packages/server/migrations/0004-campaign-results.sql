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
