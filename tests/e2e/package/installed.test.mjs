// The installed package, not the build tree: `scripts/test-package` installs the .deb and runs
// this with KEEL_APP pointing at the installed app. A short journey — first run, a check-in, lock,
// unlock — then the installed `keel` CLI on the same vault, then the launcher entry read as a
// passer-by would see it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startDriver, launch, quit, createVault, confirmGroup, unlock, keelCli, CLI, APP, Key } from '../lib/app.mjs';

const PASS = 'steady water under the hull';
const TODAY = "Today's entries list";

describe('the installed package', { concurrency: 1 }, () => {
  let driver;
  let app;

  before(async () => {
    assert.ok(APP.startsWith('/usr/'), `KEEL_APP is the installed app, not a build: ${APP}`);
    driver = await startDriver('installed');
  });
  after(async () => {
    await quit(app).catch(() => {});
    await driver?.stop();
  });

  it('first run, a check-in, lock and unlock in the installed app', async () => {
    app = await launch(driver);
    const shown = await createVault(app, PASS);
    await confirmGroup(app, shown.groups, shown.ask);
    await app.waitFor(() => document.activeElement?.name === 'qc-stress', [], { what: 'focus on stress' });
    await app.client.keys('4' + Key.Tab + '7' + Key.Tab + '2');
    await app.client.keys(Key.Enter);
    await app.row(TODAY, 'Stress 4, Mood 7, Craving 2');
    await app.click('Lock');
    await unlock(app, PASS);
    await app.row(TODAY, 'Stress 4, Mood 7, Craving 2');
  });

  it('the installed keel command reads the same vault', async () => {
    assert.ok(CLI.startsWith('/usr/'), `the installed CLI: ${CLI}`);
    const out = keelCli(driver, PASS)(['list', '--json']);
    const checkins = JSON.parse(out).records.filter((r) => r.body.kind === 'checkin');
    assert.equal(checkins.length, 1, out);
    assert.deepEqual([checkins[0].body.stress, checkins[0].body.mood, checkins[0].body.craving], [4, 7, 2]);
  });

  it('the launcher entry is neutral: it names a journal and nothing else', () => {
    const entry = fs.readFileSync('/usr/share/applications/Keel.desktop', 'utf8');
    assert.match(entry, /^Name=Keel$/m);
    assert.match(entry, /^Comment=Keel — journal$/m);
    assert.match(entry, /^Exec=keel-desktop$/m);
    assert.doesNotMatch(entry, /recover|addict|sobri|treat|therap|health|medic|clinic|alcohol|drug/i);
  });
});
