/**
 * Load: 20 devices, each its own process running the app's own sync module over real TCP, push two campaigns'
 * assessments concurrently to the production server process on PostgreSQL (bench/server-load.mjs runs 100).
 * 0 lost, 0 duplicated, every document at its last pushed revision with exactly its revisions stored, and the
 * server's rankings equal `tieuchi rank` on the same files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { score, type Assessment } from '@tieuchi/core';
import { readWorkbook, XLSX_MIME } from '@tieuchi/sheets';
import { openPostgres } from '../src/external/postgres.js';
import { call, engineEnv, newPostgresDatabase, spawnServer, type Spawned } from './harness.js';
// @ts-expect-error plain JavaScript shared with bench/server-load.mjs (no declarations)
import { checkLoad, COMMUNES, runLoad, SET_FILE } from './load/run.mjs';

const DEVICES = 20;
const dir = mkdtempSync(join(tmpdir(), 'tieuchi-load-'));
let server: Spawned | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('20 devices as separate processes on PostgreSQL', () => {
  it('lose and duplicate nothing, and the server ranks as `tieuchi rank` does', { timeout: 300_000 }, async () => {
    const url = await newPostgresDatabase('load');
    server = await spawnServer({ ...engineEnv('postgres', url), TIEUCHI_LOGIN_RATE: '1000' });
    const load = await runLoad({ base: server.url, adminCode: server.adminCode!, devices: DEVICES, dir });

    // What every device saw: its three pushes answered created → updated → updated, the re-sent push unchanged,
    // and its pull returns exactly its own two assessments at their final revisions.
    expect(load.reports).toHaveLength(DEVICES);
    for (const r of load.reports) {
      const results = r.pushes.map((p: { result: string }) => p.result).sort();
      expect(results).toEqual(['created', 'created', 'updated', 'updated', 'updated', 'updated']);
      for (const f of r.finals) expect([f.again, f.againRevision]).toEqual(['unchanged', f.revision]);
      expect(r.pulled.map((p: { id: string }) => p.id).sort()).toEqual(
        r.finals.map((f: { id: string }) => f.id).sort(),
      );
    }

    const check = await checkLoad(server.url, dir, load);
    expect(check.stored).toBe(DEVICES * 2);
    expect(check.lost).toEqual([]);
    expect(check.duplicated).toEqual([]);
    expect(check.wrongRevision).toEqual([]);
    for (const [name, [fromServer, fromCli]] of Object.entries(check.rankings) as [string, [unknown, unknown]][]) {
      expect((fromCli as { rows: unknown[] }).rows.length, name).toBeGreaterThan(0);
      expect(fromServer, name).toEqual(fromCli);
    }
    // Ties exist in this programme, so the equality covers shared ranks too.
    expect((check.rankings.score1[1] as { ties: unknown[] }).ties.length).toBeGreaterThan(0);

    // The dashboard read from the server: filters by campaign, commune and facility kind; core's score of each
    // final document; summaries stored, so a second read recomputes nothing.
    type Dash = {
      rows: { assessmentId: string; percent: unknown; decision: string }[];
      computed: { recomputedNow: number };
    };
    const dash = async (q: string) =>
      (await call(server!.url, 'GET', `/api/v1/dashboard?${q}`, undefined, load.admin)).body as Dash;
    const [c1] = load.campaigns;
    const round1 = await dash(`campaign=${c1}`);
    expect(round1.computed.recomputedNow).toBe(DEVICES);
    const set = JSON.parse(readFileSync(SET_FILE, 'utf8'));
    const expected = (load.finals as Assessment[])
      .filter((d) => d.campaign!.id === c1)
      .map((d) => {
        const r = score(set, d);
        if (!r.ok) throw new Error(d.id);
        const percent = r.value.total.percent ?? null;
        return {
          assessmentId: d.id,
          percent: percent as { num: number; den: number } | null,
          decision: r.value.decision,
        };
      })
      .sort((a, b) => a.assessmentId.localeCompare(b.assessmentId));
    expect(round1.rows.map(({ assessmentId, percent, decision }) => ({ assessmentId, percent, decision }))).toEqual(
      expected,
    );
    expect((await dash(`campaign=${c1}`)).computed.recomputedNow).toBe(0);
    const inCommune = await dash(`campaign=${c1}&commune=${encodeURIComponent(COMMUNES[1])}`);
    expect(inCommune.rows.length).toBe(Array.from({ length: DEVICES }, (_, i) => i).filter((i) => i % 3 === 1).length);
    expect((await dash('kind=commune-station')).rows.length).toBe(DEVICES * 2);
    expect((await dash('kind=hospital')).rows.length).toBe(0);

    // The same rows exported: XLSX through @tieuchi/sheets (percent cells hold the fraction), CSV through core.
    const xlsx = await fetch(new URL(`/api/v1/dashboard/export?campaign=${c1}&format=xlsx`, server.url), {
      headers: { authorization: `Bearer ${load.admin}` },
    });
    expect(xlsx.headers.get('content-type')).toBe(XLSX_MIME);
    const [sheet] = await readWorkbook(new Uint8Array(await xlsx.arrayBuffer()));
    const table = sheet!.rows.slice(sheet!.rows.findIndex((r) => r[0] === 'Mã phiếu') + 1);
    expect(table.map((r) => [r[0], r[7], r[8]])).toEqual(
      expected.map((e) => [
        e.assessmentId,
        e.percent ? Number(e.percent.num) / Number(e.percent.den) / 100 : null,
        e.decision,
      ]),
    );
    const csv = await call(
      server.url,
      'GET',
      `/api/v1/dashboard/export?campaign=${c1}&format=csv&lang=en`,
      undefined,
      load.admin,
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((csv.body as string).trim().split('\r\n')).toHaveLength(DEVICES + 1);

    // Straight in the database: three revisions per document, one audit row per stored revision, counter agrees.
    const db = await openPostgres(url, 1);
    try {
      const { rows } = await db.query<{ docs: number; revs: number; audits: number; counter: number; max: number }>(
        `SELECT (SELECT count(*)::int FROM assessments) AS docs,
                (SELECT count(*)::int FROM assessment_revisions) AS revs,
                (SELECT count(*)::int FROM audits WHERE action = 'assessment.push') AS audits,
                (SELECT value FROM sync_counter) AS counter,
                (SELECT max(change) FROM assessment_revisions) AS max`,
      );
      expect(rows[0]).toEqual({
        docs: DEVICES * 2,
        revs: DEVICES * 6,
        audits: DEVICES * 6,
        counter: DEVICES * 6,
        max: DEVICES * 6,
      });
    } finally {
      await db.close();
    }
  });
});
