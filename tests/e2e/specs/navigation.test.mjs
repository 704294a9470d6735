// The window never leaves Keel: whatever a page script, a form or a link tries, the shell
// cancels navigation to anything but Keel's own page, so the unlocked app (and its idle lock
// and quick-hide) stays in place.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, sleep } from '../lib/app.mjs';

describe('the window stays on Keel', { concurrency: 1 }, () => {
  let driver;
  let app;

  before(async () => {
    driver = await startDriver('navigation');
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  const ATTEMPTS = {
    'window.location': () => { window.location.href = 'https://example.org/'; },
    'location.assign to a file': () => { window.location.assign('file:///etc/hosts'); },
    'a form': () => {
      const f = document.createElement('form');
      f.action = 'https://example.org/collect';
      f.method = 'get';
      document.body.append(f);
      f.submit();
    },
    'a link': () => {
      const a = document.createElement('a');
      a.href = 'https://example.org/';
      document.body.append(a);
      a.click();
    },
    'a data URL': () => { window.location.href = 'data:text/html,<h1>Keel is locked</h1>'; },
  };

  for (const [name, attempt] of Object.entries(ATTEMPTS)) {
    it(`${name} does not take the window away`, async () => {
      const before = await app.run(() => {
        window.__stillHere = (window.__stillHere || 0) + 1;
        return { href: location.href, n: window.__stillHere };
      });
      await app.run(attempt);
      await sleep(800);
      const after = await app.run(() => ({ href: location.href, n: window.__stillHere }));
      assert.equal(after.href, before.href, 'the address is Keel\'s own');
      assert.equal(after.n, before.n, 'the same page, never reloaded or replaced');
      await app.heading('Welcome to Keel');
    });
  }
});
