#!/usr/bin/env node
// Start-up and memory of the Keel window against an empty Tauri 2 window built the same way,
// measured in the same run through the same WebDriver path (tauri-driver + WebKitWebDriver).
//   start-up: from asking for a session (the launch) to the first screen drawn (two frames)
//   memory:   PSS and RSS of the app plus its WebKit processes, Keel after unlocking a vault
//             of 10,000 records, the minimal window once drawn
// Usage (from bench/app.sh): node bench/app-bench.mjs KEEL_BIN MINIMAL_BIN VAULT ROUNDS
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { Client } from '../tests/e2e/lib/webdriver.mjs';
import { memoryOf, tree } from './proc.mjs';

const [keelBin, minimalBin, vault, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg || 5);
const PASS = process.env.KEEL_PASSPHRASE;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-bench-cache-'));

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function once(bin, kind) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `keel-bench-${kind}-`));
  for (const d of ['config', 'data', 'home']) fs.mkdirSync(path.join(dir, d));
  let keelVault;
  if (kind === 'keel') {
    keelVault = path.join(dir, 'vault.keel');
    fs.copyFileSync(vault, keelVault);
  }
  const env = {
    ...process.env,
    KEEL_VAULT: keelVault || path.join(dir, 'unused.keel'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    // Shared and warmed by an uncounted first round: a cold font cache costs hundreds of ms
    // that a real user, whose cache is warm, never pays.
    XDG_CACHE_HOME: CACHE,
    HOME: path.join(dir, 'home'),
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  const port = await freePort();
  let native = await freePort();
  while (native === port) native = await freePort();
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(native)], { env, stdio: 'ignore', detached: true });
  const client = new Client(port);
  try {
    for (let i = 0; ; i++) {
      try {
        await new Client(native).status();
        break;
      } catch {
        if (i > 200) throw new Error('driver did not start');
        await sleep(50);
      }
    }
    const ready = kind === 'keel' ? 'h1' : '#ready';
    const want = kind === 'keel' ? 'Keel is locked' : 'Minimal window';
    const t0 = performance.now();
    await client.newSession(bin);
    for (;;) {
      const text = await client.execute((sel) => document.querySelector(sel)?.textContent ?? '', ready);
      if (text.trim() === want) break;
      await sleep(5);
    }
    await client.executeAsync(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const startup = performance.now() - t0;
    // Where the time went, from the page's side: its clock starts when navigation starts, so
    // `startup - page.drawn` is the process, the shell and WebKit before the page was asked for.
    const page = await client.execute(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        drawn: performance.now(),
        responseEnd: nav?.responseEnd ?? null,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        backend: mark('keel:backend'),
        status: mark('keel:status'),
      };
    });
    const appPid = tree(driver.pid).find((p) => p.comm.startsWith(kind === 'keel' ? 'keel-desktop' : 'minimal-window')).pid;
    let unlockMs = null;
    if (kind === 'keel') {
      const field = await client.find('input[type=password]');
      await field.sendKeys(PASS);
      const u0 = performance.now();
      await client.execute(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Unlock').click());
      for (;;) {
        const h = await client.execute(() => [...document.querySelectorAll('h1, h2')].map((e) => e.textContent.trim()).join('|'));
        if (h.includes('How are you right now?')) break;
        await sleep(10);
      }
      unlockMs = performance.now() - u0;
    }
    await sleep(1500); // let the processes settle before reading memory
    return { startup, unlockMs, page, ...memoryOf(appPid) };
  } finally {
    try {
      await client.deleteSession();
    } catch {}
    client.close();
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {}
    await sleep(500);
    try {
      process.kill(-driver.pid, 'SIGKILL');
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const res = { keel: [], minimal: [] };
await once(minimalBin, 'minimal'); // warm-up, not counted
await once(keelBin, 'keel');
for (let i = 0; i < rounds; i++) {
  res.minimal.push(await once(minimalBin, 'minimal'));
  res.keel.push(await once(keelBin, 'keel'));
}
const m = (k, f) => median(res[k].map((r) => r[f]));
const f1 = (x) => x.toFixed(0);
console.log(`rounds: ${rounds} (medians); start-up per round: minimal ${res.minimal.map((r) => f1(r.startup)).join(', ')} ms; Keel ${res.keel.map((r) => f1(r.startup)).join(', ')} ms`);
console.log(`start-up to first screen drawn: minimal ${f1(m('minimal', 'startup'))} ms, Keel ${f1(m('keel', 'startup'))} ms, ratio ${(m('keel', 'startup') / m('minimal', 'startup')).toFixed(2)}`);
console.log(`memory PSS (app + WebKit): minimal ${f1(m('minimal', 'pss'))} MiB, Keel after unlocking 10,000 records ${f1(m('keel', 'pss'))} MiB, ratio ${(m('keel', 'pss') / m('minimal', 'pss')).toFixed(2)}`);
console.log(`memory RSS (app + WebKit): minimal ${f1(m('minimal', 'rss'))} MiB, Keel ${f1(m('keel', 'rss'))} MiB, ratio ${(m('keel', 'rss') / m('minimal', 'rss')).toFixed(2)}`);
console.log(`unlock of 10,000 records (click to Today drawn): ${f1(m('keel', 'unlockMs'))} ms`);
const mp = (k, f) => {
  const xs = res[k].map((r) => r.page[f]).filter((x) => x !== null);
  return xs.length ? f1(median(xs)) : '-';
};
for (const k of ['minimal', 'keel']) {
  const before = median(res[k].map((r) => r.startup - r.page.drawn));
  console.log(
    `${k}: before the page (process, shell, WebKit) ${f1(before)} ms; in the page: HTML and scripts loaded ${mp(k, 'responseEnd')} ms, DOMContentLoaded ${mp(k, 'domContentLoaded')} ms, backend ${mp(k, 'backend')} ms, first status ${mp(k, 'status')} ms, drawn ${mp(k, 'drawn')} ms`,
  );
  const comms = [...new Set(res[k].flatMap((r) => Object.keys(r.byComm)))].sort();
  console.log(`${k}: PSS by process (MiB): ${comms.map((c) => `${c} ${f1(median(res[k].map((r) => r.byComm[c] ?? 0)))}`).join(', ')}`);
}
fs.rmSync(CACHE, { recursive: true, force: true });
