// The Insights screen over the fake backend: the figures it shows for records added through the
// backend (means to one decimal with their n, skills in order only from 3 rated uses, patterns
// with their n, lapses as counts, a clock's runs), the span and grouping reloading them, the
// year in pixels from the keyboard, the person's own word for craving, and a warm word in every
// section when there is nothing yet.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { BodyDto } from '../backend';
import { emptyCheckin, emptyLapse, emptySkillUse } from '../kinds';
import { addDays, localDay, localRfc3339 } from '../time';
import { pixelLabel } from '../insights';
import { openUnlocked } from '../../tests/unlocked';
import type { FakeBackend } from '../backend/fake';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

/** `hour` o'clock local time, `daysAgo` days before today, as the backend takes a time. */
function at(daysAgo: number, hour = 9): string {
  const [y, m, d] = addDays(localDay(), -daysAgo).split('-').map(Number);
  return localRfc3339(new Date(y, m - 1, d, hour));
}

const checkin = (over: Partial<BodyDto & { kind: 'checkin' }>): BodyDto => ({ ...emptyCheckin(), ...over });
const skillUse = (skillName: string, distressBefore: number | null, distressAfter: number | null): BodyDto => ({
  ...emptySkillUse(),
  skillName,
  distressBefore,
  distressAfter,
});

/** Three check-ins over two days, five coping-skill uses, a clock and a lapse, through the
 * backend as the app writes them. */
async function seedRecords(fake: FakeBackend) {
  const add = (daysAgo: number, hour: number, body: BodyDto) => fake.addRecord({ at: at(daysAgo, hour), body });
  // Two days ago: stress (8 + 6) / 2 = 7, a high-stress day; slept 5.5 hours before yesterday.
  await add(2, 9, checkin({ stress: 8, mood: 3, craving: 2, sleepHours: 5.5, halt: { hungry: false, angry: false, lonely: false, tired: true }, triggers: ['Deadline'], context: 'work' }));
  await add(2, 20, checkin({ stress: 6, mood: 5, craving: 4, triggers: ['traffic'], context: 'home' }));
  // Yesterday: stress 4.
  await add(1, 9, checkin({ stress: 4, mood: 7 }));
  // 45 days ago: inside 90 days, outside 30.
  await add(45, 9, checkin({ stress: 2, mood: 9 }));
  // Box breathing drops 3, 4 and 2: a mean and median of 3.0 from 3 rated uses.
  await add(3, 10, skillUse('Box breathing', 8, 5));
  await add(2, 10, skillUse('Box breathing', 7, 3));
  await add(1, 10, skillUse('Box breathing', 6, 4));
  await add(2, 11, skillUse('Walk', 9, 4));
  await add(1, 11, skillUse('Walk', null, null));
  // Runs counted in whole days on the wall clock: from midnight, 30 days, then 10 to today.
  const clock = await add(40, 0, { kind: 'clock', name: 'Alcohol', since: at(40, 0), archived: false });
  await add(10, 0, { ...emptyLapse(), clock: clock.id, clockName: 'Alcohol', restart: true });
}

async function openInsights(seed?: (fake: FakeBackend) => void) {
  const opened = await openUnlocked({ seed });
  const insights = vi.spyOn(opened.fake, 'insights');
  return { ...opened, insights };
}

async function go(user: Awaited<ReturnType<typeof openUnlocked>>['user']) {
  await user.click(screen.getByRole('button', { name: 'Insights' }));
  await screen.findByRole('heading', { level: 1, name: 'Insights' });
  await screen.findByText(/^Showing /);
}

const section = (name: string | RegExp) => screen.getByRole('region', { name });
const rowOf = (table: HTMLElement, header: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader')?.textContent === header);

describe('Insights', () => {
  it('is in the sidebar after Questionnaires, opens on 90 days by week, and shows the figures for what was written', async () => {
    const { user, fake, insights } = await openInsights();
    await seedRecords(fake);
    const nav = screen.getAllByRole('button').map((b) => b.textContent?.trim());
    expect(nav.indexOf('Insights')).toBe(nav.indexOf('Questionnaires') + 1);
    await go(user);
    expect(screen.getByRole('button', { name: 'Insights' })).toHaveAttribute('aria-current', 'page');
    expect(insights).toHaveBeenLastCalledWith({ range: '90d', bucket: 'week' });
    expect(screen.getByRole('radio', { name: '90 days' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'By week' })).toBeChecked();

    // By day: each day's mean to one decimal, its n in brackets; a day without one a dash.
    await user.click(screen.getByRole('radio', { name: 'By day' }));
    await waitFor(() => expect(insights).toHaveBeenLastCalledWith({ range: '90d', bucket: 'day' }));
    const over = section('Stress, mood and craving over time');
    const table = await within(over).findByRole('table', { name: /^Each day’s average, newest first/ });
    const cells = (r: HTMLElement | undefined) => within(r!).getAllByRole('cell').map((c) => c.textContent);
    const { bucketLabel } = await import('../insights');
    const dayRow = (daysAgo: number) => rowOf(table, bucketLabel('day', addDays(localDay(), -daysAgo)));
    await waitFor(() => expect(cells(dayRow(2))).toEqual(['7.0 (2)', '4.0 (2)', '3.0 (2)']));
    expect(cells(dayRow(1))).toEqual(['4.0 (1)', '7.0 (1)', '–']);
    expect(cells(dayRow(45))).toEqual(['2.0 (1)', '9.0 (1)', '–']);
    expect(over.querySelector('svg.series-chart'), 'the chart beside the table').not.toBeNull();
    expect(over.querySelectorAll('svg.series-chart .series-stress .series-mark')).toHaveLength(3);

    // What helps: ranked in words, the rest apart with what they need.
    const skills = section('What helps, on average, for you');
    const ranked = within(skills).getByRole('list', { name: 'In order of the average drop in distress' });
    expect(ranked.tagName).toBe('OL');
    expect(within(ranked).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'On average, for you, distress dropped by 3.0 points after Box breathing (3 times). Median drop 3.0 · used 3 times, 3 with a before and after rating.',
    ]);
    expect(skills).toHaveTextContent('Needs at least 3 uses with a before and after rating to compare.');
    expect(within(within(skills).getByRole('list', { name: 'Not compared yet' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Walk: used 2 times, 1 with a before and after rating',
    ]);

    // Patterns, each with its n and the same reminder.
    const patterns = section('Patterns');
    const sleep = within(patterns).getByRole('table', { name: 'Average stress the day after each amount of sleep' });
    expect(cells(rowOf(sleep, 'Under 6 hours'))).toEqual(['4.0', '1']);
    expect(patterns).toHaveTextContent('Some of these rest on fewer than 5 nights');
    const halt = within(patterns).getByRole('table', { name: /^Average stress in check-ins that said yes/ });
    // Tired: 8 said yes; 6, 4 and 2 did not. Nobody said hungry: all four, (8 + 6 + 4 + 2) / 4.
    expect(cells(rowOf(halt, 'Tired'))).toEqual(['8.0 (1)', '4.0 (3)']);
    expect(cells(rowOf(halt, 'Hungry'))).toEqual(['–', '5.0 (4)']);
    const high = within(patterns).getByRole('region', { name: 'On high-stress days' });
    expect(high).toHaveTextContent('1 day in this time had an average stress of 7 or more.');
    expect(within(high).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Deadline on 1 of 1 day',
      'traffic on 1 of 1 day',
      'Home on 1 of 1 day',
      'Work on 1 of 1 day',
    ]);
    expect(within(patterns).getAllByText('This shows an association, not a cause.')).toHaveLength(3);

    // Clocks and lapses: the runs, the one going on said so, and lapses as counts.
    const clocks = section('Clocks and lapses');
    const runs = within(clocks).getByRole('table', { name: /^Runs of Alcohol/ });
    const runRows = within(runs).getAllByRole('row').slice(1);
    expect(runRows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      [expect.any(String), '30'],
      ['going on', '10'],
    ]);
    expect(clocks).toHaveTextContent('1 lapse logged in this time.');
    const lapses = within(clocks).getByRole('table', { name: 'Lapses logged in each day' });
    expect(cells(rowOf(lapses, bucketLabel('day', addDays(localDay(), -10))))).toEqual(['1']);

    expect(section('Programme attendance')).toHaveTextContent('Once you mark a session, your attendance shows here.');
    const shown = document.querySelector('main')!.textContent ?? '';
    expect(shown, 'never a verdict on a skill or a person').not.toMatch(/\b(best|worst|failure|failed)\b/i);
    expect(document.querySelector('main .error, main .danger'), 'nothing alarming').toBeNull();
  });

  it('loads again with the span chosen: 30 days leaves out what is older', async () => {
    const { user, fake, insights } = await openInsights();
    await seedRecords(fake);
    await go(user);
    await user.click(screen.getByRole('radio', { name: 'By day' }));
    const over = section('Stress, mood and craving over time');
    const table = await within(over).findByRole('table', { name: /newest first/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));

    await user.click(screen.getByRole('radio', { name: '30 days' }));
    await waitFor(() => expect(insights).toHaveBeenLastCalledWith({ range: '30d', bucket: 'day' }));
    await waitFor(() => expect(within(table).getAllByRole('row'), '45 days ago is outside 30 days').toHaveLength(3));
    expect(screen.getByText(/^Showing /)).toHaveTextContent('Showing the last 30 days, day by day.');
    // The clock started 40 days ago: its first run ended 10 days ago, so it still reaches in.
    expect(within(section('Clocks and lapses')).getAllByRole('row')).toHaveLength(3 + 2);

    await user.click(screen.getByRole('radio', { name: 'Everything' }));
    await user.click(screen.getByRole('radio', { name: 'By month' }));
    await waitFor(() => expect(insights).toHaveBeenLastCalledWith({ range: 'all', bucket: 'month' }));
    expect(screen.getByText(/^Showing /)).toHaveTextContent('Showing everything, month by month.');
    expect(within(section('Stress, mood and craving over time')).getByRole('table', { name: /^Each month’s average/ })).toBeInTheDocument();
  });

  it('moves through the year in pixels from the keyboard, one tab stop, each day read in words', async () => {
    const { user, fake } = await openInsights();
    await fake.addRecord({ at: at(0, 8), body: checkin({ mood: 6, stress: 3 }) });
    await fake.addRecord({ at: at(0, 9), body: checkin({ mood: 7 }) });
    await fake.addRecord({ at: at(7, 9), body: checkin({ stress: 5 }) });
    await go(user);
    const pixels = section('A year in pixels');
    const grid = within(pixels).getByRole('grid', { name: 'A year of mood, one square for each day' });
    const today = localDay();
    const stops = [...grid.querySelectorAll('[tabindex="0"]')];
    expect(stops, 'one tab stop').toHaveLength(1);
    expect(stops[0]).toHaveAccessibleName(pixelLabel(today, { start: today, mean: 6.5, n: 2 }, 'mood', true));
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(365);
    expect(within(grid).getAllByRole('row')).toHaveLength(7);
    expect(stops[0]).toHaveClass('bin-4');

    (stops[0] as HTMLElement).focus();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveAccessibleName(`Yesterday: no check-in`);
    expect(document.activeElement).toHaveClass('empty');
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    expect(grid.querySelector('[tabindex="0"]')).toBe(document.activeElement);
    await user.keyboard('{ArrowDown}{ArrowLeft}');
    const weekAgo = addDays(today, -7);
    expect(document.activeElement).toHaveAccessibleName(pixelLabel(weekAgo, null, 'mood', true));
    expect(document.activeElement!.getAttribute('aria-label')).toMatch(/: no mood rated$/);
    expect(pixels.querySelector('.pixel-readout')).toHaveTextContent(pixelLabel(weekAgo, null, 'mood', true));
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toHaveAttribute('data-day', addDays(today, -364));
    await user.keyboard('{Control>}{End}{/Control}{ArrowDown}');
    expect(document.activeElement, 'nothing after today').toHaveAttribute('data-day', today);
    await user.keyboard('{ArrowLeft}{Home}');
    const monday = document.activeElement!.getAttribute('data-day')!;
    expect(new Date(`${monday}T12:00:00`).getDay(), 'Home goes to the Monday').toBe(1);

    // Coloured by stress: the same days, read as stress.
    await user.click(within(pixels).getByRole('button', { name: 'Stress' }));
    expect(within(pixels).getByRole('button', { name: 'Stress' })).toHaveAttribute('aria-pressed', 'true');
    const stressGrid = within(pixels).getByRole('grid', { name: 'A year of stress, one square for each day' });
    expect(within(stressGrid).getByRole('gridcell', { name: pixelLabel(weekAgo, { start: weekAgo, mean: 5, n: 1 }, 'stress', true) })).toHaveClass('bin-3');

    // The same year as words: a summary and a month-by-month table.
    expect(pixels).toHaveTextContent('In the last year, 2 days have a stress rating; across those days it averaged 4.0 out of 10.');
    await user.click(within(pixels).getByText('Month by month, as a table'));
    const months = within(pixels).getByRole('table', { name: /^Your stress month by month/ });
    expect(within(months).getAllByRole('row').length).toBeGreaterThanOrEqual(13);
  });

  it('uses the person’s own word for craving, and leaves HALT out when they turned it off', async () => {
    const { user, fake } = await openInsights((f) => {
      f.settings = { ...f.settings, cravingLabel: 'Urge', showHalt: false };
    });
    await fake.addRecord({ at: at(1), body: checkin({ stress: 5, craving: 3 }) });
    await go(user);
    const over = screen.getByRole('region', { name: 'Stress, mood and urge over time' });
    expect(within(over).getByRole('columnheader', { name: 'Urge' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Hungry, angry, lonely, tired' })).toBeNull();
    expect(document.querySelector('main')!.textContent).not.toMatch(/craving/i);
  });

  it('says something warm in every section when there is nothing yet', async () => {
    const { user } = await openInsights();
    await go(user);
    const says = (name: string | RegExp, words: string) => expect(section(name)).toHaveTextContent(words);
    says('Stress, mood and craving over time', 'Check-ins you make will show here.');
    says('A year in pixels', 'Check-ins you make will show here, one square for each day.');
    says('What helps, on average, for you', 'Coping skills you use, with your distress rated before and after, will show here.');
    says('Patterns', 'Nights with your sleep noted, followed by a day with a stress rating, will show here.');
    says('Patterns', 'Check-ins with a stress rating will show here, set against your HALT answers.');
    says('Patterns', 'No day in this time had an average stress of 7 or more.');
    expect(within(section('Questionnaires')).getAllByText('Not taken yet. When you take it, your results will show here over time.')).toHaveLength(2);
    says('Clocks and lapses', 'Clocks you start on Today will show here, with each run they have had.');
    says('Clocks and lapses', 'No lapses logged in this time.');
    says('Programme attendance', 'Once you mark a session, your attendance shows here.');
    expect(screen.queryByRole('grid')).toBeNull();
    expect(document.querySelector('main svg.series-chart')).toBeNull();
  });

  it('shows questionnaire results over time and attendance as figures', async () => {
    const { user, fake } = await openInsights();
    for (const [daysAgo, total] of [[28, 12], [14, 9], [0, 6]]) {
      const answers = Array.from({ length: 7 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
      await fake.addRecord({ at: at(daysAgo), body: { kind: 'assessment', instrument: 'gad7', answers, difficulty: null, note: '', total: null, band: null } });
    }
    // A daily group from three days ago: one attended, one missed, one excused.
    const first = addDays(localDay(), -3);
    const slot = await fake.addRecord({
      at: null,
      body: { kind: 'schedule', title: 'Evening group', sessionType: 'group', first, start: '00:00', minutes: 60, weekdays: [1, 2, 3, 4, 5, 6, 7], until: null, place: '', online: false, archived: false },
    });
    for (const [daysAgo, attendance] of [[3, 'attended'], [2, 'missed'], [1, 'excused']] as const) {
      await fake.addRecord({
        at: null,
        body: { kind: 'occurrence', slot: slot.id, slotTitle: 'Evening group', date: addDays(localDay(), -daysAgo), cancelled: false, movedTo: null, attendance, note: '', sessionNote: null },
      });
    }
    await go(user);
    const q = section('Questionnaires');
    const gad = within(q).getByRole('table', { name: 'Your GAD-7 results, newest first' });
    expect(within(gad).getAllByRole('row')).toHaveLength(4);
    expect(q.querySelector('svg.trend-chart')).not.toBeNull();
    expect(within(q).getByRole('region', { name: 'PHQ-9' })).toHaveTextContent('Not taken yet.');

    const attendance = section('Programme attendance');
    expect(attendance).toHaveTextContent('You attended 1 of 2 sessions (50%); 1 excused.');
    const figures = [...attendance.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(figures).toEqual([
      ['Attended', '1'],
      ['Missed', '1'],
      ['Excused', '1'],
      ['Attended of those counted', '50%'],
    ]);
  });
});
