// The Programme screen with the fake backend: a weekly session added to the schedule shows on
// the agenda on its days; one session moved, cancelled and put back, each change the one
// occurrence record of that session; attendance marked and marked again in place; goals with
// their steps; the step-down plan's phases saved in the order shown.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { listQuery, type RecordDto, type ScheduleSlotDto } from '../backend';
import { isoWeekday } from '../programme';
import { addDays, dayHeading, localDay, shortDayLabel } from '../time';
import { openUnlocked } from '../../tests/unlocked';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

async function open(seed: (fake: FakeBackend) => void = () => {}) {
  const { app, fake, user } = await openUnlocked({ seed });
  await user.click(screen.getByRole('button', { name: 'Programme' }));
  await screen.findByRole('heading', { level: 1, name: 'Programme' });
  await screen.findByRole('heading', { name: 'The next two weeks' });
  return { app, fake, user };
}

const section = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;

const slot = (over: Partial<ScheduleSlotDto> = {}): ScheduleSlotDto => ({
  title: 'Evening group',
  sessionType: 'group',
  first: localDay(),
  start: '18:00',
  minutes: 180,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  until: null,
  place: 'Room 4',
  online: false,
  archived: false,
  ...over,
});

async function occurrences(fake: FakeBackend): Promise<RecordDto[]> {
  return (await fake.listRecords(listQuery({ kinds: ['occurrence'] }))).records;
}

describe('the schedule', () => {
  it('adds a weekly session that shows on the agenda on its days', async () => {
    const { fake, user } = await open();
    const agenda = section('The next two weeks');
    expect(agenda).toHaveTextContent('Nothing scheduled yet.');
    const sched = section('Your schedule');
    await user.click(within(sched).getByRole('button', { name: 'Add a weekly session' }));
    expect(within(sched).getByLabelText('Title')).toHaveFocus();

    // Weekly with no day chosen: said, and the days get the focus; nothing is saved.
    await user.type(within(sched).getByLabelText('Title'), 'Evening group');
    await user.click(within(sched).getByRole('button', { name: 'Add' }));
    expect(within(sched).getByRole('alert')).toHaveTextContent('Choose at least one day');
    expect(within(sched).getByLabelText('Mon')).toHaveFocus();

    // No title: the engine's error, on the title.
    await user.clear(within(sched).getByLabelText('Title'));
    await user.click(within(sched).getByLabelText('Mon'));
    await user.click(within(sched).getByLabelText('Thu'));
    await user.click(within(sched).getByRole('button', { name: 'Add' }));
    expect(within(sched).getByRole('alert')).toHaveTextContent('Title: please fill this in.');
    expect(within(sched).getByLabelText('Title')).toHaveFocus();
    expect(within(sched).getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect((await fake.listRecords(listQuery({ kinds: ['schedule'] }))).total).toBe(0);

    await user.type(within(sched).getByLabelText('Title'), 'Evening group');
    await user.clear(within(sched).getByLabelText(/^Place/));
    await user.type(within(sched).getByLabelText(/^Place/), 'Room 4');
    await user.click(within(sched).getByRole('button', { name: 'Add' }));
    await within(sched).findByText('Added. Evening group is on your agenda.');
    const [saved] = (await fake.listRecords(listQuery({ kinds: ['schedule'] }))).records;
    expect(saved.body).toMatchObject({ kind: 'schedule', title: 'Evening group', weekdays: [1, 4], first: localDay(), start: '18:00', minutes: 180, place: 'Room 4' });

    const today = localDay();
    const expected = Array.from({ length: 14 }, (_, i) => addDays(today, i)).filter((d) => [1, 4].includes(isoWeekday(d)));
    await waitFor(() =>
      expect(within(agenda).getAllByRole('list').map((l) => l.getAttribute('aria-label'))).toEqual(expected.map((d) => `Sessions on ${dayHeading(d)}`)),
    );
    const first = within(agenda).getAllByRole('list')[0];
    expect(first).toHaveTextContent('Evening group');
    expect(first).toHaveTextContent('Room 4');
    expect(within(section('Your schedule')).getByRole('list', { name: 'Scheduled sessions' })).toHaveTextContent('Mon, Thu');
  });

  it('adds a one-off appointment online, and puts a slot away from the days to come', async () => {
    const { fake, user } = await open((f) => {
      f.insert({ kind: 'schedule', ...slot({ title: 'Skills group', weekdays: [1, 2, 3, 4, 5, 6, 7] }) });
    });
    const sched = section('Your schedule');
    await user.click(within(sched).getByRole('button', { name: 'Add a one-off appointment' }));
    expect(within(sched).queryByRole('group', { name: 'Days' }), 'a one-off has no days').toBeNull();
    await user.type(within(sched).getByLabelText('Title'), 'Psychiatrist');
    await user.selectOptions(within(sched).getByLabelText('Type'), 'Medication management');
    const day = addDays(localDay(), 3);
    await user.clear(within(sched).getByLabelText('Day'));
    await user.type(within(sched).getByLabelText('Day'), day);
    await user.click(within(sched).getByLabelText('Online'));
    await user.click(within(sched).getByRole('button', { name: 'Add' }));
    const agenda = section('The next two weeks');
    const onDay = await within(agenda).findByRole('list', { name: `Sessions on ${dayHeading(day)}` });
    await waitFor(() => expect(onDay).toHaveTextContent('Psychiatrist'));
    expect(onDay).toHaveTextContent('Online');
    const one = (await fake.listRecords(listQuery({ kinds: ['schedule'] }))).records.find((r) => r.body.kind === 'schedule' && r.body.title === 'Psychiatrist');
    expect(one?.body).toMatchObject({ weekdays: [], first: day, online: true, sessionType: 'medication', minutes: 60 });

    await user.click(within(sched).getByRole('button', { name: 'Put away Skills group' }));
    await within(sched).findByText('Skills group is put away. Its past sessions and their marks stay.');
    await waitFor(() => expect(agenda).not.toHaveTextContent('Skills group'));
    expect(within(agenda).getAllByRole('list')).toHaveLength(1);
  });
});

describe('one session', () => {
  it('moves, cancels and comes back, each change the one record of that session', async () => {
    const tomorrow = addDays(localDay(), 1);
    const { fake, user } = await open((f) => {
      f.insert({ kind: 'schedule', ...slot({ first: tomorrow }) });
    });
    const agenda = section('The next two weeks');
    const later = addDays(localDay(), 5);
    await user.click(await within(agenda).findByRole('button', { name: `Move Evening group, ${shortDayLabel(tomorrow)}` }));
    const form = within(agenda).getByRole('form', { name: `Move Evening group, ${shortDayLabel(tomorrow)}` });
    await user.clear(within(form).getByLabelText('New day'));
    await user.type(within(form).getByLabelText('New day'), later);
    await user.clear(within(form).getByLabelText('New time'));
    await user.type(within(form).getByLabelText('New time'), '07:30');
    await user.click(within(form).getByRole('button', { name: 'Move' }));

    const onLater = await within(agenda).findByRole('list', { name: `Sessions on ${dayHeading(later)}` });
    await waitFor(() => expect(within(onLater).getAllByRole('listitem')).toHaveLength(2));
    expect(within(onLater).getAllByRole('listitem')[0]).toHaveTextContent(`Moved from ${shortDayLabel(tomorrow)}`);
    expect(within(agenda).queryByRole('list', { name: `Sessions on ${dayHeading(tomorrow)}` }), 'tomorrow is free now').toBeNull();
    let occ = await occurrences(fake);
    expect(occ).toHaveLength(1);
    expect(occ[0].body).toMatchObject({ date: tomorrow, movedTo: `${later}T07:30`, cancelled: false });

    // Cancel a different one, then undo: one record for it, changed in place.
    const other = addDays(localDay(), 2);
    await user.click(within(agenda).getByRole('button', { name: `Cancel this one: Evening group, ${shortDayLabel(other)}` }));
    const undo = await within(agenda).findByRole('button', { name: `Undo the cancellation: Evening group, ${shortDayLabel(other)}` });
    await waitFor(() => expect(undo).toHaveFocus());
    expect(within(agenda).getByRole('list', { name: `Sessions on ${dayHeading(other)}` })).toHaveTextContent('Cancelled this time');
    expect((await occurrences(fake)).find((r) => r.body.kind === 'occurrence' && r.body.date === other)?.body).toMatchObject({ cancelled: true });
    await user.click(undo);
    await within(agenda).findByRole('button', { name: `Cancel this one: Evening group, ${shortDayLabel(other)}` });
    occ = await occurrences(fake);
    expect(occ).toHaveLength(2);
    const cancelled = occ.find((r) => r.body.kind === 'occurrence' && r.body.date === other);
    expect(cancelled?.body).toMatchObject({ cancelled: false });
    expect(cancelled?.revision, 'updated, not written again').toBe(2);

    // Back to its own day: the same record.
    await user.click(within(agenda).getByRole('button', { name: `Move Evening group, ${shortDayLabel(tomorrow)}` }));
    await user.click(within(agenda).getByRole('button', { name: `Back to ${shortDayLabel(tomorrow)}` }));
    await within(agenda).findByRole('list', { name: `Sessions on ${dayHeading(tomorrow)}` });
    occ = await occurrences(fake);
    expect(occ).toHaveLength(2);
    expect(occ.find((r) => r.body.kind === 'occurrence' && r.body.date === tomorrow)?.body).toMatchObject({ movedTo: null });
  });

  it('links a session note and opens it', async () => {
    const { fake, user } = await open((f) => {
      f.insert({ kind: 'schedule', ...slot() });
      f.insert({ kind: 'session', sessionType: 'group', title: 'Boundaries at work', facilitator: '', notes: '', takeaways: '', homework: [], bring: [], attended: true });
    });
    const agenda = section('The next two weeks');
    const today = shortDayLabel(localDay());
    await user.click(await within(agenda).findByRole('button', { name: `Link a session note: Evening group, ${today}` }));
    await user.selectOptions(within(agenda).getByLabelText('Session note for this session'), 'Group: Boundaries at work · Today');
    await user.click(within(agenda).getByRole('button', { name: 'Save' }));
    await user.click(await within(agenda).findByRole('button', { name: `Open the session note: Evening group, ${today}` }));
    expect(await screen.findByDisplayValue('Boundaries at work')).toBeInTheDocument();
    const [o] = await occurrences(fake);
    expect(o.body).toMatchObject({ date: localDay(), sessionNote: (await fake.listRecords(listQuery({ kinds: ['session'] }))).records[0].id });
  });
});

describe('attendance', () => {
  it('is marked once, with a note, and marked again in place', async () => {
    const { fake, user } = await open((f) => {
      // Every day at midnight for an hour, from six days ago: seven have started by now.
      f.insert({ kind: 'schedule', ...slot({ first: addDays(localDay(), -6), start: '00:00', minutes: 60 }) });
    });
    const marks = section('To mark');
    expect(within(marks).getByRole('status')).toHaveTextContent('Once you mark a session, your attendance shows here.');
    const list = within(marks).getByRole('list', { name: 'Sessions to mark' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(7);
    const yesterday = addDays(localDay(), -1);
    const group = within(list).getByRole('group', { name: `Were you there? Evening group, ${shortDayLabel(yesterday)}` });
    const row = group.closest('li') as HTMLElement;
    await user.type(within(row).getByLabelText(/^Note/), 'Left early for a deadline');
    await user.click(within(group).getByRole('button', { name: 'Attended' }));

    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(6));
    expect(within(marks).getByRole('status')).toHaveTextContent('You attended 1 of 1 session (100%).');
    let occ = await occurrences(fake);
    expect(occ).toHaveLength(1);
    expect(occ[0].body).toMatchObject({ date: yesterday, attendance: 'attended', note: 'Left early for a deadline' });
    // The focus moved on to the next session to mark.
    expect(document.activeElement?.closest('li')?.parentElement).toBe(list);

    // Marked again: the same record, updated.
    await user.click(within(marks).getByText('Change a mark (1)'));
    const again = within(marks).getByRole('group', { name: `Were you there? Evening group, ${shortDayLabel(yesterday)}` });
    expect(within(again).getByRole('button', { name: 'Attended' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(again).getByRole('button', { name: 'Excused' }));
    await waitFor(() => expect(within(marks).getByRole('status')).toHaveTextContent('1 session excused so far.'));
    occ = await occurrences(fake);
    expect(occ).toHaveLength(1);
    expect(occ[0].body).toMatchObject({ attendance: 'excused', note: 'Left early for a deadline' });
    expect(occ[0].revision).toBe(2);

    await user.click(within(list).getByRole('group', { name: `Were you there? Evening group, ${shortDayLabel(addDays(localDay(), -2))}` }).querySelector('button') as HTMLElement);
    await waitFor(() => expect(within(marks).getByRole('status')).toHaveTextContent('You attended 1 of 1 session (100%); 1 excused.'));
    expect(await occurrences(fake)).toHaveLength(2);
  });
});

describe('goals', () => {
  it('are added with steps, show their progress and are reached', async () => {
    const { fake, user } = await open();
    const goals = section('Goals');
    await user.click(within(goals).getByRole('button', { name: 'Add a goal' }));
    await user.type(within(goals).getByLabelText('Goal'), 'Sleep by eleven');
    await user.type(within(goals).getByLabelText(/^Why it matters/), 'Mornings are easier');
    for (const step of ['Phone out of the bedroom', 'Same time each night', 'No coffee after two']) {
      await user.type(within(goals).getByLabelText('Add steps item'), `${step}{Enter}`);
    }
    await user.click(within(goals).getByRole('button', { name: 'Add goal' }));
    const list = await within(goals).findByRole('list', { name: 'Your goals' });
    expect(list).toHaveTextContent('0 of 3 steps');

    await user.click(within(list).getByLabelText('Same time each night'));
    await waitFor(() => expect(list).toHaveTextContent('1 of 3 steps'));
    const [g] = (await fake.listRecords(listQuery({ kinds: ['goal'] }))).records;
    expect(g.body).toMatchObject({
      title: 'Sleep by eleven',
      why: 'Mornings are easier',
      steps: [
        { text: 'Phone out of the bedroom', done: false },
        { text: 'Same time each night', done: true },
        { text: 'No coffee after two', done: false },
      ],
      reached: false,
    });

    await user.click(within(list).getByRole('button', { name: 'Mark reached: Sleep by eleven' }));
    await waitFor(() => expect(within(list).getByText('Reached')).toBeInTheDocument());
    expect((await fake.getRecord(g.id)).body).toMatchObject({ reached: true });
    expect((await fake.listRecords(listQuery({ kinds: ['goal'] }))).total, 'one goal, changed in place').toBe(1);
  });
});

describe('the step-down plan', () => {
  it('starts with suggested phases and saves them in the order shown', async () => {
    const { fake, user } = await open();
    const plan = section('Step-down plan');
    await user.click(within(plan).getByRole('button', { name: 'Make a step-down plan' }));
    const form = within(plan).getByRole('form', { name: 'Step-down plan' });
    const legends = () => [...form.querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends()).toEqual(['Phase 1: IOP', 'Phase 2: Outpatient', 'Phase 3: Aftercare', 'Phase 4: Peer support']);

    // Peer support comes before aftercare here; the first phase is renamed and dated.
    await user.click(within(form).getByRole('button', { name: 'Move up: phase 4' }));
    expect(legends()).toEqual(['Phase 1: IOP', 'Phase 2: Outpatient', 'Phase 3: Peer support', 'Phase 4: Aftercare']);
    expect(within(form).getByRole('button', { name: 'Move up: phase 3' }), 'the focus follows the phase').toHaveFocus();
    const first = within(form).getByRole('group', { name: 'Phase 1: IOP' });
    await user.clear(within(first).getByLabelText('Name'));
    await user.type(within(first).getByLabelText('Name'), 'Evening IOP');
    await user.type(within(first).getByLabelText(/^From/), '2026-11-02');
    await user.type(within(first).getByLabelText(/^To/), '2026-12-18');
    await user.type(within(first).getByLabelText(/^Supports/), 'Counsellor\nGroup on Thursdays');
    await user.click(within(form).getByRole('button', { name: 'Remove phase 2' }));
    await user.click(within(form).getByRole('button', { name: 'Save plan' }));

    await within(plan).findByText('Plan saved.');
    const [saved] = (await fake.listRecords(listQuery({ kinds: ['step-down'] }))).records;
    expect(saved.body.kind === 'step-down' && saved.body.phases.map((p) => p.name)).toEqual(['Evening IOP', 'Peer support', 'Aftercare']);
    expect(saved.body.kind === 'step-down' && saved.body.phases[0]).toEqual({ name: 'Evening IOP', from: '2026-11-02', to: '2026-12-18', supports: ['Counsellor', 'Group on Thursdays'], appointments: [], note: '' });
    const shown = [...plan.querySelectorAll('.phase-view h3')].map((h) => h.textContent);
    expect(shown).toEqual(['Evening IOP', 'Peer support', 'Aftercare']);

    // Changed again: the same record; a phase ending before it starts is named, nothing saved.
    await user.click(within(plan).getByRole('button', { name: 'Change the plan' }));
    const again = within(plan).getByRole('group', { name: 'Phase 2: Peer support' });
    await user.type(within(again).getByLabelText(/^From/), '2027-03-01');
    await user.type(within(again).getByLabelText(/^To/), '2027-01-01');
    await user.click(within(plan).getByRole('button', { name: 'Save plan' }));
    expect(within(plan).getByRole('alert')).toHaveTextContent('Phases: a phase ends on or after it starts.');
    await user.click(within(plan).getByRole('button', { name: 'Move up: phase 3' }));
    await user.clear(within(plan).getByRole('group', { name: 'Phase 3: Peer support' }).querySelector('input[type=date]') as HTMLElement);
    await user.click(within(plan).getByRole('button', { name: 'Save plan' }));
    await within(plan).findByText('Plan saved.');
    const all = (await fake.listRecords(listQuery({ kinds: ['step-down'] }))).records;
    expect(all).toHaveLength(1);
    expect(all[0].body.kind === 'step-down' && all[0].body.phases.map((p) => p.name)).toEqual(['Evening IOP', 'Aftercare', 'Peer support']);
  });
});
