-- 0003: evidence photos, addressed by the SHA-256 of their bytes (deduplicated), inside the database so that one
-- pg_dump is the whole backup.
CREATE TABLE photos (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL,
  uploaded_by uuid,
  uploaded_device uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(bytes) = size)
);
