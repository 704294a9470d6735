// Clocks on Today: started in the person's words (back-dated or now), each run shown in hours on
// its first day and days after, a lapse logged from its clock, then a kind word, never a reset
// shouted at them; the longest run stays.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { listQuery } from '../backend';
import { localRfc3339 } from '../time';
import { openUnlocked } from '../../tests/unlocked';

const open = (seed?: (fake: FakeBackend) => void) => openUnlocked({ seed });

const card = () => screen.getByRole('heading', { name: 'Your clocks' }).closest('section') as HTMLElement;

describe('clocks on Today', () => {
  it('a clock started now counts hours; one started 40 days ago counts days', async () => {
    const { user, fake } = await open((f) => {
      f.insert({ kind: 'clock', name: 'Cards', since: localRfc3339(new Date(Date.now() - 40 * 86400e3 - 3600e3)), archived: false });
    });
    const c = await waitFor(card);
    await waitFor(() => expect(within(c).getByText('40 days')).toBeInTheDocument());
    await user.click(within(c).getByRole('button', { name: 'Start a clock' }));
    await user.click(within(c).getByRole('button', { name: 'Start' }));
    expect(within(c).getByRole('alert')).toHaveTextContent('Give it a name, in your own words.');
    await user.type(within(c).getByLabelText('What it counts, in your words'), 'Alcohol');
    const tomorrow = new Date(Date.now() + 86400e3);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60e3).toISOString().slice(0, 16);
    await user.type(within(c).getByLabelText(/^Since/), local);
    await user.click(within(c).getByRole('button', { name: 'Start' }));
    expect(within(c).getByRole('alert')).toHaveTextContent('Choose a time that has already come');
    expect((await fake.listRecords(listQuery({ kinds: ['clock'] }))).total, 'nothing saved').toBe(1);
    await user.clear(within(c).getByLabelText(/^Since/));
    await user.click(within(c).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(within(c).getByText('0 hours')).toBeInTheDocument());
    const names = [...c.querySelectorAll('.clock-name')].map((n) => n.textContent);
    expect(names, 'the longest-running first').toEqual(['Cards', 'Alcohol']);
    expect((await fake.listRecords(listQuery({ kinds: ['clock'] }))).total).toBe(2);
  });

  it('a lapse logged from its clock restarts the run if asked, keeps the longest, and is met kindly', async () => {
    const { user, fake } = await open((f) => {
      f.insert({ kind: 'clock', name: 'Alcohol', since: localRfc3339(new Date(Date.now() - 12 * 86400e3)), archived: false });
    });
    const c = await waitFor(card);
    await waitFor(() => expect(within(c).getByText('12 days')).toBeInTheDocument());
    await user.click(within(c).getByRole('button', { name: 'Log a lapse: Alcohol' }));
    expect(await screen.findByLabelText('Which clock')).toHaveDisplayValue('Alcohol');
    await user.click(screen.getByLabelText("Start this clock's current run again from here"));
    await user.type(screen.getByLabelText('What happened'), 'A drink at the launch party');
    await user.type(screen.getByLabelText("What I'll try next time"), 'Leave after the speeches');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { name: 'Thank you for writing it down' })).toBeInTheDocument();
    const after = await waitFor(card);
    await waitFor(() => expect(within(after).getByText('0 hours')).toBeInTheDocument());
    expect(after).toHaveTextContent('Longest 12 days');
    const [lapse] = (await fake.listRecords(listQuery({ kinds: ['lapse'] }))).records;
    expect(lapse.body).toMatchObject({ clockName: 'Alcohol', restart: true, whatHappened: 'A drink at the launch party', nextTime: 'Leave after the speeches' });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('heading', { name: 'Thank you for writing it down' })).toBeNull();
    // Not among Today's New buttons: a lapse is logged from its clock.
    expect(screen.queryByRole('button', { name: '+ Log a lapse' })).toBeNull();

    // Put away: off Today, kept; Undo brings it back.
    await user.click(within(after).getByRole('button', { name: 'Put away: Alcohol' }));
    await waitFor(() => expect(after.querySelectorAll('.clock')).toHaveLength(0));
    expect((await fake.listRecords(listQuery({ kinds: ['clock'] }))).records[0].body).toMatchObject({ archived: true });
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(after.querySelectorAll('.clock')).toHaveLength(1));
    expect(after).toHaveTextContent('Longest 12 days');
  });
});
