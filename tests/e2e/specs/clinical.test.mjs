// The clinical tools through the real window: a PHQ-9 answered question by question, its total
// and band from the engine; question 9 above 0 brings a calm page that reaches the crisis plan in
// one click and blocks nothing; a second one reads its change from the first. A week of diary
// cards filled from the keyboard, one record a day, read back by the CLI. A thought record
// written step by step, its moods' change shown, listed and found like every entry.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, createVault, confirmGroup, keelCli, measure, Key } from '../lib/app.mjs';

const PASS = 'clinical tools passphrase';

describe('clinical tools', { concurrency: 1 }, () => {
  let driver;
  let app;

  before(async () => {
    driver = await startDriver('clinical');
    app = await launch(driver);
    const { groups, ask } = await createVault(app, PASS);
    await confirmGroup(app, groups, ask);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  /** Answers a questionnaire's items by clicking each answer's radio button. */
  async function answer(form, answers) {
    for (const [i, a] of answers.entries()) {
      const radio = await app.waitFor((id) => document.getElementById(id), [`q-${form}-${i}-${a}`], { what: `question ${i + 1}` });
      await radio.click();
    }
  }

  it('a PHQ-9 with question 9 above 0: saved with the engine’s total, then a calm page with the crisis plan one click away', async () => {
    await app.nav('Questionnaires');
    await app.heading('Questionnaires');
    await app.click('Take it: PHQ-9');
    await app.heading('Patient Health Questionnaire (PHQ-9)');
    const page = await app.bodyText();
    assert.ok(page.includes('Over the last 2 weeks, how often have you been bothered by any of the following problems?'), 'the standard stem');
    assert.ok(page.includes('Thoughts that you would be better off dead or of hurting yourself in some way'), 'item 9 word for word');
    // Saving with questions left names the first one and keeps what was answered.
    await answer('phq9', [0, 1, 2]);
    await app.click('Save');
    await app.waitFor(() => /question 4/i.test(document.querySelector('[role=alert]')?.textContent ?? ''), [], { what: 'the first unanswered question named' });
    await answer('phq9', [0, 1, 2, 3, 0, 1, 2, 3, 1]);
    await app.click('Save');
    await app.heading('Thank you for your answers');
    const calm = await app.run(() => ({
      text: document.querySelector('main').innerText,
      alerts: document.querySelectorAll('main [role=alert], main [role=alertdialog], dialog[open]').length,
      nav: [...document.querySelectorAll('nav[aria-label=Main] button')].every((b) => !b.disabled),
    }));
    assert.equal(calm.alerts, 0, 'no alert and no dialog: nothing blocks');
    assert.ok(calm.nav, 'every screen stays reachable');
    assert.ok(calm.text.includes('Lines open any hour'), 'the crisis lines are offered');
    await app.click('Open my crisis plan');
    await app.heading('My crisis plan');
    await app.nav('History');
    await app.row('Timeline', 'PHQ-9: 13 (moderate)');
  });

  it('a second PHQ-9 with question 9 at 0 goes straight to its result, with a meaningful change called out', async () => {
    await app.nav('Questionnaires');
    await app.click('Take it: PHQ-9');
    await answer('phq9', [0, 1, 1, 1, 0, 0, 1, 0, 0]);
    await app.click('Save');
    await app.heading('Your PHQ-9 result');
    await app.waitFor(() => /down 9 points/i.test(document.querySelector('main').innerText) && /meaningful/i.test(document.querySelector('main').innerText), [], { what: 'the change since the first' });
    const text = await app.run(() => document.querySelector('main').innerText);
    assert.ok(text.includes('4 — minimal'), text);
    assert.ok(!text.includes('Lines open any hour'), 'no crisis page when question 9 is 0');
    await app.click('Back to questionnaires');
    await app.heading('Questionnaires');
  });

  /** The `keel` CLI on the app's own vault. */
  const cli = (...args) => keelCli(driver, PASS)(args);

  it('the CLI reads the same results', () => {
    const out = cli('assess', 'history', 'phq9');
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 2, out);
    assert.match(lines[0], /^\d{4}-\d{2}-\d{2}  13  moderate$/);
    assert.match(lines[1], /^\d{4}-\d{2}-\d{2}   4  minimal  -9 \(meaningful\)$/);
  });

  it('a week of diary cards filled from the keyboard alone: one record a day, read back by the CLI', async () => {
    await app.nav('Diary card');
    await app.heading('Diary card');
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    await (await app.control('Monday, urge to use')).click();
    const started = Date.now();
    // Per day: urge to use, acted on it, urge to hurt myself, acted on it, seven emotions, the
    // skills button (passed by), the skills-use rating, medication, a note, Enter to the next day.
    for (const [i, day] of days.entries()) {
      const urge = String(i % 6);
      await app.client.keys(urge + (i === 2 ? 'y' : 'n') + '0n' + '1203100');
      await app.client.keys(Key.ArrowRight);
      await app.client.keys(String(i) + 'y' + `note for ${day}` + Key.Enter);
    }
    measure('diary week filled from the keyboard', Date.now() - started);
    // Skills by category, for Monday.
    await (await app.button('/^Monday, skills practised/')).click();
    await app.heading('/^Skills I practised, Monday/');
    await (await app.control('Paced breathing')).click();
    await app.click('Done');
    await app.waitFor(() => /Paced breathing/.test(button('/^Monday, skills practised/')?.textContent ?? ''), [], { what: 'Monday’s skill' });
    // Saved a moment after each change: the CLI sees seven cards, one per day.
    const week = await (async () => {
      for (let i = 0; i < 100; i++) {
        const w = JSON.parse(cli('diary', 'week', '--json'));
        if (w.days.every((d) => d.card) && w.days[0].card.skills.length === 1) return w;
        await new Promise((r) => setTimeout(r, 100));
      }
      return JSON.parse(cli('diary', 'week', '--json'));
    })();
    for (const [i, d] of week.days.entries()) {
      assert.ok(d.card, `${days[i]} has a card`);
      assert.deepEqual(
        d.card.urges,
        [
          { target: 'To use', level: i % 6, acted: i === 2 },
          { target: 'To hurt myself', level: 0, acted: false },
        ],
        days[i],
      );
      assert.deepEqual(d.card.emotions.map((e) => e.level), [1, 2, 0, 3, 1, 0, 0], days[i]);
      assert.equal(d.card.skillsRating, i, days[i]);
      assert.equal(d.card.medication, true, days[i]);
      assert.equal(d.card.note, `note for ${days[i]}`);
    }
    assert.deepEqual(week.days[0].card.skills, ['Paced breathing']);
    const listed = cli('list', '--kind', 'diary-card').trim().split('\n');
    assert.equal(listed.length, 7, 'one record a day, a change updating it');
    // Print gives the week (the dialog itself is the system's).
    await app.run(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; return true; });
    await app.click('Print');
    assert.equal(await app.run(() => window.__printed), 1);
  });

  it('a thought record written step by step: the change in each mood shown, listed and found like every entry', async () => {
    await app.nav('Today');
    await app.click('+ Thought record');
    await app.heading('New thought record');
    await app.fill('The situation', 'My manager frowned at my report in the meeting');
    await app.fill('Mood 1', 'Anxious');
    await app.fill('How strong, 0 to 100: Anxious', '80');
    await app.click('Add a mood');
    await app.fill('Mood 2', 'Ashamed');
    await app.fill('How strong, 0 to 100: Ashamed', '50');
    await app.fill('Thought 1', 'I am going to lose my job');
    await (await app.control('The hot thought: thought 1')).click();
    await app.fill('What supports the hot thought', 'She frowned and left early');
    await app.fill("What doesn't fit it", 'She praised last week’s report');
    await app.fill('A more balanced thought', 'One frown is not a verdict on my work');
    await app.fill('How much I believe it, 0 to 100', '60');
    await app.fill('Anxious now, 0 to 100', '40');
    await app.fill('Ashamed now, 0 to 100', '45');
    await app.waitFor(() => /Anxious 80 → 40, down 40/.test(document.querySelector('main').innerText), [], { what: 'the change in Anxious' });
    await app.click('Save');
    await app.row("Today's entries list", 'My manager frowned at my report in the meeting · Anxious 80 → 40');
    await app.nav('Search');
    await app.fill('Search your entries', 'verdict');
    await (await app.row('Search results', 'My manager frowned')).click();
    await app.heading('Edit thought record');
    const text = await app.run(() => document.querySelector('main').innerText);
    assert.ok(text.includes('Anxious 80 → 40, down 40'), 'the change shows on a saved record');
    assert.ok(text.includes('Ashamed 50 → 45, down 5'), text);
    const shown = cli('search', 'verdict');
    assert.match(shown, /thought-record/);
  });

  it('Help says what the questionnaires are and credits their authors', async () => {
    await app.nav('Help');
    await app.heading('Help');
    const text = await app.run(() => document.querySelector('main').innerText);
    assert.ok(text.includes('Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues'), 'the PHQ-9 credit');
    assert.ok(text.includes('Spitzer RL, Kroenke K, Williams JBW, Löwe B.'), 'the GAD-7 source (Spitzer et al., 2006)');
    assert.ok(/not a diagnosis/.test(text), 'screening tools, not a diagnosis');
  });
});
