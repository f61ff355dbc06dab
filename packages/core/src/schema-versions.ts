/**
 * The schemaVersions this software writes and understands. Apart from `by-schema.ts` (which re-exports them) so
 * that reading a stored document (`migrate.ts`) does not load the schema step's error wording (ADR 0017).
 */

/** The schemaVersion this software writes and understands for every document kind but assessments. */
export const SCHEMA_VERSION = 1;

/**
 * The schemaVersion this software writes and understands, per document kind. Assessment version 2 only adds
 * optional fields (campaign, baseRevision, conflicts), so version 1 assessments stay valid as they are.
 */
export const SCHEMA_VERSIONS = {
  'criteria-set': 1,
  assessment: 2,
  'facility-registry': 1,
  bundle: 1,
  'improvement-plan': 1,
} as const;
