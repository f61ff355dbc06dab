/**
 * One scenario, three drivers: the same end-to-end steps run in Chromium (playwright-core), Firefox ESR
 * (puppeteer-core over WebDriver BiDi) and WebKitGTK's MiniBrowser (WebKitWebDriver, W3C WebDriver classic,
 * through the `webdriver` client, under Xvfb). Every browser is Debian's; nothing is downloaded.
 *
 * Selectors pierce open shadow roots the same way in every engine: a selector is a chain of CSS selectors joined
 * by ` >>> `; each link is looked for in the previous match's subtree, its shadow root and every nested open shadow
 * root ({@link DEEP_FIND}), so `tc-item-card[data-item-id="i4"] >>> input[type=file]` finds the file input inside
 * that card wherever the components put it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as PwBrowser, BrowserContext as PwContext, Page as PwPage } from 'playwright-core';
import { launch as launchChromium } from './harness.js';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A downloaded file, read from the folder the browser itself saved it to. */
export interface Downloaded {
  name: string;
  path: string;
  bytes: Buffer;
}

/** The page API the shared scenarios use; each engine implements it with its own driver. */
export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn(arg)` in the page (awaiting a returned promise); `fn` must not use anything from its closure. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** True when the deep selector matches an element now. */
  has(sel: string): Promise<boolean>;
  /** Waits until the deep selector matches. */
  waitFor(sel: string, timeoutMs?: number): Promise<void>;
  /** A real click (scrolls into view, pointer events) on the deep selector's element. */
  click(sel: string): Promise<void>;
  /** Replaces the text of an input or textarea by typing; `enter` presses Enter afterwards. */
  fill(sel: string, text: string, opts?: { enter?: boolean }): Promise<void>;
  /** Picks an option of a `<select>` by value. */
  select(sel: string, value: string): Promise<void>;
  /** Hands a file on disk to an `<input type=file>` the way a user's file picker does. */
  setFile(sel: string, path: string): Promise<void>;
  /** A pointer drag over the element: points are CSS px from its top-left corner. */
  draw(sel: string, points: [number, number][]): Promise<void>;
  /** Saves a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Runs `trigger` (a click) and resolves to the file the browser downloaded because of it. */
  download(trigger: () => Promise<void>, timeoutMs?: number): Promise<Downloaded>;
}

/** One launched browser (once per test file) and the page the scenario drives. */
export interface Engine {
  readonly name: EngineName;
  readonly page: EnginePage;
  close(): Promise<void>;
}

/**
 * Finds an element through open shadow roots; `chain` is the ` >>> `-separated selector split into links.
 * Plain function: it is serialised into the page by every driver.
 */
export const DEEP_FIND = (chain: string[]): Element | null => {
  const find = (root: ParentNode, sel: string): Element | null => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.shadowRoot) {
        const h = find(el.shadowRoot, sel);
        if (h) return h;
      }
    }
    return null;
  };
  let cur: Element | Document = document;
  for (const sel of chain) {
    let hit: Element | null = null;
    if (cur instanceof Element && cur.shadowRoot) hit = find(cur.shadowRoot, sel);
    if (!hit) hit = find(cur, sel);
    if (!hit) return null;
    cur = hit;
  }
  return cur instanceof Element ? cur : null;
};

const chainOf = (sel: string): string[] => sel.split(' >>> ').map((s) => s.trim());
const deepExpr = (sel: string) => `(${DEEP_FIND.toString()})(${JSON.stringify(chainOf(sel))})`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; throws `what` after `timeoutMs`. */
export async function until<T>(fn: () => Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

/** Waits for a new complete file in `dir` (browsers write `.part` / temporary names first). */
async function newFileIn(dir: string, before: Set<string>, timeoutMs: number): Promise<Downloaded> {
  let lastSize = -1;
  const name = await until(
    async () => {
      const fresh = readdirSync(dir).filter(
        (n) => !before.has(n) && !/\.(part|download|crdownload)$/.test(n) && !n.startsWith('.'),
      );
      if (fresh.length !== 1) return '';
      const size = statSync(join(dir, fresh[0]!)).size;
      const stable = size > 0 && size === lastSize;
      lastSize = size;
      return stable ? fresh[0]! : '';
    },
    `a download in ${dir}`,
    timeoutMs,
  );
  const path = join(dir, name);
  return { name, path, bytes: readFileSync(path) };
}

/** Common helpers built on `evaluate`, shared by the three drivers. */
abstract class BasePage {
  abstract evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  protected abstract evalString<T>(expr: string): Promise<T>;
  has(sel: string): Promise<boolean> {
    return this.evalString<boolean>(`!!${deepExpr(sel)}`);
  }
  async waitFor(sel: string, timeoutMs = 20_000): Promise<void> {
    await until(() => this.has(sel), sel, timeoutMs);
  }
}

// ---------------------------------------------------------------- Chromium: playwright-core

class ChromiumPage extends BasePage implements EnginePage {
  readonly engine = 'chromium' as const;
  constructor(
    readonly pw: PwPage,
    private readonly dlDir: string,
  ) {
    super();
  }
  private async el(sel: string) {
    await this.waitFor(sel);
    const h = (await this.pw.evaluateHandle(deepExpr(sel))).asElement() as
      import('playwright-core').ElementHandle<Element> | null;
    if (!h) throw new Error(`no element ${sel}`);
    return h;
  }
  async goto(url: string) {
    await this.pw.goto(url);
  }
  async reload() {
    await this.pw.reload();
  }
  async url() {
    return this.pw.url();
  }
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return this.pw.evaluate(fn as any, arg) as Promise<T>;
  }
  protected evalString<T>(expr: string): Promise<T> {
    return this.pw.evaluate(expr) as Promise<T>;
  }
  async click(sel: string) {
    await (await this.el(sel)).click();
  }
  async fill(sel: string, text: string, opts: { enter?: boolean } = {}) {
    const el = await this.el(sel);
    await el.fill(text);
    if (opts.enter) await el.press('Enter');
  }
  async select(sel: string, value: string) {
    await (await this.el(sel)).selectOption(value);
  }
  async setFile(sel: string, path: string) {
    await (await this.el(sel)).setInputFiles(path);
  }
  async draw(sel: string, points: [number, number][]) {
    const el = await this.el(sel);
    await el.scrollIntoViewIfNeeded();
    const box = (await el.boundingBox())!;
    const [first, ...rest] = points;
    await this.pw.mouse.move(box.x + first![0], box.y + first![1]);
    await this.pw.mouse.down();
    for (const [x, y] of rest) await this.pw.mouse.move(box.x + x, box.y + y, { steps: 2 });
    await this.pw.mouse.up();
  }
  async screenshot(path: string) {
    await this.pw.screenshot({ path });
  }
  async download(trigger: () => Promise<void>, timeoutMs = 60_000): Promise<Downloaded> {
    const [dl] = await Promise.all([this.pw.waitForEvent('download', { timeout: timeoutMs }), trigger()]);
    const path = join(this.dlDir, dl.suggestedFilename());
    await dl.saveAs(path);
    return { name: dl.suggestedFilename(), path, bytes: readFileSync(path) };
  }
}

async function chromiumEngine(): Promise<Engine> {
  const dlDir = mkdtempSync(join(tmpdir(), 'tieuchi-dl-chromium-'));
  const browser: PwBrowser = await launchChromium();
  const ctx: PwContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  // Headless Chromium answers the save picker (File System Access) with AbortError, as if the user cancelled: here
  // it refuses instead (NotAllowedError), so the backup takes its download path, as in Firefox and WebKit; the
  // engine probe still sees the function.
  await ctx.addInitScript(() =>
    Object.defineProperty(window, 'showSaveFilePicker', {
      value: () => Promise.reject(new DOMException('no user to choose a file', 'NotAllowedError')),
    }),
  );
  const page = new ChromiumPage(await ctx.newPage(), dlDir);
  return {
    name: 'chromium',
    page,
    close: async () => {
      await browser.close();
      rmSync(dlDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- Firefox ESR: puppeteer-core over WebDriver BiDi

type PpBrowser = import('puppeteer-core').Browser;
type PpPage = import('puppeteer-core').Page;
type PpElement = import('puppeteer-core').ElementHandle<Element>;

class FirefoxPage extends BasePage implements EnginePage {
  readonly engine = 'firefox' as const;
  constructor(
    readonly pp: PpPage,
    private readonly dlDir: string,
  ) {
    super();
  }
  private async el(sel: string): Promise<PpElement> {
    await this.waitFor(sel);
    const h = (await this.pp.evaluateHandle(deepExpr(sel))).asElement() as PpElement | null;
    if (!h) throw new Error(`no element ${sel}`);
    return h;
  }
  async goto(url: string) {
    await this.pp.goto(url);
  }
  async reload() {
    await this.pp.reload();
  }
  async url() {
    return this.pp.url();
  }
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return this.pp.evaluate(fn as any, arg) as Promise<T>;
  }
  protected evalString<T>(expr: string): Promise<T> {
    return this.pp.evaluate(expr) as Promise<T>;
  }
  async click(sel: string) {
    await (await this.el(sel)).click();
  }
  async fill(sel: string, text: string, opts: { enter?: boolean } = {}) {
    const el = await this.el(sel);
    await el.evaluate((e) => {
      (e as HTMLInputElement).value = '';
    });
    await el.type(text);
    if (opts.enter) await el.press('Enter');
  }
  async select(sel: string, value: string) {
    await (await this.el(sel)).select(value);
  }
  async setFile(sel: string, path: string) {
    await ((await this.el(sel)) as unknown as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(
      path,
    );
  }
  async draw(sel: string, points: [number, number][]) {
    const el = await this.el(sel);
    await el.scrollIntoView();
    const box = (await el.boundingBox())!;
    const [first, ...rest] = points;
    await this.pp.mouse.move(box.x + first![0], box.y + first![1]);
    await this.pp.mouse.down();
    for (const [x, y] of rest) await this.pp.mouse.move(box.x + x, box.y + y, { steps: 2 });
    await this.pp.mouse.up();
  }
  async screenshot(path: string) {
    await this.pp.screenshot({ path: path as `${string}.png` });
  }
  async download(trigger: () => Promise<void>, timeoutMs = 60_000): Promise<Downloaded> {
    const before = new Set(readdirSync(this.dlDir));
    await trigger();
    return newFileIn(this.dlDir, before, timeoutMs);
  }
}

async function firefoxEngine(): Promise<Engine> {
  const { default: puppeteer } = await import('puppeteer-core');
  const dlDir = mkdtempSync(join(tmpdir(), 'tieuchi-dl-firefox-'));
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Downloads go straight to dlDir (no dialog, no built-in PDF viewer), where the test reads them.
    extraPrefsFirefox: {
      'browser.download.dir': dlDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'pdfjs.disabled': true,
    },
  });
  const pp = (await browser.pages())[0] ?? (await browser.newPage());
  await pp.setViewport({ width: 1280, height: 800 });
  return {
    name: 'firefox',
    page: new FirefoxPage(pp, dlDir),
    close: async () => {
      await browser.close();
      rmSync(dlDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- WebKit: WebKitWebDriver (W3C WebDriver classic) under Xvfb

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type WdClient = Awaited<ReturnType<(typeof import('webdriver'))['default']['newSession']>>;
type WdRef = Record<string, string>;

class WebKitPage extends BasePage implements EnginePage {
  readonly engine = 'webkit' as const;
  constructor(
    readonly wd: WdClient,
    private readonly dlDir: string,
  ) {
    super();
  }
  private async el(sel: string): Promise<string> {
    await this.waitFor(sel);
    const ref = (await this.wd.executeScript(`return ${deepExpr(sel)};`, [])) as WdRef | null;
    const id = ref?.[ELEMENT];
    if (!id) throw new Error(`no element ${sel}`);
    return id;
  }
  async goto(url: string) {
    await this.wd.navigateTo(url);
  }
  async reload() {
    await this.wd.refresh();
  }
  async url() {
    return this.wd.getUrl();
  }
  async evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    const out = (await this.wd.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then((v) => done({ v }), (e) => done({ e: String(e && e.stack || e) }));`,
      [arg ?? null],
    )) as { v?: T; e?: string };
    if (out.e !== undefined) throw new Error(`in page: ${out.e}`);
    return out.v as T;
  }
  protected evalString<T>(expr: string): Promise<T> {
    return this.wd.executeScript(`return ${expr};`, []) as Promise<T>;
  }
  /** Scrolls the element to the viewport's centre; resolves to its centre point in viewport CSS px. */
  private async centre(sel: string): Promise<{ x: number; y: number; w: number; h: number }> {
    return this.evalString(`(() => {
      const el = ${deepExpr(sel)};
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2), w: r.width, h: r.height };
    })()`);
  }
  async click(sel: string) {
    await this.el(sel);
    // A real pointer press and release at the element's centre. (WebKitWebDriver's Element Click hit-tests with
    // the document's elementFromPoint, which stops at the outermost shadow host, and so reports "element click
    // intercepted" for any button inside a component's shadow root.)
    const c = await this.centre(sel);
    await this.wd.performActions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', duration: 0, origin: 'viewport', x: c.x, y: c.y },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
    await this.wd.releaseActions();
  }
  async fill(sel: string, text: string, opts: { enter?: boolean } = {}) {
    const id = await this.el(sel);
    // Element Clear needs the same shadow-unaware hit test as a click (see click()): the field is emptied by
    // script instead, then typed into with real key events (Element Send Keys only needs it focusable).
    await this.centre(sel);
    await this.evalString(`(() => { const el = ${deepExpr(sel)}; el.focus(); el.value = ''; })()`);
    await this.wd.elementSendKeys(id, text);
    if (opts.enter) await this.wd.elementSendKeys(id, '\uE007');
  }
  async select(sel: string, value: string) {
    // MiniBrowser opens a <select> as a GTK popup menu, which WebDriver's click on an <option> does not drive:
    // the value is set the way puppeteer's select() does it, with the input and change events a user's pick fires.
    await this.el(`${sel} >>> option[value="${value}"]`);
    const ok = await this.evalString<boolean>(`(() => {
      const el = ${deepExpr(sel)};
      el.value = ${JSON.stringify(value)};
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return el.value === ${JSON.stringify(value)};
    })()`);
    if (!ok) throw new Error(`cannot select ${value} in ${sel}`);
  }
  async setFile(sel: string, path: string) {
    await this.wd.elementSendKeys(await this.el(sel), path);
  }
  async draw(sel: string, points: [number, number][]) {
    await this.el(sel);
    const c = await this.centre(sel);
    const left = c.x - c.w / 2;
    const top = c.y - c.h / 2;
    const at = ([x, y]: [number, number]) => ({
      origin: 'viewport' as const,
      x: Math.round(left + x),
      y: Math.round(top + y),
    });
    const [first, ...rest] = points;
    await this.wd.performActions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', duration: 0, ...at(first!) },
          { type: 'pointerDown', button: 0 },
          ...rest.map((p) => ({ type: 'pointerMove', duration: 20, ...at(p) })),
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
    await this.wd.releaseActions();
  }
  async screenshot(path: string) {
    writeFileSync(path, Buffer.from(await this.wd.takeScreenshot(), 'base64'));
  }
  async download(trigger: () => Promise<void>, timeoutMs = 60_000): Promise<Downloaded> {
    const before = new Set(readdirSync(this.dlDir));
    await trigger();
    return newFileIn(this.dlDir, before, timeoutMs);
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Starts Xvfb on a free display number; resolves to the display and the process. */
async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    proc.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  return { display, proc };
}

async function webkitEngine(): Promise<Engine> {
  const { default: WebDriver } = await import('webdriver');
  // A private HOME: MiniBrowser's profile and its download folder (XDG_DOWNLOAD_DIR) live there, fresh per file.
  const home = mkdtempSync(join(tmpdir(), 'tieuchi-webkit-'));
  const dlDir = join(home, 'Downloads');
  mkdirSync(dlDir);
  mkdirSync(join(home, '.config'));
  writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${dlDir}"\n`);
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    env: {
      ...process.env,
      DISPLAY: xvfb.display,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      // Mesa's shader cache is written by WebKit's GPU process as it exits: nothing to keep from a throwaway profile.
      MESA_SHADER_CACHE_DISABLE: 'true',
    },
    stdio: 'ignore',
  });
  const stop = async () => {
    const gone = (p: ChildProcess) =>
      p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r));
    driver.kill();
    xvfb.proc.kill();
    await Promise.all([gone(driver), gone(xvfb.proc)]);
    try {
      rmSync(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* a helper process still writing there: a temporary folder, left for the system to clear */
    }
  };
  try {
    const wd = await until(
      () =>
        WebDriver.newSession({
          hostname: '127.0.0.1',
          port,
          path: '/',
          logLevel: 'silent',
          connectionRetryCount: 0,
          capabilities: {
            browserName: 'MiniBrowser',
            'wdio:enforceWebDriverClassic': true,
            'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          } as WebdriverIO.Capabilities,
        }),
      'a WebKitWebDriver session',
      30_000,
    );
    // A 1280x800 viewport: the window adds MiniBrowser's own chrome around it.
    const chrome = (await wd.executeScript('return [outerWidth - innerWidth, outerHeight - innerHeight];', [])) as [
      number,
      number,
    ];
    await wd.setWindowRect(null, null, 1280 + chrome[0], 800 + chrome[1]);
    const page = new WebKitPage(wd, dlDir);
    return {
      name: 'webkit',
      page,
      close: async () => {
        await wd.deleteSession().catch(() => undefined);
        await stop();
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Launches `name` once (call it in `beforeAll`) with a fresh profile and a 1280x800 viewport. */
export function launchEngine(name: EngineName): Promise<Engine> {
  if (name === 'chromium') return chromiumEngine();
  if (name === 'firefox') return firefoxEngine();
  return webkitEngine();
}
