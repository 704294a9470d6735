// Launching Keel under tauri-driver and driving its window by accessible names.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Key } from './webdriver.mjs';

export { Key };

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = path.resolve(HERE, '..');
export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots');
export const APP = path.resolve(E2E_DIR, process.env.KEEL_APP || '../../target/debug/keel-desktop');
const TAURI_DRIVER =
  process.env.TAURI_DRIVER || [path.join(os.homedir(), '.cargo/bin/tauri-driver'), '/root/.cargo/bin/tauri-driver'].find((p) => fs.existsSync(p)) || 'tauri-driver';

/** The `keel` CLI built beside the app. */
export const CLI = path.join(path.dirname(APP), 'keel');

/** The CLI on the app's own vault (both may have it open at once): `run(args, input?)` gives
 * what it printed, and throws on a non-zero exit. */
export function keelCli(driver, passphrase) {
  return (args, input) =>
    execFileSync(CLI, args, {
      env: {
        PATH: process.env.PATH,
        KEEL_VAULT: path.join(driver.vaultDir, 'vault.keel'),
        KEEL_PASSPHRASE: passphrase,
        ...(process.env.TZ ? { TZ: process.env.TZ } : {}),
      },
      input,
      encoding: 'utf8',
    });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Print a measurement (not asserted) so it shows in the run's output. */
export function measure(label, ms) {
  const line = `[measure] ${label}: ${Math.round(ms)} ms`;
  console.log(line);
  const dir = process.env.E2E_RUN_DIR;
  if (dir) fs.appendFileSync(path.join(dir, 'measurements.txt'), line + '\n');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const live = new Set();
process.on('exit', () => {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
  }
});

/** Every process tree this test process started, so `stop` and the runner can end them. */
function remember(pid) {
  const dir = process.env.E2E_RUN_DIR;
  if (dir) fs.appendFileSync(path.join(dir, 'pgids'), `${pid}\n`);
}

/**
 * A tauri-driver of our own with a temp vault, config and data folders: the app reads
 * KEEL_VAULT from the environment that tauri-driver passes to WebKitWebDriver and then to it.
 */
export async function startDriver(name, extraEnv = {}) {
  if (!fs.existsSync(APP)) throw new Error(`no app binary at ${APP} (set KEEL_APP)`);
  if (!process.env.DISPLAY) throw new Error('DISPLAY is not set (run through `npm test`)');
  const base = process.env.E2E_RUN_DIR || os.tmpdir();
  const dir = fs.mkdtempSync(path.join(base, `${name}-`));
  const vaultDir = path.join(dir, 'vault');
  for (const d of ['vault', 'config', 'data', 'cache', 'home', 'runtime']) fs.mkdirSync(path.join(dir, d), { mode: 0o700 });
  const env = {
    ...process.env,
    KEEL_VAULT: path.join(vaultDir, 'vault.keel'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    XDG_RUNTIME_DIR: path.join(dir, 'runtime'),
    HOME: path.join(dir, 'home'),
    NO_AT_BRIDGE: '1',
    GTK_A11Y: 'none',
  };
  // No session bus unless a spec brings its own: Keel needs none (one instance per vault comes
  // from a lock file and socket beside the vault), and the desktop's bus stays out of the tests.
  delete env.DBUS_SESSION_BUS_ADDRESS;
  Object.assign(env, extraEnv);
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  const log = fs.openSync(path.join(dir, 'tauri-driver.log'), 'a');
  const child = spawn(TAURI_DRIVER, ['--port', String(port), '--native-port', String(nativePort)], {
    env,
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so it and everything under it can be ended together
  });
  fs.closeSync(log);
  remember(child.pid);
  // Never keep this test process alive for it, and never leave it behind when it exits.
  child.unref();
  live.add(child.pid);
  child.on('exit', () => live.delete(child.pid));
  let exited = false;
  child.on('exit', () => (exited = true));

  const driver = {
    dir,
    env,
    vaultDir,
    port,
    pid: child.pid,
    /** Ends tauri-driver, WebKitWebDriver and any app they started. */
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      for (let i = 0; i < 40 && !exited; i++) await sleep(50);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    },
    /** The app process (keel-desktop) under this driver, if one is running. */
    appPids() {
      return descendants(child.pid).filter((p) => p.comm.startsWith('keel-desktop') && p.stat[0] !== 'Z').map((p) => p.pid);
    },
  };
  // Wait until both tauri-driver and the native driver answer.
  const probe = new Client(nativePort);
  const deadline = Date.now() + 20_000;
  try {
    for (;;) {
      if (exited) throw new Error(`tauri-driver exited; see ${dir}/tauri-driver.log`);
      try {
        await probe.status();
        break;
      } catch {
        if (Date.now() > deadline) throw new Error('the native WebDriver did not start');
        await sleep(100);
      }
    }
  } finally {
    probe.close();
  }
  return driver;
}

function descendants(root) {
  let out;
  try {
    out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,stat=,comm='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const procs = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .map(([pid, ppid, stat, ...comm]) => ({ pid: +pid, ppid: +ppid, stat, comm: comm.join(' ') }));
  const set = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) if (set.has(p.ppid) && !set.has(p.pid)) (set.add(p.pid), (grew = true));
  }
  return procs.filter((p) => p.pid !== root && set.has(p.pid));
}

// ---- real input through the X server ----------------------------------------------------

/**
 * Real pointer and key input through XTest (`lib/xtest.py`, Python 3 with libX11 and libXtst),
 * on the driver's DISPLAY: for what WebKitWebDriver cannot synthesize (a middle click, the
 * keyboard context menu, a drag and drop). Steps: 'move X Y', 'down B', 'up B', 'key NAME',
 * 'key NAME down|up', 'sleep MS'; screen pixels, buttons 1 left, 2 middle, 3 right.
 */
export function xinput(driver, ...steps) {
  execFileSync('python3', [path.join(HERE, 'xtest.py'), ...steps], { env: driver.env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

/**
 * The windows on the screen (mapped, at least 20 px each way, at least partly on screen), as
 * `id WxH+X+Y`: the app's own window, and any menu or second window that comes up.
 */
export function screenWindows(driver) {
  const env = driver.env;
  const ids = execFileSync('xwininfo', ['-root', '-children'], { env, encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s+(0x[0-9a-f]+)\s/.exec(l)?.[1])
    .filter(Boolean);
  const out = [];
  for (const id of ids) {
    let info;
    try {
      info = execFileSync('xwininfo', ['-id', id], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue; // gone meanwhile
    }
    const num = (label) => Number(new RegExp(`${label}:\\s+(-?\\d+)`).exec(info)?.[1]);
    const [x, y, w, h] = [num('Absolute upper-left X'), num('Absolute upper-left Y'), num('Width'), num('Height')];
    if (!/Map State: IsViewable/.test(info) || w < 20 || h < 20 || x + w <= 0 || y + h <= 0) continue;
    out.push(`${id} ${w}x${h}+${x}+${y}`);
  }
  return out;
}

// ---- in-page helpers -------------------------------------------------------------------

// Prepended to every script: find things by their accessible name, like a screen reader.
const PRELUDE = `
const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const textOf = (node) => {
  if (node.nodeType === 3) return node.textContent;
  if (node.nodeType !== 1) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  if (node.tagName === 'INPUT' || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT') return '';
  let s = '';
  for (const c of node.childNodes) s += textOf(c);
  return s;
};
const accName = (el) => {
  const by = el.getAttribute('aria-labelledby');
  if (by) return norm(by.split(/\\s+/).map((id) => { const n = document.getElementById(id); return n ? textOf(n) : ''; }).join(' '));
  const al = el.getAttribute('aria-label');
  if (al) return norm(al);
  if (el.labels && el.labels.length) return norm([...el.labels].map(textOf).join(' '));
  if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'option' || el.tagName === 'A') return norm(textOf(el));
  return norm(el.getAttribute('title') || el.getAttribute('placeholder') || '');
};
const matches = (name, want) => want.startsWith('/') ? new RegExp(want.slice(1, want.lastIndexOf('/')), want.slice(want.lastIndexOf('/') + 1)).test(name) : name === want;
const CONTROLS = 'input, select, textarea, [role=combobox], [role=radiogroup], [role=region], [role=list], [role=listbox], ul[aria-label], ol[aria-label], ul[aria-labelledby], ol[aria-labelledby], form[aria-label], nav';
const byName = (sel, want, root) => [...(root || document).querySelectorAll(sel)].filter((el) => matches(accName(el), want));
const control = (want, root) => byName(CONTROLS, want, root).filter((el) => visible(el) || el.type === 'radio' || el.type === 'checkbox')[0] || null;
const button = (want, root) => byName('button, [role=button], a[href]', want, root).filter(visible)[0] || null;
const heading = (want) => [...document.querySelectorAll('h1, h2, h3')].find((h) => matches(norm(textOf(h)), want)) || null;
`;

export class App {
  constructor(client, driver) {
    this.client = client;
    this.driver = driver;
  }

  /** Run `fn` in the page with the prelude's helpers in scope. */
  async run(fn, ...args) {
    return this.client.execute(`${PRELUDE}\nreturn (${fn}).apply(null, arguments);`, ...args);
  }

  /** Poll `fn` in the page until it returns something truthy. */
  async waitFor(fn, args = [], { timeout = 10_000, what = String(fn).slice(0, 160) } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.run(fn, ...args);
        if (last) return last;
      } catch (e) {
        last = e;
      }
      if (Date.now() > deadline) {
        const body = await this.bodyText().catch(() => '?');
        throw new Error(`timed out waiting for ${what}\n(last: ${last instanceof Error ? last.message : JSON.stringify(last)})\n--- page text ---\n${body.slice(0, 1500)}`);
      }
      await sleep(50);
    }
  }

  bodyText() {
    return this.run(() => document.body.innerText);
  }

  /** The control with this accessible name ("/regex/flags" allowed). */
  async control(name, within) {
    return this.waitFor((n, w) => control(n, w ? control(w) || button(w) : undefined), [name, within ?? null], { what: `control "${name}"` });
  }

  async button(name) {
    return this.waitFor((n) => button(n), [name], { what: `button "${name}"` });
  }

  async heading(text, timeout = 10_000) {
    return this.waitFor((t) => heading(t), [text], { what: `heading "${text}"`, timeout });
  }

  async click(name) {
    const b = await this.button(name);
    await b.click();
    return b;
  }

  /** Click a main-navigation entry. */
  async nav(name) {
    const b = await this.waitFor((n) => { const nav = document.querySelector('nav[aria-label=Main]'); return nav && button(n, nav); }, [name], { what: `nav "${name}"` });
    await b.click();
  }

  /** Replace the text of the labelled field by typing. */
  async fill(name, text, within) {
    const el = await this.control(name, within);
    await el.clear();
    if (text) await el.sendKeys(text);
    return el;
  }

  async type(name, text) {
    const el = await this.control(name);
    await el.sendKeys(text);
    return el;
  }

  async value(name) {
    return (await this.control(name)).value();
  }

  /** Pick a value on a 0–10 scale by clicking its segment (the transparent radio on top). */
  async pick(scale, value) {
    const seg = await this.waitFor(
      (s, v) => {
        const g = control(s);
        return g && g.querySelector(`input[value="${v}"]`);
      },
      [scale, value],
      { what: `scale ${scale}=${value}` },
    );
    await seg.click();
    await this.waitFor((s, v) => control(s).querySelector('input:checked')?.value === String(v), [scale, value], { what: `${scale} = ${value}` });
  }

  /** Choose an <option> of a labelled <select> by its text. */
  async select(name, optionText) {
    const opt = await this.waitFor(
      (n, t) => { const s = control(n); return s && [...s.options].find((o) => norm(o.textContent) === t); },
      [name, optionText],
      { what: `option ${optionText}` },
    );
    await opt.click();
    await this.waitFor((n, t) => { const s = control(n); return norm(s.options[s.selectedIndex].textContent) === t; }, [name, optionText]);
  }

  async focusedName() {
    return this.run(() => { const a = document.activeElement; return a ? `${a.tagName.toLowerCase()}${a.name ? `[name=${a.name}]` : ''}${a.id ? '#' + a.id : ''} ${accName(a)}` : ''; });
  }

  /** Wait for a record row (button) containing `text` in a list with this accessible name. */
  async row(listName, text, { present = true, timeout = 10_000 } = {}) {
    return this.waitFor(
      (l, t, p) => {
        const list = control(l);
        const row = list && [...list.querySelectorAll('button')].find((b) => norm(b.textContent).includes(t));
        return p ? row || null : !row;
      },
      [listName, text, present],
      { what: `${present ? '' : 'no '}row "${text}" in "${listName}"`, timeout },
    );
  }

  /** Close every toast (they sit bottom-right over the page for 8 s). */
  async dismissToasts() {
    await this.run(() => document.querySelectorAll('.toasts button[aria-label=Dismiss]').forEach((b) => b.click()));
    await this.waitFor(() => !document.querySelector('.toast'), [], { what: 'toasts gone' });
  }

  /** Wait until the page has settled (two frames) so a screenshot shows what the DOM holds. */
  async settle(ms = 150) {
    await this.client.executeAsync(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
    await sleep(ms);
  }

  async screenshot(name) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.settle();
    // Taken from the X display, the window's area as drawn: WebKitWebDriver's own screenshot
    // hangs when WebKit draws without compositing, which is how Keel runs (src-tauri/src/rendering.rs).
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    const r = await this.client.windowRect();
    // The first frames after launch may still be blank; retry a little.
    for (let i = 0; i < 20; i++) {
      execFileSync('import', ['-window', 'root', '-crop', `${r.width}x${r.height}+${r.x}+${r.y}`, '+repage', file], { env: this.driver.env, timeout: 30_000 });
      if (fs.statSync(file).size > 12_000) break;
      await sleep(100);
    }
    return file;
  }

  /** Snapshot of anything an injection could have left in the document. */
  async xssState() {
    return this.run(() => ({
      xss: typeof window.__xss,
      badImgs: [...document.querySelectorAll('img')].filter((i) => !/^data:/i.test(i.getAttribute('src') || '')).map((i) => i.outerHTML),
      scripts: [...document.body.querySelectorAll('script')].map((s) => s.outerHTML),
      iframes: document.querySelectorAll('iframe, object, embed').length,
      jsLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') || a.getAttribute('src') || a.getAttribute('action') || a.getAttribute('formaction') || '')).map((a) => a.outerHTML),
      handlers: [...document.body.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 200)),
      remote: performance.getEntriesByType('resource').map((r) => r.name).filter((n) => /127\.0\.0\.1:9|^https?:\/\/x\b/.test(n)),
      href: location.href,
    }));
  }
}

/** Start the app in a new WebDriver session; resolves once the page is scriptable. */
export async function launch(driver, { args = [] } = {}) {
  // One app at a time: wait for the previous one under this driver to be gone.
  for (let i = 0; i < 100 && driver.appPids().length; i++) await sleep(100);
  if (driver.appPids().length) throw new Error(`a previous app is still running: ${driver.appPids()}`);
  const client = new Client(driver.port);
  const t0 = performance.now();
  await client.newSession(APP, args);
  const app = new App(client, driver);
  app.launchedAt = t0;
  app.sessionMs = performance.now() - t0;
  return app;
}

/** Delete the session (this closes the app window) and wait for the process to go. */
export async function quit(app) {
  if (!app) return;
  try {
    await app.client.deleteSession();
  } finally {
    app.client.close();
  }
  for (let i = 0; i < 100 && app.driver.appPids().length; i++) await sleep(100);
}

// ---- common flows ----------------------------------------------------------------------

/** First run: create the vault, read the recovery key off the screen and confirm a group. */
export async function createVault(app, passphrase, shots) {
  await app.heading('Welcome to Keel', 30_000);
  if (shots) await app.screenshot(`${shots}-01-first-run`);
  await app.fill('Choose a passphrase', passphrase);
  await app.fill('Type it again', passphrase);
  await app.click("Create my journal");
  await app.heading('Your recovery key', 60_000);
  const groups = await app.run(() => [...document.querySelectorAll('ol[aria-label="Recovery key groups"] li code')].map((c) => c.textContent.trim()));
  if (shots) await app.screenshot(`${shots}-02-recovery-key`);
  const label = await app.waitFor(() => [...document.querySelectorAll('label')].map((l) => norm(l.textContent)).find((t) => /^Type group \d+ /.test(t)));
  const n = Number(/group (\d+)/.exec(label)[1]);
  return { groups, ask: n, label };
}

export async function confirmGroup(app, groups, n, shots) {
  await app.fill(`/^Type group ${n} /`, groups[n - 1]);
  await app.click("I've kept it — continue");
  // The last first-run screen teaches the quick-hide shortcut.
  await app.heading('Your journal is ready', 20_000);
  if (shots) await app.screenshot(`${shots}-02b-ready`);
  await app.click('Open my journal');
  await app.heading('How are you right now?', 20_000);
}

export async function unlock(app, passphrase) {
  await app.heading('Keel is locked', 30_000);
  await app.fill('Passphrase', passphrase);
  await app.click('Unlock');
  await app.heading('How are you right now?', 60_000);
}
