// Settings › Reminders: times added and removed, a reminder before sessions, the questionnaires'
// reminder every two weeks, the words a reminder shows (Keel's own by default), the tray and start
// at login; saved as the engine tidies them, and an error from the engine shown on the input it
// names.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { openUnlocked } from '../../tests/unlocked';
import { localDay } from '../time';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

async function openSettings(seed: (fake: FakeBackend) => void = () => {}) {
  const { app, fake, user } = await openUnlocked({ seed });
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  const section = (await screen.findByRole('heading', { name: 'Reminders' })).closest('section') as HTMLElement;
  const form = await within(section).findByRole('form', { name: 'Reminders' });
  return { app, fake, user, section, form };
}

describe('Settings › Reminders', () => {
  it('shows Keel\'s words and saves times, minutes before, words and the tray as the engine tidies them', async () => {
    const { fake, user, form, section } = await openSettings();
    expect(section).toHaveTextContent('kept outside your encrypted journal');
    expect(within(form).getByText('None.')).toBeInTheDocument();
    expect(within(form).getByLabelText('A check-in reminder says')).toHaveValue('Time for a check-in');
    expect(within(form).getByRole('radio', { name: 'Off' })).toBeChecked();

    await user.click(within(form).getByRole('button', { name: 'Add a time' }));
    expect(within(form).getByLabelText('Check-in reminder 1')).toHaveFocus();
    await user.type(within(form).getByLabelText('Check-in reminder 1'), '18:30');
    await user.click(within(form).getByRole('button', { name: 'Add a time' }));
    await user.type(within(form).getByLabelText('Check-in reminder 2'), '09:05');
    await user.click(within(form).getByRole('button', { name: 'Add a time' }));
    await user.click(within(form).getByRole('button', { name: 'Remove check-in reminder 3' }));
    expect(within(form).queryByLabelText('Check-in reminder 3')).toBeNull();
    await user.click(within(form).getByRole('radio', { name: '30 minutes' }));
    await user.clear(within(form).getByLabelText('A check-in reminder says'));
    await user.type(within(form).getByLabelText('A check-in reminder says'), '  A minute for you ');
    await user.clear(within(form).getByLabelText('A session reminder says'));
    await user.click(within(form).getByLabelText(/^Keep Keel in the tray/));
    await user.click(within(form).getByRole('button', { name: 'Save reminders' }));

    await within(form).findByText('Saved.');
    expect(fake.reminders).toEqual({
      checkinTimes: ['09:05', '18:30'],
      sessionMinutesBefore: 30,
      checkinText: 'A minute for you',
      sessionText: 'Something on your calendar starts soon',
      closeToTray: true,
      startAtLogin: false,
      questionnaireTime: null,
      questionnaireSince: null,
      questionnaireText: 'A two-weekly check-in is ready',
    });
    // The form shows what was saved: in order, and Keel's words back where the box was emptied.
    expect(within(form).getByLabelText('Check-in reminder 1')).toHaveValue('09:05');
    expect(within(form).getByLabelText('Check-in reminder 2')).toHaveValue('18:30');
    expect(within(form).getByLabelText('A session reminder says')).toHaveValue('Something on your calendar starts soon');
  });

  it('puts the engine\'s error on the input it names and saves nothing', async () => {
    const { fake, user, form } = await openSettings((f) => {
      f.reminders = { ...f.reminders, checkinTimes: ['08:00'], sessionMinutesBefore: 45 };
    });
    // A value saved elsewhere stays a choice.
    expect(within(form).getByRole('radio', { name: '45 minutes' })).toBeChecked();
    const text = within(form).getByLabelText('A session reminder says');
    await user.clear(text);
    await user.type(text, 'x'.repeat(61));
    await user.click(within(form).getByLabelText(/^Start Keel when I log in/));
    await user.click(within(form).getByRole('button', { name: 'Save reminders' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Session reminder words: at most 60 characters.');
    await waitFor(() => expect(text).toHaveFocus());
    expect(text).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('A check-in reminder says')).not.toHaveAttribute('aria-invalid');
    expect(fake.reminders).toMatchObject({ checkinTimes: ['08:00'], sessionMinutesBefore: 45, startAtLogin: false, sessionText: 'Something on your calendar starts soon' });

    // Fixed: saved, and the error is gone.
    await user.clear(text);
    await user.type(text, 'Calendar');
    await user.click(within(form).getByRole('button', { name: 'Save reminders' }));
    await within(form).findByText('Saved.');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(fake.reminders).toMatchObject({ sessionText: 'Calendar', startAtLogin: true, sessionMinutesBefore: 45 });
  });

  it('turns on the questionnaires\' reminder every two weeks, at 10:00 unless changed, with its own words', async () => {
    const { fake, user, form } = await openSettings();
    const box = within(form).getByRole('checkbox', { name: 'Remind me every two weeks to answer the questionnaires' });
    expect(box).not.toBeChecked();
    expect(within(form).queryByLabelText('Questionnaire reminder time'), 'no time while it is off').toBeNull();
    expect(within(form).getByLabelText('A questionnaire reminder says')).toHaveValue('A two-weekly check-in is ready');

    await user.click(box);
    const time = within(form).getByLabelText('Questionnaire reminder time');
    expect(time).toHaveValue('10:00');
    await user.click(within(form).getByRole('button', { name: 'Save reminders' }));
    await within(form).findByText('Saved.');
    // The day it was turned on is Keel's to set: the two weeks count from it.
    expect(fake.reminders).toMatchObject({ questionnaireTime: '10:00', questionnaireSince: localDay(), questionnaireText: 'A two-weekly check-in is ready' });

    await user.clear(time);
    await user.type(time, '19:30');
    await user.clear(within(form).getByLabelText('A questionnaire reminder says'));
    await user.type(within(form).getByLabelText('A questionnaire reminder says'), 'Two weeks already');
    await user.click(within(form).getByRole('button', { name: 'Save reminders' }));
    await waitFor(() => expect(fake.reminders).toMatchObject({ questionnaireTime: '19:30', questionnaireSince: localDay(), questionnaireText: 'Two weeks already' }));

    // An emptied time is asked for, not taken as "off".
    await user.clear(time);
    await user.click(within(form).getByRole('button', { name: 'Save reminders' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Choose a time for the questionnaire reminder, or turn it off.');
    await waitFor(() => expect(time).toHaveFocus());
    expect(fake.reminders.questionnaireTime).toBe('19:30');

    // Off: no time, and no day to count from.
    await user.click(box);
    expect(within(form).queryByLabelText('Questionnaire reminder time')).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Save reminders' }));
    await waitFor(() => expect(fake.reminders).toMatchObject({ questionnaireTime: null, questionnaireSince: null, questionnaireText: 'Two weeks already' }));
    expect(within(form).queryByRole('alert')).toBeNull();
  });
});
