import { describe, expect, it } from 'vitest';
import { PURIFY, renderMarkdown } from './markdown';

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

  it('keeps the number a list starts at', () => {
    const ol = dom(renderMarkdown('3. third\n4. fourth')).querySelector('ol');
    expect(ol?.getAttribute('start')).toBe('3');
    expect(ol?.start).toBe(3);
  });

  it('keeps rel on links, so a link never hands over the page or a referrer', () => {
    const a = dom(renderMarkdown('[site](https://example.org)')).querySelector('a');
    expect(a?.getAttribute('rel')?.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer', 'nofollow']));
  });

  it('keeps table column alignment', () => {
    const el = dom(renderMarkdown('| a | b |\n|:---:|---:|\n| 1 | 2 |'));
    expect([...el.querySelectorAll('th')].map((c) => c.getAttribute('align'))).toEqual(['center', 'right']);
    expect([...el.querySelectorAll('td')].map((c) => c.getAttribute('align'))).toEqual(['center', 'right']);
  });

  it('still refuses javascript: and data: targets on links', () => {
    for (const src of ['[x](javascript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)', '[x](DATA:text/html;base64,PHNjcmlwdD4=)', '[x](vbscript:msgbox(1))']) {
      const el = dom(renderMarkdown(src));
      expect(el.querySelector('a'), src).toBeNull();
      expect(el.querySelector('[href]'), src).toBeNull();
    }
  });

  it('lets no start, align or rel written in raw HTML through: it is shown as text', () => {
    const src = '<ol start="javascript:alert(1)"><li>x</li></ol>\n\n<td align="javascript:alert(1)">y</td> <a rel="x" href="data:text/html,z">z</a>';
    const html = renderMarkdown(src);
    const el = dom(html);
    expect(el.querySelector('[start], [align], [rel], [href]'), 'no element carries the raw attributes').toBeNull();
    expect(el.textContent).toContain('<ol start="javascript:alert(1)">');
    expect(html).not.toMatch(/<(?:ol|td|a)\b[^>]*(?:javascript|data):/i);
  });

  it('uses the safe-attribute exemption only for start, align and rel, never for href', async () => {
    // The exemption skips the URI check for those three names. href must stay checked, and the
    // sanitiser itself must still drop a dangerous href even if marked ever let one through.
    const DOMPurify = (await import('dompurify')).default;
    const el = dom(DOMPurify.sanitize('<a href="javascript:alert(1)" rel="noopener">x</a><ol start="2"><li>y</li></ol>', PURIFY));
    expect(el.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(el.querySelector('a')?.getAttribute('rel')).toBe('noopener');
    expect(el.querySelector('ol')?.getAttribute('start')).toBe('2');
  });
});

