// The counsellor report through the real window: the person picks the dates, the sections and
// one journal entry, previews it, and saves it through the save dialog (answered by the debug
// build's KEEL_SAVE_DIALOG hook: no WebDriver reaches a native dialog). The PDF is read back
// with pdftotext: the figures are there, the entry not chosen and the sections not ticked are
// not; it is 0600; its pages are rendered to PNG beside the screenshots to be looked at.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDriver, launch, quit, createVault, confirmGroup, keelCli, SCREENSHOT_DIR } from '../lib/app.mjs';

const PASS = 'report passphrase';

/** Local `hour`:00 `days` days before today, RFC 3339 with this machine's offset. */
function daysBack(days, hour = 9) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, hour, 0, 0);
  const off = -d.getTimezoneOffset();
  const p = (n) => String(Math.abs(n)).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00:00${off >= 0 ? '+' : '-'}${p(Math.trunc(off / 60))}:${p(off % 60)}`;
}

describe('report', { concurrency: 1 }, () => {
  let driver;
  let app;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-report-'));
  // No extension: the shell adds .pdf, as for a name typed into the dialog without one.
  const answer = path.join(out, 'for Dana');
  const saved = `${answer}.pdf`;

  before(async () => {
    driver = await startDriver('report', { KEEL_SAVE_DIALOG: answer });
    app = await launch(driver);
    const { groups, ask } = await createVault(app, PASS);
    await confirmGroup(app, groups, ask);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('previews the sections chosen and saves them as a PDF through the dialog', async () => {
    const cli = keelCli(driver, PASS);
    // Stress 8, 6, 4: average 6.0 from 3 ratings; mood 3, 5, 7: 5.0.
    for (const [days, stress, mood] of [[3, 8, 3], [2, 6, 5], [1, 4, 7]]) {
      cli(['add', 'checkin', '--json', '-', '--at', daysBack(days)], JSON.stringify({ stress, mood }));
    }
    cli(['add', 'journal', '--json', '-', '--at', daysBack(2, 21)], JSON.stringify({ title: 'For Dana', text: 'Chosenmarker: the week went better.' }));
    cli(['add', 'journal', '--json', '-', '--at', daysBack(1, 21)], JSON.stringify({ title: 'Just mine', text: 'Unchosenmarker stays private.' }));
    cli(['add', 'lapse', '--json', '-', '--at', daysBack(2, 22)], JSON.stringify({ clockName: 'Alcohol', whatHappened: 'Lapsemarker at the party' }));

    await app.nav('Report');
    await app.heading('Report for my counsellor');
    // Only check-ins and one journal entry: untick whatever the page starts with.
    const ticked = await app.run(() => [...document.querySelectorAll('.report-form input[type=checkbox]:checked')].map((i) => i.parentElement.textContent.trim()));
    for (const name of ticked) await (await app.control(name)).click();
    await (await app.control('Check-ins')).click();
    await (await app.control('Journal entries')).click();
    await (await app.control('/For Dana/')).click();
    await (await app.control('Name to print (optional)')).sendKeys('Alex R.');
    await (await app.control('Letter')).click();
    await app.click('Preview');
    await app.waitFor(() => /Stress\s+6\.0/.test(document.querySelector('.report-page')?.innerText || ''), [], { what: 'the preview' });
    const preview = await app.run(() => document.querySelector('.report-page').innerText);
    assert.match(preview, /Chosenmarker: the week went better\./, preview);
    assert.ok(!preview.includes('Unchosenmarker'), 'an entry not ticked is not previewed');
    assert.ok(!preview.includes('Lapsemarker'), 'a section not ticked is not previewed');
    await app.screenshot('report-preview');

    await app.click('Save as PDF');
    await app.waitFor(() => /Saved as for Dana\.pdf/.test(document.body.innerText), [], { what: 'the saved toast' });
    assert.ok(fs.existsSync(saved), `the report is at ${saved}`);
    assert.equal(fs.statSync(saved).mode & 0o777, 0o600, 'written for its owner alone');
    const text = execFileSync('pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const want of ['Keel report', 'Name: Alex R.', 'Prepared by the client with Keel', '3 check-ins on 3 of the', 'Stress 6.0 4 8 3', 'Mood 5.0 3 7 3', 'Chosenmarker: the week went better.', 'Page 1 of 1']) {
      assert.ok(text.includes(want), `the PDF says ${JSON.stringify(want)}: ${text}`);
    }
    for (const never of ['Unchosenmarker', 'Lapsemarker']) {
      assert.ok(!text.includes(never), `${never} was not chosen: ${text}`);
    }
    // (poppler misreads krilla's MarkInfo /Suspects and says so on stderr: not a finding.)
    const info = execFileSync('pdfinfo', [saved], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    assert.match(info, /Page size:\s+612 x 792 pts \(letter\)/, info);
    assert.match(info, /Tagged:\s+yes/, info);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-r', '80', '-png', saved, path.join(SCREENSHOT_DIR, 'report-pdf-page')]);

    // The choices are remembered: the page opened again has them ticked.
    await app.nav('Today');
    await app.nav('Report');
    await app.heading('Report for my counsellor');
    await app.waitFor(() => {
      const on = [...document.querySelectorAll('.report-form input:checked')].map((i) => i.parentElement.textContent.trim());
      return on.includes('Check-ins') && on.includes('Journal entries') && on.includes('Letter') && !on.includes('Lapses');
    }, [], { what: 'the choices remembered' });
  });
});
