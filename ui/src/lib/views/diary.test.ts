// The diary card's week page with the fake backend: the week filled from the keyboard alone (a
// digit fills a cell and moves on), one record per day, added once and updated after; nothing
// typed lost when switching weeks or screens; the set-up changed; skills picked by category;
// Print; and a day's card opened from History in the editor.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { listQuery, type RecordDto } from '../backend';
import { addDays, localDay, startOfWeek } from '../time';
import { openUnlocked } from '../../tests/unlocked';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

afterEach(() => {
  vi.unstubAllGlobals();
});

const MONDAY = startOfWeek(localDay(), 1);

async function open(seed: (fake: FakeBackend) => void = () => {}) {
  const opened = await openUnlocked({ seed });
  await opened.user.click(screen.getByRole('button', { name: 'Diary card' }));
  await screen.findByRole('heading', { level: 1, name: 'Diary card' });
  await screen.findByLabelText('Monday, urge to use');
  return opened;
}

async function cards(fake: FakeBackend): Promise<RecordDto[]> {
  return (await fake.listRecords(listQuery({ kinds: ['diary-card'] }))).records;
}

async function cardOn(fake: FakeBackend, date: string) {
  const found = (await cards(fake)).filter((r) => r.body.kind === 'diary-card' && r.body.date === date);
  expect(found.length, `one card for ${date}`).toBeLessThanOrEqual(1);
  return found[0];
}

const cell = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

describe('the diary card week', { timeout: 30000 }, () => {
  it('shows seven days by rows, Monday to Sunday, with the week’s dates in the heading', async () => {
    await open();
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(2);
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
      Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${addDays(MONDAY, i)}T00:00:00Z`))),
    );
    expect(table).toHaveAccessibleName(screen.getByRole('heading', { level: 2, name: /–/ }).textContent!);
    // Keel's defaults until the person sets their own: two urges, seven emotions, medication.
    for (const name of ['Monday, urge to use', 'Monday, acted on the urge to use', 'Monday, urge to hurt myself', 'Monday, Sadness', 'Monday, Joy', 'Monday, skills use, 0 to 7', 'Monday, took my medication', 'Monday, note']) {
      expect(screen.getByLabelText(name), name).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Monday, skills practised: none' })).toBeInTheDocument();
    // The anchors of the skills-use rating are Keel's own.
    const anchors = screen.getByRole('region', { name: 'Skills use, 0 to 7' });
    expect(within(anchors).getAllByRole('listitem')[0]).toHaveTextContent("Skills weren't on my mind");
    expect(within(anchors).getAllByRole('listitem')[7]).toHaveTextContent('They came without thinking, and helped');
  });

  it('is filled from the keyboard alone: a digit fills a cell and moves on, y or n ticks, Enter goes to the next day', async () => {
    const { fake, user } = await open();
    cell('Monday, urge to use').focus();
    // Monday: urges 2 (not acted on) and 0; seven emotions; Tab past the skills; rating 5;
    // medication yes; a note; Enter to Tuesday.
    await user.keyboard('2n0n3104002');
    expect(screen.getByRole('button', { name: 'Monday, skills practised: none' }), 'the last emotion moved on to the skills').toHaveFocus();
    await user.keyboard('{Tab}5y');
    expect(cell('Monday, note')).toHaveFocus();
    await user.keyboard('Group night{Enter}');
    expect(cell('Tuesday, urge to use')).toHaveFocus();
    // A digit beyond the cell's range is not taken, and the focus stays.
    await user.keyboard('9');
    expect(cell('Tuesday, urge to use')).toHaveValue('');
    expect(cell('Tuesday, urge to use')).toHaveFocus();
    await user.keyboard('4y1n');
    expect(cell('Tuesday, Sadness')).toHaveFocus();
    expect(cell('Monday, urge to use')).toHaveValue('2');
    expect(cell('Monday, Guilt')).toHaveValue('0');
    expect(cell('Monday, took my medication')).toBeChecked();

    // Leaving Monday's row saved it at once; Tuesday saves a moment after its last change.
    await waitFor(async () => expect(await cards(fake)).toHaveLength(2), { timeout: 3000 });
    expect(await screen.findByText('Saved', { selector: '[role=status]' })).toBeInTheDocument();
    const monday = await cardOn(fake, MONDAY);
    expect(monday.body).toEqual({
      kind: 'diary-card',
      date: MONDAY,
      urges: [
        { target: 'To use', level: 2, acted: false },
        { target: 'To hurt myself', level: 0, acted: false },
      ],
      emotions: [
        { name: 'Sadness', level: 3 },
        { name: 'Fear', level: 1 },
        { name: 'Anger', level: 0 },
        { name: 'Shame', level: 4 },
        { name: 'Guilt', level: 0 },
        { name: 'Loneliness', level: 0 },
        { name: 'Joy', level: 2 },
      ],
      skills: [],
      skillsRating: 5,
      medication: true,
      note: 'Group night',
    });
    expect((await cardOn(fake, addDays(MONDAY, 1))).body).toMatchObject({
      urges: [
        { target: 'To use', level: 4, acted: true },
        { target: 'To hurt myself', level: 1, acted: false },
      ],
      emotions: [],
      skillsRating: null,
      medication: null,
    });

    // Changing a day updates its card; it never adds a second.
    cell('Monday, urge to use').focus();
    await user.keyboard('{Backspace}');
    expect(cell('Monday, urge to use')).toHaveValue('');
    await user.keyboard('1');
    await user.click(cell('Wednesday, note'));
    await waitFor(async () => expect((await cardOn(fake, MONDAY)).revision).toBe(2));
    expect(await cards(fake)).toHaveLength(2);
    expect((await cardOn(fake, MONDAY)).body, '"acted on it" kept while the level was cleared and typed again').toMatchObject({
      urges: [
        { target: 'To use', level: 1, acted: false },
        { target: 'To hurt myself', level: 0, acted: false },
      ],
    });
    // Wednesday was only visited: nothing is written for it.
    expect(await cardOn(fake, addDays(MONDAY, 2))).toBeUndefined();
  });

  it('keeps what was typed when switching weeks or screens, and each day stays one card', async () => {
    const { fake, user } = await open();
    cell('Wednesday, urge to use').focus();
    await user.keyboard('3');
    // At once, before the day saved itself: the next week opens after it is written.
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() => expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'false'));
    expect(cell('Wednesday, urge to use')).toHaveValue('');
    expect((await cardOn(fake, addDays(MONDAY, 2)))?.body).toMatchObject({ urges: [{ target: 'To use', level: 3 }] });

    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    await waitFor(() => expect(cell('Wednesday, urge to use')).toHaveValue('3'));
    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    await waitFor(() => expect(cell('Wednesday, urge to use')).toHaveValue(''));
    expect(screen.getByRole('heading', { level: 2, name: /–/ })).toHaveTextContent(
      new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${addDays(MONDAY, -7)}T00:00:00Z`)),
    );
    await user.click(screen.getByRole('button', { name: 'This week' }));
    await waitFor(() => expect(cell('Wednesday, urge to use')).toHaveValue('3'));

    // Another screen straight after typing, and back.
    cell('Wednesday, note').focus();
    await user.keyboard('Walked home');
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(screen.getByRole('button', { name: 'Diary card' }));
    await waitFor(() => expect(cell('Wednesday, note')).toHaveValue('Walked home'));
    cell('Wednesday, Joy').focus();
    await user.keyboard('4');
    await user.click(screen.getByRole('button', { name: 'History' }));
    await user.click(screen.getByRole('button', { name: 'Diary card' }));
    await waitFor(() => expect(cell('Wednesday, Joy')).toHaveValue('4'));
    const all = await cards(fake);
    expect(all, 'one card for Wednesday, changed in place').toHaveLength(1);
    expect(all[0].body).toMatchObject({ urges: [{ target: 'To use', level: 3 }], emotions: [{ name: 'Joy', level: 4 }], note: 'Walked home' });
  });

  it('skills are picked from the library by category, and the cell names them', async () => {
    const { fake, user } = await open();
    await user.click(screen.getByRole('button', { name: 'Monday, skills practised: none' }));
    const dialog = await screen.findByRole('dialog', { name: /^Skills I practised, / });
    // The library's categories in order, the first skill of the first one focused.
    expect(within(dialog).getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual([
      'Distress tolerance',
      'Emotion regulation',
      'Mindfulness',
      'Interpersonal',
      'Grounding',
      'Body',
      'Connection',
    ]);
    expect(within(dialog).getAllByRole('checkbox')[0]).toHaveFocus();
    const body = within(dialog).getByRole('group', { name: 'Body' });
    await user.click(within(body).getByLabelText('Box breathing'));
    await user.click(within(within(dialog).getByRole('group', { name: 'Distress tolerance' })).getByLabelText('Urge surfing'));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    const button = screen.getByRole('button', { name: 'Monday, skills practised: Box breathing, Urge surfing' });
    expect(button).toHaveFocus();
    expect(button).toHaveTextContent('Box breathing, Urge surfing');
    await waitFor(async () => expect((await cardOn(fake, MONDAY))?.body).toMatchObject({ skills: ['Box breathing', 'Urge surfing'] }));
  });

  it('“Change what I track” renames, removes and adds, saved as the one set-up record', async () => {
    const { fake, user } = await open((f) => {
      // A card written with the old target keeps its column for that day.
      f.insert({ kind: 'diary-card', date: MONDAY, urges: [{ target: 'To use', level: 2, acted: null }], emotions: [], skills: [], skillsRating: null, medication: null, note: '' });
    });
    await user.click(screen.getByRole('button', { name: 'Change what I track' }));
    const form = screen.getByRole('form', { name: 'What I track' });
    const first = within(form).getByLabelText('Urge 1');
    expect(first).toHaveFocus();
    await user.clear(first);
    await user.type(first, 'To drink');
    await user.click(within(form).getByRole('button', { name: 'Remove To hurt myself' }));
    await user.type(within(form).getByLabelText('New emotion'), 'Calm{Enter}');
    await user.click(within(form).getByLabelText('Ask whether I took my medication'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await screen.findByLabelText('Monday, urge to drink');
    expect(screen.getByRole('button', { name: 'Change what I track' })).toHaveFocus();
    const setups = (await fake.listRecords(listQuery({ kinds: ['diary-setup'] }))).records;
    expect(setups).toHaveLength(1);
    expect(setups[0].body).toEqual({
      kind: 'diary-setup',
      targets: ['To drink'],
      emotions: ['Sadness', 'Fear', 'Anger', 'Shame', 'Guilt', 'Loneliness', 'Joy', 'Calm'],
      medication: false,
    });
    expect(screen.queryByLabelText('Monday, urge to hurt myself')).toBeNull();
    expect(screen.queryByLabelText('Monday, took my medication')).toBeNull();
    expect(screen.getByLabelText('Monday, Calm')).toBeInTheDocument();
    expect(cell('Monday, urge to use'), 'the old column stays for the day that has it').toHaveValue('2');

    // A second change updates the same record.
    await user.click(screen.getByRole('button', { name: 'Change what I track' }));
    await user.click(within(screen.getByRole('form', { name: 'What I track' })).getByRole('button', { name: 'Remove Calm' }));
    await user.click(within(screen.getByRole('form', { name: 'What I track' })).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByLabelText('Monday, Calm')).toBeNull());
    const again = (await fake.listRecords(listQuery({ kinds: ['diary-setup'] }))).records;
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: setups[0].id, revision: 2 });
  });

  it('Print opens the print dialog with the week on the page (print.test.ts checks what the print styles leave off)', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.diary-sheet table')).not.toBeNull();
  });

  it('a day’s card opened from History is edited in the editor, and stays that day’s one card', async () => {
    const { fake, user } = await open((f) => {
      f.insert({ kind: 'diary-card', date: MONDAY, urges: [{ target: 'To use', level: 2, acted: false }], emotions: [{ name: 'Fear', level: 1 }], skills: ['Box breathing'], skillsRating: 4, medication: true, note: 'Long day' });
    });
    await user.click(screen.getByRole('button', { name: 'History' }));
    await user.click(await screen.findByRole('button', { name: /Diary card for/ }));
    let form = await screen.findByRole('form', { name: 'Edit diary card' });
    // Opened and left unchanged, Esc closes it without asking.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit diary card' })).toBeNull());
    expect(screen.queryByText('Discard changes?')).toBeNull();
    await user.click(await screen.findByRole('button', { name: /Diary card for/ }));
    form = await screen.findByRole('form', { name: 'Edit diary card' });
    const urge = within(form).getByRole('spinbutton', { name: 'Urge to use, 0 to 5' });
    expect(urge).toHaveValue(2);
    await user.clear(urge);
    await user.type(urge, '3');
    await user.type(within(form).getByLabelText('Note'), ', then rest');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Changes saved.');
    const all = await cards(fake);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ revision: 2, body: { date: MONDAY, urges: [{ target: 'To use', level: 3, acted: false }], note: 'Long day, then rest', skills: ['Box breathing'] } });
  });
});
