// Import and export through the real window: a Daylio export (a byte-order mark, 12- and
// 24-hour times, a mood label of the person's own) chosen through the open dialog (the debug
// build's KEEL_OPEN_DIALOG answers it), previewed with its counts, days and first entries,
// imported, and imported again to add nothing; an unmapped label named by its line. Then an
// export as CSV into a folder chosen through the folder dialog, then in one zip through the
// save dialog, not encrypted and private.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startDriver, launch, quit, createVault, confirmGroup } from '../lib/app.mjs';

const PASS = 'transfer passphrase';

const DAYLIO =
  '\u{feff}full_date,date,weekday,time,mood,activities,note_title,note\n' +
  '2026-11-27,27 nov.,jeudi,21:15,rad,work | friends,Good day,"A <b>good</b> day<br>with Sam &amp; Jo"\n' +
  '2026-11-26,26 nov.,mercredi,9:05 PM,ecstatic,,,\n' +
  '2026-11-25,25 nov.,mardi,7:30 am,awful,sleep,,"woke at 4,\ncouldn\'t sleep"\n';

describe('import and export', { concurrency: 1 }, () => {
  let driver;
  let app;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-transfer-'));
  const daylio = path.join(dir, 'daylio_export.csv');
  const exportsTo = path.join(dir, 'exports');
  const zipTo = path.join(dir, 'keel-csv');

  before(async () => {
    fs.writeFileSync(daylio, DAYLIO);
    fs.mkdirSync(exportsTo);
    driver = await startDriver('transfer', { KEEL_OPEN_DIALOG: daylio, KEEL_FOLDER_DIALOG: exportsTo, KEEL_SAVE_DIALOG: zipTo });
    app = await launch(driver);
    const { groups, ask } = await createVault(app, PASS);
    await confirmGroup(app, groups, ask);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const settingsCard = async (heading) => {
    await app.nav('Settings');
    await app.heading('Settings');
    await app.run((h) => ([...document.querySelectorAll('h2')].find((x) => x.textContent.trim() === h)?.scrollIntoView({ block: 'start' }), true), heading);
  };

  it('previews a Daylio export, names an unmapped label by its line, imports it once', async () => {
    await settingsCard('Import');
    await (await app.control('/^Daylio/')).click();
    await app.click('Choose file…');
    await app.waitFor(() => /line 3 \(mood\): .ecstatic. has no number/.test(document.body.innerText), [], { what: 'the unmapped label named' });

    // The new row's label field has the focus.
    await app.click('Add a mood label');
    await app.client.keys('ecstatic');
    const n = await app.control('Number for ecstatic');
    await n.clear();
    await n.sendKeys('10');
    await app.click('Choose file…');
    await app.waitFor(() => /5 new entries/.test(document.body.innerText), [], { what: 'the preview' });
    const preview = await app.run(() => document.body.innerText);
    assert.match(preview, /daylio_export\.csv/);
    assert.match(preview, /25 November 2026|November 25, 2026/);
    assert.match(preview, /27 November 2026|November 27, 2026/);
    assert.match(preview, /5 new entries to add: 3 check-ins and 2 journal entries/);
    await app.screenshot('import-preview');
    await app.click('Import these entries');
    await app.waitFor(() => /Added 5 entries/.test(document.body.innerText), [], { what: 'the import' });

    await app.nav('History');
    await app.row('Timeline', 'Good day');

    // The same file again (the mood table starts afresh: the label is given again).
    await settingsCard('Import');
    await app.click('Add a mood label');
    await app.client.keys('ecstatic');
    const again = await app.control('Number for ecstatic');
    await again.clear();
    await again.sendKeys('10');
    await app.click('Choose file…');
    await app.waitFor(() => /Everything in this file is already in Keel\./.test(document.body.innerText), [], { what: 'nothing new the second time' });
    await app.click('Cancel');
  });

  it('exports as CSV into a new folder inside the one chosen, privately', async () => {
    await settingsCard('Export');
    await (await app.control('/^CSV/')).click();
    await app.click('Export…');
    await app.waitFor(() => /Exported as Keel export/.test(document.body.innerText), [], { what: 'the export' });
    const made = fs.readdirSync(exportsTo);
    assert.equal(made.length, 1);
    const folder = path.join(exportsTo, made[0]);
    const checkins = fs.readFileSync(path.join(folder, 'checkin.csv'), 'utf8');
    assert.match(checkins, /^id,at,localDate,created,updated,trashed,/);
    assert.equal(checkins.trim().split('\n').length, 4, 'a header and the three check-ins');
    assert.equal(fs.statSync(path.join(folder, 'journal.csv')).mode & 0o777, 0o600);
  });

  it('exports as CSV in one zip file through the save dialog, privately', async () => {
    await (await app.control('All in one zip file')).click();
    await app.click('Export…');
    await app.waitFor(() => /Exported as keel-csv\.zip/.test(document.body.innerText), [], { what: 'the zip export' });
    const file = `${zipTo}.zip`;
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const read = (name) =>
      execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', file, name], { encoding: 'utf8' });
    assert.equal(read('checkin.csv'), fs.readFileSync(path.join(exportsTo, fs.readdirSync(exportsTo)[0], 'checkin.csv'), 'utf8'), 'the same file as in the folder');
  });
});
