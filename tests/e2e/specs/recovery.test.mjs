// The recovery tools through the real window: the crisis plan reached from every screen in one
// click (the sidebar) or one shortcut, written in the person's words with a suggested line added
// only when asked, its opt-in copy on the lock screen (a private file beside the vault, gone when
// turned off), the plan one click after a lapse; urge surfing saved as a coping-skill use; a
// morning intention and an evening review listed in History like every entry.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDriver, launch, quit, createVault, confirmGroup, unlock, Key } from '../lib/app.mjs';

const PASS = 'recovery tools passphrase';
const PLAN = 'My crisis plan';

describe('recovery tools', { concurrency: 1 }, () => {
  let driver;
  let app;
  const copy = () => path.join(driver.vaultDir, 'lock-screen-plan.json');

  before(async () => {
    driver = await startDriver('recovery');
    app = await launch(driver);
    const { groups, ask } = await createVault(app, PASS);
    await confirmGroup(app, groups, ask);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  it('the crisis plan is one click from every screen, and Ctrl+Shift+P from anywhere, the editor included', async () => {
    const screens = [
      ['Today', 'How are you right now?'],
      ['Programme', 'Programme'],
      ['History', 'History'],
      ['Search', 'Search'],
      ['Coping skills', 'Coping skills'],
      ['Trash', 'Trash'],
      ['Settings', 'Settings'],
      ['Help', 'Help'],
    ];
    for (const [nav, heading] of screens) {
      await app.nav(nav);
      await app.heading(heading);
      await app.nav('Crisis plan');
      await app.heading(PLAN);
    }
    for (const [nav, heading] of screens) {
      await app.nav(nav);
      await app.heading(heading);
      await app.client.chord(Key.Control, Key.Shift, 'p');
      await app.heading(PLAN);
    }
    await app.nav('Today');
    await app.click('+ Journal entry');
    await app.heading('New journal');
    await app.client.chord(Key.Control, Key.Shift, 'p');
    await app.heading(PLAN);
  });

  it('the plan is written in the person’s words; a suggested line is added only when asked', async () => {
    await app.nav('Crisis plan');
    await app.heading(PLAN);
    const offered = await app.run(() => ({ plan: document.querySelector('[aria-label="My crisis plan"]').textContent, page: document.body.textContent }));
    assert.ok(offered.page.includes('116 123'), 'national lines are offered');
    assert.ok(!offered.plan.includes('116 123'), 'but not in the plan until added');
    await app.click('Write my plan');
    await app.fill('My reasons to keep going', 'My daughter' + Key.Enter + 'The garden');
    await app.fill('Signs a hard time is starting', 'Not sleeping');
    await app.click('Save');
    await app.waitFor(() => document.querySelector('[aria-label="My crisis plan"]')?.textContent.includes('The garden'), [], { what: 'the saved plan' });
    await app.click('Add to my plan: Samaritans (UK and Ireland)');
    await app.waitFor(() => document.querySelector('[aria-label="My crisis plan"]')?.textContent.includes('116 123'), [], { what: 'the line in the plan' });
    const shown = await app.run(() => document.querySelector('[aria-label="My crisis plan"]').textContent);
    assert.ok(!shown.includes('1-800-662-4357'), 'a line not chosen is not in the plan');
  });

  it('with the option on, the lock screen shows the plan from a private copy that goes when turned off', async () => {
    assert.ok(!fs.existsSync(copy()), 'off by default: no copy');
    await (await app.control('Show my crisis plan on the lock screen')).click();
    await app.waitFor(() => document.querySelector('.plan-lock input:checked'), [], { what: 'the option on' });
    const deadline = Date.now() + 5000;
    while (!fs.existsSync(copy()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(fs.readFileSync(copy(), 'utf8').includes('My daughter'), 'the copy holds the plan');
    assert.equal(fs.statSync(copy()).mode & 0o777, 0o600, 'written for this user only');

    await app.click('Lock');
    await app.heading('Keel is locked');
    await app.click(PLAN);
    await app.heading(PLAN);
    const text = await app.bodyText();
    assert.ok(text.includes('My daughter') && text.includes('116 123'), 'the plan is readable while locked');
    await app.click('Back to unlock');
    await unlock(app, PASS);

    await app.nav('Crisis plan');
    await app.heading(PLAN);
    await (await app.control('Show my crisis plan on the lock screen')).click();
    await app.waitFor(() => !document.querySelector('.plan-lock input:checked'), [], { what: 'the option off' });
    const gone = Date.now() + 5000;
    while (fs.existsSync(copy()) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!fs.existsSync(copy()), 'turning it off deletes the copy');
    await app.click('Lock');
    await app.heading('Keel is locked');
    assert.equal(await app.run(() => [...document.querySelectorAll('button')].some((b) => b.textContent.includes('My crisis plan'))), false, 'and the lock screen no longer offers it');
    await unlock(app, PASS);
  });

  it('after a lapse, a kind word and the crisis plan one click away', async () => {
    await app.nav('Today');
    await app.click('Start a clock');
    await app.fill('What it counts, in your words', 'Alcohol');
    await app.click('Start');
    await app.click('Log a lapse: Alcohol');
    await app.heading('New lapse');
    await app.fill('What happened', 'A drink after the offsite');
    await app.click('Save');
    await app.heading('Thank you for writing it down');
    await app.click(PLAN);
    await app.heading(PLAN);
  });

  it('urge surfing saves itself as a coping-skill use with the urge before and after', async () => {
    await app.nav('Today');
    await app.heading('How are you right now?');
    await app.click('Ride out an urge');
    await app.heading('Ride out an urge');
    await app.pick('How strong is the urge right now?', 8);
    await app.click('Start 20 minutes');
    await app.waitFor(() => document.querySelector('[role=timer]')?.textContent.includes('minutes left'), [], { what: 'the timer' });
    await app.click('Stop here');
    await app.pick('Urge now', 5);
    await app.click('Save');
    await app.nav('History');
    await app.heading('History');
    const row = await app.row('Timeline', 'Urge surfing');
    await row.click();
    await app.heading('Edit coping skill');
    const values = await app.run(() => ({
      before: control('Urge before')?.querySelector('input:checked')?.value,
      after: control('Urge after')?.querySelector('input:checked')?.value,
    }));
    assert.deepEqual(values, { before: '8', after: '5' });
    await app.click('Cancel');
  });

  it('a morning intention and an evening review are listed in History like every entry', async () => {
    await app.nav('Today');
    await app.click('+ Morning intention');
    await app.heading('New morning intention');
    await app.fill('What I mean to carry through today', 'Go gently with myself');
    await app.click('Save');
    await app.click('+ Evening review');
    await app.heading('New evening review');
    await app.fill('What went well', 'Lunch outside with Sam');
    await app.pick('Peak stress today', 6);
    await app.click('Save');
    await app.nav('History');
    await app.heading('History');
    await app.row('Timeline', 'Go gently with myself');
    await app.row('Timeline', 'Lunch outside with Sam');
  });
});
