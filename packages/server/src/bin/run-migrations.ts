/**
 * Operator command: apply the database migrations and exit (the server also does this at start).
 * Uses the same configuration as run-server (DATABASE_URL, or PGlite in TIEUCHI_DATA_DIR).
 */
import { readConfig } from '../config.js';
import { migrate } from '../model/migrate.js';
import { openDatabase } from '../server.js';

const { db, lock } = await openDatabase(readConfig());
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied migrations ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.close();
  lock?.release();
}
