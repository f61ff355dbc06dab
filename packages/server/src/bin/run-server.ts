/**
 * Operator command: run the council server (`tieuchi-server`, or root `pnpm start`).
 * Environment: see readConfig (DATABASE_URL, TIEUCHI_DATA_DIR, HOST, PORT, TIEUCHI_APP_DIR, TIEUCHI_LOG).
 * Prints the URL, and the first admin's one-time code while no admin exists. Exit code 2: the data folder is in
 * use by another server (its pid is printed).
 */
import { readConfig } from '../config.js';
import { FolderLockedError } from '../external/lock.js';
import { startServer } from '../server.js';

const config = readConfig();
try {
  const server = await startServer(config);
  const where = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `PGlite in ${config.dataDir} (trials and one machine only: see docs/deploy.md)`;
  console.log(`Tiêu Chí server is running at ${server.url}`);
  console.log(`Database: ${where}`);
  if (server.adminCode) {
    console.log(`First admin one-time code / Mã dùng một lần cho quản trị viên đầu tiên: ${server.adminCode}`);
    console.log('  (valid 24 hours; a new code is printed at each start until the first admin exists)');
  }
  if (config.testPause)
    console.log(`TIEUCHI_TEST_PAUSE=${config.testPause}: a push will pause for the fault test (never in production)`);
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      server.stop().then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
} catch (err) {
  if (err instanceof FolderLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
}
