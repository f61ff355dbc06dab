/**
 * Improvement plans on the server (ADR 0021), on both engines over real TCP: validated by core's schema, refused
 * for an assessment the pusher may not see, idempotent, merged field by field of each action against the revision
 * the device last shared (a real conflict kept with both values), pulled by every reader of the assessment and no
 * one else, and a plan cursor that never skips a commit while pushes run concurrently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, type ImprovementPlan } from '@tieuchi/core';
import { call, engineEnv, ENGINES, newDataDir, newPostgresDatabase, spawnServer, type Spawned } from './harness.js';
import { setUpCouncil, type Council } from './council.js';
import { draft, plan, qd1300 } from './assessments.js';

describe.each(ENGINES)('plans on %s', (engine) => {
  let server: Spawned;
  let council: Council;
  let removeDir = () => {};
  const pushPlan = (p: unknown, token: string, baseRevision?: string) =>
    call(server.url, 'POST', '/api/v1/sync/plans', { plan: p, ...(baseRevision ? { baseRevision } : {}) }, token);
  const pullPlans = async (token: string) => {
    const out: { id: string; change: number; revision: string; plan: ImprovementPlan; conflicts: unknown[] }[] = [];
    let after = 0;
    for (;;) {
      const r = await call(server.url, 'GET', `/api/v1/sync/plans?after=${after}&limit=3`, undefined, token);
      expect(r.status).toBe(200);
      out.push(...r.body.plans);
      if (r.body.next === after) return out;
      after = r.body.next;
    }
  };
  const pushAssessment = async (id: string, facility: string, inCampaign = true) => {
    const doc = draft(id, facility, inCampaign ? { id: council.ids.campaign, label: 'Tự đánh giá 2026' } : undefined);
    const r = await call(server.url, 'POST', '/api/v1/sync/push', { assessment: doc }, council.tokens.admin);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };

  beforeAll(async () => {
    let target: string;
    if (engine === 'postgres') target = await newPostgresDatabase('plans');
    else {
      const d = newDataDir();
      target = d.dir;
      removeDir = d.remove;
    }
    server = await spawnServer({ ...engineEnv(engine, target), TIEUCHI_LOGIN_RATE: '1000' });
    council = await setUpCouncil(server.url, server.adminCode!);
    await pushAssessment('p-a', 'F-A');
    await pushAssessment('p-b', 'F-B');
  });
  afterAll(async () => {
    await server?.stop();
    removeDir();
  });

  it('stores a pushed plan once (idempotent) and refuses invalid, foreign and orphan plans, storing nothing', async () => {
    const p = plan('p-a', 'F-A', [{}, { owner: 'Chị Lan' }]);
    const first = await pushPlan(p, council.tokens.device);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ result: 'created', id: 'p-a-plan', assessmentId: 'p-a', conflicts: [] });
    const again = await pushPlan(p, council.tokens.device);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ result: 'unchanged', revision: first.body.revision, change: first.body.change });

    const refused: [unknown, string, number][] = [
      [{ ...p, actions: [{ id: 'x', itemId: 't1.1', status: 'finished' }] }, 'invalidPlan', 400],
      [{ ...p, kind: 'assessment' }, 'invalidPlan', 400],
      [plan('p-b', 'F-B'), 'forbidden', 403], // the station's device: F-B is not its facility
      [plan('p-b', 'F-A'), 'forbidden', 403], // names its own facility, but the assessment is F-B's
      [plan('p-nowhere', 'F-A'), 'planAssessmentMissing', 409],
      [{ ...plan('p-a', 'F-A'), id: 'another-plan' }, 'invalidPlan', 400], // one plan per assessment
    ];
    for (const [doc, code, status] of refused) {
      const r = await pushPlan(doc, council.tokens.device);
      expect([r.status, r.body.error?.code], JSON.stringify(doc).slice(0, 120)).toEqual([status, code]);
    }
    // The admin's plan naming another facility than its assessment's is refused too.
    const wrong = await pushPlan(plan('p-b', 'F-A'), council.tokens.admin);
    expect(wrong.body.error.code).toBe('invalidPlan');
    expect((await pullPlans(council.tokens.admin)).map((x) => x.id)).toEqual(['p-a-plan']);
  });

  it('is pulled by whoever may pull its assessment: admin, the station and its device, the assigned inspector', async () => {
    await pushPlan(plan('p-b', 'F-B', [{ status: 'done' }]), council.tokens.admin);
    const ids = async (token: string) => (await pullPlans(token)).map((x) => x.id).sort();
    expect(await ids(council.tokens.admin)).toEqual(['p-a-plan', 'p-b-plan']);
    expect(await ids(council.tokens.station)).toEqual(['p-a-plan']);
    expect(await ids(council.tokens.device)).toEqual(['p-a-plan']);
    expect(await ids(council.tokens.inspector)).toEqual(['p-a-plan']);
    expect(await ids(council.tokens.otherStation)).toEqual([]); // its facility is F-C
    expect(await ids(council.tokens.otherInspector)).toEqual([]);
    // The inspector assigned to F-A may push its plan; the other inspector may not.
    expect((await pushPlan(plan('p-b', 'F-B'), council.tokens.inspector)).status).toBe(403);
  });

  it('merges two devices field by field of each action; a real conflict keeps the stored value, both listed', async () => {
    await pushAssessment('p-merge', 'F-A');
    const base = plan('p-merge', 'F-A', [{}, {}]);
    const shared = (await pushPlan(base, council.tokens.device)).body.revision as string;
    // Device 1 (the station's tablet): action 1 done with a proof photo; action 2 owner.
    const one = plan('p-merge', 'F-A', [{ status: 'done', completionEvidence: ['a'.repeat(64)] }, { owner: 'Lan' }]);
    // Device 2 (signed in as the station): action 1 in progress (conflict), action 2 due date.
    const two = plan('p-merge', 'F-A', [{ status: 'in-progress' }, { due: '2027-03-31' }]);
    const r1 = await pushPlan(one, council.tokens.device, shared);
    expect(r1.body.result).toBe('updated');
    const r2 = await pushPlan(two, council.tokens.station, shared);
    expect(r2.status, JSON.stringify(r2.body)).toBe(200);
    expect(r2.body.result).toBe('merged');
    expect((r2.body.plan as ImprovementPlan).actions).toEqual([
      { id: 'act-t1.1', itemId: 't1.1', status: 'done', completionEvidence: ['a'.repeat(64)] },
      { id: 'act-t1.2', itemId: 't1.2', status: 'planned', owner: 'Lan', due: '2027-03-31' },
    ]);
    expect(r2.body.conflicts).toEqual([
      {
        actionId: 'act-t1.1',
        itemId: 't1.1',
        field: 'status',
        ours: 'in-progress',
        theirs: 'done',
        by: expect.any(String),
        at: expect.any(String),
      },
    ]);
    // Every reader gets the merged plan and its conflict.
    const pulled = (await pullPlans(council.tokens.inspector)).find((x) => x.id === 'p-merge-plan')!;
    expect(pulled.revision).toBe(r2.body.revision);
    expect(pulled.conflicts).toHaveLength(1);
    // A push from the merged revision that changes the field settles the conflict.
    const settled = structuredClone(r2.body.plan as ImprovementPlan);
    settled.actions[0]!.status = 'verified';
    const r3 = await pushPlan(settled, council.tokens.station, r2.body.revision);
    expect(r3.body).toMatchObject({ result: 'updated', conflicts: [] });
    // Its proof photo is readable by the readers of the assessment (photo scope), e.g. after upload by the device.
  });

  it('serves a criteria set to readers working with it (ADR 0021), the same content the server checks with', async () => {
    const path = '/api/v1/sets/qd1300-commune-health/2023.1';
    const got = await call(server.url, 'GET', path, undefined, council.tokens.station);
    expect(got.status).toBe(200);
    expect(got.body.hash).toBe(contentHash(qd1300()));
    expect(got.body.set).toEqual(qd1300());
    for (const token of [council.tokens.otherStation, council.tokens.otherInspector])
      expect((await call(server.url, 'GET', path, undefined, token)).status).toBe(404);
    const unknown = await call(
      server.url,
      'GET',
      '/api/v1/sets/qd1300-commune-health/1999.1',
      undefined,
      council.tokens.admin,
    );
    expect(unknown.status).toBe(404);
  });

  it('never skips a commit: concurrent plan and assessment pushes all reach a puller following the plan cursor', async () => {
    const N = 12;
    for (let i = 0; i < N; i++) await pushAssessment(`p-conc-${i}`, 'F-A');
    const seen = new Set<string>();
    let cursor = 0;
    let running = true;
    const puller = (async () => {
      while (running) {
        const r = await call(
          server.url,
          'GET',
          `/api/v1/sync/plans?after=${cursor}&limit=4`,
          undefined,
          council.tokens.admin,
        );
        for (const p of r.body.plans) {
          expect(p.change).toBeGreaterThan(cursor);
          seen.add(`${p.id}#${p.change}`);
        }
        cursor = r.body.next;
      }
    })();
    // Assessments pushed at the same time take numbers from the same counter: plans must still not be skipped.
    const [plans] = await Promise.all([
      Promise.all(
        Array.from({ length: N }, (_, i) => pushPlan(plan(`p-conc-${i}`, 'F-A', [{}]), council.tokens.device)),
      ),
      Promise.all(Array.from({ length: N }, (_, i) => pushAssessment(`p-conc-other-${i}`, 'F-B'))),
    ]);
    expect(plans.map((p) => p.status)).toEqual(Array(N).fill(201));
    running = false;
    await puller;
    for (;;) {
      const r = await call(
        server.url,
        'GET',
        `/api/v1/sync/plans?after=${cursor}&limit=4`,
        undefined,
        council.tokens.admin,
      );
      for (const p of r.body.plans) seen.add(`${p.id}#${p.change}`);
      if (r.body.next === cursor) break;
      cursor = r.body.next;
    }
    for (const p of plans) expect(seen.has(`${p.body.id}#${p.body.change}`), p.body.id).toBe(true);
  });
});
