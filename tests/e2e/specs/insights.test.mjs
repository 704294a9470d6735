// What the records say, through the real window: On This Day on Today brings back what was
// written on this date a month and a year ago (written here by the CLI into the same vault,
// back-dated), one click from opening it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, createVault, confirmGroup, keelCli } from '../lib/app.mjs';

const PASS = 'insights passphrase';

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
});
