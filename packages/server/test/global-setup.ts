/**
 * Starts ONE throwaway PostgreSQL cluster for the test run (Debian's postgresql; scripts/test-all.mjs installs it
 * when missing) with a template database that has the migrations, and stops it at the end.
 * Test files create their own database from the template (test/harness.ts).
 */
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/model/migrate.js';
import { openPostgres } from '../src/external/postgres.js';
import { startCluster } from './cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://tieuchi@127.0.0.1:PORT/` — append a database name. */
    pgBase: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  try {
    const admin = await openPostgres(`${cluster.base}postgres`, 1);
    await admin.query('CREATE DATABASE tieuchi_template');
    await admin.close();
    const tpl = await openPostgres(`${cluster.base}tieuchi_template`, 1);
    await migrate(tpl);
    await tpl.close();
  } catch (err) {
    cluster.stop();
    throw err;
  }
  project.provide('pgBase', cluster.base);
  return () => cluster.stop();
}
