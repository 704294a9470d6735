// The person's own trackers: set up in Settings, answered with one tap in the detailed check-in,
// and an answer that keeps its words after the tracker is renamed or no longer asked.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { listQuery, type RecordDto } from '../backend';
import { openUnlocked } from '../../tests/unlocked';

const open = () => openUnlocked();

const trackersSection = () => screen.getByRole('heading', { name: 'Your own trackers' }).closest('section') as HTMLElement;

async function checkins(fake: FakeBackend): Promise<RecordDto[]> {
  return (await fake.listRecords(listQuery({ kinds: ['checkin'] }))).records;
}

describe('your own trackers', () => {
  it('are added in Settings, answered in the detailed check-in, and saved with their name and unit', async () => {
    const { fake, user } = await open();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = await waitFor(trackersSection);
    expect(within(section).getByText('None yet.')).toBeInTheDocument();

    // A name is needed; nothing is added without one.
    await user.click(within(section).getByRole('button', { name: 'Add tracker' }));
    expect(within(section).getByRole('alert')).toHaveTextContent('Give it a name.');
    expect(await fake.listTrackers(true)).toHaveLength(0);

    await user.type(within(section).getByLabelText('Name'), 'Water');
    await user.selectOptions(within(section).getByLabelText('Answered with'), 'A number');
    await user.type(within(section).getByLabelText(/^Unit/), 'glasses');
    await user.click(within(section).getByRole('button', { name: 'Add tracker' }));
    await within(section).findByText('Added. Water is now in the detailed check-in.');
    await user.type(within(section).getByLabelText('Name'), 'Walk');
    await user.selectOptions(within(section).getByLabelText('Answered with'), 'Yes or no');
    expect(within(section).queryByLabelText(/^Unit/), 'the unit is asked only for a number').toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Add tracker' }));
    await within(section).findByText('Added. Walk is now in the detailed check-in.');
    const asked = within(section).getByRole('list', { name: 'Asked in check-ins' });
    await waitFor(() =>
      expect(within(asked).getAllByRole('listitem').map((li) => li.querySelector('.tracker-name')?.textContent)).toEqual(['Walk', 'Water']),
    );
    expect(asked).toHaveTextContent('A number (glasses)');

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(await screen.findByRole('button', { name: '+ Detailed check-in' }));
    await user.click(within(await screen.findByRole('radiogroup', { name: 'Mood' })).getByRole('radio', { name: '6' }));
    const walk = screen.getByRole('group', { name: 'Walk' });
    await user.click(within(walk).getByRole('button', { name: 'Yes' }));
    expect(within(walk).getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(screen.getByLabelText('Water (glasses)'), '6.5');
    await user.click(within(screen.getByRole('group', { name: /Where are you/ })).getByRole('button', { name: 'Home' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await checkins(fake)).toHaveLength(1));
    const [saved] = await checkins(fake);
    const ids = Object.fromEntries((await fake.listTrackers(true)).map((r) => [r.body.kind === 'tracker' ? r.body.name : '', r.id]));
    expect(saved.body).toMatchObject({
      mood: 6,
      context: 'home',
      trackers: [
        { tracker: ids.Walk, name: 'Walk', answer: 'yes-no', unit: '', value: 1 },
        { tracker: ids.Water, name: 'Water', answer: 'number', unit: 'glasses', value: 6.5 },
      ],
    });
  });

  it('a tracker not answered is not saved, and a tap on the chosen answer takes it back', async () => {
    const { fake, user, app } = await open();
    await fake.addRecord({ at: null, body: { kind: 'tracker', name: 'Walk', answer: 'yes-no', unit: '', archived: false } });
    await fake.addRecord({ at: null, body: { kind: 'tracker', name: 'Energy', answer: 'scale', unit: '', archived: false } });
    app.changed();
    await user.click(await screen.findByRole('button', { name: '+ Detailed check-in' }));
    await user.click(within(await screen.findByRole('radiogroup', { name: 'Stress' })).getByRole('radio', { name: '3' }));
    const walk = await screen.findByRole('group', { name: 'Walk' });
    await user.click(within(walk).getByRole('button', { name: 'No' }));
    await user.click(within(walk).getByRole('button', { name: 'No' }));
    expect(within(walk).getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('radiogroup', { name: /Energy/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await checkins(fake)).toHaveLength(1));
    expect((await checkins(fake))[0].body).toMatchObject({ stress: 3, trackers: [] });
  });

  it('renamed or no longer asked: a saved answer keeps its words and still shows when the check-in is edited', async () => {
    const { fake, user, app } = await open();
    const water = await fake.addRecord({ at: null, body: { kind: 'tracker', name: 'Water', answer: 'number', unit: 'glasses', archived: false } });
    const walk = await fake.addRecord({ at: null, body: { kind: 'tracker', name: 'Walk', answer: 'yes-no', unit: '', archived: false } });
    await fake.addRecord({
      at: null,
      body: {
        kind: 'checkin', stress: 4, mood: null, craving: null, sleepHours: null,
        halt: { hungry: false, angry: false, lonely: false, tired: false },
        emotions: [], triggers: [], context: null, note: '',
        factors: { exercise: null, meals: null, caffeine: null, medication: null, outdoors: null },
        trackers: [
          { tracker: water.id, name: 'Water', answer: 'number', unit: 'glasses', value: 3 },
          { tracker: walk.id, name: 'Walk', answer: 'yes-no', unit: '', value: 0 },
        ],
        bring: false,
      },
    });
    app.changed();

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = await waitFor(trackersSection);
    await user.click(await within(section).findByRole('button', { name: 'Stop asking: Water' }));
    await within(section).findByText('Water is no longer asked. What you answered stays.');
    const setAside = within(section).getByRole('list', { name: 'Not asked now' });
    expect([...setAside.querySelectorAll('.tracker-name')].map((n) => n.textContent)).toEqual(['Water']);
    await user.click(within(section).getByRole('button', { name: 'Rename Walk' }));
    const rename = within(section).getByLabelText('New name for Walk');
    await user.clear(rename);
    await user.type(rename, 'Evening walk{Enter}');
    await within(section).findByText('Renamed. Check-ins you already saved keep the name they had.');

    // The saved check-in reads as it was written.
    await user.click(screen.getByRole('button', { name: 'Today' }));
    const row = await screen.findByText(/Water 3 glasses/);
    expect(row.textContent).toContain('Walk no');

    // Edited, it still shows the answer to the tracker no longer asked, and keeps both answers.
    await user.click(row);
    const kept = await screen.findByLabelText('Water (glasses)');
    expect((kept as HTMLInputElement).value).toBe('3');
    expect(within(screen.getByRole('group', { name: 'Evening walk' })).getByRole('button', { name: 'No' }), 'answered by id, under the new name').toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: '+ Detailed check-in' });
    const [edited] = await checkins(fake);
    expect(edited.body).toMatchObject({ trackers: [{ name: 'Water', value: 3 }, { name: 'Walk', value: 0 }] });

    // A new check-in asks only what is still asked, under its new name.
    await user.click(screen.getByRole('button', { name: '+ Detailed check-in' }));
    expect(await screen.findByRole('group', { name: 'Evening walk' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Water (glasses)')).toBeNull();
  });
});
