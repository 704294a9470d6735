// The app's CSP allows no inline styles: markup never carries a style attribute (styles are set
// through classes, or through the CSSOM as lib/actions.ts does), and the icon library's
// components build their SVGs from attributes only.
import { describe, expect, it } from 'vitest';

const sources = {
  ...import.meta.glob('./**/*.svelte', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob('/node_modules/@lucide/svelte/dist/*.svelte', { query: '?raw', import: 'default', eager: true }),
} as Record<string, string>;

/** The markup of a component: without its script and comments. */
const markup = (src: string) => src.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<!--[\s\S]*?-->/g, '');

describe('inline styles', () => {
  it('finds the components', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(Object.keys(sources).some((p) => p.endsWith('@lucide/svelte/dist/Icon.svelte'))).toBe(true);
  });

  it.each(Object.keys(sources))('%s has no style attribute or style: directive', (path) => {
    const m = markup(sources[path]);
    expect(m).not.toMatch(/\sstyle\s*=/);
    expect(m).not.toMatch(/\sstyle:[\w-]+/);
    expect(m).not.toMatch(/<style[\s>]/);
  });
});
