#!/usr/bin/env node
// The everyday screens at scale, in the real window (release build, a vault of COUNT records),
// as Keel starts and with WebKit's compositing turned back on, measured in the same run:
//   unlock    click on Unlock → Today drawn (two frames after its heading is in the page)
//   history   click on History → its first rows drawn
//   scroll    History scrolled 60 px a frame for 4 s: frame times (mean, p95, max, over 33 ms)
//   search    the last key of a word typed into Search → its results drawn
//   insights  click on Insights → every section drawn (the last 90 days, by week, and the year
//             in pixels); then a click on Everything → drawn again over every record, by month
//   memory    PSS of the app and its WebKit processes after scrolling all of History
// Usage (from bench/screens.sh): node bench/screens.mjs KEEL_BIN VAULT ROUNDS
import fs from 'node:fs';
import path from 'node:path';
import { memoryOf } from './proc.mjs';

const [bin, vault, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 3);
const PASS = process.env.KEEL_PASSPHRASE;
process.env.KEEL_APP = path.resolve(bin);
const { startDriver, launch, quit, sleep } = await import('../tests/e2e/lib/app.mjs');

/** Installs a one-shot timer in the page: from the next click (or the last key) to two frames
 * after the screen named `what` is drawn. Read it back with `result()`. (The page's CSP allows no
 * code from strings, so the conditions live here, chosen by name.) */
async function arm(app, event, what) {
  await app.run(
    (ev, name) => {
      const drawn = {
        today: () =>
          [...document.querySelectorAll('h1,h2')].some((h) => h.textContent.includes('How are you right now?')) &&
          document.querySelector('ul[aria-label="Today\'s entries list"] li'),
        history: () => document.querySelectorAll('.vlist-row .record-row').length > 5,
        search: () => /matches/.test(document.querySelector('main [role=status]')?.textContent || '') && document.querySelectorAll('ul.results li').length > 0,
        insights: () =>
          /Showing the last 90 days/.test(document.querySelector('.insights-status')?.textContent || '') &&
          document.querySelectorAll('.pixels [role=gridcell]').length > 300 &&
          document.querySelector('.series-table tbody tr'),
        insightsAll: () =>
          /Showing everything, month by month/.test(document.querySelector('.insights-status')?.textContent || '') &&
          document.querySelector('.series-table tbody tr'),
      }[name];
      window.__bench = { t0: null, ms: null };
      const start = (e) => {
        // A key: the last one before the result counts (typing a word is several keys).
        if (ev === 'keydown' || window.__bench.t0 === null) window.__bench.t0 = e.timeStamp;
      };
      document.addEventListener(ev, start, true);
      const check = () => {
        if (window.__bench.t0 !== null && drawn()) {
          document.removeEventListener(ev, start, true);
          requestAnimationFrame(() => requestAnimationFrame((t) => (window.__bench.ms = t - window.__bench.t0)));
          return;
        }
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
      return true;
    },
    event,
    what,
  );
}

async function result(app, what) {
  return app.waitFor(() => window.__bench?.ms, [], { timeout: 60_000, what });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, mean: +(s.reduce((a, b) => a + b, 0) / s.length).toFixed(1), p50: +q(0.5).toFixed(1), p95: +q(0.95).toFixed(1), max: +s.at(-1).toFixed(1) };
};

async function measure(mode, extraEnv) {
  const driver = await startDriver(`bench-${mode}`, extraEnv);
  fs.copyFileSync(vault, path.join(driver.vaultDir, 'vault.keel'));
  const out = { unlock: [], history: [], search: [], insights: [], insightsAll: [], frames: [], over33: 0, pss: null, pssBefore: null };
  let app;
  try {
    app = await launch(driver);
    await app.heading('Keel is locked', 30_000);
    for (let r = 0; r < rounds; r++) {
      await app.fill('Passphrase', PASS);
      await arm(app, 'click', 'today');
      await app.click('Unlock');
      out.unlock.push(await result(app, 'unlock'));

      await arm(app, 'click', 'history');
      await app.nav('History');
      out.history.push(await result(app, 'History drawn'));

      if (r === 0) {
        out.pssBefore = Math.round(memoryOf(driver.appPids()[0]).pss);
        // Scroll: 60 px a frame for 4 s, every frame's time recorded.
        await app.run(() => {
          const v = document.querySelector('.vlist');
          window.__frames = null;
          const times = [];
          let last = null;
          const t0 = performance.now();
          const step = (t) => {
            if (last !== null) times.push(t - last);
            last = t;
            v.scrollTop += 60;
            if (t - t0 < 4000) requestAnimationFrame(step);
            else window.__frames = times;
          };
          requestAnimationFrame(step);
          return true;
        });
        const frames = await app.waitFor(() => window.__frames, [], { timeout: 30_000, what: 'scroll frames' });
        out.frames = frames;
        out.over33 = frames.filter((f) => f > 33.4).length;
        // All the way down and back, then memory.
        await app.run(() => {
          const v = document.querySelector('.vlist');
          let y = 0;
          const down = () => {
            y += 4000;
            v.scrollTop = y;
            if (y < v.scrollHeight) setTimeout(down, 16);
            else window.__scrolled = true;
          };
          window.__scrolled = false;
          down();
          return true;
        });
        await app.waitFor(() => window.__scrolled, [], { timeout: 120_000, what: 'scrolled to the end' });
        await sleep(1500);
        out.pss = Math.round(memoryOf(driver.appPids()[0]).pss);
      }

      await app.nav('Search');
      const field = await app.control('Search your entries');
      await arm(app, 'keydown', 'search');
      await field.sendKeys(r % 2 ? 'deadline' : 'meeting');
      out.search.push(await result(app, 'search drawn'));
      await field.clear();

      await arm(app, 'click', 'insights');
      await app.nav('Insights');
      out.insights.push(await result(app, 'Insights drawn'));
      await (await app.control('By month')).click();
      await app.waitFor(() => /month by month/.test(document.querySelector('.insights-status')?.textContent || ''), [], { timeout: 60_000, what: 'by month' });
      await arm(app, 'click', 'insightsAll');
      await (await app.control('Everything')).click();
      out.insightsAll.push(await result(app, 'Insights over everything drawn'));
      await (await app.control('90 days')).click();
      await (await app.control('By week')).click();

      await app.client.chord('\uE009', 'l'); // Ctrl+L locks
      await app.heading('Keel is locked', 30_000);
    }
  } finally {
    await quit(app).catch(() => {});
    await driver.stop();
  }
  return out;
}

// Keel as it starts (no variable of the user's), then with each setting of the variable given.
const modes = [
  ['as Keel starts (it turns compositing off)', {}],
  ['WEBKIT_DISABLE_COMPOSITING_MODE=0 (compositing on)', { WEBKIT_DISABLE_COMPOSITING_MODE: '0' }],
];
const report = [];
for (const [mode, env] of modes) {
  const m = await measure(mode, env);
  report.push({
    mode,
    'unlock → Today drawn (ms)': stats(m.unlock),
    'History drawn (ms)': stats(m.history),
    'search: last key → results drawn (ms)': stats(m.search),
    'Insights: click → drawn, 90 days by week (ms)': stats(m.insights),
    'Insights: click on Everything → drawn, every record by month (ms)': stats(m.insightsAll),
    'History scroll frame (ms)': { ...stats(m.frames), 'frames over 33 ms': m.over33 },
    'PSS with History open, then after scrolling all of it (MiB)': [m.pssBefore, m.pss],
  });
}
console.log(JSON.stringify(report, null, 2));
