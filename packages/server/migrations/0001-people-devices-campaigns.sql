-- 0001: people, sessions, devices, campaigns, assignments and the append-only audit log.
-- PostgreSQL 15 and PGlite (18) both run this file unchanged; ids are made by the server (UUID v4).

CREATE TABLE users (
  id uuid PRIMARY KEY,
  login text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'inspector', 'station')),
  facility_id text,
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'station' OR facility_id IS NOT NULL)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The one-time code that creates the first council admin (printed at start while no admin exists).
CREATE TABLE bootstrap_codes (
  code_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  label text NOT NULL,
  token_hash text UNIQUE,
  public_key jsonb,
  key_registered_at timestamptz,
  enrolled_at timestamptz,
  revoked_at timestamptz,
  last_seen_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_user ON devices (user_id);

-- Single-use, expiring enrolment codes: a long one for the QR code and a short one to type.
CREATE TABLE enrolments (
  code_hash text PRIMARY KEY,
  short_code_hash text NOT NULL UNIQUE,
  device_id uuid NOT NULL REFERENCES devices (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE campaigns (
  id uuid PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  set_id text NOT NULL,
  set_version text NOT NULL,
  set_hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('self-assessment', 'inspection', 'contest')),
  facilities jsonb NOT NULL DEFAULT '[]'::jsonb,
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  baseline_campaign_id uuid REFERENCES campaigns (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on),
  CHECK (baseline_campaign_id IS NULL OR baseline_campaign_id <> id)
);

CREATE TABLE assignments (
  campaign_id uuid NOT NULL REFERENCES campaigns (id),
  facility_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, facility_id, user_id)
);
CREATE INDEX assignments_user ON assignments (user_id);

CREATE TABLE audits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_device_id uuid,
  action text NOT NULL,
  subject_kind text NOT NULL,
  subject_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audits_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP;
END
$$;
CREATE TRIGGER audits_no_change BEFORE UPDATE OR DELETE ON audits
  FOR EACH ROW EXECUTE FUNCTION audits_append_only();
CREATE TRIGGER audits_no_truncate BEFORE TRUNCATE ON audits
  FOR EACH STATEMENT EXECUTE FUNCTION audits_append_only();
