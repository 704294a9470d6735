import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

function dom(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const el = dom(renderMarkdown('## Group\n- **sleep** and _rest_'));
    expect(el.querySelector('h2')?.textContent).toBe('Group');
    expect(el.querySelector('li strong')?.textContent).toBe('sleep');
  });

  it('shows raw HTML with an event handler as inert text', () => {
    const html = renderMarkdown('before <img src=x onerror=alert(1)> after');
    const el = dom(html);
    expect(el.querySelector('img'), 'no <img> element may be created').toBeNull();
    expect(html).not.toMatch(/<img/i);
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('never produces a script element', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\ntext');
    expect(dom(html).querySelector('script')).toBeNull();
    expect(html).not.toMatch(/<script/i);
  });

  it('does not make javascript: links clickable', () => {
    for (const src of ['[x](javascript:alert(1))', '[x](JavaScript:alert(1))', '[x]( javascript:alert(1) )', '<a href="javascript:alert(1)">x</a>']) {
      const el = dom(renderMarkdown(src));
      const links = [...el.querySelectorAll('a')];
      expect(links.every((a) => !/^\s*javascript:/i.test(a.getAttribute('href') ?? '')), src).toBe(true);
      const attrs = [...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
      expect(attrs.some((v) => /javascript:/i.test(v)), src).toBe(false);
    }
  });

  it('does not load remote images', () => {
    const html = renderMarkdown('![x](http://example.com/a.png)');
    expect(dom(html).querySelector('img'), 'images are dropped').toBeNull();
    expect(html).not.toContain('example.com/a.png');
    expect(dom(html).textContent).toContain('x');
  });

  it('keeps http links but adds no attributes that run code', () => {
    const el = dom(renderMarkdown('[site](https://example.org "t")'));
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://example.org');
    expect(a?.getAttributeNames().some((n) => n.startsWith('on'))).toBe(false);
  });

  it('strips style, iframe and svg payloads', () => {
    const html = renderMarkdown('<iframe src="https://evil"></iframe><svg onload=alert(1)></svg><p style="x">y</p>');
    const el = dom(html);
    expect(el.querySelector('iframe, svg, [style], [onload]')).toBeNull();
  });
});
