import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import VirtualList from './VirtualList.svelte';

// A row follows its index as a real snippet does: a recycled row element shows its new row.
const row = createRawSnippet((i: () => number) => ({
  render: () => '<span></span>',
  setup: (el) => {
    $effect(() => {
      el.textContent = `row ${i()}`;
    });
  },
}));
const top = createRawSnippet((i: () => number) => ({ render: () => `<span class="pinned">first ${i()}</span>` }));

function setup(extraAbove: (i: number) => number) {
  const ranges: number[][] = [];
  const r = render(VirtualList, {
    props: { count: 100, rowHeight: 50, row, top, extraAbove, label: 'Rows', onrange: (s: number, e: number, f: number) => ranges.push([s, e, f]) },
  });
  const viewport = r.container.querySelector<HTMLElement>('.vlist')!;
  const item = (i: number) => r.container.querySelector<HTMLElement>(`[aria-posinset="${i + 1}"]`);
  return { ...r, ranges, viewport, item };
}

describe('VirtualList', () => {
  it('places rows with the extra height above some of them (day headings)', () => {
    const { item, container } = setup((i) => (i % 10 === 0 ? 40 : 0));
    expect(item(0)!.style.transform).toBe('translateY(0px)');
    expect(item(0)!.style.height).toBe('90px');
    expect(item(1)!.style.transform).toBe('translateY(90px)');
    expect(item(1)!.style.height).toBe('50px');
    expect(item(10)!.style.transform).toBe(`translateY(${10 * 50 + 40}px)`);
    // The whole list: 100 rows and 10 headings.
    expect(container.querySelector<HTMLElement>('.vlist-inner')!.style.height).toBe(`${100 * 50 + 10 * 40}px`);
    expect(item(40), 'only a window is rendered').toBeNull();
  });

  it('keeps the row at the top of the view in place when headings arrive above it', async () => {
    const { viewport, ranges, rerender, container } = setup((i) => (i === 0 ? 40 : 0));
    viewport.scrollTop = 40 + 50 * 50 + 10; // 10px into row 50
    viewport.dispatchEvent(new Event('scroll'));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(ranges.at(-1)?.[2]).toBe(50);
    // The pinned day (decorative: the rows carry the headings) is there, hidden from screen readers.
    expect(container.querySelector('.vlist-top')).toHaveAttribute('aria-hidden', 'true');

    // A page of records loads: rows 10, 20, 30, 40 and 50 start days too.
    await rerender({ extraAbove: (i: number) => (i % 10 === 0 ? 40 : 0) });
    expect(viewport.scrollTop).toBe(50 * 50 + 6 * 40 + 10);
    expect(ranges.at(-1)?.[2]).toBe(50);
  });

  it('recycles its row elements: scrolling updates what they show, it does not rebuild them', async () => {
    const { viewport, container } = setup(() => 0);
    const rows = () => [...container.querySelectorAll<HTMLElement>('.vlist-row')];
    viewport.scrollTop = 30 * 50;
    viewport.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 0));
    const before = rows();
    const spans = before.map((el) => el.querySelector('span'));
    expect(before.length, 'a window of rows').toBeGreaterThan(10);
    const firstBefore = Number(before[0].getAttribute('aria-posinset'));

    for (const y of [33 * 50, 37 * 50 + 20, 40 * 50]) {
      viewport.scrollTop = y;
      viewport.dispatchEvent(new Event('scroll'));
      await new Promise((r) => setTimeout(r, 0));
    }
    const after = rows();
    expect(Number(after[0].getAttribute('aria-posinset')), 'the window moved ten rows').toBe(firstBefore + 10);
    expect(after.length).toBe(before.length);
    expect(after.filter((el) => !before.includes(el)), 'the same elements, reused').toEqual([]);
    expect(after.filter((el) => !spans.includes(el.querySelector('span'))), 'their contents too').toEqual([]);
    // Still in index order in the document, each saying where it is.
    const order = after.map((el) => Number(el.getAttribute('aria-posinset')));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(after.map((el) => el.textContent)).toEqual(order.map((n) => `row ${n - 1}`));
  });
});
