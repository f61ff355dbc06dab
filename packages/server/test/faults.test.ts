/**
 * Faults: the server process is SIGKILLed during concurrent pushes, 50 times on PostgreSQL and 10 on PGlite
 * (FAULT_KILLS_PG / FAULT_KILLS_PGLITE change the counts). The kills rotate over three moments:
 * - inside the push transaction: the server, started with the test-only TIEUCHI_TEST_PAUSE, pauses one named
 *   push after its writes and before COMMIT (the counter row stays locked, so the other pushes of the round wait
 *   inside their transactions too) and is killed there;
 * - between COMMIT and the answer (the same hook, after COMMIT);
 * - at a random moment after the pushes start.
 * Every round pushes new drafts, edits of earlier drafts (based on the revision the server last answered) and a
 * lock of an earlier draft; after each kill a new server process takes over and the devices re-send everything
 * not answered, like the app's outbox. Then the stored data is checked: on PostgreSQL straight in the database
 * after every round, on PGlite (one process only) through the API after every round and in the database at the
 * end: 0 lost, 0 duplicated, 0 half-written (every head has its revision row, every revision its audit row, the
 * change counter equals the number of revisions).
 *
 * Restarts are cheap: on PostgreSQL the next server process is started while the round runs (two servers may
 * share a database), so taking over after a kill costs no wait; it is still a fresh process that knows nothing
 * of the killed one. PGlite allows one process per data folder, so there each restart is a real start that takes
 * over the stale lock of the killed process.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, lockAssessment, type Assessment } from '@tieuchi/core';
import { openPglite } from '../src/external/pglite.js';
import { openPostgres } from '../src/external/postgres.js';
import type { Database, Queryable } from '../src/external/database.js';
import {
  call,
  engineEnv,
  ENGINES,
  newDataDir,
  newPostgresDatabase,
  spawnServer,
  type Engine,
  type Spawned,
} from './harness.js';
import { setUpCouncil } from './council.js';
import { draft, qd1300 } from './assessments.js';

const KILLS: Record<Engine, number> = {
  postgres: Number(process.env.FAULT_KILLS_PG ?? 50),
  pglite: Number(process.env.FAULT_KILLS_PGLITE ?? 10),
};
/** How many PostgreSQL server processes start ahead of the kill they replace (FAULT_STANDBYS). */
const STANDBYS = Number(process.env.FAULT_STANDBYS ?? 2);
const MOMENTS = ['in-transaction', 'after-commit', 'random'] as const;
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A seeded generator, so a failing run can be replayed. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** What the devices pushed, per assessment id: every content sent (by revision hash, in order). */
type Model = Map<string, { revisions: string[]; last: Assessment; base?: string; locked: boolean }>;

/** One push waiting for an answer (the outbox): the document and the revision it is based on. */
interface Pending {
  doc: Assessment;
  base?: string | undefined;
}

/** The pushes of round `k`: three new drafts (the first is the one that pauses), two edits and one lock. */
function roundPushes(k: number, model: Model, random: () => number): Pending[] {
  const out: Pending[] = [0, 1, 2].map((j) => ({ doc: draft(`fault-${k}-${j}`, 'F-A') }));
  const open = [...model.values()].filter((m) => !m.locked);
  const pick = () => open.splice(Math.floor(random() * open.length), 1)[0];
  for (let e = 0; e < 2 && open.length; e++) {
    const m = pick()!;
    const doc = structuredClone(m.last);
    doc.answers['t1.1'] = { value: doc.answers['t1.1']?.value === 'met' ? 'not-met' : 'met', note: `vòng ${k}` };
    out.push({ doc, base: m.base });
  }
  const l = open.length ? pick() : undefined;
  if (l) out.push({ doc: lockAssessment(l.last, qd1300(), '2026-12-01T08:00:00.000Z'), base: l.base });
  return out;
}

/** Records a push in the model (before it is sent: the server may store it even if no answer comes back). */
function expectPush(model: Model, p: Pending): void {
  const m = model.get(p.doc.id) ?? { revisions: [], last: p.doc, locked: false };
  m.revisions.push(contentHash(p.doc));
  m.last = p.doc;
  m.locked = p.doc.status === 'locked';
  model.set(p.doc.id, m);
}

/**
 * Checks the stored data against what was pushed, straight in the database: every assessment present at its last
 * revision with exactly the revisions pushed (0 lost, 0 duplicated), every head backed by its revision row with
 * the same change number, one audit row per revision, and the counter equal to the number of revisions and to
 * the highest change (0 half-written).
 */
async function checkDatabase(q: Queryable, model: Model): Promise<void> {
  const heads = (
    await q.query<{ id: string; head: string; change: number }>('SELECT id, head, change FROM assessments')
  ).rows;
  const revs = (
    await q.query<{ id: string; revision: string; change: number }>(
      'SELECT assessment_id AS id, revision, change FROM assessment_revisions',
    )
  ).rows;
  const audits = (
    await q.query<{ id: string; revision: string }>(
      `SELECT subject_id AS id, details->>'revision' AS revision FROM audits WHERE action = 'assessment.push'`,
    )
  ).rows;
  const counter = (await q.query<{ value: number }>('SELECT value FROM sync_counter')).rows[0]!.value;

  expect(heads.map((h) => h.id).sort(), 'assessments stored').toEqual([...model.keys()].sort());
  for (const h of heads) expect(h.head, h.id).toBe(contentHash(model.get(h.id)!.last));
  const key = (r: { id: string; revision: string }) => `${r.id} ${r.revision}`;
  const pushed = [...model].flatMap(([id, m]) => m.revisions.map((revision) => `${id} ${revision}`)).sort();
  expect(revs.map(key).sort(), 'revisions stored').toEqual(pushed);
  expect(audits.map(key).sort(), 'one audit row per revision').toEqual(pushed);
  const byKey = new Map(revs.map((r) => [key(r), r.change]));
  for (const h of heads) expect(byKey.get(`${h.id} ${h.head}`), `${h.id} head row`).toBe(h.change);
  expect(counter, 'counter = number of revisions').toBe(revs.length);
  expect(Math.max(0, ...revs.map((r) => r.change)), 'counter = highest change').toBe(counter);
}

describe.each(ENGINES)('SIGKILL during pushes on %s', (engine) => {
  it(`loses, duplicates and half-writes nothing over ${KILLS[engine]} kills`, { timeout: 600_000 }, async () => {
    let target: string;
    if (engine === 'postgres') target = await newPostgresDatabase('faults');
    else {
      const d = newDataDir();
      cleanups.push(d.remove);
      target = d.dir;
    }
    const env = (k: number) => {
      const moment = MOMENTS[k % MOMENTS.length]!;
      const pause = moment === 'random' ? {} : { TIEUCHI_TEST_PAUSE: `${moment}:fault-${k}-0` };
      return { ...engineEnv(engine, target), TIEUCHI_LOGIN_RATE: '1000', ...pause } as Record<string, string>;
    };
    const running = new Set<Spawned>();
    cleanups.push(async () => {
      for (const s of running) await s.kill();
    });
    const start = async (k: number) => {
      const s = await spawnServer(env(k));
      running.add(s);
      return s;
    };
    let server = await start(0);
    const council = await setUpCouncil(server.url, server.adminCode!);
    const token = council.tokens.device;
    // PostgreSQL: the next STANDBYS server processes start ahead (each knows the round it will serve).
    const standbys: Promise<Spawned>[] = [];
    let spawned = 0;
    const topUp = () => {
      while (engine === 'postgres' && standbys.length < STANDBYS && spawned < KILLS[engine]) {
        spawned++;
        standbys.push(start(spawned));
      }
    };
    cleanups.push(async () => {
      for (const p of standbys)
        await p.then(
          (s) => s.kill(),
          () => undefined,
        );
    });
    topUp();
    const model: Model = new Map();
    const random = rng(12345 + (engine === 'pglite' ? 1 : 0));
    const killed: Record<(typeof MOMENTS)[number], number> = { 'in-transaction': 0, 'after-commit': 0, random: 0 };

    /** Sends every pending push once; answered ones leave the outbox. A dropped connection leaves it there. */
    const send = (url: string, outbox: Set<Pending>) =>
      Promise.all(
        [...outbox].map(async (p) => {
          let r;
          try {
            const body = { assessment: p.base ? { ...p.doc, baseRevision: p.base } : p.doc };
            r = await call(url, 'POST', '/api/v1/sync/push', body, token);
          } catch {
            return; // the server died under this push: it stays in the outbox
          }
          if (r.status !== 200 && r.status !== 201)
            throw new Error(`push ${p.doc.id}: ${r.status} ${JSON.stringify(r.body)}`);
          expect(r.body.revision, p.doc.id).toBe(contentHash(p.doc));
          model.get(p.doc.id)!.base = r.body.revision;
          outbox.delete(p);
        }),
      );

    for (let k = 0; k < KILLS[engine]; k++) {
      const moment = MOMENTS[k % MOMENTS.length]!;
      const outbox = new Set(roundPushes(k, model, random));
      for (const p of outbox) expectPush(model, p);
      const sending = send(server.url, outbox);
      if (moment === 'random') await new Promise((r) => setTimeout(r, Math.floor(random() * 80)));
      else {
        const marker = `test pause: ${moment} fault-${k}-0`;
        for (let waited = 0; !server.output().includes(marker); waited += 5) {
          if (waited > 60_000) throw new Error(`no pause in round ${k}:\n${server.output()}`);
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      await server.kill();
      running.delete(server);
      killed[moment]++;
      await sending;
      // A new server process takes over (on PostgreSQL the one started during the round).
      server = engine === 'postgres' ? await standbys.shift()! : await start(k + 1);
      topUp();
      for (let attempt = 0; outbox.size; attempt++) {
        if (attempt > 5) throw new Error(`round ${k}: pushes never answered`);
        await send(server.url, outbox);
      }
      if (engine === 'postgres') {
        const db = await openPostgres(target, 1);
        try {
          await checkDatabase(db, model);
        } finally {
          await db.close();
        }
      } else {
        // PGlite is one process: read back through the API (every assessment once, at its last revision).
        const pulled: { id: string; revision: string }[] = [];
        for (let after = 0; ;) {
          const r = await call(server.url, 'GET', `/api/v1/sync/pull?after=${after}&limit=500`, undefined, token);
          pulled.push(...r.body.changes);
          if (!r.body.changes.length) break;
          after = r.body.next;
        }
        expect(pulled.map((p) => p.id).sort(), `round ${k}`).toEqual([...model.keys()].sort());
        for (const p of pulled) expect(p.revision, p.id).toBe(contentHash(model.get(p.id)!.last));
      }
    }
    expect(killed.random + killed['in-transaction'] + killed['after-commit']).toBe(KILLS[engine]);
    if (KILLS[engine] >= 3) for (const m of MOMENTS) expect(killed[m], m).toBeGreaterThan(0);
    await server.stop();
    running.delete(server);

    // At the end, straight in the database on both engines.
    let db: Database;
    if (engine === 'postgres') db = await openPostgres(target, 1);
    else db = await openPglite(join(target, 'pgdata'));
    try {
      expect(model.size).toBeGreaterThanOrEqual(3 * KILLS[engine]);
      await checkDatabase(db, model);
    } finally {
      await db.close();
    }
  });
});
