// A record written by a newer version of Keel is shown in the window, read-only, and kept: the
// app offers no way to change, trash or delete it, and it is still there after a relaunch.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startDriver, launch, quit, unlock, APP } from '../lib/app.mjs';

const PASS = 'newer records stay put';
const LABEL = 'Written by a newer version of Keel';

describe('a record from a newer Keel', { concurrency: 1 }, () => {
  let driver;
  let app;

  before(async () => {
    driver = await startDriver('newer');
    // Built by `cargo test` beside the app (target/debug/examples).
    const seeder = path.join(path.dirname(APP), 'examples', 'newer_record');
    assert.ok(fs.existsSync(seeder), `build the example first (cargo test builds it): ${seeder}`);
    execFileSync(seeder, [driver.env.KEEL_VAULT], { env: { ...driver.env, KEEL_PASSPHRASE: PASS } });
    app = await launch(driver);
    await unlock(app, PASS);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  it('is listed in History beside today\'s kinds, and opens as a note, not an editor', async () => {
    await app.nav('History');
    await app.heading('History');
    await app.row('Timeline', "An entry of today's kind");
    const row = await app.row('Timeline', LABEL);
    await app.screenshot('newer-01-history');
    await row.click();
    await app.waitFor(() => document.body.textContent.includes('kept exactly as it is'), [], { what: 'the kept note' });
    const r = await app.run(() => ({
      buttons: [...document.querySelectorAll('main button')].map((b) => b.textContent.trim()),
      inputs: document.querySelectorAll('main form input, main form textarea').length,
    }));
    assert.ok(!r.buttons.some((b) => /trash|delete|save/i.test(b)), `no way to change it: ${r.buttons}`);
    assert.equal(r.inputs, 0, 'no fields to edit');
    await app.screenshot('newer-02-opened');
  });

  it('is still there after a relaunch', async () => {
    await quit(app);
    app = await launch(driver);
    await unlock(app, PASS);
    await app.nav('History');
    await app.row('Timeline', LABEL);
  });
});
