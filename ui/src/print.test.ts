// @vitest-environment node
// What the diary card's week prints: the week alone (no sidebar, no buttons, no toasts), black
// on white whatever the theme, on a landscape page. Read from app.css (Vitest hands CSS imports
// to tests empty); the recovery key's own print rules stay as they were.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('./app.css', import.meta.url), 'utf8');

/** The body of each `@media print { … }` block, braces balanced. */
function printBlocks(src: string): string {
  const out: string[] = [];
  let at = src.indexOf('@media print');
  while (at >= 0) {
    const open = src.indexOf('{', at);
    let depth = 1;
    let i = open + 1;
    for (; i < src.length && depth > 0; i++) depth += src[i] === '{' ? 1 : src[i] === '}' ? -1 : 0;
    out.push(src.slice(open + 1, i - 1));
    at = src.indexOf('@media print', i);
  }
  return out.join('\n');
}

const print = printBlocks(css);
const rule = (selector: string) => {
  const at = print.indexOf(`${selector} {`);
  expect(at, selector).toBeGreaterThanOrEqual(0);
  return print.slice(at, print.indexOf('}', at));
};

describe('printing the diary card', () => {
  it('shows the week and leaves off the sidebar, the toasts and the buttons', () => {
    expect(rule('.diary-sheet, .diary-sheet *')).toMatch(/visibility: visible/);
    expect(rule('body:has(.diary-sheet) .sidebar, body:has(.diary-sheet) .toasts')).toMatch(/display: none/);
    expect(rule('.diary-sheet .no-print, .diary-sheet .page-head button')).toMatch(/display: none/);
    expect(rule('body:has(.diary-sheet) .content')).toMatch(/overflow: visible/);
  });

  it('is black on white in every theme, on a landscape page', () => {
    expect(rule('.diary-sheet, .diary-sheet *')).toMatch(/color: #000; background: #fff/);
    expect(rule('.diary-table th, .diary-table td')).toMatch(/border: 1px solid #000/);
    expect(rule('.diary-sheet')).toMatch(/page: diary/);
    expect(css).toMatch(/@page diary \{ size: landscape;/);
  });

  it('keeps the recovery key’s print rules', () => {
    expect(rule('.recovery-print, .recovery-print *')).toMatch(/visibility: visible/);
  });
});
