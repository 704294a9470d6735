#!/usr/bin/env node
// `npm test`: start Xvfb if there is no DISPLAY, run every spec with node's test runner (one
// file at a time; each file starts its own tauri-driver with its own temp vault), then stop
// everything that was started, even on failure or Ctrl+C.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const app = path.resolve(HERE, process.env.KEEL_APP || '../../target/debug/keel-desktop');
if (!fs.existsSync(app)) {
  console.error(`e2e: no app binary at ${app} (build it, or set KEEL_APP)`);
  process.exit(2);
}
const only = process.argv.slice(2); // optional spec file names/filters
// `specs/` tests the build; `package/` (KEEL_SPECS=package) the installed package.
const specDir = process.env.KEEL_SPECS || 'specs';
const specs = fs
  .readdirSync(path.join(HERE, specDir))
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => path.join(specDir, f));

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-e2e-'));
const env = { ...process.env, KEEL_APP: app, E2E_RUN_DIR: runDir };
let xvfb = null;
let child = null;
let cleaned = false;

function killGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {}
}

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (child && child.exitCode === null) child.kill('SIGTERM');
  // Every tauri-driver the specs started (each in its own process group), in case a spec died.
  const file = path.join(runDir, 'pgids');
  const pgids = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
  for (const p of pgids) killGroup(p, 'SIGTERM');
  if (pgids.length) await new Promise((r) => setTimeout(r, 300));
  for (const p of pgids) killGroup(p, 'SIGKILL');
  if (xvfb) {
    xvfb.kill('SIGTERM');
    await new Promise((r) => (xvfb.exitCode !== null ? r() : xvfb.once('exit', r)));
  }
}

async function startXvfb() {
  // -displayfd: Xvfb picks a free display number and writes it to the pipe.
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', fs.openSync(path.join(runDir, 'xvfb.log'), 'a'), 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 15_000);
    xvfb.stdio[3].on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) {
        clearTimeout(timer);
        resolve(buf.trim());
      }
    });
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}); see ${runDir}/xvfb.log`)));
  });
  return `:${display}`;
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

let code = 1;
try {
  if (!env.DISPLAY) {
    env.DISPLAY = await startXvfb();
    console.log(`e2e: started Xvfb on ${env.DISPLAY}`);
  } else {
    console.log(`e2e: using DISPLAY=${env.DISPLAY}`);
  }
  console.log(`e2e: app ${app}`);
  console.log(`e2e: temp dir ${runDir}`);
  const args = ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs];
  child = spawn(process.execPath, args, { cwd: HERE, env, stdio: 'inherit' });
  code = await new Promise((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 1))));
  const m = path.join(runDir, 'measurements.txt');
  if (fs.existsSync(m)) {
    console.log('\nMeasurements (not asserted):');
    process.stdout.write(fs.readFileSync(m, 'utf8').replace(/^/gm, '  '));
  }
} catch (e) {
  console.error(`e2e: ${e.stack || e}`);
  code = 1;
} finally {
  await cleanup();
  if (code === 0 && !process.env.E2E_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`e2e: logs and vaults kept in ${runDir}`);
}
process.exit(code);
