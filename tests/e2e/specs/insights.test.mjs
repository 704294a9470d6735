// What the records say, through the real window: On This Day on Today brings back what was
// written on this date a month and a year ago (written here by the CLI into the same vault,
// back-dated), one click from opening it; the Insights page draws its charts and year in pixels
// under the strict CSP (every securitypolicyviolation is recorded, and there are none), with
// the figures worked out by hand and the grid moved by keyboard.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, createVault, confirmGroup, keelCli, Key } from '../lib/app.mjs';

const PASS = 'insights passphrase';

/** Local `hour`:00 `days` days before today, RFC 3339 with this machine's offset. */
function daysBack(days, hour = 9) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, hour, 0, 0);
  const off = -d.getTimezoneOffset();
  const p = (n) => String(Math.abs(n)).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hour)}:00:00${off >= 0 ? '+' : '-'}${p(Math.trunc(off / 60))}:${p(off % 60)}`;
}

/** Local noon `months` months before today, RFC 3339 with this machine's offset, or null when
 * that month lacks today's date. */
function monthsBack(months) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - months, now.getDate(), 12, 0, 0);
  if (d.getDate() !== now.getDate()) return null;
  const off = -d.getTimezoneOffset();
  const p = (n) => String(Math.abs(n)).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T12:00:00${off >= 0 ? '+' : '-'}${p(Math.trunc(off / 60))}:${p(off % 60)}`;
}

describe('insights', { concurrency: 1 }, () => {
  let driver;
  let app;

  before(async () => {
    driver = await startDriver('insights');
    app = await launch(driver);
    const { groups, ask } = await createVault(app, PASS);
    await confirmGroup(app, groups, ask);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  it('On This Day shows what was written on this date a year ago, and opens it', async () => {
    const cli = keelCli(driver, PASS);
    const year = monthsBack(12);
    assert.ok(year, 'today’s date a year ago');
    cli(['add', 'journal', '--json', '-', '--at', year], JSON.stringify({ title: 'My first week of group', text: 'Nervous, then glad I went.' }));
    const other = new Date().getDate() === 2 ? '2001-01-03T12:00:00+00:00' : '2001-01-02T12:00:00+00:00';
    cli(['add', 'journal', '--json', '-', '--at', other], JSON.stringify({ title: 'Another day entirely', text: 'Not this date.' }));
    // Today reads it again after a change made here.
    await app.nav('History');
    await app.nav('Today');
    await app.heading('On this day');
    await app.row('On this day, earlier', 'My first week of group');
    const text = await app.run(() => control('On this day, earlier').innerText);
    assert.ok(text.includes('1 year ago'), text);
    assert.ok(!text.includes('Another day entirely'), 'another date is not shown');
    await (await app.row('On this day, earlier', 'My first week of group')).click();
    await app.heading('Edit journal');
  });

  it('Insights draws its figures under the strict CSP, and the year in pixels moves by keyboard', async () => {
    const cli = keelCli(driver, PASS);
    // Two days, hand-worked: yesterday stress 8 and 6 (mean 7.0, 2 check-ins), today stress 3.
    for (const [days, hour, stress, mood] of [[1, 9, 8, 3], [1, 20, 6, 5], [0, 9, 3, 7]]) {
      cli(['add', 'checkin', '--json', '-', '--at', daysBack(days, hour)], JSON.stringify({ stress, mood, halt: { hungry: false, angry: false, lonely: false, tired: days === 1 } }));
    }
    for (const [before, after] of [[8, 5], [7, 3], [6, 4]]) {
      cli(['add', 'skill-use', '--json', '-', '--at', daysBack(2)], JSON.stringify({ skillName: 'Box breathing', distressBefore: before, distressAfter: after }));
    }
    await app.run(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.sample || ''}`));
      return true;
    });
    await app.nav('Insights');
    await app.heading('Insights');
    await app.waitFor(() => /Showing the last 90 days, week by week/.test(document.body.innerText), [], { what: 'the figures load' });
    await (await app.control('By day')).click();
    await app.waitFor(() => /day by day/.test(document.body.innerText), [], { what: 'by day' });
    const table = await app.run(() => document.querySelector('.series-table')?.innerText ?? '');
    assert.match(table, /7\.0 \(2\)/, `yesterday's mean stress with its 2 check-ins: ${table}`);
    const skills = await app.run(() => document.getElementById('ins-skills')?.closest('section')?.innerText ?? '');
    assert.match(skills, /Box breathing/, skills);
    assert.match(skills, /3\.0/, `distress dropped by 3.0 on average: ${skills}`);
    const patterns = await app.run(() => document.getElementById('ins-patterns')?.closest('section')?.innerText ?? '');
    assert.match(patterns, /association, not a cause/, patterns);

    // The year in pixels: one tab stop on today; a row is a weekday, so the up arrow goes to
    // yesterday and the left arrow a week back, each named.
    await (await app.button('Stress')).click();
    const today = await app.waitFor(() => document.querySelector('.pixels [role="gridcell"][tabindex="0"]'), [], { what: 'today in the grid' });
    await today.click();
    const before = await app.focusedName();
    assert.match(before, /stress 3\.0 from 1 check-in/, before);
    await app.client.keys(Key.ArrowUp);
    const after = await app.focusedName();
    assert.match(after, /stress 7\.0 from 2 check-ins/, after);
    await app.client.keys(Key.ArrowLeft);
    const week = await app.focusedName();
    assert.match(week, /: no check-in/, week);

    const v = await app.run(() => window.__violations);
    assert.deepEqual(v, [], 'no content security policy violation while drawing Insights');
  });
});
