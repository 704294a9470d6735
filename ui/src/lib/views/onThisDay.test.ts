// Today's On This Day: what was written on this date a month, some months or years ago, one
// click from opening; nothing at all when there is nothing; the dates as the engine picks them.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import { onThisDayDates } from '../backend/fake';
import { localDay } from '../time';
import { openUnlocked } from '../../tests/unlocked';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

/** Noon on `day`, local time. */
const noon = (day: string) => new Date(`${day}T12:00:00`);

describe('On this day', () => {
  it('looks at the same date in earlier months and years, never a shorter month’s last day', () => {
    const all = onThisDayDates('2026-11-28', 2);
    expect(all).toHaveLength(13);
    expect(all[0]).toEqual({ ago: '1 month ago', day: '2026-10-28' });
    expect(all[10]).toEqual({ ago: '11 months ago', day: '2025-12-28' });
    expect(all.slice(11)).toEqual([
      { ago: '1 year ago', day: '2025-11-28' },
      { ago: '2 years ago', day: '2024-11-28' },
    ]);
    // The same days the engine's test works out by hand (src/insights.rs).
    expect(onThisDayDates('2026-03-31', 1).map((x) => x.day)).toEqual([
      '2026-01-31',
      '2025-12-31',
      '2025-10-31',
      '2025-08-31',
      '2025-07-31',
      '2025-05-31',
      '2025-03-31',
    ]);
    expect(onThisDayDates('2028-02-29', 8).filter((x) => x.ago.includes('year'))).toEqual([
      { ago: '4 years ago', day: '2024-02-29' },
      { ago: '8 years ago', day: '2020-02-29' },
    ]);
  });

  it('shows on Today what was written on this date before, with how long ago, and opens it', async () => {
    const today = localDay();
    const [month, year] = onThisDayDates(today, 1).filter((x) => x.ago === '1 month ago' || x.ago === '1 year ago');
    const { user } = await openUnlocked({
      seed: (f) => {
        f.insert({ kind: 'journal', title: 'The first group', prompt: '', text: 'Nervous, then glad I went.', tags: [], bring: false }, noon(year.day));
        if (month) f.insert({ kind: 'journal', title: 'A quiet Sunday', prompt: '', text: 'Walked by the river.', tags: [], bring: false }, noon(month.day));
        f.insert({ kind: 'journal', title: 'Not this date', prompt: '', text: '', tags: [], bring: false }, noon('2001-01-02'));
      },
    });
    const list = await screen.findByRole('list', { name: 'On this day, earlier' });
    expect(screen.getByRole('heading', { name: 'On this day' })).toBeInTheDocument();
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(month ? 2 : 1);
    const last = items[items.length - 1];
    expect(last).toHaveTextContent('1 year ago');
    expect(last).toHaveTextContent('The first group');
    expect(list).not.toHaveTextContent('Not this date');
    await user.click(within(last).getByRole('button'));
    await screen.findByRole('heading', { name: 'Edit journal' });
  });

  it('is not there when nothing was written on this date before', async () => {
    let asked = 0;
    await openUnlocked({
      seed: (f) => {
        const real = f.onThisDay.bind(f);
        f.onThisDay = () => ((asked += 1), real());
      },
    });
    await waitFor(() => expect(asked).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('heading', { name: 'On this day' })).toBeNull();
  });
});
