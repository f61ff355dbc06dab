/**
 * @tieuchi/server — the council server: campaigns, people, devices and offline-first sync, on PostgreSQL
 * (DATABASE_URL) or embedded PGlite. Operators run `bin/run-server.js`; code (tests, benchmarks) uses these.
 */
export { buildApp, type App, type AppOptions, type Context } from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export { startServer, openDatabase, type RunningServer } from './server.js';
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration } from './model/migrate.js';
export { openPostgres } from './external/postgres.js';
export { openPglite } from './external/pglite.js';
export { lockDataFolder, FolderLockedError, type FolderLock } from './external/lock.js';
export type { Database, Queryable } from './external/database.js';
export { securityHeaders } from './security-headers.js';
export { campaignPhase, vnDay, VN_TIME_ZONE, type CampaignPhase } from './data/vn-time.js';
export {
  ROLES,
  CAMPAIGN_KINDS,
  type Role,
  type CampaignKind,
  type User,
  type Device,
  type Campaign,
  type Assignment,
  type Audit,
  type Actor,
} from './model/frames.js';
export { API_ERRORS, type ApiErrorCode } from './errors.js';
export { dashboardReadStatement, DASHBOARD_WORK_MEM, type Statement } from './model/query/dashboard.js';
