import { afterEach, describe, expect, it } from 'vitest';
import { allowsNativeMenu, installContextMenuGuard } from './contextMenu';

afterEach(() => {
  document.body.innerHTML = '';
});

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

function pick(selector: string): Element {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

describe('allowsNativeMenu', () => {
  it('allows the menu in text fields, for Cut, Copy and Paste', () => {
    html(`<input id="plain"><input id="text" type="text"><input id="search" type="search">
      <input id="email" type="email"><input id="url" type="url"><input id="tel" type="tel">
      <input id="password" type="password"><input id="number" type="number"><textarea></textarea>`);
    for (const sel of ['#plain', '#text', '#search', '#email', '#url', '#tel', '#password', '#number', 'textarea']) {
      expect(allowsNativeMenu(pick(sel)), sel).toBe(true);
    }
  });

  it('allows it in editable content, down to its inner elements', () => {
    html('<div contenteditable="true"><p><em>x</em></p></div><div contenteditable>y</div><div contenteditable="plaintext-only">z</div>');
    expect(allowsNativeMenu(pick('em'))).toBe(true);
    expect(allowsNativeMenu(pick('[contenteditable=""]'))).toBe(true);
    expect(allowsNativeMenu(pick('[contenteditable="plaintext-only"]'))).toBe(true);
  });

  it('refuses it everywhere else', () => {
    html(`<p>text</p><button>b</button><input id="check" type="checkbox"><input id="radio" type="radio">
      <input id="range" type="range"><input id="date" type="date"><input id="submit" type="submit">
      <input id="file" type="file"><select><option>o</option></select>
      <div contenteditable="true"><div contenteditable="false"><span id="off">off</span></div></div>`);
    for (const sel of ['p', 'button', '#check', '#radio', '#range', '#date', '#submit', '#file', 'select', 'option', '#off', 'body', 'html']) {
      expect(allowsNativeMenu(pick(sel)), sel).toBe(false);
    }
    expect(allowsNativeMenu(null)).toBe(false);
    expect(allowsNativeMenu(window)).toBe(false);
    expect(allowsNativeMenu(document)).toBe(false);
  });

  it('refuses it on a link, even inside editable content', () => {
    html(`<a href="https://example.org" id="a"><strong>site</strong></a>
      <div contenteditable="true"><a href="https://example.org" id="in-edit"><span>link</span></a></div>`);
    expect(allowsNativeMenu(pick('#a'))).toBe(false);
    expect(allowsNativeMenu(pick('#a strong'))).toBe(false);
    expect(allowsNativeMenu(pick('#in-edit'))).toBe(false);
    expect(allowsNativeMenu(pick('#in-edit span'))).toBe(false);
  });

  it('reads a text node as the element holding it', () => {
    html('<textarea>t</textarea><p>p</p>');
    expect(allowsNativeMenu(pick('textarea').firstChild)).toBe(true);
    expect(allowsNativeMenu(pick('p').firstChild)).toBe(false);
  });
});

describe('installContextMenuGuard', () => {
  function menu(el: Element): boolean {
    const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 });
    el.dispatchEvent(e);
    return !e.defaultPrevented;
  }

  it('cancels the built-in menu except in text fields, until removed', () => {
    html('<p>text <a href="https://example.org">link</a></p><textarea></textarea>');
    const remove = installContextMenuGuard(document);
    expect(menu(pick('p')), 'page text').toBe(false);
    expect(menu(pick('a')), 'a link').toBe(false);
    expect(menu(pick('textarea')), 'a text field').toBe(true);
    remove();
    expect(menu(pick('p')), 'removed').toBe(true);
  });

  it('cancels it even when a handler below stops the event', () => {
    html('<p>text</p>');
    pick('p').addEventListener('contextmenu', (e) => e.stopPropagation());
    const remove = installContextMenuGuard(document);
    expect(menu(pick('p'))).toBe(false);
    remove();
  });
});
