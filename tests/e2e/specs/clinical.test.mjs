// The clinical tools through the real window: a PHQ-9 answered question by question, its total
// and band from the engine; question 9 above 0 brings a calm page that reaches the crisis plan in
// one click and blocks nothing; a second one reads its change from the first. A week of diary
// cards filled from the keyboard, one record a day, read back by the CLI. A thought record
// written step by step, its moods' change shown, listed and found like every entry.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startDriver, launch, quit, createVault, confirmGroup, Key } from '../lib/app.mjs';

const PASS = 'clinical tools passphrase';
const CLI = path.resolve(path.dirname(process.env.KEEL_APP || path.resolve(import.meta.dirname, '../../../target/debug/keel-desktop')), 'keel');

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

  it('the CLI reads the same results', () => {
    const out = execFileSync(CLI, ['assess', 'history', 'phq9'], {
      env: { PATH: process.env.PATH, KEEL_VAULT: path.join(driver.vaultDir, 'vault.keel'), KEEL_PASSPHRASE: PASS },
      encoding: 'utf8',
    });
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 2, out);
    assert.match(lines[0], /^\d{4}-\d{2}-\d{2}  13  moderate$/);
    assert.match(lines[1], /^\d{4}-\d{2}-\d{2}   4  minimal  -9 \(meaningful\)$/);
  });
});
