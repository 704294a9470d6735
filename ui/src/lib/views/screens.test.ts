// The everyday screens with the fake backend: History's day headings, pills and date presets,
// Trash's rows and Empty Trash, Search's snippet and clear button, Help's crisis card, Coping
// skills' favourite and add buttons, and the icons (decorative, no inline styles).
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { AppState } from '../app.svelte';
import { FakeBackend } from '../backend/fake';
import { listQuery, type BodyDto } from '../backend';
import { emptyCheckin, emptyJournal, emptySession } from '../kinds';
import { dayHeading, localDay, startOfWeek } from '../time';

const PASS = 'maple orbit quietly';
const GROUPS = Array.from({ length: 13 }, (_, i) => `AB${String(i).padStart(2, '0')}C`);
const DAY = 24 * 3600 * 1000;


/** Noon, `daysAgo` days before today (noon keeps it on that local day). */
function noon(daysAgo: number, hour = 12): Date {
  const d = new Date();
  d.setHours(hour, 0, 0, 0);
  return new Date(d.getTime() - daysAgo * DAY);
}

async function open(seed: (fake: FakeBackend) => void = () => {}) {
  const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
  seed(fake);
  const app = new AppState(fake);
  const user = userEvent.setup();
  render(App, { props: { app } });
  await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
  // The unlocked screens are a lazily loaded chunk: the first test of a run waits for it.
  await screen.findByRole('radiogroup', { name: 'Stress' }, { timeout: 15000 });
  return { app, fake, user };
}

const checkin = (over: Partial<BodyDto & { kind: 'checkin' }>): BodyDto => ({ ...emptyCheckin(), stress: 0, ...over });

describe('History', () => {
  it('puts a heading above each day (no gutter) and shows check-in numbers as pills', async () => {
    const { user } = await open((fake) => {
      fake.insert(checkin({ stress: 7, mood: 4, craving: null, halt: { hungry: true, angry: false, lonely: false, tired: false }, note: 'after group' }), noon(0, 13));
      fake.insert(checkin({ stress: 2, mood: 8, craving: 1 }), noon(0, 9));
      fake.insert({ ...emptyJournal(), title: 'Evening notes' }, noon(1));
      fake.insert(checkin({ stress: null, mood: null, craving: null, note: 'nothing rated' }), noon(3));
    });
    await user.click(screen.getByRole('button', { name: 'History' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(4));

    const headings = within(timeline).getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Today', 'Yesterday', dayHeading(localDay(noon(3)))]);
    expect(document.querySelector('.day-gutter'), 'no gutter column').toBeNull();

    // Each heading sits in the row of the first entry of its day; the second entry of today has none.
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('h2')?.textContent ?? null)).toEqual(['Today', null, 'Yesterday', headings[2]]);

    const first = within(items[0]).getByRole('button');
    expect(first).toHaveAccessibleName(/^Check-in Stress 7, Mood 4, Hungry — after group/);
    const pills = [...first.querySelectorAll('.pill')];
    expect(pills.map((p) => p.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Stress 7,', 'Mood 4,']);
    expect(pills.map((p) => [...p.classList].find((c) => c.startsWith('band-')))).toEqual(['band-heavy', 'band-middle']);
    expect(first.querySelector('.pill-craving'), 'craving left out: no pill').toBeNull();

    const calm = [...within(items[1]).getByRole('button').querySelectorAll('.pill')];
    expect(calm.map((p) => p.className)).toEqual([
      expect.stringContaining('band-calm'),
      expect.stringContaining('band-calm'),
      expect.stringContaining('band-calm'),
    ]);
    const none = within(items[3]).getByRole('button');
    expect(none.querySelector('.pill'), 'nothing rated: no pills').toBeNull();
    expect(none).toHaveTextContent('nothing rated');
  });

  it('date filters read "any date" when empty; This week, Since my last session and Clear set them', async () => {
    const { user } = await open((fake) => {
      fake.insert(checkin({ stress: 3, note: 'today' }), noon(0));
      fake.insert(checkin({ stress: 4, note: 'ten days ago' }), noon(10));
      fake.insert(checkin({ stress: 5, note: 'twenty days ago' }), noon(20));
    });
    await user.click(screen.getByRole('button', { name: 'History' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(3));

    const from = screen.getByLabelText('From') as HTMLInputElement;
    const to = screen.getByLabelText('To') as HTMLInputElement;
    expect(from).toHaveAccessibleDescription('any date');
    expect(to).toHaveAccessibleDescription('any date');
    expect(from.parentElement).toHaveTextContent('any date');

    const dates = screen.getByRole('group', { name: 'Dates' });
    // No session note yet: the dates stay, and the page says why.
    await user.click(within(dates).getByRole('button', { name: 'Since my last session' }));
    expect(await within(dates).findByRole('status')).toHaveTextContent('No session notes yet');
    expect(from.value).toBe('');

    await user.click(within(dates).getByRole('button', { name: 'This week' }));
    expect(from.value).toBe(startOfWeek(localDay()));
    expect(to.value).toBe('');
    expect(from).not.toHaveAccessibleDescription('any date');
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(1));
    expect(within(timeline).getByText('today')).toBeInTheDocument();

    await user.click(within(dates).getByRole('button', { name: 'Clear dates' }));
    expect(from.value).toBe('');
    expect(from).toHaveAccessibleDescription('any date');
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(3));
  });

  it('"Since my last session" starts on the day of the newest session note', async () => {
    const { user, app } = await open((fake) => {
      fake.insert(checkin({ stress: 3, note: 'after it' }), noon(2));
      fake.insert({ ...emptySession(), title: 'Newest group' }, noon(12));
      fake.insert({ ...emptySession(), title: 'Older group' }, noon(30));
      fake.insert(checkin({ stress: 6, note: 'before it' }), noon(15));
    });
    await user.click(screen.getByRole('button', { name: 'History' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Since my last session' }));
    const since = localDay(noon(12));
    await waitFor(() => expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe(since));
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(2));
    expect(within(timeline).getByText('after it')).toBeInTheDocument();
    expect(within(timeline).getByText(/Newest group/)).toBeInTheDocument();
    expect(within(timeline).queryByText('before it')).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Dates' })).getByRole('status')).toHaveTextContent(`From your last session, ${dayHeading(since)}.`);
    expect(app.view).toBe('history');
  });
});

describe('Trash', () => {
  it('uses the History row, says how long entries stay, and Empty Trash asks first, naming how many', async () => {
    let newer = '';
    const { user, fake } = await open((fake) => {
      for (const [i, note] of ['first', 'second', 'third'].entries()) {
        const r = fake.insert(checkin({ stress: i + 2, note }), noon(i));
        fake.records.get(r.id)!.trashed = r.at;
      }
      const kept = fake.insert({ kind: 'unknown', writtenAs: 'urge_log', version: 1, payload: { peak: 7 } } as BodyDto, noon(1, 8));
      fake.records.get(kept.id)!.trashed = kept.at;
      newer = kept.id;
    });
    await user.click(screen.getByRole('button', { name: 'Trash' }));
    expect(await screen.findByText('Entries stay in Trash until you empty it or delete them one by one.')).toBeInTheDocument();
    await screen.findByText('first');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Today', 'Yesterday', dayHeading(localDay(noon(2)))]);
    const row = screen.getByText('first').closest('li')!;
    expect(row).toHaveClass('record-row');
    expect(row.querySelector('.pill')).toHaveTextContent('Stress 2');

    // Keep them: nothing changes.
    await user.click(screen.getByRole('button', { name: 'Empty Trash…' }));
    let dialog = await screen.findByRole('dialog', { name: 'Empty the Trash?' });
    expect(dialog).toHaveAccessibleDescription(
      "All 3 entries in the Trash will be deleted for good. This can't be undone. One entry saved by a newer version of Keel will stay.",
    );
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep them' })));
    await user.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await fake.listRecords(listQuery({ trash: true }))).total).toBe(4);

    await user.click(screen.getByRole('button', { name: 'Empty Trash…' }));
    dialog = await screen.findByRole('dialog', { name: 'Empty the Trash?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 entries for good' }));
    expect(await screen.findByText(/^Deleted 3 entries for good\./)).toHaveTextContent(
      'One entry was saved by a newer version of Keel, so it stays here until you update Keel.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect([...fake.records.keys()].filter((id) => fake.records.get(id)!.trashed !== null)).toEqual([newer]);
    await waitFor(() => expect(screen.queryByText('first')).toBeNull());
    expect(screen.getByText('Kept as it is — update Keel to see or change it')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Empty Trash…' }), 'nothing left it could delete').toBeNull();
    await waitFor(() => expect(document.activeElement, 'the focus is not lost').toBe(screen.getByRole('heading', { level: 1, name: 'Trash' })));
  });

  it('an entry the backend refuses to delete (from a newer Keel) is kept and named kindly', async () => {
    const { user, fake } = await open((fake) => {
      for (const note of ['one', 'two']) {
        const r = fake.insert(checkin({ stress: 1, note }), noon(0));
        fake.records.get(r.id)!.trashed = r.at;
      }
    });
    const purge = fake.purgeRecord.bind(fake);
    let refused = '';
    fake.purgeRecord = async (id) => {
      if (!refused) {
        refused = id;
        throw { code: 'RecordFromNewerVersion', message: 'x', field: null, id, group: null, waitSeconds: null };
      }
      return purge(id);
    };
    await user.click(screen.getByRole('button', { name: 'Trash' }));
    await user.click(await screen.findByRole('button', { name: 'Empty Trash…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete 2 entries for good' }));
    expect(await screen.findByText(/^Deleted 1 entry for good\./)).toHaveTextContent('One entry was saved by a newer version of Keel, so it stays here');
    expect(screen.queryByRole('alert'), 'not an error').toBeNull();
    expect(fake.records.has(refused)).toBe(true);
  });
});

describe('Search', () => {
  it('the snippet does not repeat the title; Clear search has its own icon button', async () => {
    const { user, app } = await open();
    await app.add({ ...emptyJournal(), title: 'Evening walk', text: 'Slept well after the walk by the river.' });
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const field = (await screen.findByLabelText('Search your entries')) as HTMLInputElement;
    expect(screen.queryByRole('button', { name: 'Clear search' }), 'nothing to clear yet').toBeNull();
    await user.type(field, 'walk');
    const results = await screen.findByRole('list', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(1));
    expect(results.querySelector('.result-title')).toHaveTextContent('Evening walk');
    const snippet = results.querySelector('.result-snippet');
    expect(snippet).toHaveTextContent('Slept well after the walk by the river.');
    expect(snippet).not.toHaveTextContent('Evening');

    const clear = screen.getByRole('button', { name: 'Clear search' });
    expect(clear.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    await user.click(clear);
    expect(field.value).toBe('');
    expect(document.activeElement).toBe(field);
    await waitFor(() => expect(within(results).queryAllByRole('listitem')).toHaveLength(0));
  });

  it('draws the newest 50 matches first, and more on request; a new search starts again at 50', async () => {
    const { user } = await open((fake) => {
      for (let i = 0; i < 120; i++) fake.insert({ ...emptyJournal(), text: `river walk ${i}` }, noon(i % 30, 8 + (i % 10)));
    });
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const field = await screen.findByLabelText('Search your entries');
    await user.type(field, 'river');
    const results = await screen.findByRole('list', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(50));
    const status = () => screen.getByText(/matches/, { selector: '[role=status]' });
    expect(status()).toHaveTextContent('120 matches, showing the newest 50.');
    await user.click(screen.getByRole('button', { name: 'Show more results' }));
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(120));
    expect(screen.queryByRole('button', { name: 'Show more results' }), 'nothing more to show').toBeNull();
    await user.type(field, ' walk');
    await waitFor(() => expect(status()).toHaveTextContent('120 matches, showing the newest 50.'));
    expect(within(results).getAllByRole('listitem')).toHaveLength(50);
  });
});

describe('Help', () => {
  it('opens with the crisis card', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Help' }));
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Help' });
    const first = h1.nextElementSibling as HTMLElement;
    expect(first).toHaveClass('card');
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent('If you are in crisis');
    expect(first).toHaveTextContent('call your local emergency number or a crisis line');
  });
});

describe('Coping skills', () => {
  it('the favourite button says what it does and is pressed when on', async () => {
    const { user, fake } = await open();
    await user.click(screen.getByRole('button', { name: 'Coping skills' }));
    const add = await screen.findByRole('button', { name: 'Add to favourites: Box breathing' });
    expect(add).toHaveAttribute('aria-pressed', 'false');
    expect(add).toHaveTextContent('Add to favourites');
    await user.click(add);
    const remove = await screen.findByRole('button', { name: 'Remove from favourites: Box breathing' });
    expect(remove).toHaveAttribute('aria-pressed', 'true');
    const skills = await fake.listSkills(true);
    expect(skills.find((r) => r.body.kind === 'skill' && r.body.name === 'Box breathing')?.body).toMatchObject({ favourite: true });
    await user.click(remove);
    expect(await screen.findByRole('button', { name: 'Add to favourites: Box breathing' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('adding your own skill is a button at the top that takes you to the form', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Coping skills' }));
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Coping skills' });
    const button = within(h1.parentElement!).getByRole('button', { name: 'Add your own skill' });
    await user.click(button);
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });
});

describe('icons', () => {
  it('are decorative SVGs without inline styles, and icon-only buttons keep a name', async () => {
    const { user, app } = await open((fake) => {
      fake.insert(checkin({ stress: 3, note: 'an entry' }), noon(0));
    });
    app.toast('Saved.');
    for (const view of ['Today', 'History', 'Search', 'Coping skills', 'Questionnaires', 'Insights', 'Report', 'Trash', 'Settings', 'Help']) {
      await user.click(screen.getByRole('button', { name: view }));
      await waitFor(() => expect(screen.getByRole('button', { name: view })).toHaveAttribute('aria-current', 'page'));
      const svgs = [...document.querySelectorAll('svg')];
      expect(svgs.length, view).toBeGreaterThan(0);
      for (const svg of svgs) {
        expect(svg.hasAttribute('style'), `${view}: an svg with a style attribute`).toBe(false);
        expect(svg.querySelector('[style]'), `${view}: a styled shape`).toBeNull();
        expect(svg.closest('[aria-hidden="true"]'), `${view}: an icon screen readers would read`).not.toBeNull();
      }
      for (const b of document.querySelectorAll('button')) {
        expect(b, `${view}: a button without a name`).toHaveAccessibleName();
      }
    }
    // The navigation's text glyphs are gone.
    expect(document.querySelector('.sidebar')!.textContent).not.toMatch(/[☀☰⌕❋⌫⚙]/);
  });
});

/** The words an element shows: its text, without what only screen readers get or never get. */
function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden, [aria-hidden="true"], input, select, textarea')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** As axe's name rules and label-content-name-mismatch: every control has a name, a control's
 * name holds the words it shows (its own, or its label's), and icons are decoration. */
function expectNamesHoldVisibleWords(where: string) {
  const root = document.querySelector('main')!;
  for (const el of root.querySelectorAll('button, input, select, textarea')) {
    expect(el, `${where}: a control without a name`).toHaveAccessibleName();
    const words = el.matches('button')
      ? visibleText(el)
      : [...((el as HTMLInputElement).labels ?? [])].map(visibleText).filter(Boolean).join(' ');
    if (words) expect(el, `${where}: "${words}" is not in the name`).toHaveAccessibleName(expect.stringContaining(words));
  }
  for (const svg of root.querySelectorAll('svg')) {
    expect(svg.hasAttribute('style'), `${where}: an svg with a style attribute`).toBe(false);
    // A chart that is an image with its words (the report's) is read; every other svg is decoration.
    if (svg.getAttribute('role') === 'img' && svg.getAttribute('aria-label')) continue;
    expect(svg.closest('[aria-hidden="true"]'), `${where}: an icon screen readers would read`).not.toBeNull();
  }
}

describe('the diary card and the thought record', () => {
  it('name each control after the words it shows, on the week, its set-up, its skills and each step', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Diary card' }));
    await screen.findByLabelText('Monday, urge to use');
    expect(screen.getByRole('button', { name: 'Diary card' })).toHaveAttribute('aria-current', 'page');
    expectNamesHoldVisibleWords('the week');
    await user.click(screen.getByRole('button', { name: 'Change what I track' }));
    await screen.findByRole('form', { name: 'What I track' });
    expectNamesHoldVisibleWords('the set-up');
    await user.click(screen.getByRole('button', { name: 'Monday, skills practised: none' }));
    const dialog = await screen.findByRole('dialog', { name: /^Skills I practised/ });
    expectNamesHoldVisibleWords('the skills');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(await screen.findByRole('button', { name: '+ Thought record' }));
    const form = await screen.findByRole('form', { name: 'New thought record' });
    await user.type(within(form).getByLabelText('Mood 1'), 'Anxious');
    await user.type(within(form).getByLabelText('How strong, 0 to 100: Anxious'), '70');
    expectNamesHoldVisibleWords('the thought record');
  });
});

describe('the questionnaires', () => {
  it('name each control after the words it shows: the overview, taking one, the calm page, the result, History, Settings and Help', async () => {
    const gad = (total: number): BodyDto => ({
      kind: 'assessment',
      instrument: 'gad7',
      answers: Array.from({ length: 7 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i))),
      difficulty: null,
      note: '',
      total,
      band: null,
    });
    const { user } = await open((fake) => {
      for (let i = 0; i < 10; i++) fake.insert(gad(12 - i), noon(14 * (10 - i)));
    });
    await user.click(screen.getByRole('button', { name: 'Questionnaires' }));
    await screen.findByRole('table', { name: 'Your GAD-7 results, newest first' });
    expectNamesHoldVisibleWords('the overview');
    expect(document.querySelector('svg.trend-chart')).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Take it: PHQ-9' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    expectNamesHoldVisibleWords('taking one');
    for (let i = 0; i < 9; i++) {
      await user.click(within(screen.getAllByRole('group')[i]).getByRole('radio', { name: i === 8 ? 'Several days' : 'Not at all' }));
    }
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 1, name: 'Thank you for your answers' });
    expectNamesHoldVisibleWords('the calm page');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Your PHQ-9 result' });
    expectNamesHoldVisibleWords('the result');

    await user.click(screen.getByRole('button', { name: 'History' }));
    await user.click(await screen.findByRole('button', { name: /^Questionnaire PHQ-9: 1 \(minimal\)/ }));
    await screen.findByRole('region', { name: 'Questionnaire' });
    expectNamesHoldVisibleWords('a result opened from History');

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Remind me every two weeks to answer the questionnaires' }));
    expectNamesHoldVisibleWords('Settings › Reminders');
    await user.click(screen.getByRole('button', { name: 'Help' }));
    await screen.findByRole('region', { name: 'Questionnaires' });
    expectNamesHoldVisibleWords('Help');
  });
});

describe('Settings › Backups', () => {
  it('names each control after the words it shows: the card, its list and the restore dialog at each step', async () => {
    const { user, fake } = await open((f) => {
      f.backupFolder = '/media/usb/Keel backups';
      f.makeBackup(noon(9));
    });
    expect(fake.backups, 'the day\'s backup was made at unlock, as the shell does').toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const card = (await screen.findByRole('heading', { name: 'Backups' })).closest('section') as HTMLElement;
    await within(card).findByText(/Last checked backup: today at/);
    expectNamesHoldVisibleWords('Settings › Backups');
    await user.click(within(card).getAllByRole('button', { name: /^Restore…/ })[1]);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAccessibleName(/^Restore the backup from /);
    expectNamesHoldVisibleWords('the restore dialog');
    await user.type(within(dialog).getByLabelText('The passphrase when this backup was made'), 'not the one{Enter}');
    await within(dialog).findByRole('alert');
    expectNamesHoldVisibleWords('the restore dialog, a wrong passphrase');
    await user.clear(within(dialog).getByLabelText('The passphrase when this backup was made'));
    await user.type(within(dialog).getByLabelText('The passphrase when this backup was made'), `${PASS}{Enter}`);
    await within(dialog).findByRole('button', { name: 'Replace my journal with this backup' });
    expectNamesHoldVisibleWords('the restore dialog, checked');
  });
});

describe('Settings › Import and Export', () => {
  it('names each control after the words it shows: the choices, the mood table, a problem and the preview', async () => {
    const { user, fake } = await open();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const card = (await screen.findByRole('heading', { name: 'Import' })).closest('section') as HTMLElement;
    await user.click(within(card).getByRole('button', { name: 'Add a mood label' }));
    await user.keyboard('Ecstatic');
    await user.type(within(card).getByRole('spinbutton', { name: 'Number for Ecstatic' }), '10');
    await user.click(screen.getByRole('radio', { name: 'Markdown (a file for each entry)' }));
    expectNamesHoldVisibleWords('Settings › Import and Export');
    expect(document.querySelector('main [style]'), 'no inline styles under the CSP').toBeNull();
    fake.openDialog = { name: 'daylio.csv', text: 'full_date,time,mood\n2025-01-02,9:15 pm,Blissful\n' };
    await user.click(within(card).getByRole('button', { name: 'Choose file…' }));
    await within(card).findByRole('alert');
    expectNamesHoldVisibleWords('Settings › Import, a problem in the file');
    fake.openDialog = { name: 'daylio.csv', text: 'full_date,time,mood,note\n2025-01-02,9:15 pm,Ecstatic,A good day\n' };
    await user.click(within(card).getByRole('button', { name: 'Choose file…' }));
    await within(card).findByRole('region', { name: 'From daylio.csv' });
    expectNamesHoldVisibleWords('Settings › Import, the preview');
  });
});

describe('Insights', () => {
  it('names each control after the words it shows, with figures, the year in pixels and its table open', async () => {
    const { user, fake } = await open();
    const at = (daysAgo: number) => noon(daysAgo).toISOString();
    for (let i = 0; i < 12; i++) {
      await fake.addRecord({ at: at(i * 3), body: checkin({ stress: i % 11, mood: (i * 3) % 11, craving: i % 4, sleepHours: 5 + (i % 4), halt: { hungry: i % 2 === 0, angry: false, lonely: false, tired: i % 3 === 0 }, triggers: ['deadline'], context: 'work' }) });
    }
    for (let i = 0; i < 4; i++) {
      await fake.addRecord({ at: at(i), body: { kind: 'skill-use', skillId: null, skillName: 'Box breathing', situation: '', distressBefore: 7, distressAfter: 3 + (i % 2), urgeBefore: null, urgeAfter: null, minutes: null, note: '', urgeAlong: [] } });
    }
    const clock = await fake.addRecord({ at: at(60), body: { kind: 'clock', name: 'Alcohol', since: at(60), archived: false } });
    await fake.addRecord({ at: at(20), body: { kind: 'lapse', clock: clock.id, clockName: 'Alcohol', restart: true, whatHappened: '', triggers: [], halt: { hungry: false, angry: false, lonely: false, tired: false }, place: '', people: [], helped: '', nextTime: '' } });
    await user.click(screen.getByRole('button', { name: 'Insights' }));
    await screen.findByRole('grid', { name: 'A year of mood, one square for each day' });
    await user.click(screen.getByText('Month by month, as a table'));
    expectNamesHoldVisibleWords('Insights');
    expect(document.querySelector('main [style]'), 'no inline styles under the CSP').toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Everything' }));
    await waitFor(() => expect(screen.getByText(/^Showing /)).toHaveTextContent('Showing everything'));
    expectNamesHoldVisibleWords('Insights, everything');
  });
});

describe('Report', () => {
  it('names each control after the words it shows, with entries to choose and a preview with a chart', async () => {
    const { user } = await open((fake) => {
      fake.insert(checkin({ stress: 5, mood: 6, craving: 1 }), noon(2));
      fake.insert(checkin({ stress: 3, mood: 7, craving: 0 }), noon(1));
      fake.insert({ ...emptySession(), title: 'Group' }, noon(1));
      fake.insert({ ...emptyJournal(), title: 'Evening notes', text: 'A calm day.' }, noon(1));
    });
    await user.click(screen.getByRole('button', { name: 'Report' }));
    await screen.findByRole('heading', { level: 1, name: 'Report for my counsellor' });
    await user.click(screen.getByRole('checkbox', { name: 'Journal entries' }));
    await user.click(await screen.findByRole('checkbox', { name: /^Evening notes/ }));
    expectNamesHoldVisibleWords('Report');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('img', { name: /^A line chart of average/ });
    expectNamesHoldVisibleWords('Report, previewed');
    expect(document.querySelector('main [style]'), 'no inline styles under the CSP').toBeNull();
    for (const th of document.querySelectorAll('.report-page thead th')) expect(th).toHaveAttribute('scope', 'col');
  });
});
