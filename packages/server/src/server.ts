import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { buildApp, type App, type AppOptions } from './app.js';
import type { ServerConfig } from './config.js';
import type { Database } from './external/database.js';
import { lockDataFolder, type FolderLock } from './external/lock.js';
import { openPglite } from './external/pglite.js';
import { openPostgres } from './external/postgres.js';
import { hashAdminCode, newAdminCode } from './data/secrets.js';
import { migrate } from './model/migrate.js';
import { loadSets } from './data/criteria.js';
import { replaceBootstrapCode } from './model/query/sessions.js';
import { adminExists } from './model/query/users.js';

/** A running server: its URL, the first-admin code when one was made, and how to stop it. */
export interface RunningServer {
  url: string;
  app: App;
  db: Database;
  /** The one-time code for the first admin; null when an admin exists. */
  adminCode: string | null;
  stop(): Promise<void>;
}

/** How long the printed first-admin code stays valid. */
const ADMIN_CODE_HOURS = 24;

/**
 * Opens the database named by the configuration: PostgreSQL when DATABASE_URL is set, else PGlite in the data
 * folder after taking its lock (a second server on the same folder throws, naming the running pid).
 */
export async function openDatabase(config: ServerConfig): Promise<{ db: Database; lock: FolderLock | null }> {
  if (config.databaseUrl) return { db: await openPostgres(config.databaseUrl), lock: null };
  mkdirSync(config.dataDir, { recursive: true });
  const lock = lockDataFolder(config.dataDir);
  try {
    return { db: await openPglite(join(config.dataDir, 'pgdata')), lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * Starts a server: opens and migrates the database (one transaction), makes a first-admin code while no admin
 * exists, and listens.
 */
export async function startServer(config: ServerConfig, options: AppOptions = {}): Promise<RunningServer> {
  const { db, lock } = await openDatabase(config);
  try {
    await migrate(db);
    let adminCode: string | null = null;
    if (!(await adminExists(db))) {
      adminCode = newAdminCode();
      await replaceBootstrapCode(db, hashAdminCode(adminCode), new Date(Date.now() + ADMIN_CODE_HOURS * 3600_000));
    }
    const app = await buildApp(db, {
      appDir: config.appDir,
      logger: config.logger,
      sets: loadSets(config.criteriaDir),
      photoMaxBytes: config.photoMaxBytes,
      bundleMaxBytes: config.bundleMaxBytes,
      sessionSeconds: config.sessionSeconds,
      enrolmentSeconds: config.enrolmentSeconds,
      loginAttemptsPerMinute: config.loginAttemptsPerMinute,
      ...(config.testPause ? { testPause: config.testPause } : {}),
      ...options,
    });
    await app.listen({ host: config.host, port: config.port });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    let stopped = false;
    return {
      url: `http://${host}:${port}/`,
      app,
      db,
      adminCode,
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await db.close();
        lock?.release();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
}
