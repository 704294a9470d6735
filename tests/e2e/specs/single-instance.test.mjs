// One Keel at a time: with a session bus (as on a desktop), a second launch hands over to the
// first window and exits; the first keeps running with its state.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startDriver, launch, quit, APP } from '../lib/app.mjs';

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
    const second = spawn(APP, [], { env: driver.env, stdio: 'ignore' });
    const code = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the second instance did not exit')), 20_000);
      second.on('exit', (c) => (clearTimeout(timer), resolve(c)));
    });
    assert.equal(code, 0, 'the second launch exits cleanly');
    assert.deepEqual(driver.appPids(), first, 'the first app is still the only one');
    const kept = await app.run(() => document.querySelector('input[type=password]')?.value);
    assert.equal(kept, 'typed before the second launch', 'the first window keeps its state');
    const visible = await app.run(() => document.visibilityState);
    assert.equal(visible, 'visible', 'and is shown');
  });
});
