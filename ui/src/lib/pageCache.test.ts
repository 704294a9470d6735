import { describe, expect, it } from 'vitest';
import type { RecordDto } from './backend';
import { emptyJournal } from './kinds';
import { PageCache } from './pageCache';

/** `n` records, `perDay` to a day, newest first (days count down from 2026-12-31). */
function records(n: number, perDay: number): RecordDto[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2026, 11, 31) - Math.floor(i / perDay) * 86400e3).toISOString().slice(0, 10);
    return { id: String(i).padStart(32, '0'), at: `${day}T12:00:00Z`, localDate: day, created: '', updated: '', revision: 1, trashed: null, body: emptyJournal() } as unknown as RecordDto;
  });
}

const page = (all: RecordDto[], p: number, size: number) => all.slice(p * size, (p + 1) * size);

describe('PageCache', () => {
  it('holds at most maxPages pages, letting go of the one farthest from the page in view', () => {
    const all = records(1000, 3);
    const c = new PageCache(100, 3);
    for (let p = 0; p < 10; p++) {
      c.put(p, page(all, p, 100), all.length, p);
      expect(c.size).toBeLessThanOrEqual(3);
    }
    expect([...Array(10).keys()].filter((p) => c.has(p))).toEqual([7, 8, 9]);
    expect(c.at(950)).toBe(all[950]);
    expect(c.at(50), 'a page let go is no longer held').toBeUndefined();
    // Scrolling back up: the pages near the view stay, the far end goes.
    c.put(2, page(all, 2, 100), all.length, 2);
    expect([...Array(10).keys()].filter((p) => c.has(p))).toEqual([2, 7, 8]);
  });

  it('knows which rows start a day, across page edges, after their pages are let go', () => {
    const all = records(600, 7); // page edges at 100, 200… fall inside days and on day edges
    const c = new PageCache(100, 2);
    for (let p = 0; p < 6; p++) c.put(p, page(all, p, 100), all.length, p);
    const want = all.map((r, i) => i === 0 || all[i - 1].localDate !== r.localDate);
    expect(all.map((_, i) => c.startsDay(i))).toEqual(want);
    expect(c.size).toBe(2);
  });

  it('a page loaded before the one above it learns its first row once that one arrives', () => {
    const all = records(300, 50); // row 100 starts a day (50 a day)
    const c = new PageCache(100, 5);
    c.put(1, page(all, 1, 100), all.length, 1);
    expect(c.startsDay(100), 'unknown without the page above').toBe(false);
    expect(c.startsDay(150)).toBe(true);
    c.put(0, page(all, 0, 100), all.length, 0);
    expect(c.startsDay(100)).toBe(true);
    expect(c.startsDay(0)).toBe(true);
    expect(c.startsDay(1)).toBe(false);
  });
});
