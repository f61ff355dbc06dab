import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How one server runs, from the environment (every value has a built-in default). */
export interface ServerConfig {
  /** `postgres://…` for a real PostgreSQL server; undefined runs embedded PGlite in {@link dataDir}. */
  databaseUrl: string | undefined;
  /** PGlite's data folder (TIEUCHI_DATA_DIR, default `./.tieuchi-data`). */
  dataDir: string;
  host: string;
  port: number;
  /** The app's production build served at `/` (TIEUCHI_APP_DIR, default packages/forms-pwa/dist). */
  appDir: string;
  logger: boolean;
  /** The criteria sets pushes are validated against (TIEUCHI_CRITERIA_DIR, default the repository's criteria/). */
  criteriaDir: string;
  /** Largest photo accepted in bytes (TIEUCHI_PHOTO_MAX_BYTES, default 10 MiB). */
  photoMaxBytes: number;
  /** Largest bundle file accepted by the import in bytes (TIEUCHI_BUNDLE_MAX_BYTES, default 64 MiB). */
  bundleMaxBytes: number;
  /** Session lifetime in seconds (TIEUCHI_SESSION_SECONDS, default 12 hours). */
  sessionSeconds: number;
  /** Lifetime of device enrolment codes in seconds (TIEUCHI_ENROLMENT_SECONDS, default 24 hours). */
  enrolmentSeconds: number;
  /** Sign-in and enrolment attempts per client address per minute (TIEUCHI_LOGIN_RATE, default 10). */
  loginAttemptsPerMinute: number;
  /**
   * TEST ONLY (TIEUCHI_TEST_PAUSE, unset in production): `in-transaction:<assessment id>` or
   * `after-commit:<assessment id>` makes the push of that one assessment print a line and wait there, so the
   * fault test can SIGKILL the server at exactly that point (src/data/test-pause.ts).
   */
  testPause: string | undefined;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} "${v}" is not a positive whole number`);
  return n;
}

/**
 * Reads the configuration: DATABASE_URL, TIEUCHI_DATA_DIR, HOST (127.0.0.1), PORT (4173; 0 = any free port),
 * TIEUCHI_APP_DIR, TIEUCHI_LOG (1 = log requests), TIEUCHI_SESSION_SECONDS,
 * TIEUCHI_ENROLMENT_SECONDS, TIEUCHI_LOGIN_RATE.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 4173 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT "${env.PORT}" is not a port number`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.TIEUCHI_DATA_DIR || '.tieuchi-data'),
    host: env.HOST || '127.0.0.1',
    port,
    appDir: resolve(env.TIEUCHI_APP_DIR || fileURLToPath(new URL('../../forms-pwa/dist/', import.meta.url))),
    logger: env.TIEUCHI_LOG === '1',
    criteriaDir: resolve(env.TIEUCHI_CRITERIA_DIR || fileURLToPath(new URL('../../../criteria/', import.meta.url))),
    photoMaxBytes: positive(env, 'TIEUCHI_PHOTO_MAX_BYTES', 10 * 1024 * 1024),
    bundleMaxBytes: positive(env, 'TIEUCHI_BUNDLE_MAX_BYTES', 64 * 1024 * 1024),
    sessionSeconds: positive(env, 'TIEUCHI_SESSION_SECONDS', 12 * 3600),
    enrolmentSeconds: positive(env, 'TIEUCHI_ENROLMENT_SECONDS', 24 * 3600),
    loginAttemptsPerMinute: positive(env, 'TIEUCHI_LOGIN_RATE', 10),
    testPause: env.TIEUCHI_TEST_PAUSE || undefined,
  };
}
