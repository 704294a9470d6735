// The programme through the real window: a weekly session added, its past days marked attended
// and missed (attendance as a figure, one record per session), one upcoming day cancelled, a goal
// with a step, the next session on Today; and Settings › Reminders saved beside the vault, with
// start at login writing (and removing) an autostart entry whose words say nothing of what Keel
// is for.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDriver, launch, quit, createVault, confirmGroup, Key } from '../lib/app.mjs';

const dayOffset = (n) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('the programme and reminders', { concurrency: 1 }, () => {
  let driver;
  let app;

  /** Sets a date or time input as the person would pick it (WebKitGTK has no picker to type into). */
  const set = (name, value) =>
    app.run(
      (n, v) => {
        const el = control(n);
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
        return el.value;
      },
      name,
      value,
    );
  const text = (sel) => app.run((s) => norm(document.querySelector(s)?.textContent), sel);

  before(async () => {
    driver = await startDriver('programme');
    app = await launch(driver);
    const { groups, ask } = await createVault(app, 'programme passphrase');
    await confirmGroup(app, groups, ask);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  it('a weekly session is added and shows on the agenda and on Today', async () => {
    await app.nav('Programme');
    await app.heading('Programme');
    await app.click('Add a weekly session');
    await app.fill('Title', 'Evening group');
    for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) await (await app.control(d)).click();
    assert.equal(await set('First day', dayOffset(-3)), dayOffset(-3));
    assert.equal(await set('Starts at', '00:00'), '00:00');
    await app.fill('Length in minutes', '60');
    await app.fill('Place (optional)', 'Riverside clinic');
    await app.click('Add');
    await app.waitFor(() => control('Scheduled sessions')?.textContent.includes('Evening group'), [], { what: 'the slot listed' });
    await app.waitFor(() => [...document.querySelectorAll('ul[aria-label^="Sessions on"]')].length >= 10, [], { what: 'two weeks of sessions' });
    await app.nav('Today');
    await app.heading('How are you right now?');
    await app.waitFor(() => document.body.textContent.includes('Next session') && document.body.textContent.includes('Evening group'), [], { what: 'the next session on Today' });
  });

  it('past sessions are marked once each, and attendance is a figure', async () => {
    await app.nav('Programme');
    await app.heading('Programme');
    // Three days ago, two days ago, yesterday and today (at midnight) have started.
    const toMark = await app.waitFor(() => { const l = control('Sessions to mark'); return l && l.querySelectorAll('[role=group]').length >= 4 ? l.querySelectorAll('[role=group]').length : null; }, [], { what: 'sessions to mark' });
    assert.equal(toMark, 4);
    const markFirst = (words) =>
      app.run((w) => {
        const g = control('Sessions to mark').querySelector('[role=group]');
        [...g.querySelectorAll('button')].find((b) => norm(b.textContent) === w).click();
        return true;
      }, words);
    await markFirst('Attended');
    await app.waitFor(() => control('Sessions to mark')?.querySelectorAll('[role=group]').length === 3, [], { what: 'one marked' });
    await markFirst('Missed');
    await app.waitFor(() => control('Sessions to mark')?.querySelectorAll('[role=group]').length === 2, [], { what: 'two marked' });
    await app.waitFor(() => /You attended 1 of 2 sessions \(50%\)/.test(norm(document.body.textContent)), [], { what: 'attendance 50%' });
    // Marking one again changes its one record (attended instead of missed), never adds one.
    await app.run(() => {
      const marked = control('Marked sessions');
      const groups = [...marked.querySelectorAll('[role=group]')];
      const missed = groups.find((g) => g.querySelector('button[aria-pressed=true]')?.textContent.trim() === 'Missed');
      [...missed.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Attended').click();
      return true;
    });
    await app.waitFor(() => /You attended 2 of 2 sessions \(100%\)/.test(norm(document.body.textContent)), [], { what: 'attendance 100%' });
    const records = await app.run(() => window.__TAURI_INTERNALS__.invoke('list_records', { req: { kinds: ['occurrence'] } }).then((p) => p.total));
    assert.equal(records, 2, 'one record per session marked');
  });

  it('one upcoming session is cancelled without touching the others', async () => {
    const before = await app.run(() => document.querySelectorAll('button[aria-label^="Cancel this one"]').length);
    await app.run(() => (document.querySelectorAll('button[aria-label^="Cancel this one"]')[1].click(), true));
    await app.waitFor((n) => document.querySelectorAll('button[aria-label^="Cancel this one"]').length === n - 1, [before], { what: 'one cancelled' });
    assert.equal(await app.run(() => document.querySelectorAll('button[aria-label^="Undo the cancellation"]').length), 1);
  });

  it('a goal with a small step shows its progress', async () => {
    await app.click('Add a goal');
    await app.fill('Goal', 'Sleep before midnight');
    const step = await app.control('/^Add .*step/');
    await step.sendKeys('Phone out of the bedroom' + Key.Enter);
    await app.click('Add goal');
    await app.waitFor(() => control('Your goals')?.textContent.includes('Sleep before midnight'), [], { what: 'the goal' });
    await app.waitFor(() => /0 of 1 step/.test(norm(control('Your goals').textContent)), [], { what: 'its progress' });
  });

  it('reminders are saved beside the vault, and start at login writes a neutral autostart entry', async () => {
    const autostart = path.join(driver.env.HOME, '.config', 'autostart', 'Keel.desktop');
    await app.nav('Settings');
    await app.heading('Settings');
    await app.run(() => (document.getElementById('set-reminders').closest('section').scrollIntoView({ block: 'start' }), true));
    await app.click('Add a time');
    assert.equal(await set('Check-in reminder 1', '21:30'), '21:30');
    await (await app.control('/^Start Keel when I log in/')).click();
    await app.click('Save reminders');
    const file = path.join(driver.vaultDir, 'reminders.json');
    // The autostart plugin creates its file, then writes it: wait for the whole entry.
    const written = () => fs.existsSync(autostart) && /^Exec=/m.test(fs.readFileSync(autostart, 'utf8'));
    for (let i = 0; i < 50 && !(written() && fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('21:30')); i++) await new Promise((r) => setTimeout(r, 100));
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepEqual([saved.checkinTimes, saved.startAtLogin, saved.checkinText], [['21:30'], true, 'Time for a check-in']);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const entry = fs.readFileSync(autostart, 'utf8');
    assert.match(entry, /^Name=Keel$/m);
    assert.match(entry, /^Exec=.* --hidden$/m, 'it starts hidden in the tray');
    assert.doesNotMatch(entry, /recovery|sobriety|treatment|therapy|addict|IOP/i, 'nothing says what Keel is for');

    await (await app.control('/^Start Keel when I log in/')).click();
    await app.click('Save reminders');
    for (let i = 0; i < 50 && fs.existsSync(autostart); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!fs.existsSync(autostart), 'turned off, the entry is gone');
  });
});
