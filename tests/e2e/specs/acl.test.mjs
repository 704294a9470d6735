// The window's boundary: only Keel's own commands are callable, nothing is global, the
// prototypes are frozen, and the CSP blocks inline script and any connection out.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, sleep } from '../lib/app.mjs';

/** Calls an IPC command the way an injected script could; resolves to 'ok' or the error text. */
function call(app, cmd, args = {}) {
  return app.client.executeAsync(
    (c, a) =>
      window.__TAURI_INTERNALS__.invoke(c, a).then(
        () => 'ok',
        (e) => `refused: ${typeof e === 'string' ? e : JSON.stringify(e)}`,
      ),
    cmd,
    args,
  );
}

describe('the window boundary', { concurrency: 1 }, () => {
  let driver;
  let app;

  before(async () => {
    driver = await startDriver('acl');
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
  });

  after(async () => {
    await quit(app);
    await driver?.stop();
  });

  it('grants Keel its own commands and nothing else', async () => {
    assert.equal(await call(app, 'vault_status'), 'ok', 'a granted command works');
    for (const cmd of ['plugin:app|version', 'plugin:path|resolve_directory', 'plugin:window|close', 'plugin:webview|create_webview_window', 'plugin:window-state|save_window_state']) {
      const r = await call(app, cmd, { directory: 1, label: 'main', flags: 0 });
      assert.match(r, /^refused: .*not allowed|^refused: .*(permission|denied|not found)/i, `${cmd} must be refused, got ${r}`);
    }
    const locked = await call(app, 'list_records', { req: {} });
    assert.match(locked, /VaultLocked/, 'records are not readable while locked');
  });

  it('exposes no global Tauri object and freezes prototypes', async () => {
    const r = await app.run(() => ({ global: typeof window.__TAURI__, frozen: Object.isFrozen(Object.prototype) }));
    assert.equal(r.global, 'undefined', 'withGlobalTauri is off');
    assert.equal(r.frozen, true, 'freezePrototype is on');
  });

  it('blocks inline script and every connection out', async () => {
    await app.run(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const i = document.createElement('img');
      i.src = 'http://127.0.0.1:9/pixel.png';
      document.body.append(i);
      fetch('http://127.0.0.1:9/').catch(() => {});
      return true;
    });
    await sleep(500);
    const r = await app.run(() => ({ inline: typeof window.__inline, v: window.__violations }));
    assert.equal(r.inline, 'undefined', 'an inline script must not run');
    for (const d of ['script-src-elem', 'img-src', 'connect-src']) {
      assert.ok(r.v.some((x) => x === d || x === d.replace('-elem', '')), `a ${d} violation is reported: ${JSON.stringify(r.v)}`);
    }
  });
});
