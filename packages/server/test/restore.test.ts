/**
 * The restore drill of docs/deploy.md: pg_dump the live database, restore it into a FRESH cluster, start a server
 * on the copy, and the API answers exactly as the original did (same ids, same sessions, same audit log).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/external/postgres.js';
import { call, engineEnv, newPostgresDatabase, spawnServer, type Spawned } from './harness.js';
import { setUpCouncil } from './council.js';
import { draft } from './assessments.js';
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
    const photo = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
    const photoHash = createHash('sha256').update(photo).digest('hex');
    expect((await call(live.url, 'PUT', `/api/v1/photos/${photoHash}`, photo, council.tokens.device)).status).toBe(201);
    const pushed = await call(
      live.url,
      'POST',
      '/api/v1/sync/push',
      { assessment: draft('drill-1', 'F-A') },
      council.tokens.device,
    );
    expect(pushed.status).toBe(201);
    const reads: [string, string][] = [
      ['/api/v1/users', council.tokens.admin],
      ['/api/v1/devices', council.tokens.admin],
      ['/api/v1/campaigns', council.tokens.admin],
      [`/api/v1/campaigns/${council.ids.campaign}/assignments`, council.tokens.inspector],
      ['/api/v1/campaigns', council.tokens.station],
      ['/api/v1/me', council.tokens.station], // (a device's own request would change its lastSeenAt)
      ['/api/v1/audits?limit=500', council.tokens.admin],
      ['/api/v1/sync/pull?after=0', council.tokens.station],
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
    const bytes = await fetch(new URL(`/api/v1/photos/${photoHash}`, copy.url), {
      headers: { authorization: `Bearer ${council.tokens.admin}` },
    });
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(photo);
    // The restored audit log is still append-only (the trigger came with the dump).
    const db = await openPostgres(`${fresh.base}restored`, 1);
    cleanup.push(() => db.close());
    await expect(db.query('DELETE FROM audits')).rejects.toThrow(/append-only/);
  });
});
