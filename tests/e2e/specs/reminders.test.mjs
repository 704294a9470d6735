// Reminders from the shell's own timer, through a debug-only hook that records notifications
// (KEEL_NOTIFICATION_LOG) instead of showing them: one missed while Keel was closed comes once
// at the next start; with "keep Keel in the tray", closing the window hides it, locks Keel and
// leaves the process running, and a reminder still comes, in the words the person chose; started
// at login (`--hidden`), Keel stays in the tray until a later launch brings it forward.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startDriver, launch, quit, createVault, confirmGroup, sleep, screenWindows, xinput, APP } from '../lib/app.mjs';

const hhmm = (d) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** The app's big windows on screen (its main window when shown). */
const shown = (driver) => screenWindows(driver).filter((w) => Number(/ (\d+)x/.exec(w)[1]) >= 400);

/** A later launch, as a user would (it hands over to the running Keel and exits). */
function launchAgain(driver) {
  return new Promise((resolve, reject) => {
    const p = spawn(APP, [], { env: driver.env, stdio: 'ignore' });
    const timer = setTimeout(() => (p.kill('SIGKILL'), reject(new Error('the second launch did not exit'))), 20_000);
    p.on('exit', (code) => (clearTimeout(timer), resolve(code)));
  });
}

describe('reminders', { concurrency: 1 }, () => {
  let driver;
  let app;
  let log;
  const settings = (s) => fs.writeFileSync(path.join(driver.vaultDir, 'reminders.json'), JSON.stringify(s));
  const lines = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
  async function until(what, fn, timeout) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = fn();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(250);
    }
  }

  before(async () => {
    log = path.join(fs.mkdtempSync(path.join(process.env.E2E_RUN_DIR || os.tmpdir(), 'notes-')), 'notifications.log');
    driver = await startDriver('reminders', { KEEL_NOTIFICATION_LOG: log });
  });

  after(async () => {
    // Closing for good again, so the session can end the app.
    if (driver) settings({});
    await quit(app);
    await driver?.stop();
  });

  it('a reminder missed while Keel was closed is shown once at the next start, marked as missed', async () => {
    settings({ checkinTimes: [hhmm(new Date(Date.now() - 30 * 60_000))] });
    fs.writeFileSync(path.join(driver.vaultDir, 'reminders-state.json'), JSON.stringify({ lastLooked: new Date(Date.now() - 2 * 3600_000).toISOString() }));
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    const [note] = await until('the missed reminder', () => (lines().length ? lines() : null), 15_000);
    assert.deepEqual(note, { title: 'Keel', body: 'Time for a check-in', late: true, reason: 'checkin' });
    await sleep(2_500);
    assert.equal(lines().length, 1, 'shown once, not again at the next look');
    await quit(app);
    app = null;
  });

  it('kept in the tray: closing hides the window and locks, Keel keeps running, and a reminder still comes', async () => {
    fs.rmSync(log, { force: true });
    settings({ closeToTray: true, checkinText: 'Stretch your legs' });
    app = await launch(driver);
    const { groups, ask } = await createVault(app, 'a tray passphrase to remember');
    await confirmGroup(app, groups, ask);
    const [win] = shown(driver);
    assert.ok(win, 'the window is on screen');
    xinput(driver, `close ${win.split(' ')[0]}`);
    await until('the window to hide', () => shown(driver).length === 0, 10_000);
    assert.equal(driver.appPids().length, 1, 'Keel is still running');
    await app.waitFor(() => [...document.querySelectorAll('h1')].some((h) => h.textContent.includes('Keel is locked')), [], { what: 'the lock screen' });

    // A check-in reminder at the next whole minute at least 10 s away.
    const at = new Date(Date.now() + 10_000 + 60_000);
    at.setSeconds(0, 0);
    settings({ closeToTray: true, checkinText: 'Stretch your legs', checkinTimes: [hhmm(at)] });
    const wait = at.getTime() - Date.now() + 45_000;
    const [note] = await until('the reminder while in the tray', () => (lines().length ? lines() : null), wait);
    assert.deepEqual(note, { title: 'Keel', body: 'Stretch your legs', late: false, reason: 'checkin' });
    assert.equal(shown(driver).length, 0, 'the reminder does not open the window');

    assert.equal(await launchAgain(driver), 0, 'a later launch hands over and exits');
    await until('the window to come back', () => shown(driver).length === 1, 10_000);
    settings({});
    await quit(app);
    app = null;
  });

  it('started at login, Keel stays in the tray until it is opened', async () => {
    settings({ closeToTray: true, startAtLogin: true });
    app = await launch(driver, { args: ['--hidden'] });
    await sleep(2_000);
    assert.equal(shown(driver).length, 0, 'no window at login');
    assert.equal(driver.appPids().length, 1, 'but Keel is running');
    assert.equal(await launchAgain(driver), 0);
    await until('the window to come forward', () => shown(driver).length === 1, 10_000);
    await app.waitFor(() => [...document.querySelectorAll('h1')].some((h) => h.textContent.includes('Keel is locked')), [], { what: 'the lock screen' });
    settings({});
  });
});
