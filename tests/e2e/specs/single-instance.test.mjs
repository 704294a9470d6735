// One Keel at a time: a second launch hands over to the first window and exits; the first keeps
// running with its state. With a session bus (as on a desktop), with a broken one, and with none
// at all: the instance lock lives beside the vault (`<vault>.lock`, `<vault>.sock`). A window
// hidden with Ctrl+Shift+H comes back on the lock screen.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { startDriver, launch, quit, createVault, confirmGroup, sleep, Key, APP } from '../lib/app.mjs';

/**
 * Launches Keel again, as a user would, with the driver's environment (and `extraEnv`);
 * resolves to its exit code and what it printed, or rejects if it is still running after 20 s
 * (then it is ended: a second Keel that stays up is the failure).
 */
function secondLaunch(driver, extraEnv = {}) {
  const second = spawn(APP, [], { env: { ...driver.env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  second.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill('SIGKILL');
      reject(new Error(`the second launch (pid ${second.pid}) did not exit within 20 s; it printed: ${stderr}`));
    }, 20_000);
    second.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, pid: second.pid });
    });
    second.on('error', (e) => (clearTimeout(timer), reject(e)));
  });
}

/** A private session bus for this spec; resolves to its address and a stop function. */
function sessionBus() {
  return new Promise((resolve, reject) => {
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('dbus-daemon did not start')), 10_000);
    bus.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ address: out.trim(), stop: () => bus.kill('SIGTERM') });
      }
    });
    bus.on('error', reject);
  });
}

describe('one instance at a time', { concurrency: 1 }, () => {
  let bus;
  let driver;
  let app;

  before(async () => {
    bus = await sessionBus();
    driver = await startDriver('single', { DBUS_SESSION_BUS_ADDRESS: bus.address });
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    await app.fill('Choose a passphrase', 'typed before the second launch');
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
    bus?.stop();
  });

  it('a second launch exits and leaves the first window as it was', async () => {
    const first = driver.appPids();
    assert.equal(first.length, 1, 'one app running');
    const second = await secondLaunch(driver);
    assert.equal(second.code, 0, `the second launch exits cleanly (${second.stderr})`);
    assert.deepEqual(driver.appPids(), first, 'the first app is still the only one');
    const kept = await app.run(() => document.querySelector('input[type=password]')?.value);
    assert.equal(kept, 'typed before the second launch', 'the first window keeps its state');
    const visible = await app.run(() => document.visibilityState);
    assert.equal(visible, 'visible', 'and is shown');
  });
});

describe('one instance at a time, without a working session bus', { concurrency: 1 }, () => {
  let driver;
  let app;
  const drivers = [];

  after(async () => {
    await quit(app).catch(() => {});
    for (const d of drivers) await d.stop();
  });

  it('with DBUS_SESSION_BUS_ADDRESS=disabled: Keel starts, and a second launch exits and leaves the first', async () => {
    driver = await startDriver('single-disabled', { DBUS_SESSION_BUS_ADDRESS: 'disabled:' });
    drivers.push(driver);
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    await app.fill('Choose a passphrase', 'typed before the second launch');
    const first = driver.appPids();
    assert.equal(first.length, 1, 'one app running');
    const second = await secondLaunch(driver, { DBUS_SESSION_BUS_ADDRESS: 'disabled:' });
    assert.equal(second.code, 0, `the second launch exits cleanly (${second.stderr})`);
    assert.deepEqual(driver.appPids(), first, 'the first app is still the only one');
    const kept = await app.run(() => document.querySelector('input[type=password]')?.value);
    assert.equal(kept, 'typed before the second launch', 'the first window keeps its state');
    await quit(app);
    app = null;
  });

  it('with no session bus at all, a second launch exits and one app stays', async () => {
    driver = await startDriver('single-nobus');
    drivers.push(driver);
    assert.equal(driver.env.DBUS_SESSION_BUS_ADDRESS, undefined, 'no bus in the environment');
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    const first = driver.appPids();
    assert.equal(first.length, 1, 'one app running');
    assert.ok(fs.existsSync(`${driver.env.KEEL_VAULT}.lock`), 'the instance lock is beside the vault');
    for (let i = 1; i <= 2; i++) {
      const second = await secondLaunch(driver);
      assert.equal(second.code, 0, `launch ${i + 1} exits cleanly (${second.stderr})`);
      assert.deepEqual(driver.appPids(), first, 'the first app is still the only one');
    }
    await app.heading('Welcome to Keel');
  });

  it('after quick hide, a second launch brings the window back on the lock screen', async () => {
    const shown = await createVault(app, 'a harbour light in the fog');
    await confirmGroup(app, shown.groups, shown.ask);
    assert.equal(await app.run(() => document.visibilityState), 'visible');

    await app.client.chord(Key.Control, Key.Shift, 'h');
    await app.waitFor(() => document.visibilityState === 'hidden', [], { what: 'the window hidden' });
    await app.heading('Keel is locked');
    await sleep(500);
    const first = driver.appPids();
    const second = await secondLaunch(driver);
    assert.equal(second.code, 0, `the second launch exits cleanly (${second.stderr})`);
    assert.deepEqual(driver.appPids(), first, 'the first app is still the only one');
    await app.waitFor(() => document.visibilityState === 'visible', [], { what: 'the window shown again' });
    const page = await app.run(() => ({
      locked: !!heading('Keel is locked'),
      today: !!heading('How are you right now?'),
      field: document.getElementById('unlock-pass')?.value ?? null,
    }));
    assert.deepEqual(page, { locked: true, today: false, field: '' }, 'the lock screen, empty');
    const shell = await app.client.executeAsync(() => window.__TAURI_INTERNALS__.invoke('vault_status'));
    assert.equal(shell.unlocked, false, 'and Keel is locked');
  });
});
