// The window never leaves Keel: whatever a page script, a form or a link tries, the shell
// cancels navigation to anything but Keel's own page, so the unlocked app (and its idle lock
// and quick-hide) stays in place. No second window is ever opened either: not by a script, not
// by a middle click, not from the built-in context menu, not by dropping a link on the page.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, sleep, xinput, screenWindows } from '../lib/app.mjs';

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

  /** Marks the page so a reload or a replaced page would show, and reads where it is. */
  const mark = () =>
    app.run(() => {
      window.__stillHere = (window.__stillHere || 0) + 1;
      return { href: location.href, n: window.__stillHere };
    });

  async function assertStillHere(before) {
    const after = await app.run(() => ({ href: location.href, n: window.__stillHere }));
    assert.equal(after.href, before.href, "the address is Keel's own");
    assert.equal(after.n, before.n, 'the same page, never reloaded or replaced');
    await app.heading('Welcome to Keel');
  }

  /** A link to somewhere else, put on the page where a pointer can reach it. */
  const addLink = () =>
    app.run(() => {
      document.getElementById('e2e-link')?.remove();
      const a = document.createElement('a');
      a.id = 'e2e-link';
      a.href = 'https://example.org/';
      a.textContent = 'A link to example.org';
      a.style.cssText = 'position:fixed;left:24px;top:24px;z-index:9999;padding:8px;background:#fff;font-size:20px';
      document.body.append(a);
      const r = a.getBoundingClientRect();
      // Its middle on the screen (the window has no frame under Xvfb).
      return { sx: Math.round(screenX + r.x + r.width / 2), sy: Math.round(screenY + r.y + r.height / 2) };
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
      const before = await mark();
      await app.run(attempt);
      await sleep(800);
      await assertStillHere(before);
    });
  }

  it('window.open opens no window and does not take this one away', async () => {
    const handles = await app.client.windowHandles();
    assert.equal(handles.length, 1, 'one window to begin with');
    const shown = screenWindows(driver);
    const before = await mark();
    const opened = await app.run(() => {
      const w = window.open('https://example.org/');
      return w === null ? 'null' : typeof w;
    });
    await sleep(1000);
    assert.equal(opened, 'null', 'window.open gave the page no window');
    assert.deepEqual(await app.client.windowHandles(), handles, 'no second window for WebDriver');
    assert.deepEqual(screenWindows(driver), shown, 'no new window on the screen');
    await assertStillHere(before);
  });

  // WebKitWebDriver's pointer actions cannot make a middle click: its pointerUp always reports
  // the left button (the page sees mousedown 1, mouseup 0, click 0), so the click is real X input.
  it('a middle click on a link opens nothing and does not take the window away', async () => {
    const handles = await app.client.windowHandles();
    const shown = screenWindows(driver);
    const at = await addLink();
    await app.run(() => {
      window.__aux = [];
      window.addEventListener('auxclick', (e) => window.__aux.push(e.button));
      return true;
    });
    const before = await mark();
    xinput(driver, `move ${at.sx} ${at.sy}`, 'sleep 100', 'down 2', 'up 2', 'sleep 1000');
    // The middle button really reached the link (else this test would prove nothing).
    assert.deepEqual(await app.run(() => window.__aux), [1], 'the page saw a middle click on the link');
    assert.deepEqual(await app.client.windowHandles(), handles, 'no second window for WebDriver');
    assert.deepEqual(screenWindows(driver), shown, 'no new window on the screen');
    await assertStillHere(before);
  });

  // WebKitWebDriver's key events go straight to the page, past GTK's key bindings, so its
  // Shift+F10 never opens a menu: the keys are real X input to the focused link.
  for (const [way, keys] of [
    ['Shift+F10', ['key Shift_L down', 'key F10', 'key Shift_L up']],
    ['the Menu key', ['key Menu']],
  ]) {
    it(`the keyboard context menu (${way}) with a link focused offers no way to open it`, async () => {
      const handles = await app.client.windowHandles();
      const shown = screenWindows(driver);
      const at = await addLink();
      await app.run(() => {
        window.__menus = [];
        // Bubble phase on window: by then Keel's own handler has had its say. One listener.
        window.removeEventListener('contextmenu', window.__onMenu);
        window.__onMenu = (e) => window.__menus.push({ on: e.target.id || e.target.tagName, cancelled: e.defaultPrevented });
        window.addEventListener('contextmenu', window.__onMenu);
        document.getElementById('e2e-link').focus();
        return document.activeElement.id;
      });
      const before = await mark();
      // The pointer over the window, so the keyboard goes to it (no window manager).
      xinput(driver, `move ${at.sx} ${at.sy + 200}`, 'sleep 100', ...keys, 'sleep 700');
      const menus = await app.run(() => window.__menus);
      const withMenu = screenWindows(driver);
      // WebKit's menu for a link starts with "Open Link": Down to it and Enter. With no menu
      // up, the keys go to the page.
      xinput(driver, 'key Down', 'sleep 100', 'key Return', 'sleep 1000');
      // Close whatever may be left open, so the next test gets the keyboard.
      if (screenWindows(driver).length > shown.length) xinput(driver, 'key Escape', 'sleep 300');
      assert.ok(menus.length >= 1, `${way} asked the page for a context menu: ${JSON.stringify(menus)}`);
      // Shift+F10 asks for the focused link's menu; WebKit places the Menu key's elsewhere on
      // the page (on <main>, seen with WebKitGTK 2.50), where the built-in menu is refused too.
      if (way === 'Shift+F10') assert.deepEqual(menus.map((m) => m.on), ['e2e-link'], 'on the focused link');
      for (const m of menus) assert.equal(m.cancelled, true, `the built-in menu is refused (${m.on})`);
      assert.deepEqual(withMenu, shown, 'no menu came up');
      assert.deepEqual(await app.client.windowHandles(), handles, 'no second window for WebDriver');
      await assertStillHere(before);
    });
  }

  // The shell trims WebKit's own menu too, for a page whose guard is out of the way (a script
  // in the page could stop it): on a link nothing is left, so no menu comes up at all, while a
  // text field keeps its editing menu (which also shows this test can see a menu).
  it("with the page's guard stopped, the shell leaves no menu on a link and the editing menu in a field", async () => {
    const shown = screenWindows(driver);
    const at = await addLink();
    const field = await app.run(() => {
      const f = document.getElementById('fr-pass');
      f.focus();
      const r = f.getBoundingClientRect();
      return { sx: Math.round(screenX + r.x + r.width / 2), sy: Math.round(screenY + r.y + r.height / 2) };
    });
    xinput(driver, `move ${field.sx} ${field.sy}`, 'sleep 100', 'key Shift_L down', 'key F10', 'key Shift_L up', 'sleep 700');
    const inField = screenWindows(driver);
    xinput(driver, 'key Escape', 'sleep 500');
    assert.equal(inField.length, shown.length + 1, `the editing menu came up in the text field: ${JSON.stringify(inField)}`);
    assert.deepEqual(screenWindows(driver), shown, 'and went with Escape');

    await app.run(() => {
      // Window capture runs before the page's own listener on the document: it never hears.
      window.__stopGuard = (e) => e.stopImmediatePropagation();
      window.addEventListener('contextmenu', window.__stopGuard, true);
      document.getElementById('e2e-link').focus();
      return true;
    });
    const before = await mark();
    try {
      xinput(driver, `move ${at.sx} ${at.sy + 200}`, 'sleep 100', 'key Shift_L down', 'key F10', 'key Shift_L up', 'sleep 700');
      const onLink = screenWindows(driver);
      xinput(driver, 'key Down', 'sleep 100', 'key Return', 'sleep 1000');
      if (screenWindows(driver).length > shown.length) xinput(driver, 'key Escape', 'sleep 300');
      assert.deepEqual(onLink, shown, 'no menu on the link: Open Link and the rest are gone');
    } finally {
      await app.run(() => window.removeEventListener('contextmenu', window.__stopGuard, true));
    }
    await assertStillHere(before);
  });

  // WebKitWebDriver's pointer actions start a drag (dragstart) but GTK's drag follows the real
  // pointer only (no dragover, no drop): the drag is real X input, in small steps.
  it('dragging a link and dropping it on the page does not take the window away', async () => {
    const handles = await app.client.windowHandles();
    const at = await addLink();
    await app.run(() => {
      window.__drag = [];
      for (const ev of ['dragstart', 'dragover', 'dragend']) window.addEventListener(ev, () => window.__drag.at(-1) !== ev && window.__drag.push(ev), true);
      return true;
    });
    const before = await mark();
    const steps = [`move ${at.sx} ${at.sy}`, 'sleep 100', 'down 1', 'sleep 100'];
    // To the middle of the page, clear of any field (a drop there would only type the address).
    const [tx, ty] = [at.sx + 560, at.sy + 20];
    for (let i = 1; i <= 30; i++) steps.push(`move ${Math.round(at.sx + ((tx - at.sx) * i) / 30)} ${Math.round(at.sy + ((ty - at.sy) * i) / 30)}`, 'sleep 40');
    steps.push('sleep 300', 'up 1', 'sleep 1500');
    xinput(driver, ...steps);
    const drag = await app.run(() => window.__drag);
    // The link was really dragged over the page and let go (else this test would prove nothing).
    assert.deepEqual(drag, ['dragstart', 'dragover', 'dragend'], 'the page saw the link dragged over it and dropped');
    assert.deepEqual(await app.client.windowHandles(), handles, 'no second window for WebDriver');
    await assertStillHere(before);
  });
});
