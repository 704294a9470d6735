// Screenshots of every main screen in light and dark theme, switched through Settings.
// PNGs go to tests/e2e/screenshots/ (gitignored).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startDriver, launch, quit, createVault, confirmGroup, unlock, Key, sleep, SCREENSHOT_DIR } from '../lib/app.mjs';
import { axeCheck } from '../lib/axe.mjs';

const PASS = 'screenshots all round';
const TODAY = "Today's entries list";

describe('screenshots of every screen, light and dark', { concurrency: 1 }, () => {
  let driver;
  let app;
  const shots = [];
  const overflow = [];
  /** axe-core on every screen shot, in both themes: serious and critical ones fail the spec. */
  const blocking = [];
  const lesser = [];
  /** Screens where the window's own page scrolls (only Keel's panes should). */
  const pageScrolls = [];

  async function shot(name) {
    // Note anything wider than its box (horizontal overflow) — reported, not asserted.
    const o = await app.run(() => {
      const out = [];
      const main = document.querySelector('main');
      if (main && main.scrollWidth > main.clientWidth + 1) out.push(`main ${main.scrollWidth}>${main.clientWidth}`);
      if (document.documentElement.scrollWidth > innerWidth + 1) out.push(`page ${document.documentElement.scrollWidth}>${innerWidth}`);
      return out;
    });
    if (o.length) overflow.push(`${name}: ${o.join(', ')}`);
    const root = await app.run(() => ({ height: document.scrollingElement.scrollHeight, top: document.scrollingElement.scrollTop, view: innerHeight }));
    if (root.height > root.view + 1 || root.top !== 0) pageScrolls.push(`${name}: ${JSON.stringify(root)}`);
    const a = await axeCheck(app);
    for (const v of [...a.critical, ...a.serious]) blocking.push(`${name}: ${v}`);
    for (const v of [...a.moderate, ...a.minor]) lesser.push(`${name}: ${v}`);
    const file = await app.screenshot(name);
    shots.push(file);
    return file;
  }

  async function setTheme(label, value) {
    await app.nav('Settings');
    await app.heading('Settings');
    await (await app.control(label)).click();
    await app.waitFor((v) => document.documentElement.dataset.theme === v, [value], { what: `theme ${value}` });
  }

  async function top() {
    await app.run(() => {
      for (const m of document.querySelectorAll('main.content, .editor-body')) m.scrollTop = 0;
      return true;
    });
  }

  async function shootAll(theme) {
    const t = (n) => `${theme}-${n}`;
    await app.nav('Today');
    await app.heading('How are you right now?');
    await top();
    await shot(t('03-today'));
    await app.run(() => { const m = document.querySelector('main.content'); m.scrollTop = m.scrollHeight; return true; });
    await shot(t('03b-today-scrolled'));

    if (theme === 'light') {
      // Two trackers of the person's own, so the check-in shows them (they stay for dark).
      await app.nav('Settings');
      await app.heading('Your own trackers');
      await app.fill('Name', 'Water');
      await app.select('Answered with', 'A number');
      await app.fill('Unit (optional)', 'glasses');
      await app.click('Add tracker');
      await app.waitFor(() => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.includes('Water is now')));
      await app.fill('Name', 'Walk');
      await app.select('Answered with', 'Yes or no');
      await app.click('Add tracker');
      await app.waitFor(() => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent.includes('Walk is now')));
      await app.nav('Today');
      await app.heading('How are you right now?');
    }

    if (theme === 'light') {
      // A clock of the person's own, started now.
      await app.click('Start a clock');
      await app.fill('What it counts, in your words', 'Alcohol');
      await app.click('Start');
      await app.waitFor(() => document.querySelector('.clock-name')?.textContent === 'Alcohol', [], { what: 'the clock' });
    }
    await top();
    await shot(t('03c-today-clocks'));
    await app.click('Log a lapse: Alcohol');
    await app.heading('New lapse');
    await app.fill('What happened', 'A drink at the launch party');
    await top();
    await shot(t('04c-editor-lapse'));
    await app.click('Save');
    await app.heading('Thank you for writing it down');
    await top();
    await shot(t('03d-after-lapse'));
    await app.click('Close');

    await app.click('+ Detailed check-in');
    await app.heading('New check-in');
    await app.pick('Stress', 6);
    await app.fill('Add your own (feelings)', 'restless, hopeful' + Key.Enter);
    await app.waitFor(() => document.querySelector('[aria-labelledby="yn-ed-tracker-0"]'), [], { what: 'the trackers in the check-in' });
    await top();
    await shot(t('04-editor-checkin'));
    // Half-way down a long form, Save and Cancel are still in the window.
    const footer = await app.run(() => {
      const m = document.querySelector('.editor-body');
      m.scrollTop = (m.scrollHeight - m.clientHeight) / 2;
      const view = { top: 0, bottom: innerHeight };
      const inView = (name) => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === name).getBoundingClientRect();
        return b.top >= view.top && b.bottom <= view.bottom;
      };
      return { scrollable: m.scrollHeight > m.clientHeight + 100, save: inView('Save'), cancel: inView('Cancel') };
    });
    assert.deepEqual(footer, { scrollable: true, save: true, cancel: true }, 'Save and Cancel stay in view mid-form');
    await shot(t('04b-editor-checkin-scrolled'));
    await app.click('Cancel');

    await app.click('+ Log a coping skill');
    await app.heading('New coping skill');
    const combo = await app.control('Skill');
    await combo.click();
    await combo.sendKeys('br');
    await app.waitFor(() => document.querySelector('[role=listbox]'));
    await top();
    await shot(t('05-editor-skill-use'));
    await app.click('Cancel');
    await app.heading('How are you right now?');

    await app.click('+ Session note');
    await app.heading('New session note');
    await app.fill('Title or topic', 'Values and goals');
    await app.fill('Notes', ['## What we covered', '- **values** vs goals', '- one small step', '- [the worksheet](https://example.org/values-worksheet)'].join(Key.Enter));
    await top();
    await shot(t('06-editor-session'));
    await app.click('Preview');
    const preview = await app.control('Notes preview');
    await shot(t('06b-editor-session-preview'));
    // A link in the preview opens nothing: a dialog says where it goes.
    await (await app.run((r) => r.querySelector('a'), preview)).click();
    await app.waitFor(() => { const d = document.querySelector('dialog[open]'); return d && norm(d.querySelector('h2')?.textContent) === 'This link goes to' && d.querySelector('.link-address')?.textContent === 'https://example.org/values-worksheet'; }, [], { what: 'the link dialog' });
    await shot(t('06c-editor-session-link'));
    await app.click('Close');
    await app.waitFor(() => !document.querySelector('dialog[open]'), [], { what: 'the link dialog closed' });
    await app.click('Cancel');

    await app.click('+ Journal entry');
    await app.heading('New journal');
    await app.fill('Title (optional)', 'Evening pages');
    await app.fill('Entry', 'A quiet day. Made tea, read for an hour.');
    await shot(t('07-editor-journal'));
    // Escape with unsaved text asks first.
    await app.client.keys(Key.Escape);
    await app.button('Discard');
    await shot(t('07b-editor-discard'));
    await app.click('Discard');
    await app.heading('How are you right now?');

    await app.nav('History');
    await app.heading('History');
    await app.waitFor(() => /entries$/.test(norm(document.querySelector('.page > [role=status]')?.textContent)) && control('Timeline')?.querySelector('button.record-row'), [], { what: 'History listed' });
    await shot(t('08-history'));

    await app.nav('Search');
    await app.heading('Search');
    await app.fill('Search your entries', 'walk');
    await app.waitFor(() => document.querySelector('[aria-label="Search results"] mark'));
    await shot(t('09-search'));

    await app.nav('Coping skills');
    await app.heading('Coping skills');
    await shot(t('10-skills'));

    // Questionnaires: one taken in each theme (question 9 above 0, so the calm page shows), the
    // overview then has results and a change to chart.
    await app.nav('Questionnaires');
    await app.heading('Questionnaires');
    await app.click('Take it: PHQ-9');
    await app.heading('Patient Health Questionnaire (PHQ-9)');
    const phq = theme === 'light' ? [1, 2, 2, 1, 1, 2, 1, 0, 1] : [0, 1, 1, 1, 0, 1, 0, 0, 1];
    for (const [i, a] of phq.entries()) await (await app.waitFor((id) => document.getElementById(id), [`q-phq9-${i}-${a}`])).click();
    await top();
    await shot(t('21a-questionnaire-take'));
    await app.click('Save');
    await app.heading('Thank you for your answers');
    await shot(t('21b-questionnaire-safety'));
    await app.click('Continue');
    await app.heading('Your PHQ-9 result');
    await shot(t('21c-questionnaire-result'));
    await app.click('Back to questionnaires');
    await app.heading('Questionnaires');
    await top();
    await shot(t('21-questionnaires'));

    await app.nav('Diary card');
    await app.heading('Diary card');
    if (theme === 'light') {
      await (await app.control('Monday, urge to use')).click();
      for (const [i, row] of ['3n0n1203100', '2n0n0102000', '4y1n2304100'].entries()) {
        await app.client.keys(row + Key.ArrowRight + String(4 + i) + 'y' + ['rang Sam', '', 'long day'][i] + Key.Enter);
      }
      await app.settle(900);
    }
    await top();
    await shot(t('22-diary-week'));
    await app.click('Change what I track');
    await app.heading('What I track');
    await shot(t('22a-diary-setup'));
    await app.click('Cancel');

    await app.nav('Insights');
    await app.heading('Insights');
    await app.waitFor(() => /Showing/.test(document.querySelector('.insights-status')?.textContent || ''), [], { what: 'the insights' });
    await top();
    await shot(t('24-insights'));
    for (const [id, name] of [['ins-pixels', '24a-insights-pixels'], ['ins-skills', '24b-insights-skills'], ['ins-patterns', '24c-insights-patterns']]) {
      await app.run((i) => {
        document.getElementById(i)?.scrollIntoView({ block: 'start' });
        return true;
      }, id);
      await app.settle(200);
      await shot(t(name));
    }

    await app.nav('Report');
    await app.heading('Report for my counsellor');
    await top();
    await shot(t('25-report'));
    await app.click('Preview');
    await app.waitFor(() => document.querySelector('.report-page'), [], { what: 'the preview' });
    await app.run(() => {
      document.querySelector('.report-page')?.scrollIntoView({ block: 'start' });
      return true;
    });
    await app.settle(200);
    await shot(t('25a-report-preview'));

    await app.nav('Today');
    await app.heading('How are you right now?');
    await app.click('+ Thought record');
    await app.heading('New thought record');
    await app.fill('The situation', 'My manager frowned at my report in the meeting');
    await app.fill('Mood 1', 'Anxious');
    await app.fill('How strong, 0 to 100: Anxious', '80');
    await app.fill('Thought 1', 'I am going to lose my job');
    await (await app.control('The hot thought: thought 1')).click();
    await top();
    await shot(t('23-editor-thought-record'));
    await app.fill('What supports the hot thought', 'She frowned and left early');
    await app.fill("What doesn't fit it", 'She praised last week’s report');
    await app.fill('A more balanced thought', 'One frown is not a verdict on my work');
    await app.fill('How much I believe it, 0 to 100', '60');
    await app.fill('Anxious now, 0 to 100', '40');
    await app.run(() => { const m = document.querySelector('main.content, .editor-body'); m.scrollTop = m.scrollHeight; return true; });
    await shot(t('23a-editor-thought-record-end'));
    await app.click('Cancel');

    await app.nav('Crisis plan');
    await app.heading('My crisis plan');
    await top();
    if (theme === 'light') {
      await shot(t('17a-crisis-plan-empty'));
      await app.click('Write my plan');
      await app.fill('Signs a hard time is starting', 'Not sleeping' + Key.Enter + 'Skipping lunch');
      await app.fill('Things I can do on my own', 'A long shower' + Key.Enter + 'Walk round the block');
      await app.fill('My reasons to keep going', 'My daughter' + Key.Enter + 'The garden');
      await shot(t('17b-crisis-plan-edit'));
      await app.click('Save');
      await app.waitFor(() => document.querySelector('[aria-label="My crisis plan"]')?.textContent.includes('The garden'), [], { what: 'the saved plan' });
      await app.click('Add to my plan: 988 Suicide & Crisis Lifeline (United States)');
      await app.waitFor(() => document.querySelector('[aria-label="My crisis plan"]')?.textContent.includes('988'), [], { what: 'the line added' });
      await top();
    }
    await shot(t('17-crisis-plan'));

    await app.nav('Today');
    await app.heading('How are you right now?');
    await app.click('Ride out an urge');
    await app.heading('Ride out an urge');
    await shot(t('18a-surf-ready'));
    await app.pick('How strong is the urge right now?', 7);
    await app.click('Start 20 minutes');
    await app.waitFor(() => document.querySelector('[role=timer]'), [], { what: 'the timer' });
    await shot(t('18b-surf-running'));
    await app.click('Stop here');
    await app.pick('Urge now', 4);
    await shot(t('18c-surf-ended'));
    await app.click('Leave without saving');
    await app.heading('How are you right now?');

    await app.click('+ Morning intention');
    await app.heading('New morning intention');
    await shot(t('19a-editor-morning'));
    await app.click('Cancel');
    await app.click('+ Evening review');
    await app.heading('New evening review');
    await shot(t('19b-editor-evening'));
    await app.click('Cancel');
    await app.heading('How are you right now?');

    await app.nav('Programme');
    await app.heading('Programme');
    if (theme === 'light') {
      await shot(t('20a-programme-empty'));
      const set = (name, value) => app.run((n, v) => { const el = control(n); el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); return true; }, name, value);
      await app.click('Add a weekly session');
      await app.fill('Title', 'Evening group');
      for (const d of ['Mon', 'Wed', 'Thu']) await (await app.control(d)).click();
      const d = new Date(Date.now() - 21 * 86400_000);
      await set('First day', `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
      await app.fill('Place (optional)', 'Riverside clinic, room 4');
      await shot(t('20b-programme-add-session'));
      await app.click('Add');
      await app.waitFor(() => control('Scheduled sessions')?.textContent.includes('Evening group'), [], { what: 'the slot' });
      await app.click('Add a one-off appointment');
      await app.fill('Title', 'Psychiatrist');
      await (await app.control('Online')).click();
      await app.click('Add');
      await app.waitFor(() => control('Scheduled sessions')?.textContent.includes('Psychiatrist'), [], { what: 'the appointment' });
      await app.run(() => { const g = control('Sessions to mark').querySelectorAll('[role=group]'); [...g[0].querySelectorAll('button')].find((b) => b.textContent.trim() === 'Attended').click(); return true; });
      await app.waitFor(() => /You attended 1 of 1/.test(norm(document.body.textContent)), [], { what: 'attendance' });
      await app.click('Add a goal');
      await app.fill('Goal', 'Sleep before midnight most nights');
      await (await app.control('Add steps item')).sendKeys('Phone out of the bedroom' + Key.Enter);
      await (await app.control('Add steps item')).sendKeys('Tea, not coffee, after 4' + Key.Enter);
      await app.click('Add goal');
      await app.waitFor(() => control('Your goals')?.textContent.includes('Sleep before'), [], { what: 'the goal' });
      await app.click('Make a step-down plan');
      await shot(t('20c-programme-step-down-edit'));
      await app.click('Save plan');
      await app.waitFor(() => document.body.textContent.includes('Change the plan'), [], { what: 'the plan saved' });
      await top();
    }
    await shot(t('20-programme'));
    await app.run(() => { document.getElementById('prog-goals').scrollIntoView({ block: 'start' }); return true; });
    await shot(t('20d-programme-goals'));

    await app.nav('Settings');
    await app.heading('Settings');
    await shot(t('11-settings'));
    await app.run(() => { document.getElementById('set-privacy').closest('section').scrollIntoView({ block: 'start' }); return true; });
    await app.heading('Privacy on screen');
    await shot(t('11b-settings-privacy'));
    await app.run(() => { document.getElementById('set-trackers').closest('section').scrollIntoView({ block: 'start' }); return true; });
    await shot(t('11c-settings-trackers'));
    await app.run(() => { document.getElementById('set-reminders').closest('section').scrollIntoView({ block: 'start' }); return true; });
    await shot(t('11d-settings-reminders'));

    await app.nav('Trash');
    await app.heading('Trash');
    await app.waitFor(() => document.querySelector('li.trash-item'));
    await shot(t('12-trash'));

    await app.nav('Help');
    await app.heading('Help');
    await shot(t('13-help'));

    await app.click('Lock');
    await app.heading('Keel is locked');
    await shot(t('14-unlock'));
    await app.fill('Passphrase', 'wrong passphrase');
    await app.click('Unlock');
    await app.waitFor(() => document.getElementById('unlock-error'));
    await shot(t('14b-unlock-error'));
    await app.click('Forgot your passphrase?');
    await app.heading('Use your recovery key');
    await shot(t('15-recover'));
    await app.click('Back to passphrase');
    await unlock(app, PASS);
  }

  before(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const f of fs.readdirSync(SCREENSHOT_DIR)) if (/^(light|dark)-.*\.png$/.test(f)) fs.rmSync(path.join(SCREENSHOT_DIR, f));
    driver = await startDriver('screens');
  });
  after(async () => {
    await quit(app).catch(() => {});
    await driver?.stop();
    console.log(`[info] ${shots.length} screenshots in ${SCREENSHOT_DIR}`);
    for (const o of overflow) console.log(`[info] horizontal overflow: ${o}`);
    for (const v of lesser) console.log(`[info] axe (moderate or minor): ${v}`);
  });

  it('axe-core finds a problem when there is one (a button with no name, planted and removed)', async () => {
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    await app.run(() => {
      const b = document.createElement('button');
      b.id = 'planted';
      document.querySelector('main').append(b);
      return true;
    });
    const a = await axeCheck(app);
    await app.run(() => (document.getElementById('planted').remove(), true));
    assert.ok(a.critical.some((v) => v.startsWith('button-name:') && v.includes('#planted')), JSON.stringify(a));
    await quit(app);
    app = null;
  });

  it('light: first run and recovery key (system theme, light under Xvfb)', async () => {
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    const prefersDark = await app.run(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(prefersDark, false, 'the system theme is light here');
    await app.fill('Choose a passphrase', 'short');
    const shown = await createVault(app, PASS, 'light');
    await confirmGroup(app, shown.groups, shown.ask, 'light');
  });

  it('some entries to show', async () => {
    await app.waitFor(() => document.activeElement?.name === 'qc-stress');
    await app.client.keys('4' + Key.Tab + '7');
    await app.type('Note (optional)', 'slept well, walk after lunch' + Key.Enter);
    await app.row(TODAY, 'slept well');

    await app.click('+ Log a coping skill');
    await app.heading('New coping skill');
    const combo = await app.control('Skill');
    await combo.click();
    await combo.sendKeys('paced');
    await app.client.keys(Key.Enter);
    await app.fill('Situation', 'waiting for the bus, crowded');
    await app.pick('Distress before', 7);
    await app.pick('Distress after', 4);
    await app.click('Save');
    await app.row(TODAY, 'Paced breathing');

    await app.click('+ Session note');
    await app.heading('New session note');
    await app.fill('Facilitator', 'Sam');
    await app.fill('Title or topic', 'Handling cravings at work');
    await app.fill('Notes', '**Urge surfing**: notice, name, ride it out.');
    await app.type('Add homework item', 'Practise urge surfing twice' + Key.Enter);
    await app.type('Add bring to next session item', 'Craving log for the week' + Key.Enter);
    await app.click('Save');
    await app.row(TODAY, 'Handling cravings');

    await app.click('+ Journal entry');
    await app.heading('New journal');
    await app.fill('Title (optional)', 'A long walk by the river');
    await app.fill('Entry', 'The walk cleared my head. '.repeat(12));
    await app.fill('Tags (separate with commas)', 'walk, gratitude');
    await app.click('Save');
    await app.row(TODAY, 'A long walk');

    await app.click('+ Journal entry');
    await app.heading('New journal');
    await app.fill('Title (optional)', 'Draft I do not want to keep, with a rather long title that goes on and on to test wrapping');
    await app.fill('Entry', 'Never mind.');
    await app.click('Save');
    await (await app.row(TODAY, 'Draft I do not')).click();
    await app.heading('Edit journal');
    // The "saved" toast used to sit over the editor's Move to Trash button; it is now at the top centre.
    await app.run(() => { const m = document.querySelector('main.content'); m.scrollTop = m.scrollHeight; return true; });
    await shot('light-16-toast-over-move-to-trash');
    await app.dismissToasts();
    await app.click('Move to Trash');
    await app.heading('How are you right now?');
    await app.run(() => document.querySelectorAll('.toasts button[aria-label=Dismiss]').forEach((b) => b.click()));
  });

  it('light: every screen', async () => {
    await setTheme('Light', 'light');
    const bg = await app.run(() => getComputedStyle(document.body).backgroundColor);
    console.log(`[info] light body background: ${bg}`);
    await shootAll('light');
  });

  it('dark: every screen', async () => {
    await setTheme('Dark', 'dark');
    const bg = await app.run(() => getComputedStyle(document.body).backgroundColor);
    console.log(`[info] dark body background: ${bg}`);
    await shootAll('dark');
  });

  it('dark: first run and recovery key (the theme is kept beside the vault)', async () => {
    await quit(app);
    app = null;
    // A new vault in the same folder: keep settings.json (theme: dark), drop the rest.
    for (const f of fs.readdirSync(driver.vaultDir)) if (f !== 'settings.json') fs.rmSync(path.join(driver.vaultDir, f), { recursive: true, force: true });
    assert.match(fs.readFileSync(path.join(driver.vaultDir, 'settings.json'), 'utf8'), /"dark"/);
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    await app.waitFor(() => document.documentElement.dataset.theme === 'dark', [], { what: 'dark theme before unlock' });
    const shown = await createVault(app, PASS, 'dark');
    await confirmGroup(app, shown.groups, shown.ask, 'dark');
    for (const f of shots) assert.ok(fs.statSync(f).size > 12_000, `${f} is not blank`);
  });

  it('axe-core finds no serious or critical violation on any screen, light or dark', () => {
    assert.ok(shots.length > 30, `every screen was checked (${shots.length})`);
    assert.deepEqual(blocking, []);
  });

  it('the window itself never scrolls: only its panes do (nothing placed outside them)', () => {
    assert.ok(shots.length > 30, `every screen was checked (${shots.length})`);
    assert.deepEqual(pageScrolls, []);
  });
});
