/**
 * The app and the council server, end to end (issue 12 §5): the production server process (`packages/server`,
 * PGlite in a temporary folder) serves the production build and the API on one origin; Chromium runs one browser
 * context per person (separate storage, like separate tablets). A station self-assesses offline, reconnects, and
 * the council's dashboard shows it; a two-person inspection team fills one inspection on two tablets and the merge
 * keeps both people's answers. Enrolment goes through the Settings screen with the short code; the admin's setup
 * (people, campaigns, devices) through the API. New views are checked with axe and photographed at three sizes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash, type CriteriaSet } from '@tieuchi/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeSerious as axe, launch, refuseSavePicker, ROOT, serve, type Served } from './harness.js';

const REPO = join(ROOT, '..', '..');
const SERVER_BIN = join(REPO, 'packages/server/bin/run-server.js');
const SHOTS = join(ROOT, '.tmp/screenshots/council');
const SET = JSON.parse(readFileSync(join(REPO, 'criteria/qd1300-commune-health.json'), 'utf8')) as CriteriaSet;
const STATION = { id: 'cantho-tyt-an-khanh', name: 'Trạm Y tế phường An Khánh' };
const INSPECTED = { id: 'cantho-tyt-thanh-tien', name: 'Trạm Y tế xã Thạnh Tiến' };
const PASSWORD = 'mat-khau-thu-nghiem-1';
/** The set's items in order, and its numeric ones. */
const ITEMS: string[] = [];
const NUMERIC = new Set<string>();
for (const sec of SET.sections)
  for (const c of sec.criteria ?? [])
    for (const i of c.items ?? []) {
      ITEMS.push(i.id);
      if (i.response.kind === 'numeric') NUMERIC.add(i.id);
    }

let server: ChildProcess | undefined;
let url = '';
let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'tieuchi-council-e2e-'));
const contexts: BrowserContext[] = [];
let adminToken = '';
let selfCampaign = '';
let inspection = '';
const codes: Record<'station' | 'council' | 'lan' | 'minh', string> = { station: '', council: '', lan: '', minh: '' };

/** Starts the production server process on a free port; resolves to its URL and the first admin's code. */
function startServer(): Promise<{ url: string; adminCode: string }> {
  if (!existsSync(join(REPO, 'packages/server/dist/bin/run-server.js')))
    execFileSync('pnpm', ['--filter', '@tieuchi/server', 'run', 'build'], { cwd: REPO, stdio: 'inherit' });
  const proc = spawn(process.execPath, [SERVER_BIN], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      TIEUCHI_DATA_DIR: dataDir,
      TIEUCHI_APP_DIR: join(ROOT, 'dist'),
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = proc;
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 150_000);
    const onData = (b: Buffer) => {
      out += String(b);
      const u = /running at (http:\/\/\S+)/.exec(out)?.[1];
      const code = /quản trị viên đầu tiên: ([A-Z0-9-]+)/.exec(out)?.[1];
      if (u && code) {
        clearTimeout(timer);
        resolve({ url: u.endsWith('/') ? u : `${u}/`, adminCode: code });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (c) => reject(new Error(`server exited (${c}):\n${out}`)));
  });
}

/** One API call as the admin (the setup a council does in its admin screens). */
async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(`api/v1${path}`, url), {
    method,
    headers: {
      ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const out = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(out)}`);
  return out;
}

/** A fresh context (its own storage: another tablet) with the app open. */
async function tablet(viewport = { width: 1280, height: 800 }): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.warn('page error:', e.message));
  await page.goto(url);
  await page.locator('tc-app main > *').first().waitFor();
  return { ctx, page };
}

/** Enrols a tablet with its short code through Settings → Kết nối máy chủ. */
async function enrol(page: Page, shortCode: string): Promise<void> {
  await page.goto(`${url}#/settings`);
  await page.locator('tc-settings input[name=code]').fill(shortCode);
  await page.locator('tc-settings button[data-action=enrol]').click();
  await page.locator('tc-settings [data-linked]').waitFor();
}

/** The stored assessments of a tablet (read straight from IndexedDB). */
function stored(page: Page): Promise<
  Array<{
    id: string;
    status: string;
    campaign?: { id: string };
    answers: Record<string, { value?: unknown }>;
    conflicts?: unknown[];
  }>
> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tieuchi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('assessments').objectStore('assessments').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
}

/** Answers an item in the open fill-in view and waits until it is durable. */
async function answer(page: Page, item: string, value: string): Promise<void> {
  await page.locator(`tc-item-card[data-item-id="${item}"] button[data-value="${value}"]`).click();
  await page.locator('tc-app [data-save="saved"]').waitFor();
}

/** Presses "Đồng bộ" and waits until that run finished with everything synced (nothing waiting). */
async function synced(page: Page): Promise<void> {
  const state = page.locator('tc-sync-status [data-sync-state]');
  const before = await state.getAttribute('data-last-sync');
  await page.locator('tc-sync-status button[data-action=sync]:not([disabled])').click();
  await page
    .locator('tc-sync-status [data-sync-state="ok"][data-waiting="0"]:not([data-last-sync="' + (before ?? '') + '"])')
    .waitFor({ timeout: 30_000 });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const started = await startServer();
  url = started.url;
  const boot = await api<{ token: string }>('POST', '/bootstrap', {
    code: started.adminCode,
    login: 'hoidong',
    displayName: 'Hội đồng thành phố',
    password: PASSWORD,
  });
  adminToken = boot.token;
  const admin = await api<{ user: { id: string } }>('GET', '/me');
  const station = await api<{ id: string }>('POST', '/users', {
    login: 'tram-an-khanh',
    displayName: 'Trạm An Khánh',
    role: 'station',
    facilityId: STATION.id,
  });
  const lan = await api<{ id: string }>('POST', '/users', {
    login: 'lan',
    displayName: 'Nguyễn Thị Lan',
    role: 'inspector',
  });
  const minh = await api<{ id: string }>('POST', '/users', {
    login: 'minh',
    displayName: 'Trần Văn Minh',
    role: 'inspector',
  });
  const set = { id: SET.id, version: SET.version, hash: contentHash(SET) };
  const days = { opensOn: '2026-01-01', closesOn: '2099-12-31' };
  selfCampaign = (
    await api<{ id: string }>('POST', '/campaigns', {
      name: { vi: 'Tự đánh giá 2026', en: 'Self-assessment 2026' },
      set,
      kind: 'self-assessment',
      facilities: [STATION.id, INSPECTED.id],
      ...days,
    })
  ).id;
  inspection = (
    await api<{ id: string }>('POST', '/campaigns', {
      name: { vi: 'Kiểm tra 2026', en: 'Inspection 2026' },
      set,
      kind: 'inspection',
      facilities: [INSPECTED.id],
      ...days,
    })
  ).id;
  for (const u of [lan, minh])
    await api('POST', `/campaigns/${inspection}/assignments`, { facilityId: INSPECTED.id, userId: u.id });
  for (const [who, userId] of [
    ['station', station.id],
    ['council', admin.user.id],
    ['lan', lan.id],
    ['minh', minh.id],
  ] as const)
    codes[who] = (await api<{ shortCode: string }>('POST', '/devices', { userId, label: `Máy ${who}` })).shortCode;
  browser = await launch();
}, 240_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await staticApp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The static app (the production build on its own origin, no server): where tablets held data before. */
let staticApp: Served | undefined;

describe('the app with the council server (two profiles, production server on PGlite)', () => {
  it('a station self-assesses offline, reconnects, and the council dashboard shows it', async () => {
    const { ctx, page } = await tablet();
    await enrol(page, codes.station);
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-1280x800.png') });
    await page.goto(`${url}#/`);
    const task = page.locator(`tc-my-campaigns [data-task="${selfCampaign}/${STATION.id}"]`);
    await task.waitFor();
    expect(await task.getAttribute('data-state')).toBe('todo');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'home-campaigns-1280x800.png') });

    // Offline only once the service worker is active, i.e. its precache (every lazy chunk and set) is complete: a
    // tablet that goes offline earlier has not got the app yet, however slowly the machine installs it.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await ctx.setOffline(true);
    await task.locator('button[data-action=start-campaign]').click();
    await page.waitForURL(/#\/a\//);
    // Every item of the set (47: 44 yes/no, 3 percentages), t1.2 not met, all offline.
    for (const item of ITEMS) {
      const card = page.locator(`tc-item-card[data-item-id="${item}"]`);
      if (NUMERIC.has(item)) {
        await card.locator('input[data-number]').fill('96');
        await card.locator('input[data-number]').press('Enter');
      } else await card.locator(`button[data-value="${item === 't1.2' ? 'not-met' : 'met'}"]`).click();
    }
    await page.locator('tc-app [data-save="saved"]').waitFor();
    const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    await page.goto(`${url}#/a/${encodeURIComponent(id)}/submit`);
    const ack = page.locator('tc-submit label.acts input[type=checkbox]');
    if (await ack.count()) await ack.check(); // no photos taken: the station confirms
    await page.locator('button[data-action="lock"]').click(); // locked offline (content hash, device signature)
    await page.waitForURL(/\/results$/);
    await page.locator('tc-sync-status [data-sync-state="wait"][data-waiting="1"]').waitFor(); // offline: 1 waiting
    const mine = (await stored(page)).find((a) => a.campaign?.id === selfCampaign);
    expect(mine?.answers['t1.1']?.value).toBe('met');

    await ctx.setOffline(false); // the browser's "online" event starts a sync
    await page.locator('tc-sync-status [data-sync-state="ok"][data-waiting="0"]').waitFor({ timeout: 30_000 });

    const council = await tablet();
    await enrol(council.page, codes.council);
    await synced(council.page);
    const there = (await stored(council.page)).find((a) => a.id === mine!.id);
    expect(there?.campaign?.id).toBe(selfCampaign);
    expect(there?.answers).toMatchObject({ 't1.1': { value: 'met' }, 't1.2': { value: 'not-met' } });
    expect(there).toMatchObject({ status: 'locked' });
    await council.page.goto(`${url}#/dashboard`);
    await council.page.locator('tc-dashboard [data-section="ranking"]', { hasText: STATION.name }).waitFor();

    // The council's device reads the server's dashboard (no files to import): filtered by campaign, it says when
    // and why the campaign's results were computed, and the server's CSV export holds the station's row.
    const sd = council.page.locator('tc-server-dashboard');
    await sd.locator(`tr[data-assessment="${mine!.id}"]`, { hasText: STATION.name }).waitFor();
    await sd.locator('select[name=server-campaign]').selectOption(selfCampaign);
    await sd.locator('[data-campaign-computed="first"]').waitFor();
    expect(await sd.locator('tbody tr').count()).toBe(1);
    const [download] = await Promise.all([
      council.page.waitForEvent('download'),
      sd.locator('button[data-action=server-csv]').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(STATION.name);
    expect(csv).toContain(mine!.id);
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 800, height: 1280 },
      { width: 390, height: 844 },
    ]) {
      await council.page.setViewportSize(viewport);
      expect(await axe(council.page)).toEqual([]);
      await council.page.screenshot({ path: join(SHOTS, `dashboard-server-${viewport.width}x${viewport.height}.png`) });
    }
    // Offline, the dashboard still shows this device's data, labelled as such.
    await council.ctx.setOffline(true);
    await council.page.locator('tc-server-dashboard [data-local-source="offline"]').waitFor();
    await council.page.locator('tc-dashboard [data-section="ranking"]', { hasText: STATION.name }).waitFor();
    await council.ctx.setOffline(false);
  }, 180_000);

  it('a two-person inspection team fills one inspection on two tablets: the merge keeps both answers', async () => {
    const lan = await tablet();
    const minh = await tablet({ width: 800, height: 1280 });
    await enrol(lan.page, codes.lan);
    await enrol(minh.page, codes.minh);
    await lan.page.goto(`${url}#/`);
    await lan.page
      .locator(`tc-my-campaigns [data-task="${inspection}/${INSPECTED.id}"] button[data-action=start-campaign]`)
      .click();
    await lan.page.waitForURL(/#\/a\//);
    const id = decodeURIComponent(new URL(lan.page.url()).hash.split('/')[2]!);
    await answer(lan.page, 't1.1', 'met');
    await synced(lan.page);

    await minh.page.goto(`${url}#/`);
    await synced(minh.page);
    const open = minh.page.locator(`tc-my-campaigns [data-task="${inspection}/${INSPECTED.id}"] a`);
    await open.waitFor();
    await open.click();
    await minh.page.locator('tc-item-card[data-item-id="t1.1"]').waitFor();

    // Both offline: Lan answers t1.3, Minh answers t1.4, on their own tablets.
    await lan.ctx.setOffline(true);
    await minh.ctx.setOffline(true);
    await answer(lan.page, 't1.3', 'met');
    await answer(minh.page, 't1.4', 'not-met');
    await lan.ctx.setOffline(false);
    await synced(lan.page);
    await minh.ctx.setOffline(false);
    await synced(minh.page);
    await synced(lan.page);

    for (const t of [lan, minh]) {
      const a = (await stored(t.page)).find((x) => x.id === id)!;
      expect(a.campaign?.id).toBe(inspection);
      expect(a.answers).toMatchObject({
        't1.1': { value: 'met' },
        't1.3': { value: 'met' },
        't1.4': { value: 'not-met' },
      });
      expect(a.conflicts ?? []).toEqual([]);
    }
    const onServer = await api<{
      changes: Array<{ id: string; document: { answers: Record<string, { value?: string }> } }>;
    }>('GET', '/sync/pull?after=0');
    const doc = onServer.changes.find((c) => c.id === id)!.document;
    expect(doc.answers).toMatchObject({
      't1.1': { value: 'met' },
      't1.3': { value: 'met' },
      't1.4': { value: 'not-met' },
    });
    await minh.page.goto(`${url}#/settings`);
    await minh.page.locator('tc-settings [data-linked]').waitFor();
    await minh.page.screenshot({ path: join(SHOTS, 'settings-800x1280.png') });
  });

  it("a tablet's data in the static app moves by a backup into the served app, and after sync the council sees it", async () => {
    staticApp = await serve(); // another origin, its own storage: the app as tablets ran it before the server
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await refuseSavePicker(ctx);
    contexts.push(ctx);
    const old = await ctx.newPage();
    await old.goto(`${staticApp.url}#/new`);
    await old.locator('tc-new-assessment select[name=set]').selectOption(`${SET.id}@${SET.version}`);
    await old.locator('tc-new-assessment select[name=facility]').selectOption(STATION.id);
    await old.locator('tc-new-assessment textarea[name=assessors]').fill('Lê Văn Cũ');
    await old.locator('tc-new-assessment button[type=submit]').click();
    await old.waitForURL(/#\/a\//);
    const id = decodeURIComponent(new URL(old.url()).hash.split('/')[2]!);
    await answer(old, 't1.1', 'met');
    await answer(old, 't1.2', 'not-met');
    await old.goto(`${staticApp.url}#/io`);
    const [download] = await Promise.all([
      old.waitForEvent('download'),
      old.locator('tc-io button[data-backup]').click(),
    ]);
    const file = join(dataDir, 'static-backup');
    await download.saveAs(file);

    // The served app (the server's origin) imports the backup through its own screen, then enrols and syncs.
    const served = await tablet();
    await served.page.goto(`${url}#/io`);
    await served.page.locator('tc-io input[data-import]').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/octet-stream',
      buffer: readFileSync(file),
    });
    await served.page.locator('tc-io [data-import-ok]').waitFor({ timeout: 30_000 });
    expect((await stored(served.page)).some((a) => a.id === id)).toBe(true);
    const users = await api<Array<{ id: string; login: string }>>('GET', '/users');
    const stationUser = users.find((u) => u.login === 'tram-an-khanh')!;
    const code = (
      await api<{ shortCode: string }>('POST', '/devices', { userId: stationUser.id, label: 'Máy cũ của trạm' })
    ).shortCode;
    await enrol(served.page, code);
    await served.page.goto(`${url}#/`);
    await synced(served.page);

    // The council sees it: on the server's dashboard, with the answers given in the static app.
    const dash = await api<{ rows: Array<{ assessmentId: string; facility: { id: string } }> }>('GET', '/dashboard');
    expect(dash.rows.find((r) => r.assessmentId === id)?.facility.id).toBe(STATION.id);
    const pulled = await api<{
      changes: Array<{ id: string; document: { answers: Record<string, { value?: string }> } }>;
    }>('GET', '/sync/pull?after=0');
    expect(pulled.changes.find((c) => c.id === id)?.document.answers).toMatchObject({
      't1.1': { value: 'met' },
      't1.2': { value: 'not-met' },
    });
  }, 180_000);

  it('admin screens: sign-in, devices with QR and short code, campaigns (axe, three sizes)', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 800, height: 1280 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await tablet(viewport);
      await page.goto(`${url}#/admin`);
      await page.locator('tc-admin input[name=login]').fill('hoidong');
      await page.locator('tc-admin input[name=password]').fill(PASSWORD);
      await page.locator('tc-admin button[data-action=sign-in]').click();
      await page.locator('tc-admin [data-signed-in]').waitFor();
      await page.locator('tc-admin-users [data-user="lan"]').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.locator('tc-admin button[data-tab=devices]').click();
      await page.locator('tc-admin-devices input[name=label]').fill('Máy tính bảng mới');
      await page.locator('tc-admin-devices button[data-action=create-device]').click();
      await page.locator('tc-admin-devices [data-short-code]').waitFor();
      await page.locator('tc-admin-devices tc-qr-code svg path').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({
        path: join(SHOTS, `admin-devices-${viewport.width}x${viewport.height}.png`),
        fullPage: true,
      });
      await page.locator('tc-admin button[data-tab=campaigns]').click();
      await page.locator('tc-admin-campaigns [data-campaign="Kiểm tra 2026"]').waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `admin-campaigns-${viewport.width}x${viewport.height}.png`) });
      // Typed rounds → campaigns (the list comes from the server's /rounds route; empty here: every assessment of
      // this run was made for a campaign).
      await page.locator('tc-admin button[data-tab=rounds]').click();
      await page.locator('tc-admin-rounds section').waitFor();
      await page.locator('tc-admin-rounds [data-rounds-empty], tc-admin-rounds [data-admin-error]').first().waitFor();
      expect(await axe(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `admin-rounds-${viewport.width}x${viewport.height}.png`) });
    }
  }, 180_000);
});
