/**
 * The load run shared by the server suite (test/load.test.ts, 20 devices) and bench/server-load.mjs (100):
 * a council set up over HTTP (two campaigns, the second with the first as its baseline; one station user and one
 * enrolled device per facility), then every device started as its own process (device.mjs) running the app's
 * own sync module against the server over real TCP, all at once. Then the server's data is read back through
 * the API and its rankings are set against `tieuchi rank` run on the same files.
 * Plain JavaScript so the bench runs it with node alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { contentHash, lockAssessment } from '@tieuchi/core';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLIENT = join(ROOT, 'packages/forms-pwa/src/sync/client.ts');
const DEVICE = fileURLToPath(new URL('./device.mjs', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/tieuchi.js');
/** The criteria set of the programme (the repository's qd1300 commune-station set). */
export const SET_FILE = join(ROOT, 'criteria/qd1300-commune-health.json');
const EXAMPLE = join(ROOT, 'examples/qd1300-commune-health/pass.assessment.json');
const PASSWORD = 'mật khẩu đủ dài 123';

/**
 * Makes the app's sync module runnable by node: client.ts has no imports, so TypeScript's own single-file
 * transpiler turns it into `client.mjs` in `dir` unchanged in behaviour.
 */
export function buildClient(dir) {
  const out = ts.transpileModule(readFileSync(CLIENT, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: CLIENT,
  });
  const file = join(dir, 'client.mjs');
  writeFileSync(file, out.outputText);
  return file;
}

/** The communes facilities are spread over (facility i is in COMMUNES[i % 3]). */
export const COMMUNES = ['An Khánh', 'Xuân Khánh', 'Hưng Lợi'];

/** Facility `i` of the programme. */
export const facilityId = (i) => `F-${String(i + 1).padStart(3, '0')}`;

/**
 * The documents facility `i` sends in round `r` (1 or 2): a first draft, the corrected draft, and the locked
 * assessment. Answers vary by facility and round in a fixed pattern (some facilities tie, round 2 is better on
 * the whole), so rankings have spread, ties and improvement.
 */
export function chain(i, r, campaign) {
  const base = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
  const set = JSON.parse(readFileSync(SET_FILE, 'utf8'));
  const answers = {};
  Object.entries(base.answers).forEach(([k, a], j) => {
    const miss = a.value === 'met' && (i * 7 + j * 3 + r * 5) % 13 < (r === 1 ? 4 : 2);
    answers[k] = miss ? { value: 'not-met' } : { value: a.value };
  });
  delete base.submittedAt;
  const final = {
    ...base,
    schemaVersion: 2,
    id: `load-${facilityId(i)}-r${r}`,
    status: 'draft',
    facility: {
      ...base.facility,
      id: facilityId(i),
      name: `Trạm Y tế số ${(i % 37) + 1} (${facilityId(i)})`,
      commune: COMMUNES[i % COMMUNES.length],
    },
    assessedOn: r === 1 ? '2026-03-02' : '2026-09-01',
    round: { id: `vong-${r}` },
    campaign: { id: campaign, label: `Vòng ${r}` },
    answers,
  };
  const first = structuredClone(final);
  const firstKey = Object.keys(first.answers)[0];
  first.answers[firstKey] = { value: 'not-met', note: 'Bản nháp đầu' };
  return [first, final, lockAssessment(final, set, r === 1 ? '2026-03-02T03:00:00.000Z' : '2026-09-01T03:00:00.000Z')];
}

async function api(base, method, path, body, token) {
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Runs one device process; resolves with its JSON report, rejects with its output when it fails. */
function runDevice(client, base, code, workFile) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [DEVICE, client, base, code, workFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (c) => (c === 0 ? resolve(JSON.parse(out)) : reject(new Error(`device exited ${c}: ${err}`))));
  });
}

/**
 * Sets up the council on a fresh server and runs `devices` device processes at once.
 * @param opts.base the server URL; opts.adminCode its first-admin code; opts.dir a scratch folder.
 * @returns the admin token, the campaign ids, the final (locked) document of every facility and round, the
 *   devices' reports and the wall time of the concurrent part.
 */
export async function runLoad({ base, adminCode, devices, dir }) {
  const boot = await api(base, 'POST', '/api/v1/bootstrap', {
    code: adminCode,
    login: 'admin',
    displayName: 'Hội đồng',
    password: PASSWORD,
  });
  const admin = boot.token;
  const set = JSON.parse(readFileSync(SET_FILE, 'utf8'));
  const facilities = Array.from({ length: devices }, (_, i) => facilityId(i));
  const campaign = (r, baselineCampaignId) =>
    api(
      base,
      'POST',
      '/api/v1/campaigns',
      {
        name: { vi: `Vòng ${r}`, en: `Round ${r}` },
        set: { id: set.id, version: set.version, hash: set.contentHash ?? contentHash(set) },
        kind: 'self-assessment',
        facilities,
        opensOn: '2026-01-01',
        closesOn: '2027-12-31',
        ...(baselineCampaignId ? { baselineCampaignId } : {}),
      },
      admin,
    );
  const c1 = (await campaign(1)).id;
  const c2 = (await campaign(2, c1)).id;
  const client = buildClient(dir);
  const jobs = [];
  const finals = [];
  for (let i = 0; i < devices; i++) {
    const user = await api(
      base,
      'POST',
      '/api/v1/users',
      { login: `tram${i + 1}`, displayName: `Trạm ${i + 1}`, role: 'station', facilityId: facilityId(i) },
      admin,
    );
    const d = await api(base, 'POST', '/api/v1/devices', { userId: user.id, label: `Máy ${i + 1}` }, admin);
    const chains = [chain(i, 1, c1), chain(i, 2, c2)];
    finals.push(...chains.map((c) => c.at(-1)));
    const workFile = join(dir, `device-${i}.json`);
    writeFileSync(workFile, JSON.stringify({ chains }));
    jobs.push({ code: d.code, workFile });
  }
  const t = performance.now();
  const reports = await Promise.all(jobs.map((j) => runDevice(client, base, j.code, j.workFile)));
  return { admin, campaigns: [c1, c2], finals, reports, wallMs: performance.now() - t };
}

/** Every current assessment the admin can pull, following the cursor to the end. */
export async function pullEverything(base, token) {
  const all = [];
  let after = 0;
  for (;;) {
    const page = await api(base, 'GET', `/api/v1/sync/pull?after=${after}&limit=500`, undefined, token);
    all.push(...page.changes);
    if (!page.changes.length) return all;
    after = page.next;
  }
}

/** `tieuchi rank --json` on files written from `docs` (extra CLI arguments in `args`). */
export function cliRank(dir, docs, args = []) {
  const folder = join(dir, `files-${Math.random().toString(36).slice(2)}`);
  mkdirSync(folder);
  const files = docs.map((d) => {
    const f = join(folder, `${d.id}.json`);
    writeFileSync(f, JSON.stringify(d, null, 2));
    return f;
  });
  const r = spawnSync(process.execPath, [CLI, 'rank', '--json', '--set', SET_FILE, ...args, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`tieuchi rank: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * Reads the server back after a run: what is lost, duplicated or at a wrong revision (by the API), and whether
 * the server's rankings (by score in each round, and by improvement) equal `tieuchi rank` on the same files.
 */
export async function checkLoad(base, dir, load) {
  const pulled = await pullEverything(base, load.admin);
  const count = new Map();
  for (const p of pulled) count.set(p.id, (count.get(p.id) ?? 0) + 1);
  const byId = new Map(pulled.map((p) => [p.id, p]));
  const lost = load.finals.filter((d) => !byId.has(d.id)).map((d) => d.id);
  const duplicated = [...count].filter(([, n]) => n > 1).map(([id]) => id);
  const wrongRevision = load.finals.filter((d) => byId.get(d.id) && byId.get(d.id).revision !== d.contentHash);
  const [c1, c2] = load.campaigns;
  const inRound = (r) => load.finals.filter((d) => d.round.id === `vong-${r}`);
  const server = async (c, q = '') =>
    (await api(base, 'GET', `/api/v1/campaigns/${c}/rank${q}`, undefined, load.admin)).result;
  const score1 = [await server(c1), cliRank(dir, inRound(1))];
  const score2 = [await server(c2), cliRank(dir, inRound(2))];
  const gainServer = await server(c2, '?by=gain');
  const gainCli = cliRank(dir, load.finals, ['--baseline', 'vong-1', '--followup', 'vong-2', '--by', 'gain']);
  // The server pairs rounds by campaign: its round names are the campaign ids, the files' are the typed names.
  const gain = [{ ...gainServer, baselineRound: 'vong-1', followupRound: 'vong-2' }, gainCli];
  return {
    stored: pulled.length,
    lost,
    duplicated,
    wrongRevision: wrongRevision.map((d) => d.id),
    rankings: { score1, score2, gain },
  };
}
