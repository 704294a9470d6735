// @vitest-environment node
// Non-text contrast (WCAG 1.4.11) and text contrast (1.4.3) of the colour tokens in app.css, in
// the light theme, the dark theme and the dark half of "system".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrast, declarations, luminance, resolve, saturation, type Tokens } from './lib/contrast';

// Read from disk: Vitest hands CSS imports to tests empty.
const css = readFileSync(new URL('./app.css', import.meta.url), 'utf8');
const light = declarations(css, ':root');
const darkOnly = declarations(css, ":root[data-theme='dark']");
const systemDarkOnly = declarations(css, ":root[data-theme='system']", '@media (prefers-color-scheme: dark)');
const THEMES: [string, Tokens][] = [
  ['light', light],
  ['dark', { ...light, ...darkOnly }],
  ['system (dark)', { ...light, ...systemDarkOnly }],
];

/** [what, foreground token, background token, at least]. */
const PAIRS: [string, string, string, number][] = [
  // Control borders: inputs, selects, textareas, scale buttons, checkboxes, the Write/Preview
  // buttons — against every surface a control sits on.
  ...['--bg', '--surface', '--surface-2'].map((bg) => ['control border', '--control-border', bg, 3] as [string, string, string, number]),
  // Body text and muted text, wherever they are written.
  ...['--bg', '--surface', '--surface-2', '--accent-soft'].map((bg) => ['body text', '--text', bg, 4.5] as [string, string, string, number]),
  ...['--bg', '--surface', '--surface-2', '--accent-soft'].map((bg) => ['muted text', '--muted', bg, 4.5] as [string, string, string, number]),
  // The primary button's words on its fill (also a ticked box's tick, a chosen scale number).
  ['primary button text', '--accent-text', '--accent', 4.5],
  // The primary fill, a ticked box and a chosen scale number against the page and a card.
  ['primary fill', '--accent', '--bg', 3],
  ['primary fill', '--accent', '--surface', 3],
  // The bar under the chosen Write/Preview button, on its pressed background.
  ['chosen view bar', '--accent', '--accent-soft', 3],
  // Links are accent-coloured words.
  ['link text', '--accent', '--surface', 4.5],
  ['link text', '--accent', '--bg', 4.5],
  ['error text', '--danger', '--surface', 4.5],
  ['error text', '--danger', '--bg', 4.5],
  ['focus ring', '--focus', '--bg', 3],
  ['focus ring', '--focus', '--surface', 3],
  // Check-in pills: the number is written on the tint.
  // A search match: its text is the body text on the highlight (axe found muted text there).
  ['highlighted match', '--text', '--mark', 4.5],
  ['pill text', '--text', '--pill-calm', 4.5],
  ['pill text', '--text', '--pill-middle', 4.5],
  ['pill text', '--text', '--pill-heavy', 4.5],
  // Insights: each line of the chart, and its markers, against the card it is drawn on.
  ['stress line', '--series-stress', '--surface', 3],
  ['mood line', '--series-mood', '--surface', 3],
  ['craving line', '--series-craving', '--surface', 3],
];

describe.each(THEMES)('%s theme', (_name, tokens) => {
  it.each(PAIRS)('%s (%s on %s) is at least %s:1', (_what, fg, bg, min) => {
    const ratio = contrast(resolve(tokens, fg), resolve(tokens, bg));
    expect(Math.round(ratio * 100) / 100).toBeGreaterThanOrEqual(min);
  });

});

describe.each(THEMES.filter(([name]) => name !== 'light'))('%s theme', (_name, tokens) => {
  // The pale #7fb3b5 fill this replaced (saturation 0.26) read as a disabled button on the dark
  // page: the fill must be a clear colour.
  it('the primary button is a clearly coloured fill, not a washed-out one', () => {
    expect(saturation(resolve(tokens, '--accent'))).toBeGreaterThanOrEqual(0.4);
  });
});

describe.each(THEMES)('%s theme: the year in pixels', (name, tokens) => {
  const bins = [1, 2, 3, 4, 5].map((i) => resolve(tokens, `--px-${i}`));

  it('goes one way in lightness, each bin clearly apart from the next (not by hue alone)', () => {
    const l = bins.map(luminance);
    const darker = name === 'light';
    for (let i = 1; i < l.length; i++) {
      expect(darker ? l[i] < l[i - 1] : l[i] > l[i - 1], `bin ${i + 1} against bin ${i}`).toBe(true);
      expect(contrast(bins[i], bins[i - 1]), `bin ${i + 1} against bin ${i}`).toBeGreaterThanOrEqual(1.4);
    }
  });

  it('the highest bin stands out from the card, and the lowest is not lost on it', () => {
    const surface = resolve(tokens, '--surface');
    expect(contrast(bins[4], surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(bins[0], surface)).toBeGreaterThanOrEqual(1.4);
  });

  it('a day with no rating is hollow: the card with a control-border edge, never a bin colour', () => {
    const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const at = bare.indexOf('.pixel.empty {');
    expect(at).toBeGreaterThanOrEqual(0);
    const rule = bare.slice(at, bare.indexOf('}', at));
    expect(rule).toMatch(/background: var\(--surface\)/);
    expect(rule).toMatch(/inset 0 0 0 1px var\(--control-border\)/);
  });
});

describe('theme tokens', () => {
  it('control borders are their own token, darker than the soft card border', () => {
    for (const [, tokens] of THEMES) {
      const onSurface = (t: string) => contrast(resolve(tokens, t), resolve(tokens, '--surface'));
      expect(onSurface('--control-border')).toBeGreaterThan(onSurface('--border'));
    }
  });

  it('the chosen Write/Preview button has a bar and bold words, not only a colour', () => {
    // SessionFields.svelte renders them in <div role="group" aria-label="Notes view">.
    const group = "[role='group'][aria-label='Notes view'] > button";
    const ruleOf = (selector: string) => {
      const at = css.indexOf(`${selector} {`);
      expect(at, selector).toBeGreaterThanOrEqual(0);
      return css.slice(at, css.indexOf('}', at));
    };
    const chosen = ruleOf(`${group}[aria-pressed='true']`);
    expect(chosen).toMatch(/font-weight:\s*600/);
    expect(chosen).toMatch(/box-shadow:\s*inset 0 -3px 0 var\(--accent\)/);
    expect(ruleOf(`${group}[aria-pressed]`)).toMatch(/border-color:\s*var\(--control-border\)/);
  });

  it('inputs, selects, textareas, checkboxes and scale numbers are drawn with the control border', () => {
    const bare = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const ruleOf = (selector: string) => {
      const at = bare.indexOf(`${selector} {`);
      expect(at, selector).toBeGreaterThanOrEqual(0);
      return bare.slice(at, bare.indexOf('}', at));
    };
    expect(ruleOf('input, select, textarea')).toMatch(/border: 1px solid var\(--control-border\)/);
    expect(ruleOf("input[type='checkbox'], input[type='radio']")).toMatch(/border: 2px solid var\(--control-border\)/);
    expect(ruleOf('.seg span')).toMatch(/border: 1px solid var\(--control-border\)/);
    expect(ruleOf('button')).toMatch(/border: 1px solid var\(--control-border\)/);
    // A match inside a muted snippet is drawn in body text, which the pair above measures.
    expect(ruleOf('mark')).toMatch(/color: var\(--text\)/);
  });

  it('the dark theme and the dark half of "system" are the same colours', () => {
    expect(systemDarkOnly).toEqual(darkOnly);
  });

  it('the contrast helper matches WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});
