// The window comes back at the size and place the user left it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, sleep } from '../lib/app.mjs';

describe('window size and position', { concurrency: 1 }, () => {
  let driver;
  let app;

  before(async () => {
    driver = await startDriver('window');
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  it('are remembered across a relaunch', async () => {
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    const want = { x: 40, y: 30, width: 900, height: 640 };
    await app.client.setWindowRect(want);
    await sleep(500);
    const set = await app.client.windowRect();
    assert.equal(set.width, want.width, 'the test could resize the window');
    await quit(app);
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    const got = await app.client.windowRect();
    assert.deepEqual([got.width, got.height], [set.width, set.height], 'the size is restored');
    assert.deepEqual([got.x, got.y], [set.x, set.y], 'the position is restored');
  });
});
