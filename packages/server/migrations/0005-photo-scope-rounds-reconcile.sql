-- 0005: who may read a photo, typed rounds mapped to campaigns, and which self-assessment campaign an inspection
-- campaign checks (ADR 0018).

-- The photos each assessment references (evidence, drawn signatures), from every revision stored: a photo is read
-- by whoever may read an assessment that references it.
CREATE TABLE photo_refs (
  sha256 text NOT NULL,
  assessment_id text NOT NULL,
  PRIMARY KEY (sha256, assessment_id)
);
INSERT INTO photo_refs (sha256, assessment_id)
SELECT DISTINCT h.sha256, r.assessment_id
FROM assessment_revisions r
CROSS JOIN LATERAL (
  SELECT e.value AS sha256
  FROM jsonb_each(COALESCE(r.body->'answers', '{}'::jsonb)) a
  CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(a.value->'evidence') = 'array' THEN a.value->'evidence' ELSE '[]'::jsonb END) e
  UNION
  SELECT s->>'image' FROM jsonb_array_elements(
    CASE WHEN jsonb_typeof(r.body->'signatures') = 'array' THEN r.body->'signatures' ELSE '[]'::jsonb END) s
  UNION
  SELECT t->>'imageHash' FROM jsonb_array_elements(
    CASE WHEN jsonb_typeof(r.body->'attestations') = 'array' THEN r.body->'attestations' ELSE '[]'::jsonb END) t
) h
WHERE h.sha256 IS NOT NULL
ON CONFLICT DO NOTHING;

-- Everyone who uploaded a photo (the photo row keeps only the first): an uploader may read back what they sent, and
-- a second uploader is not told that someone else sent the same bytes before.
CREATE TABLE photo_uploads (
  sha256 text NOT NULL REFERENCES photos (sha256),
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sha256, user_id)
);
INSERT INTO photo_uploads (sha256, user_id)
SELECT sha256, uploaded_by FROM photos WHERE uploaded_by IS NOT NULL;

-- A typed round (round.id of the document) of one criteria set version mapped by an admin to a campaign. The
-- document is never changed: the assessments' campaign_id column (administrative, outside the content hash) is set,
-- and later pushes of the same round are placed by this table.
CREATE TABLE round_mappings (
  round text NOT NULL,
  set_id text NOT NULL,
  set_version text NOT NULL,
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  mapped_by uuid REFERENCES users (id),
  mapped_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round, set_id, set_version)
);
-- The typed round of each assessment, kept by the database (the dashboard and the mapping read it without the body).
ALTER TABLE assessments
  ADD COLUMN round text GENERATED ALWAYS AS (body->'round'->>'id') STORED,
  ADD COLUMN assessment_kind text GENERATED ALWAYS AS (body->>'assessmentKind') STORED;
CREATE INDEX assessments_round ON assessments (round, set_id, set_version) WHERE round IS NOT NULL;

-- An inspection campaign names the self-assessment campaign it checks: reconcile pairs the two by this.
ALTER TABLE campaigns ADD COLUMN checks_campaign_id uuid REFERENCES campaigns (id);
