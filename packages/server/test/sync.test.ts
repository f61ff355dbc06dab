/**
 * Sync on both engines over real TCP: validation by core (nothing stored when refused), idempotent pushes,
 * locked documents immutable, three-way merge of drafts from two devices, and a change cursor that never skips a
 * commit while many pushes run concurrently.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attestationKeyId,
  buildStatement,
  lockAssessment,
  score,
  signStatement,
  type Assessment,
  type PublicKeyJwk,
} from '@tieuchi/core';
import { call, engineEnv, ENGINES, newDataDir, newPostgresDatabase, spawnServer, type Spawned } from './harness.js';
import { CAMPAIGN_BODY, setUpCouncil, type Council } from './council.js';
import { draft, qd1300 } from './assessments.js';
import { createSyncClient, enrol, SyncError } from '../../forms-pwa/src/sync/client.js';
import { hostileCorpus } from '../../core/test/hostile-corpus.js';

const PHOTO_MAX = 200_000;

describe.each(ENGINES)('sync on %s', (engine) => {
  let server: Spawned;
  let council: Council;
  let removeDir = () => {};
  const push = (doc: unknown, token = council.tokens.device) =>
    call(server.url, 'POST', '/api/v1/sync/push', { assessment: doc }, token);
  const pullAll = async (token = council.tokens.admin) => {
    const out: { id: string; change: number; revision: string; document: Assessment }[] = [];
    let after = 0;
    for (;;) {
      const r = await call(server.url, 'GET', `/api/v1/sync/pull?after=${after}&limit=7`, undefined, token);
      expect(r.status).toBe(200);
      out.push(...r.body.changes);
      if (r.body.next === after) return out;
      after = r.body.next;
    }
  };

  beforeAll(async () => {
    let target: string;
    if (engine === 'postgres') target = await newPostgresDatabase('sync');
    else {
      const d = newDataDir();
      target = d.dir;
      removeDir = d.remove;
    }
    server = await spawnServer({
      ...engineEnv(engine, target),
      TIEUCHI_LOGIN_RATE: '1000',
      TIEUCHI_PHOTO_MAX_BYTES: String(PHOTO_MAX),
    });
    council = await setUpCouncil(server.url, server.adminCode!);
  });
  afterAll(async () => {
    await server?.stop();
    removeDir();
  });

  it('refuses malformed, unknown-set, tampered and unhashed documents with a message, storing nothing', async () => {
    const good = draft('s-refused', 'F-A');
    const cases: [unknown, string][] = [
      [{ ...good, answers: 'not an object' }, 'invalidDocument'],
      [{ ...good, answers: { ...good.answers, 'no-such-item': { value: 'met' } } }, 'invalidDocument'],
      [{ ...good, criteriaSet: { id: 'qd1300-commune-health', version: '1999.9' } }, 'unknownSet'],
      [{ ...good, status: 'submitted', submittedAt: '2026-12-01T00:00:00Z' }, 'badHash'],
    ];
    const locked = lockAssessment(good, qd1300(), '2026-12-01T08:00:00.000Z');
    cases.push([{ ...locked, answers: { ...locked.answers, 't1.1': { value: 'not-met' } } }, 'badHash']);
    cases.push([
      { ...good, schemaVersion: 2, campaign: { id: '00000000-0000-4000-8000-000000000000', label: 'không có' } },
      'unknownCampaign',
    ]);
    cases.push([{ ...good, schemaVersion: 2, campaign: { id: 'not-a-uuid', label: 'x' } }, 'unknownCampaign']);
    const elsewhere = await call(
      server.url,
      'POST',
      '/api/v1/campaigns',
      { ...CAMPAIGN_BODY, facilities: ['F-B'] },
      council.tokens.admin,
    );
    cases.push([{ ...good, schemaVersion: 2, campaign: { id: elsewhere.body.id, label: 'x' } }, 'notInCampaign']);
    for (const [doc, code] of cases) {
      const r = await push(doc);
      expect([r.status, r.body.error.code], code).toEqual([400, code]);
      expect(r.body.error.message.vi.length).toBeGreaterThan(10);
    }
    expect(await pullAll()).toEqual([]);
    // The same document inside its campaign is accepted.
    const inCampaign = await push({
      ...good,
      schemaVersion: 2,
      campaign: { id: council.ids.campaign, label: 'Tự đánh giá 2026' },
    });
    expect([inCampaign.status, inCampaign.body.result]).toEqual([201, 'created']);
  });

  it('stores a draft once however often it is pushed, and keeps locked documents immutable', async () => {
    const d = draft('s-once', 'F-A');
    const first = await push(d);
    expect([first.status, first.body.result]).toEqual([201, 'created']);
    const again = await push(d);
    expect([again.status, again.body.result, again.body.change]).toEqual([200, 'unchanged', first.body.change]);
    const locked = lockAssessment(d, qd1300(), '2026-12-01T08:00:00.000Z');
    const lockPush = await push({ ...locked, baseRevision: first.body.revision });
    expect([lockPush.status, lockPush.body.result, lockPush.body.revision]).toEqual([
      200,
      'updated',
      locked.contentHash,
    ]);
    const edit = await push({
      ...d,
      answers: { ...d.answers, 't1.1': { value: 'not-met' } },
      baseRevision: locked.contentHash,
    });
    expect([edit.status, edit.body.error.code]).toEqual([409, 'immutable']);
    expect((await push(locked)).body.result).toBe('unchanged');
    const all = (await pullAll()).filter((c) => c.id === 's-once');
    expect(all.map((c) => [c.revision, c.document.status])).toEqual([[locked.contentHash, 'locked']]);
  });

  it('merges two devices’ offline edits of one draft answer by answer, in either order, listing real conflicts', async () => {
    const results: Assessment[] = [];
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const id = `s-merge-${order.join('')}`;
      const base = draft(id, 'F-A');
      const created = await push(base);
      const rev = created.body.revision as string;
      // t1.5 is a numeric item (97 in the base): both change it, to different values — a real conflict.
      const edits = {
        a: {
          ...base,
          answers: { ...base.answers, 't1.1': { value: 'not-met' }, 't1.5': { value: 50 } },
          note: 'Ghi chú của người A',
        },
        b: { ...base, answers: { ...base.answers, 't1.2': { value: 'not-met' }, 't1.5': { value: 60 } } },
      };
      const one = await push({ ...edits[order[0]], baseRevision: rev });
      expect(one.body.result).toBe('updated');
      const two = await push({ ...edits[order[1]], baseRevision: rev });
      expect(two.body.result, JSON.stringify(two.body).slice(0, 600)).toBe('merged');
      const doc = two.body.document as Assessment & { conflicts?: { path?: string; pointer?: string }[] };
      expect(doc.answers['t1.1']).toMatchObject({ value: 'not-met' }); // A's change kept
      expect(doc.answers['t1.2']).toMatchObject({ value: 'not-met' }); // B's change kept
      expect(doc.note).toBe('Ghi chú của người A');
      expect(doc.conflicts?.length).toBe(1); // t1.5 changed differently on both
      expect(JSON.stringify(doc.conflicts)).toContain('t1.5');
      expect(JSON.stringify(doc.conflicts)).toContain('50');
      expect(JSON.stringify(doc.conflicts)).toContain('60');
      results.push({ ...doc, id: 'x' });
    }
    expect(results[1]).toEqual(results[0]);
  });

  it('treats an answer set back to its earlier value as a change, and a re-send as a re-send', async () => {
    const a = draft('s-back', 'F-A');
    const r1 = (await push(a)).body.revision as string;
    const b = { ...a, answers: { ...a.answers, 't1.1': { value: 'not-met' } } };
    const r2 = (await push({ ...b, baseRevision: r1 })).body.revision as string;
    const back = await push({ ...a, baseRevision: r2 });
    expect([back.body.result, back.body.revision]).toEqual(['updated', r1]);
    expect(back.body.document.answers['t1.1']).toEqual(a.answers['t1.1']);
    // The same push again after a lost answer: based on the revision before it, so nothing changes.
    const again = await push({ ...a, baseRevision: r2 });
    expect([again.body.result, again.body.revision]).toEqual(['unchanged', r1]);
    const pulled = (await pullAll()).filter((c) => c.id === 's-back');
    expect(pulled.map((c) => c.revision)).toEqual([r1]);
  });

  it('lets a person resolve a stored conflict once, and every device pulls the resolution', async () => {
    const tablets = { a: council.tokens.device, b: council.tokens.station }; // two tablets of station F-A
    const base = draft('s-resolve', 'F-A');
    const rev = (await push(base, tablets.a)).body.revision as string;
    const edit = (v: number) => ({ ...base, answers: { ...base.answers, 't1.5': { value: v } }, baseRevision: rev });
    expect((await push(edit(50), tablets.a)).body.result).toBe('updated');
    const merged = await push(edit(60), tablets.b);
    expect(merged.body.result).toBe('merged');
    const conflict = (merged.body.document as Assessment).conflicts![0]!;
    // A candidate of an answer carries its decisive part ({ value }), with who and when when the tablets stamped them.
    const pick = conflict.candidates.findIndex((c) => (c.value as { value?: unknown } | undefined)?.value === 60);
    expect(pick).toBeGreaterThanOrEqual(0);
    const cursor = Math.max(...(await pullAll(tablets.a)).map((c) => c.change));

    const resolve = (token: string, revision: string) =>
      call(
        server.url,
        'POST',
        '/api/v1/sync/resolve',
        { assessmentId: 's-resolve', revision, path: conflict.path, choice: pick },
        token,
      );
    const done = await resolve(tablets.b, merged.body.revision);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.document.answers['t1.5'].value).toBe(60);
    expect(done.body.document.conflicts).toBeUndefined();
    // Once: the other tablet, still looking at the conflicted revision, is told it changed; on the new one there is
    // nothing left to resolve.
    expect((await resolve(tablets.a, merged.body.revision)).body.error.code).toBe('changedSince');
    expect((await resolve(tablets.a, done.body.revision)).body.error.code).toBe('noConflict');
    for (const token of [tablets.a, tablets.b, council.tokens.admin]) {
      const later = (await pullAll(token)).filter((c) => c.id === 's-resolve' && c.change > cursor);
      expect(later.map((c) => [c.revision, c.document.conflicts])).toEqual([[done.body.revision, undefined]]);
    }
    const audits = await call(server.url, 'GET', '/api/v1/audits?limit=20', undefined, council.tokens.admin);
    expect(
      audits.body.some(
        (a: { action: string; subjectId: string }) => a.action === 'assessment.resolve' && a.subjectId === 's-resolve',
      ),
    ).toBe(true);
  });

  it('never skips a commit: concurrent pushes all reach a puller that follows the cursor while they run', async () => {
    const before = (await pullAll()).length;
    const seen = new Map<string, number>();
    let cursor = 0;
    let running = true;
    const puller = (async () => {
      while (running) {
        const r = await call(
          server.url,
          'GET',
          `/api/v1/sync/pull?after=${cursor}&limit=5`,
          undefined,
          council.tokens.admin,
        );
        for (const c of r.body.changes) {
          expect(c.change).toBeGreaterThan(cursor);
          seen.set(`${c.id}#${c.change}`, c.change);
        }
        cursor = r.body.next;
      }
    })();
    const N = 20;
    const pushes = await Promise.all(Array.from({ length: N }, (_, i) => push(draft(`s-conc-${i}`, 'F-A'))));
    expect(pushes.map((p) => p.status)).toEqual(Array(N).fill(201));
    running = false;
    await puller;
    // Catch up after the pushes ended: the cursor must reach every one without going back.
    for (;;) {
      const r = await call(
        server.url,
        'GET',
        `/api/v1/sync/pull?after=${cursor}&limit=5`,
        undefined,
        council.tokens.admin,
      );
      for (const c of r.body.changes) seen.set(`${c.id}#${c.change}`, c.change);
      if (r.body.next === cursor) break;
      cursor = r.body.next;
    }
    const pushed = new Set(pushes.map((p) => `${p.body.document.id}#${p.body.change}`));
    for (const key of pushed) expect(seen.has(key), key).toBe(true);
    const all = await pullAll();
    expect(all.length).toBe(before + N);
    const changes = all.map((c) => c.change);
    expect(new Set(changes).size).toBe(changes.length);
    expect(changes).toEqual([...changes].sort((a, b) => a - b));
  });

  it('stores photos by SHA-256: deduplicated, checked, size-limited, read back byte for byte', async () => {
    const bytes = new Uint8Array(50_000).map((_, i) => (i * 7) % 256);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const url = `/api/v1/photos/${hash}`;
    expect((await call(server.url, 'GET', `${url}/exists`, undefined, council.tokens.device)).body).toEqual({
      stored: false,
    });
    expect((await call(server.url, 'PUT', url, bytes, council.tokens.device)).status).toBe(201);
    expect((await call(server.url, 'PUT', url, bytes, council.tokens.station)).status).toBe(200); // deduplicated
    expect((await call(server.url, 'GET', `${url}/exists`, undefined, council.tokens.device)).body).toEqual({
      stored: true,
    });
    // Read back by its uploader (the station, through another of its tokens); no assessment references it yet, so
    // nobody else may read it (campaign-views.test.ts covers the scope).
    expect((await call(server.url, 'GET', url, undefined, council.tokens.inspector)).status).toBe(404);
    const res = await fetch(new URL(url, server.url), {
      headers: { authorization: `Bearer ${council.tokens.station}` },
    });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);

    const damaged = bytes.slice();
    damaged[10] = damaged[10]! ^ 1;
    const bad = await call(
      server.url,
      'PUT',
      url.replace(hash, createHash('sha256').update(bytes.slice(1)).digest('hex')),
      damaged,
      council.tokens.device,
    );
    expect([bad.status, bad.body.error.code]).toEqual([400, 'photoHash']);
    const big = new Uint8Array(PHOTO_MAX + 1);
    const tooBig = await call(
      server.url,
      'PUT',
      `/api/v1/photos/${createHash('sha256').update(big).digest('hex')}`,
      big,
      council.tokens.device,
    );
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'tooLarge']);
    const text = await fetch(new URL(url, server.url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${council.tokens.device}`, 'content-type': 'text/html' },
      body: 'x',
    });
    expect(text.status).toBe(415);
  });

  it('works through the app’s own sync module: enrol, push, resumable pull, photo upload once, 401 after revocation', async () => {
    const made = await call(
      server.url,
      'POST',
      '/api/v1/devices',
      { userId: council.ids.station, label: 'Máy dùng mô-đun' },
      council.tokens.admin,
    );
    const { token, deviceId } = await enrol(server.url, made.body.shortCode.toLowerCase());
    const client = createSyncClient({ baseUrl: server.url, token });
    const first = await client.push(draft('s-client', 'F-A'));
    expect(first.result).toBe('created');
    const edited = { ...draft('s-client', 'F-A'), note: 'sửa trên máy' };
    const second = await client.push(edited, first.revision);
    expect([second.result, second.change > first.change]).toEqual(['updated', true]);
    expect((await client.push(edited, first.revision)).result).toBe('unchanged'); // a retry
    // A pull in pages of 2 from a cursor kept halfway gives the same as one pull from the start.
    const all: number[] = [];
    const end = await client.pullAll(0, (c) => void all.push(c.change), 2);
    const half = all[Math.floor(all.length / 2)]!;
    const rest: number[] = [];
    expect(await client.pullAll(half, (c) => void rest.push(c.change), 2)).toBe(end);
    expect(rest).toEqual(all.filter((c) => c > half));
    const bytes = new TextEncoder().encode('ảnh minh chứng');
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(await client.uploadPhoto(hash, bytes, 'image/jpeg')).toBe(true);
    expect(await client.uploadPhoto(hash, bytes, 'image/jpeg')).toBe(false);
    await call(server.url, 'POST', `/api/v1/devices/${deviceId}/revoke`, undefined, council.tokens.admin);
    const refused = await client.push(edited).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SyncError);
    expect([
      (refused as SyncError).status,
      (refused as SyncError).signInAgain,
      (refused as SyncError).text.vi.length > 5,
    ]).toEqual([401, true, true]);
  });

  it('lets a station pull only its own facility', async () => {
    const mine = await pullAll(council.tokens.station);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.document.facility.id === 'F-A')).toBe(true);
    expect(await pullAll(council.tokens.otherStation)).toEqual([]);
  });

  it('gives the shared hostile corpus the same verdicts as core, the CLI and the app: nothing tampered is stored', async () => {
    const corpus = hostileCorpus().filter((c) => c.single !== undefined);
    const refused = corpus.filter((c) => c.codes.length);
    expect(refused.length).toBeGreaterThan(5);
    const before = (await pullAll()).length;
    for (const c of refused) {
      const r = await push(c.single, council.tokens.admin);
      expect(r.status, c.name).toBe(400);
      const codes = [...new Set((r.body.error.details as { code: string }[]).map((d) => d.code))].sort();
      expect(codes, c.name).toEqual([...c.codes].sort());
    }
    expect((await pullAll()).length).toBe(before); // nothing refused was stored
    for (const c of corpus.filter((x) => !x.codes.length)) {
      expect((await push(c.single, council.tokens.admin)).status, c.name).toBeLessThan(300);
    }
  });

  it('judges the device signatures of a locked push against the registered keys, at the time of receipt', async () => {
    const subtle = globalThis.crypto.subtle;
    const newKey = async () => {
      const k = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const j = await subtle.exportKey('jwk', k.publicKey);
      return { privateKey: k.privateKey, jwk: { kty: 'EC', crv: 'P-256', x: j.x!, y: j.y! } as PublicKeyJwk };
    };
    const signed = async (id: string, key: Awaited<ReturnType<typeof newKey>>) => {
      const a = lockAssessment(draft(id, 'F-A'), qd1300(), '2026-12-01T08:00:00.000Z');
      const r = score(qd1300(), a);
      if (!r.ok) throw new Error(r.errors[0]!.message.en);
      const keyId = attestationKeyId(key.jwk);
      const statement = buildStatement({
        assessment: a,
        result: r.value,
        signer: { name: 'Nguyễn Thị Lan', role: 'assessor' },
        signedAt: '2026-12-01T08:00:00.000Z',
        keyId,
      });
      return { ...a, attestations: [await signStatement(statement, key.privateKey, key.jwk)] } as Assessment;
    };
    const verdict = (r: {
      status: number;
      body: {
        signatures?: {
          registered: boolean;
          checks: { valid: boolean; key: string; counts: boolean; signer: { name: string } }[];
        };
      };
    }) => {
      expect(r.status).toBeLessThan(300);
      const c = r.body.signatures!.checks[0]!;
      return [r.body.signatures!.registered, c.valid, c.key, c.counts, c.signer.name];
    };

    // A key the council registered (the enrolled device registers it) counts.
    const registered = await newKey();
    expect(
      (await call(server.url, 'PUT', '/api/v1/device/key', { jwk: registered.jwk }, council.tokens.device)).status,
    ).toBe(200);
    expect(verdict(await push(await signed('sig-registered', registered)))).toEqual([
      true,
      true,
      'registered',
      true,
      'Nguyễn Thị Lan',
    ]);

    // A key carried only inside the document is "unknown": valid, but it does not count.
    expect(verdict(await push(await signed('sig-unknown', await newKey())))).toEqual([
      false,
      true,
      'unknown',
      false,
      'Nguyễn Thị Lan',
    ]);

    // A statement edited after signing (the decision) is not valid.
    const forged = await signed('sig-forged', registered);
    forged.attestations![0]!.statement.decision =
      forged.attestations![0]!.statement.decision === 'pass' ? 'fail' : 'pass';
    expect(verdict(await push(forged))).toEqual([false, false, 'registered', false, 'Nguyễn Thị Lan']);

    // A key revoked before the push was received no longer counts.
    const d = await call(
      server.url,
      'POST',
      '/api/v1/devices',
      { userId: council.ids.station, label: 'Máy bị mất' },
      council.tokens.admin,
    );
    const e = await call(server.url, 'POST', '/api/v1/enrol', { code: d.body.code });
    const lost = await newKey();
    expect((await call(server.url, 'PUT', '/api/v1/device/key', { jwk: lost.jwk }, e.body.token)).status).toBe(200);
    expect(
      (await call(server.url, 'POST', `/api/v1/devices/${d.body.device.id}/revoke`, undefined, council.tokens.admin))
        .status,
    ).toBe(200);
    expect(verdict(await push(await signed('sig-revoked', lost)))).toEqual([
      false,
      true,
      'revoked',
      false,
      'Nguyễn Thị Lan',
    ]);

    // Drafts carry no verdict.
    expect((await push(draft('sig-draft', 'F-A'))).body.signatures).toBeUndefined();
  });
});
