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
    // Tauri checks the ACL of every `plugin:` command before it looks for a handler
    // (tauri/src/webview/mod.rs, `on_message`), so each of these is refused by the ACL, never
    // for being missing. A debug build names the command and the permissions that would grant
    // it (`resolve_access_message`: the command exists, no capability of this window holds one
    // of them); a release build says only "Command … not allowed by ACL". "Command not found" or
    // "Plugin not found" in the reason would mean the test no longer probes a real command.
    const refusals = [
      ['plugin:app|version', 'app.version', 'core:app:allow-version'],
      ['plugin:path|resolve_directory', 'path.resolve_directory', 'core:path:allow-resolve-directory'],
      ['plugin:window|close', 'window.close', 'core:window:allow-close'],
      ['plugin:webview|create_webview_window', 'webview.create_webview_window', 'core:webview:allow-create-webview-window'],
    ];
    for (const [cmd, pretty, permission] of refusals) {
      const r = await call(app, cmd, { directory: 1, label: 'main', flags: 0 });
      const debug = `refused: ${pretty} not allowed. Permissions associated with this command: `;
      const release = `refused: Command ${cmd} not allowed by ACL`;
      if (r.startsWith(debug)) {
        const granting = r.slice(debug.length).split(', ');
        assert.ok(granting.includes(permission), `${cmd} is refused by the ACL as an existing command that ${permission} would grant, got ${r}`);
      } else {
        assert.equal(r, release, `${cmd} must be refused by the ACL, got ${r}`);
      }
    }
    // A command nobody registered is refused by the ACL too (the app has its own ACL manifest),
    // and there the reason is that it does not exist.
    const unknown = await call(app, 'delete_everything');
    assert.ok(
      unknown === 'refused: delete_everything not allowed. Command not found' ||
        unknown === 'refused: Command delete_everything not allowed by ACL',
      `an unknown command is refused as not found, got ${unknown}`,
    );
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
