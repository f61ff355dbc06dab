/**
 * The restore drill of docs/deploy.md: pg_dump the live database, restore it into a FRESH cluster, start a server
 * on the copy, and the API answers exactly as the original did (same ids, same sessions, same audit log).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/external/postgres.js';
import { call, engineEnv, newPostgresDatabase, spawnServer, type Spawned } from './harness.js';
import { setUpCouncil } from './council.js';
import { pgWritableDir, runPg, startCluster, type Cluster } from './cluster.js';

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

describe('restore drill', () => {
  it('pg_dump, restore into a fresh cluster, and the API answers identically', async () => {
    const url = await newPostgresDatabase('drill');
    const live: Spawned = await spawnServer({ ...engineEnv('postgres', url), TIEUCHI_LOGIN_RATE: '100' });
    cleanup.push(() => live.stop());
    const council = await setUpCouncil(live.url, live.adminCode!);
    const reads: [string, string][] = [
      ['/api/v1/users', council.tokens.admin],
      ['/api/v1/devices', council.tokens.admin],
      ['/api/v1/campaigns', council.tokens.admin],
      [`/api/v1/campaigns/${council.ids.campaign}/assignments`, council.tokens.inspector],
      ['/api/v1/campaigns', council.tokens.station],
      ['/api/v1/me', council.tokens.station], // (a device's own request would change its lastSeenAt)
      ['/api/v1/audits?limit=500', council.tokens.admin],
    ];
    const answer = async (base: string) => {
      const out: { status: number; body: unknown }[] = [];
      for (const [p, t] of reads) {
        const a = await call(base, 'GET', p, undefined, t);
        out.push({ status: a.status, body: a.body });
      }
      return out;
    };
    const before = await answer(live.url);
    await live.stop();

    const dumps = pgWritableDir();
    cleanup.push(dumps.remove);
    const file = join(dumps.dir, 'tieuchi.dump');
    runPg('pg_dump', ['--format=custom', `--file=${file}`, url]);
    const fresh: Cluster = await startCluster();
    cleanup.push(() => fresh.stop());
    const admin = await openPostgres(`${fresh.base}postgres`, 1);
    await admin.query('CREATE DATABASE restored');
    await admin.close();
    runPg('pg_restore', ['--no-owner', `--dbname=${fresh.base}restored`, file]);

    const copy = await spawnServer({ ...engineEnv('postgres', `${fresh.base}restored`) });
    cleanup.push(() => copy.stop());
    expect(copy.adminCode).toBeNull();
    const after = await answer(copy.url);
    expect(after.every((a) => a.status === 200)).toBe(true);
    expect(after).toEqual(before);
    // The restored audit log is still append-only (the trigger came with the dump).
    const db = await openPostgres(`${fresh.base}restored`, 1);
    cleanup.push(() => db.close());
    await expect(db.query('DELETE FROM audits')).rejects.toThrow(/append-only/);
  });
});
