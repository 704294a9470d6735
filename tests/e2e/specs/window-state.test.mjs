// The window comes back at the size and place the user left it, and only where it fits. The
// place is kept privately beside the vault (`window.json`, physical pixels) and read back as
// untrusted: a huge size, a place off every monitor or a file that is not JSON never puts the
// window off the screen.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDriver, launch, quit, sleep } from '../lib/app.mjs';

/** The Xvfb screen the runner starts. */
const SCREEN = { width: 1280, height: 800 };
/** The window's size on a first start (logical pixels; Xvfb's scale is 1). */
const DEFAULT = { width: 1100, height: 760 };

describe('window size and position', { concurrency: 1 }, () => {
  let driver;
  let app;
  let stateFile;

  before(async () => {
    driver = await startDriver('window');
    stateFile = path.join(driver.vaultDir, 'window.json');
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  /** Launches with `contents` (a string) in the state file, or none; the window's rect. */
  async function launchWith(contents) {
    if (contents === null) fs.rmSync(stateFile, { force: true });
    else fs.writeFileSync(stateFile, contents, { mode: 0o600 });
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    await sleep(500);
    return app.client.windowRect();
  }

  function assertOnScreen(r, what) {
    const where = `${what}: ${JSON.stringify(r)}`;
    console.log(`[info] ${where}`);
    assert.ok(r.width <= SCREEN.width && r.height <= SCREEN.height, `no larger than the screen, ${where}`);
    assert.ok(r.x >= 0 && r.y >= 0, `not off the top or left, ${where}`);
    assert.ok(r.x + r.width <= SCREEN.width && r.y + r.height <= SCREEN.height, `not off the bottom or right, ${where}`);
    assert.ok(r.width >= 400 && r.height >= 300, `a usable size, ${where}`);
  }

  it('are remembered across a relaunch, in a private window.json beside the vault', async () => {
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    const want = { x: 40, y: 30, width: 900, height: 640 };
    await app.client.setWindowRect(want);
    // The shell saves the place shortly after the window stops moving.
    await sleep(1_500);
    const set = await app.client.windowRect();
    assert.equal(set.width, want.width, 'the test could resize the window');
    await quit(app);
    app = null;

    assert.ok(fs.existsSync(stateFile), `the place is kept in ${stateFile}`);
    assert.equal(fs.statSync(stateFile).mode & 0o777, 0o600, 'readable by the user only');
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    for (const k of ['x', 'y', 'width', 'height']) assert.equal(typeof saved[k], 'number', `${k} is saved: ${JSON.stringify(saved)}`);
    assert.deepEqual([saved.width, saved.height], [set.width, set.height], 'the size saved is the size set');

    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    const got = await app.client.windowRect();
    assert.deepEqual([got.width, got.height], [set.width, set.height], 'the size is restored');
    assert.deepEqual([got.x, got.y], [set.x, set.y], 'the position is restored');
    await quit(app);
    app = null;
  });

  it('a hostile size and place (a corner pixel, 100000 x 32767) is fitted onto the screen', async () => {
    const r = await launchWith(JSON.stringify({ x: 1279, y: 799, width: 100000, height: 32767, maximized: false }));
    assertOnScreen(r, 'the window');
    await quit(app);
    app = null;
  });

  it('a place on no monitor (50000, 50000) is ignored: the window is on the screen', async () => {
    const r = await launchWith(JSON.stringify({ x: 50000, y: 50000, width: 900, height: 640, maximized: false }));
    assertOnScreen(r, 'the window');
    await quit(app);
    app = null;
  });

  it('a file that is not JSON is ignored: Keel starts at its usual size', async () => {
    const r = await launchWith('not json');
    assertOnScreen(r, 'the window');
    assert.ok(Math.abs(r.width - DEFAULT.width) <= 40 && Math.abs(r.height - DEFAULT.height) <= 40, `the usual size, got ${r.width}x${r.height}`);
    await quit(app);
    app = null;
  });
});
