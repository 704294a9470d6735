// Secrets follow the lock. A recovery key is on screen only while Keel is open to the person in
// front of it: quick hide (Ctrl+Shift+H), the idle lock and Ctrl+L take it off the page, and a
// recovery key or passphrase typed on the lock screen goes with it. On first run nothing is
// written until a group of the key is typed back; a new recovery key made in Settings takes
// effect only then too. A copied key does not stay on the clipboard, and something the user
// copied since is never wiped.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { startDriver, launch, quit, createVault, confirmGroup, unlock, measure, sleep, Key } from '../lib/app.mjs';

const PASS = 'lantern keeper on the north shore';
const PASS_B = 'second lantern by the harbour';
const PASS_C = 'third lantern past the breakwater';
const TODAY = 'How are you right now?';
const KEY_REFUSED = "That recovery key doesn't open this journal.";
/** The shell clears a copied key after this many seconds (debug builds only). */
const CLIPBOARD_SECONDS = 3;

const vaultExists = (driver) => fs.existsSync(driver.env.KEEL_VAULT);

/** The recovery key groups on screen, in a section (or anywhere). */
function groupsOnScreen(app, within = 'body') {
  return app.run((w) => [...document.querySelectorAll(`${w} ol.key-grid code`)].map((c) => c.textContent.trim()), within);
}

/** Which of `secrets` the page still holds: in its text, or in any field (however typed). */
function secretsOnPage(app, secrets) {
  return app.run((s) => {
    const squash = (t) => (t || '').toUpperCase().replace(/[\s-]+/g, '');
    const text = document.body.textContent;
    const fields = [...document.querySelectorAll('input, textarea')].map((f) => squash(f.value));
    return s.filter((x) => text.includes(x) || fields.some((v) => v.includes(squash(x))));
  }, secrets);
}

/** Fields of the page that hold anything typed. */
function filledFields(app) {
  return app.run(() => [...document.querySelectorAll('input, textarea')].filter((f) => !['radio', 'checkbox'].includes(f.type) && f.value !== '').map((f) => f.id || f.name || f.tagName));
}

/** Ctrl+Shift+H, as the user presses it. */
const quickHide = (app) => app.client.chord(Key.Control, Key.Shift, 'h');

/** The text the clipboard offers, or null when it offers none (xclip exits non-zero). */
function clipboard(driver) {
  const r = spawnSync('xclip', ['-o', '-selection', 'clipboard'], { env: driver.env, encoding: 'utf8', timeout: 5_000 });
  return r.status === 0 ? r.stdout : null;
}

/** Type the group the screen asks for, in the section `within`, and confirm. */
async function keepKey(app, groups, within) {
  const label = await app.waitFor((w) => [...document.querySelectorAll(`${w} label`)].map((l) => norm(l.textContent)).find((t) => /^Type group \d+ /.test(t)), [within], { what: 'the group to type back' });
  const n = Number(/group (\d+)/.exec(label)[1]);
  await app.fill(`/^Type group ${n} /`, groups[n - 1]);
  await app.click("I've kept it — continue");
}

/** "Forgot your passphrase?" on the lock screen, with this key and a new passphrase. */
async function recoverWith(app, key, passphrase) {
  await app.heading('Keel is locked', 30_000);
  await app.click('Forgot your passphrase?');
  await app.heading('Use your recovery key');
  await app.fill('Recovery key', key);
  await app.fill('New passphrase', passphrase);
  await app.fill('Type the new passphrase again', passphrase);
  await app.click('Open with recovery key');
}

describe('secrets follow the lock', { concurrency: 1 }, () => {
  let driver;
  let app;
  let firstKey;
  let passphrase = PASS;
  const drivers = [];
  const copies = []; // xclip processes serving a selection, ended in `after`

  /** A driver with a vault of its own (none yet), so a first-run test starts from nothing. */
  async function fresh(name) {
    await quit(app).catch(() => {});
    app = null;
    driver = await startDriver(name, { KEEL_CLIPBOARD_SECONDS: String(CLIPBOARD_SECONDS) });
    drivers.push(driver);
    return driver;
  }

  after(async () => {
    for (const c of copies) if (c.exitCode === null) c.kill('SIGTERM');
    await quit(app).catch(() => {});
    for (const d of drivers) await d.stop();
  });

  it('first run: quick hide takes the recovery key off the page, and nothing was written', async () => {
    await fresh('secrets-hide');
    app = await launch(driver);
    const shown = await createVault(app, PASS);
    assert.equal(shown.groups.length, 13, `the key is on screen: ${shown.groups}`);
    const whileShown = vaultExists(driver);

    await quickHide(app);
    // The window is hidden; scripts still run in it, so the page can be read.
    await app.waitFor(() => document.visibilityState === 'hidden', [], { what: 'the window hidden' });
    await app.heading('Welcome to Keel');
    const page = await app.run(() => ({ grid: document.querySelectorAll('.key-grid, ol[aria-label="Recovery key groups"]').length, key: !!heading('Your recovery key') }));
    assert.deepEqual(page, { grid: 0, key: false }, 'no recovery key in the page');
    assert.deepEqual(await secretsOnPage(app, shown.groups), [], 'not one group of the key is left in the page');
    assert.deepEqual(await filledFields(app), [], 'the passphrase fields are empty');
    assert.equal(whileShown, false, 'nothing is written while the key is on screen');
    assert.equal(vaultExists(driver), false, 'nor after the quick hide');

    // Shown again (a new start of the app): the welcome, empty, and still no journal.
    await quit(app);
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    assert.deepEqual(await filledFields(app), []);
    assert.equal(vaultExists(driver), false, 'no journal was made');
    await quit(app);
    app = null;
  });

  it('Copy puts the key on the clipboard and Keel clears it; something copied since is kept', async () => {
    await fresh('secrets-copy');
    app = await launch(driver);
    const { groups } = await createVault(app, PASS);
    const key = groups.join('-');

    await app.click('Copy');
    const copied = performance.now();
    const status = await app.waitFor(() => norm(document.querySelector('section.recovery [role=status]')?.textContent), [], { what: 'the copy status' });
    assert.equal(clipboard(driver), key, 'the clipboard holds the key, groups joined by dashes');
    assert.match(status, /clear/i, `the status says Keel clears it: ${status}`);
    assert.match(status, new RegExp(`\\b${CLIPBOARD_SECONDS} seconds?\\b`), `and when: ${status}`);
    await sleep(5_000 - (performance.now() - copied));
    const after = clipboard(driver);
    assert.ok(after === null || after === '', `the key is gone from the clipboard after ${CLIPBOARD_SECONDS} s, got ${JSON.stringify(after)}`);

    // Copied again, then the user copies something else: Keel leaves that alone.
    await app.click('Copy');
    await sleep(200);
    assert.equal(clipboard(driver), key, 'copied again');
    const other = 'a shopping list, not a key';
    const xclip = spawn('xclip', ['-quiet', '-selection', 'clipboard', '-i'], { env: driver.env, stdio: ['pipe', 'ignore', 'ignore'] });
    copies.push(xclip);
    xclip.stdin.end(other);
    for (let i = 0; i < 40 && clipboard(driver) !== other; i++) await sleep(50);
    assert.equal(clipboard(driver), other, 'the user copied something else');
    await sleep(CLIPBOARD_SECONDS * 1000 + 2_000);
    assert.equal(clipboard(driver), other, "Keel's clearing does not wipe what the user copied");
    assert.equal(vaultExists(driver), false, 'the key was never confirmed: nothing written');
    await quit(app);
    app = null;
    // Keel quitting leaves the user's copy alone too.
    assert.equal(clipboard(driver), other, 'quitting Keel does not wipe it either');
  });

  it('first run writes the journal only once a group of the key is typed back', async () => {
    await fresh('secrets');
    app = await launch(driver);
    const shown = await createVault(app, PASS);
    assert.equal(shown.groups.length, 13);
    const whileShown = vaultExists(driver);
    await sleep(1_500);
    const aMomentLater = vaultExists(driver);
    await confirmGroup(app, shown.groups, shown.ask);
    firstKey = shown.groups; // the tests after this one go on from here
    assert.equal(whileShown, false, 'nothing is written while the key is on screen');
    assert.equal(aMomentLater, false, 'nor a moment later');
    assert.equal(vaultExists(driver), true, 'the journal is written once the key is kept');
  });

  it('"Forgot your passphrase?": quick hide takes a typed recovery key and passphrase off the page', async () => {
    assert.ok(firstKey, 'the first-run key was kept');
    await app.client.chord(Key.Control, 'l');
    await app.heading('Keel is locked');
    await app.click('Forgot your passphrase?');
    await app.heading('Use your recovery key');
    const typedKey = firstKey.join(' ').toLowerCase();
    await app.fill('Recovery key', typedKey);
    await app.fill('New passphrase', PASS_B);
    await app.fill('Type the new passphrase again', PASS_B);
    assert.equal(await app.value('Recovery key'), typedKey, 'the key was typed');

    await quickHide(app);
    await app.waitFor(() => document.visibilityState === 'hidden', [], { what: 'the window hidden' });
    await app.heading('Keel is locked');
    assert.equal(await app.run(() => !!heading('Use your recovery key')), false, 'back to the lock screen');
    const fields = await app.run(() => [...document.querySelectorAll('input, textarea')].map((f) => f.value));
    for (const v of fields) {
      assert.ok(!v.includes(firstKey[0].toLowerCase()) && !v.includes(PASS_B), `no field holds what was typed: ${JSON.stringify(v)}`);
    }
    assert.deepEqual(await secretsOnPage(app, [...firstKey, PASS_B]), [], 'nothing typed is left in the page');
    assert.deepEqual(await filledFields(app), [], 'every field is empty');
  });

  /** A new start of Keel, unlocked: each test below begins from Today. */
  async function openAgain() {
    await quit(app).catch(() => {});
    app = await launch(driver);
    await unlock(app, passphrase);
  }

  /** From a new start: Settings → a new recovery key, shown and not yet kept; its groups. */
  async function newKeyInSettings() {
    await openAgain();
    await app.nav('Settings');
    await app.heading('Settings');
    await app.fill('Your passphrase', passphrase);
    await app.click('Make a new recovery key');
    await app.heading('Your recovery key', 60_000);
    const fresh = await groupsOnScreen(app, 'section[aria-labelledby=set-key]');
    assert.equal(fresh.length, 13, `a new key is shown: ${fresh}`);
    assert.notDeepEqual(fresh, firstKey, 'a different key');
    return fresh;
  }

  it('a new recovery key from Settings is not in effect until kept: lock first, and the old key still opens Keel', async () => {
    const fresh = await newKeyInSettings();

    // Not kept: lock.
    await app.client.chord(Key.Control, 'l');
    await app.heading('Keel is locked');
    assert.deepEqual(await secretsOnPage(app, fresh), [], 'the new key is off the page');

    // The unconfirmed key opens nothing; the old one still does.
    await recoverWith(app, fresh.join('-'), PASS_B);
    await app.waitFor((t) => norm(document.querySelector('[role=alert]')?.textContent).startsWith(t), [KEY_REFUSED], { what: 'the unconfirmed key refused', timeout: 60_000 });
    await app.fill('Recovery key', firstKey.join('-'));
    await app.click('Open with recovery key');
    await app.heading(TODAY, 60_000);
    passphrase = PASS_B;
  });

  it('a new recovery key that is kept replaces the old one: the old key is refused, the new one opens Keel', async () => {
    const fresh = await newKeyInSettings();
    await keepKey(app, fresh, 'section[aria-labelledby=set-key]');
    await app.waitFor(() => norm(document.querySelector('section[aria-labelledby=set-key] [role=status]')?.textContent).startsWith('Your new recovery key is in place.'), [], { what: 'the new key in place', timeout: 60_000 });
    assert.deepEqual(await groupsOnScreen(app), [], 'the key is off the page once kept');

    await app.client.chord(Key.Control, 'l');
    await recoverWith(app, firstKey.join('-'), PASS_C);
    await app.waitFor((t) => norm(document.querySelector('[role=alert]')?.textContent).startsWith(t), [KEY_REFUSED], { what: 'the old key refused', timeout: 60_000 });
    await app.heading('Use your recovery key');
    await app.fill('Recovery key', fresh.join(' '));
    await app.click('Open with recovery key');
    await app.heading(TODAY, 60_000);
    passphrase = PASS_C;
    await app.client.chord(Key.Control, 'l');
    await unlock(app, PASS_C);
  });
});

describe('first run: the idle lock takes the recovery key off the page', { concurrency: 1 }, () => {
  let driver;
  let app;

  after(async () => {
    await quit(app).catch(() => {});
    await driver?.stop();
  });

  it('with no input, the key screen is cleared a little after KEEL_AUTO_LOCK_SECONDS and nothing was written', async () => {
    driver = await startDriver('secrets-idle', { KEEL_AUTO_LOCK_SECONDS: '4' });
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    await app.fill('Choose a passphrase', PASS);
    await app.fill('Type it again', PASS);
    // Watch the key come and go from inside the page: no input from here on.
    await app.run(() => {
      const t = (window.__key = { shown: null, cleared: null, groups: [] });
      const mo = new MutationObserver(() => {
        const codes = [...document.querySelectorAll('ol.key-grid code')].map((c) => c.textContent.trim());
        if (t.shown === null && codes.length) {
          t.shown = performance.now();
          t.groups = codes;
        } else if (t.shown !== null && t.cleared === null && !codes.length) {
          t.cleared = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      return true;
    });
    await app.click('Create my journal');
    await app.waitFor(() => window.__key.shown !== null, [], { what: 'the recovery key shown', timeout: 60_000 });
    const whileShown = vaultExists(driver);
    await app.waitFor(() => window.__key.cleared !== null && heading('Welcome to Keel'), [], { what: 'the key screen cleared by the idle lock', timeout: 15_000 });
    const t = await app.run(() => window.__key);
    measure('first-run key on screen → cleared by the idle lock (limit 4 s)', t.cleared - t.shown);
    assert.equal(t.groups.length, 13, 'the key had been shown');
    assert.deepEqual(await secretsOnPage(app, t.groups), [], 'not one group of the key is left in the page');
    assert.deepEqual(await filledFields(app), [], 'the passphrase fields are empty');
    assert.equal(whileShown, false, 'nothing was written while the key was on screen');
    assert.equal(vaultExists(driver), false, 'and no journal was written');
  });
});
