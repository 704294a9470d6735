// The journal file changed outside Keel: while Keel is closed, an entry's row is removed from
// the SQLite file. After unlock, Today says so calmly; "Check my journal" reports that the set of
// entries is not the one Keel saved; "Keep things as they are now" settles it, for good. Then
// "Change encryption key" makes a new recovery key and the old one opens nothing. And the shell's
// own idle lock locks the window when the page is quiet (KEEL_AUTO_LOCK_SECONDS, debug builds).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startDriver, launch, quit, createVault, confirmGroup, unlock, measure, sleep } from '../lib/app.mjs';

const PASS = 'tide tables by the harbour';
const TODAY = "Today's entries list";
const TITLE = 'Lantern on the pier';
const BODY = 'Watched the ferry lights come in and felt steadier.';
const CHECKIN = 'Stress 4';
const NOTICE = 'Some of your journal was changed outside Keel';
const SET_CHANGED =
  "The set of entries isn't the one Keel last saved: an entry may have been removed, duplicated or put back from an older copy.";
const SET_OK = 'The set of entries is the one Keel last saved.';

/**
 * Removes one record's row from the vault file, as a person or a sync tool outside Keel could.
 * Python's own sqlite3 module (no sqlite3 command line tool needed); the id is stored as its 16
 * bytes. Returns how many rows went.
 */
function removeRow(vaultFile, id) {
  const py = [
    'import sqlite3, sys',
    'con = sqlite3.connect(sys.argv[1])',
    "n = con.execute('DELETE FROM records WHERE id = ?', (bytes.fromhex(sys.argv[2]),)).rowcount",
    'con.commit()',
    'con.close()',
    'print(n)',
  ].join('\n');
  return Number(execFileSync('python3', ['-c', py, vaultFile, id], { encoding: 'utf8' }).trim());
}

/** Ids of the journal entries, asked of the app itself while it is unlocked. */
function journalIds(app) {
  return app.client.executeAsync(() =>
    window.__TAURI_INTERNALS__.invoke('list_records', { req: { kinds: ['journal'] } }).then((p) => p.records.map((r) => r.id)),
  );
}

/** The text of the "What Keel found" list on the Check screen, once it holds `want`. */
function findings(app, want) {
  return app.waitFor((w) => { const t = norm(control('What Keel found')?.textContent); return t.includes(w) && t; }, [want], { what: `findings with "${want}"`, timeout: 30_000 });
}

const noticeText = (app) => app.run(() => norm(document.querySelector('section.notice')?.textContent));

async function setTheme(app, label, value) {
  await app.nav('Settings');
  await app.heading('Settings');
  await (await app.control(label)).click();
  await app.waitFor((v) => document.documentElement.dataset.theme === v, [value], { what: `theme ${value}` });
}

describe('a journal changed outside Keel', { concurrency: 1 }, () => {
  let driver;
  let app;
  let entryId;
  let firstKey;

  before(async () => {
    driver = await startDriver('check');
  });

  after(async () => {
    await quit(app).catch(() => {});
    await driver?.stop();
  });

  it('first run, a check-in and a journal entry; then the entry is removed from the file while Keel is closed', async () => {
    app = await launch(driver);
    const shown = await createVault(app, PASS);
    firstKey = shown.groups;
    await confirmGroup(app, shown.groups, shown.ask);

    await app.pick('Stress', 4);
    await app.click('Save check-in');
    await app.row(TODAY, CHECKIN);

    await app.click('+ Journal entry');
    await app.heading('New journal');
    await app.fill('Title (optional)', TITLE);
    await app.fill('Entry', BODY);
    await app.click('Save');
    await app.heading('How are you right now?');
    await app.row(TODAY, TITLE);
    assert.equal(await app.run((t) => !!heading(t), NOTICE), false, 'no notice for a journal only Keel has written');

    const ids = await journalIds(app);
    assert.equal(ids.length, 1, `one journal entry: ${ids}`);
    [entryId] = ids;
    assert.match(entryId, /^[0-9a-f]{32}$/);

    await quit(app);
    assert.equal(removeRow(driver.env.KEEL_VAULT, entryId), 1, 'the row was removed from the file');
  });

  it('Today says, calmly, that the set of entries changed; the rest opens as usual', async () => {
    app = await launch(driver);
    await unlock(app, PASS);
    await app.heading(NOTICE, 20_000);
    const text = await noticeText(app);
    assert.ok(text.includes(SET_CHANGED), `the notice says what changed: ${text}`);
    assert.ok(!/couldn't be opened|couldn't be read/.test(text), `no entry failed to open, the set changed: ${text}`);
    assert.ok(text.includes('Check my journal'), 'the notice offers the check');
    const calm = await app.run(() => {
      const n = document.querySelector('section.notice');
      return { alerts: n.querySelectorAll('[role=alert], .error').length, role: n.getAttribute('role') };
    });
    assert.deepEqual(calm, { alerts: 0, role: null }, 'no alarm: no alert role, no error styling');
    await app.row(TODAY, CHECKIN);
    await app.row(TODAY, TITLE, { present: false });
    await app.screenshot('check-01-notice-light');
  });

  it('Check my journal reports the changed set, shows no entry text, and says what can be done', async () => {
    await app.click('Check my journal');
    await app.heading('Check my journal');
    await app.click('Start the check');
    const found = await findings(app, SET_CHANGED);
    assert.match(found, /Checked \d+ saved items/, found);
    assert.ok(found.includes('The file itself is sound.'), found);
    assert.ok(found.includes('Every entry opened.'), found);
    const body = await app.bodyText();
    assert.ok(!body.includes(BODY) && !body.includes(TITLE), 'no entry text on the check screen');
    assert.ok(body.includes('restore it: quit Keel first'), 'it says a backup can be restored');
    assert.ok(body.includes('Keel will vouch for the entries as they are now'), 'it explains keeping things as they are');
    await app.screenshot('check-02-report-light');

    // The same two screens in the dark theme.
    await setTheme(app, 'Dark', 'dark');
    await app.nav('Today');
    await app.heading(NOTICE);
    await app.screenshot('check-01-notice-dark');
    await app.click('Check my journal');
    await app.click('Start the check');
    await findings(app, SET_CHANGED);
    await app.screenshot('check-02-report-dark');
    await setTheme(app, 'Match the system', 'system');
    await app.click('Check my journal');
    await app.heading('Check my journal');
    await app.click('Start the check');
    await findings(app, SET_CHANGED);
  });

  it('"Keep things as they are now" checks again, and the notice is gone, after a relaunch too', async () => {
    await app.click('Keep things as they are now');
    const found = await findings(app, SET_OK);
    assert.ok(!found.includes(SET_CHANGED), found);
    await app.waitFor(() => norm(document.body.textContent).includes('Done. Keel now vouches for the entries as they are'), [], { what: 'the done message' });
    await app.screenshot('check-03-kept');
    await app.nav('Today');
    await app.row(TODAY, CHECKIN);
    await app.waitFor((t) => !heading(t), [NOTICE], { what: 'the notice gone' });

    await quit(app);
    app = await launch(driver);
    await unlock(app, PASS);
    await app.row(TODAY, CHECKIN);
    await sleep(500);
    assert.equal(await app.run((t) => !!heading(t), NOTICE), false, 'kept: no notice after a relaunch');
  });

  it('Change encryption key: a new recovery key is shown once, and the old one opens nothing', async () => {
    await app.nav('Settings');
    await app.heading('Settings');
    await app.run(() => { document.getElementById('set-rekey')?.scrollIntoView(); return true; });
    await app.screenshot('check-04-settings-keys');
    const before = await app.run(() => document.querySelectorAll('ol[aria-label="Recovery key groups"]').length);
    assert.equal(before, 0);

    await app.fill('Your passphrase (it stays the same)', PASS);
    await app.click('Change encryption key');
    await app.heading('Your recovery key', 60_000);
    const groups = await app.run(() => [...document.querySelectorAll('ol[aria-label="Recovery key groups"] li code')].map((c) => c.textContent.trim()));
    assert.equal(groups.length, 13, `a new recovery key: ${groups}`);
    const label = await app.waitFor(() => [...document.querySelectorAll('label')].map((l) => norm(l.textContent)).find((t) => /^Type group \d+ /.test(t)));
    const n = Number(/group (\d+)/.exec(label)[1]);
    await app.screenshot('check-05-rekey-recovery-key');
    await app.fill(`/^Type group ${n} /`, groups[n - 1]);
    await app.click("I've kept it — continue");
    await app.waitFor(() => norm(document.body.textContent).includes('Every entry is locked with the new key'), [], { what: 'the rekey done message' });

    // The passphrase is the same; the new recovery key opens the journal, an old one would not.
    await app.click('Lock');
    await unlock(app, PASS);
    await app.row(TODAY, CHECKIN);
    await app.click('Lock');
    await app.heading('Keel is locked');
    await app.click('Forgot your passphrase?');
    await app.heading('Use your recovery key');
    assert.ok(firstKey?.length, 'the first-run recovery key was read');
    await app.fill('Recovery key', firstKey.join('-'));
    await app.fill('New passphrase', `${PASS} again`);
    await app.fill('Type the new passphrase again', `${PASS} again`);
    await app.click('Open with recovery key');
    await app.waitFor(() => norm(document.querySelector('[role=alert]')?.textContent).startsWith("That recovery key doesn't open this journal."), [], { what: 'the old recovery key refused' });
    await app.heading('Use your recovery key');
    await app.fill('Recovery key', groups.join('-'));
    await app.click('Open with recovery key');
    await app.heading('How are you right now?', 60_000);
    await app.row(TODAY, CHECKIN);
  });
});

describe("the shell's own idle lock", { concurrency: 1 }, () => {
  let maker;
  let driver;
  let app;

  after(async () => {
    await quit(app).catch(() => {});
    await driver?.stop();
    await maker?.stop();
  });

  it('locks a quiet window after KEEL_AUTO_LOCK_SECONDS and the window shows the unlock screen', async () => {
    // The vault is made with the usual limit, so first run is not raced by a 4-second lock.
    maker = await startDriver('idle-make');
    app = await launch(maker);
    const shown = await createVault(app, PASS);
    await confirmGroup(app, shown.groups, shown.ask);
    await quit(app);
    await maker.stop();

    driver = await startDriver('idle', { KEEL_VAULT: maker.env.KEEL_VAULT, KEEL_AUTO_LOCK_SECONDS: '4' });
    app = await launch(driver);
    await unlock(app, PASS);
    // From here on nothing is typed or clicked: only scripts read the page (no IPC, no events).
    await app.run(() => {
      const t = (window.__idle = { start: performance.now(), locked: heading('Keel is locked') ? performance.now() : null });
      const mo = new MutationObserver(() => {
        if (t.locked === null && heading('Keel is locked')) {
          t.locked = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document.body, { childList: true, subtree: true });
      return true;
    });
    await sleep(7_000);
    await app.heading('Keel is locked', 8_000);
    const t = await app.run(() => window.__idle);
    assert.ok(t.locked !== null, 'the unlock screen came up');
    measure('quiet window → shell idle lock (limit 4 s)', t.locked - t.start);
    assert.ok(t.locked - t.start >= 2_000, `not at once, but after the quiet spell: ${Math.round(t.locked - t.start)} ms`);
    const inPage = await app.run(() => ({ entries: !!control("Today's entries list"), field: !!control('Passphrase') }));
    assert.deepEqual(inPage, { entries: false, field: true }, 'nothing of the journal is left on screen');
    const r = await app.client.executeAsync(() =>
      window.__TAURI_INTERNALS__.invoke('list_records', { req: {} }).then(() => 'ok', (e) => JSON.stringify(e)),
    );
    assert.match(r, /VaultLocked/, 'the shell dropped the key, not just the page');
    await app.screenshot('check-06-idle-locked');
  });
});
