// Backups through the real window: a folder chosen (the debug build's KEEL_FOLDER_DIALOG
// answers the folder dialog: no WebDriver reaches a native one), a backup made and checked,
// then restored after more was written: the backup checked with its passphrase, Keel locked,
// and what was written after the backup gone from the journal but kept in the copy of the
// vault as it was. The CLI reads the backups too.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDriver, launch, quit, createVault, confirmGroup, unlock, keelCli } from '../lib/app.mjs';

const PASS = 'backup passphrase';

describe('backups', { concurrency: 1 }, () => {
  let driver;
  let app;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-backups-'));
  const backups = () => fs.readdirSync(folder).filter((n) => /^keel-backup-\d{8}-\d{6}\.keel$/.test(n)).sort();

  before(async () => {
    driver = await startDriver('backup', { KEEL_FOLDER_DIALOG: folder });
    app = await launch(driver);
    const { groups, ask } = await createVault(app, PASS);
    await confirmGroup(app, groups, ask);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('backs up into the folder chosen, and restores a backup after more was written', async () => {
    const cli = keelCli(driver, PASS);
    cli(['add', 'journal', '--json', '-'], JSON.stringify({ text: 'Kept in the backup' }));

    await app.nav('Settings');
    await app.heading('Settings');
    await app.run(() => (document.querySelector('h2[id]') && [...document.querySelectorAll('h2')].find((h) => h.textContent.trim() === 'Backups')?.scrollIntoView({ block: 'start' }), true));
    await app.click('Choose folder…');
    await app.waitFor((f) => document.body.innerText.includes(`Folder: ${f}`), [folder], { what: 'the folder shown' });
    await app.click('Back up now');
    await app.waitFor(() => /Your journal is backed up, and the backup checked out\./.test(document.body.innerText), [], { what: 'the backup made' });
    assert.equal(backups().length, 1, 'one backup in the folder');
    const file = path.join(folder, backups()[0]);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.match(await app.run(() => document.body.innerText), /Last checked backup: today at/);
    // The CLI checks it with the passphrase, and opens it as a vault.
    assert.match(cli(['backup', 'verify', file]), /every one opens/);
    assert.match(cli(['--vault', file, 'list']), /Kept in the backup/);

    cli(['add', 'journal', '--json', '-'], JSON.stringify({ text: 'Written after the backup' }));
    await app.nav('Today');
    await app.nav('Settings');
    await app.heading('Settings');
    await (await app.button('/^Restore…/')).click();
    await (await app.control('The passphrase when this backup was made')).sendKeys('not the passphrase');
    await app.click('Check this backup');
    await app.waitFor(() => /doesn.t open this backup/.test(document.body.innerText), [], { what: 'a wrong passphrase said' });
    const field = await app.control('The passphrase when this backup was made');
    await field.clear();
    await field.sendKeys(PASS);
    await app.click('Check this backup');
    await app.waitFor(() => /This backup holds \d+ entr(y|ies), and everything in it opens\./.test(document.body.innerText), [], { what: 'the preview' });
    await app.click('Replace my journal with this backup');
    await app.heading('Keel is locked', 20_000);
    // The lock screen shows as the restore begins; the reply comes once it is done.
    for (let i = 0; i < 100 && backups().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(backups().length, 2, 'the journal as it was is kept as a backup first');

    await unlock(app, PASS);
    await app.nav('History');
    await app.row('Timeline', 'Kept in the backup');
    await app.row('Timeline', 'Written after the backup', { present: false });
    const kept = path.join(folder, backups().find((n) => path.join(folder, n) !== file));
    assert.match(cli(['--vault', kept, 'list']), /Written after the backup/, 'nothing is lost: it is in the kept copy');
  });
});
