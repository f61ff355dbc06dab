-- 0006: the council releases an inspection campaign's results to the stations it inspected (issue 12 §2 roles).
-- Until then a station pulls, reads and reconciles none of the inspections about it; the release gives each of
-- the campaign's inspection assessments a new change number so a station's next pull picks them up.
ALTER TABLE campaigns
  ADD COLUMN released_at timestamptz,
  ADD COLUMN released_by uuid REFERENCES users (id);
