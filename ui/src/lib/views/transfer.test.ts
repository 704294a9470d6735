// Settings › Import and Export over the fake backend: an export in each format named by what was
// written (a cancelled dialog says nothing, a failure is said by the button); an import from
// Daylio previewed (counts by kind, the days, the first entries) with a label of the person's own
// given a number in the table, a label without a number said as the engine says it (nothing
// added), then confirmed (the entries in History) and a second import of the same file adding
// nothing; a preview put aside is forgotten.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { listQuery } from '../backend';
import { longDate, localDay } from '../time';
import type { UserEvent } from '@testing-library/user-event';
import { openUnlocked } from '../../tests/unlocked';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

/** A Daylio export as a phone writes it: a byte-order mark, newest first, a 12-hour time and
 * 24-hour ones, a label of the person's own (Ecstatic), a note in HTML, activities. */
const DAYLIO = [
  '\uFEFFfull_date,date,weekday,time,mood,activities,note_title,note',
  '2026-11-27,November 27,Friday,21:30,meh,work,Long day,',
  '2025-01-02,January 2,Thursday,9:15 pm,Ecstatic,friends | walk,,"A <b>good</b> day<br>with Sam &amp; Jo"',
  '2025-01-02,January 2,Thursday,08:05,good,,,',
  '',
].join('\r\n');

const daylioFile = { name: 'daylio_export_2026_11_28.csv', source: 'daylio' as const, text: DAYLIO };

async function openSettings(before: (fake: FakeBackend) => void = () => {}) {
  const opened = await openUnlocked();
  before(opened.fake);
  await opened.user.click(screen.getByRole('button', { name: 'Settings' }));
  const importCard = (await screen.findByRole('heading', { name: 'Import' })).closest('section') as HTMLElement;
  const exportCard = screen.getByRole('heading', { name: 'Export' }).closest('section') as HTMLElement;
  return { ...opened, importCard, exportCard };
}

/** "Add a mood label": a new row, its label field focused; the label and number typed in it. */
async function addMood(user: UserEvent, card: HTMLElement, label: string, n: string) {
  await user.click(within(card).getByRole('button', { name: 'Add a mood label' }));
  const field = within(card).getAllByLabelText('Your own mood label').at(-1)!;
  expect(field, 'the new row is ready to type in').toHaveFocus();
  if (label) await user.keyboard(label);
  await user.type(within(card).getAllByRole('spinbutton').at(-1)!, n);
}

async function journalTexts(fake: FakeBackend): Promise<string[]> {
  const { records } = await fake.listRecords(listQuery({ kinds: ['journal'] }));
  return records.map((r) => (r.body.kind === 'journal' ? r.body.text : '')).sort();
}

describe('Settings › Export', () => {
  it('says plainly that an export is not locked, and writes the format chosen, named in a toast', async () => {
    const { fake, user, exportCard } = await openSettings();
    const today = localDay();
    expect(exportCard).toHaveTextContent('not locked with your passphrase');
    expect(exportCard).toHaveTextContent('anyone who can open the file can read it');
    expect(within(exportCard).getByRole('radio', { name: 'Keel JSON (everything, to import again)' }), 'JSON by default').toBeChecked();
    expect(within(exportCard).queryByRole('checkbox'), 'not for JSON').toBeNull();

    await user.click(within(exportCard).getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText(`Exported as Keel export ${today}.json`)).toBeInTheDocument();
    expect(fake.lastExport?.format).toBe('json');
    expect(JSON.parse(fake.lastExport?.text ?? '{}').format, 'the JSON is a Keel export').toBe('keel-export');

    await user.click(within(exportCard).getByRole('radio', { name: 'CSV (a spreadsheet file for each kind)' }));
    await user.click(within(exportCard).getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText(`Exported as Keel export ${today}`)).toBeInTheDocument();
    expect(fake.lastExport).toMatchObject({ format: 'csv', name: `Keel export ${today}` });
    const zipped = within(exportCard).getByRole('checkbox', { name: 'All in one zip file' });
    await user.click(zipped);
    await user.click(within(exportCard).getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText(`Exported as Keel export ${today}.zip`), 'CSV in one zip file').toBeInTheDocument();
    expect(fake.lastExport).toMatchObject({ format: 'csv', oneFile: true });
    await user.click(zipped);

    await user.click(within(exportCard).getByRole('radio', { name: 'Markdown (a file for each entry)' }));
    await user.click(within(exportCard).getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText(`Exported as Keel export ${today} (2)`), 'a second folder the same day').toBeInTheDocument();
    expect(fake.lastExport).toMatchObject({ format: 'markdown', oneFile: false });

    await user.click(within(exportCard).getByRole('checkbox', { name: 'All in one file' }));
    fake.exportDialog = '/home/sam/Private/my journal';
    await user.click(within(exportCard).getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText('Exported as my journal.md'), 'the name chosen, its extension added').toBeInTheDocument();
    expect(fake.lastExport).toMatchObject({ format: 'markdown', oneFile: true, name: 'my journal.md' });
    expect(within(exportCard).queryByRole('alert')).toBeNull();
  });

  it('says nothing when the dialog is cancelled, and a failure next to the button', async () => {
    const { fake, user, exportCard } = await openSettings((f) => (f.exportDialog = null));
    await user.click(within(exportCard).getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(within(exportCard).getByRole('button', { name: 'Export…' })).toBeEnabled());
    expect(fake.lastExport, 'nothing written').toBeNull();
    expect(screen.queryByText(/^Exported as/)).toBeNull();
    expect(within(exportCard).queryByRole('alert')).toBeNull();

    vi.spyOn(fake, 'exportTo').mockRejectedValueOnce({ code: 'Io', message: 'disk full', field: null, id: null, group: null, waitSeconds: null });
    await user.click(within(exportCard).getByRole('button', { name: 'Export…' }));
    expect(await within(exportCard).findByRole('alert')).toHaveTextContent("Keel couldn't read or write its file.");
    expect(screen.queryByText(/^Exported as/)).toBeNull();
  });
});

describe('Settings › Import', () => {
  it('previews a Daylio export with a label of my own mapped in the table, then adds it once', async () => {
    const { fake, user, importCard, app } = await openSettings((f) => (f.openDialog = daylioFile));
    expect(importCard).toHaveTextContent('Bring in entries from Daylio, Day One, jrnl, or another Keel.');
    expect(within(importCard).getByRole('radio', { name: 'Daylio (CSV export)' })).toBeChecked();
    for (const [label, n] of [['rad', 9], ['good', 7], ['meh', 5], ['bad', 3], ['awful', 1]] as const) {
      expect(within(importCard).getByRole('spinbutton', { name: `Number for ${label}` }), `Daylio's ${label}`).toHaveValue(n);
    }
    await addMood(user, importCard, 'Ecstatic', '10');
    expect(within(importCard).getByRole('spinbutton', { name: 'Number for Ecstatic' })).toHaveValue(10);
    const before = fake.records.size;

    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    const panel = await within(importCard).findByRole('region', { name: 'From daylio_export_2026_11_28.csv' });
    expect(panel).toHaveFocus();
    expect(panel).toHaveTextContent('5 new entries to add: 3 check-ins and 2 journal entries');
    expect(panel).toHaveTextContent(`They cover the days from ${longDate('2025-01-02')} to ${longDate('2026-11-27')}.`);
    expect(panel).not.toHaveTextContent('already in Keel');
    expect(panel).not.toHaveTextContent('stay behind');
    expect(panel, 'no backups folder, no backup').not.toHaveTextContent('A backup is made first.');
    const first = within(within(panel).getByRole('list', { name: 'The first entries' })).getAllByRole('listitem');
    // Oldest first: the 24-hour morning, the 12-hour evening (a check-in and its note), then
    // November's (the title alone becomes the entry's words); each with its day.
    const said = first.map((li) => li.textContent ?? '');
    const [jan, nov] = [longDate('2025-01-02'), longDate('2026-11-27')];
    expect(said[0]).toBe(`${jan} mood 7`);
    expect(said.slice(1, 3).sort()).toEqual([`${jan} A **good** day`, `${jan} mood 10`]);
    expect(said.slice(3).sort()).toEqual([`${nov} Long day`, `${nov} mood 5`]);
    expect(fake.records.size, 'a preview writes nothing').toBe(before);

    const changes = app.changes;
    await user.click(within(panel).getByRole('button', { name: 'Import these entries' }));
    expect(await screen.findByText('Added 5 entries')).toBeInTheDocument();
    expect(within(importCard).queryByRole('region'), 'the panel closes').toBeNull();
    expect(app.changes, 'the other views read again').toBeGreaterThan(changes);
    expect(fake.records.size).toBe(before + 5);
    expect(await journalTexts(fake)).toEqual(['A **good** day\nwith Sam & Jo', 'Long day']);
    const { records } = await fake.listRecords(listQuery({ kinds: ['checkin'] }));
    expect(records.map((r) => [r.at.slice(0, 16), r.body.kind === 'checkin' ? r.body.mood : null])).toEqual([
      ['2026-11-27T21:30', 5],
      ['2025-01-02T21:15', 10],
      ['2025-01-02T08:05', 7],
    ]);

    await user.click(screen.getByRole('button', { name: 'History' }));
    expect((await screen.findAllByText('Long day')).length).toBeGreaterThan(0);

    // The same file again adds nothing.
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const card = (await screen.findByRole('heading', { name: 'Import' })).closest('section') as HTMLElement;
    await addMood(user, card, 'ecstatic', '10');
    await user.click(within(card).getByRole('button', { name: 'Choose file…' }));
    const again = await within(card).findByRole('region', { name: 'From daylio_export_2026_11_28.csv' });
    expect(again).toHaveTextContent('0 new entries to add');
    expect(again).toHaveTextContent('Everything in this file is already in Keel.');
    expect(again).toHaveTextContent('5 already in Keel');
    expect(within(again).getByRole('button', { name: 'Import these entries' })).toBeDisabled();
    expect(fake.records.size).toBe(before + 5);
  });

  it('says which line has a mood label without a number, and adds nothing', async () => {
    const { fake, user, importCard } = await openSettings((f) => (f.openDialog = daylioFile));
    const before = fake.records.size;
    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    const problem = await within(importCard).findByRole('alert');
    expect(problem).toHaveTextContent("Keel couldn’t read this file, so nothing was added.");
    expect(problem).toHaveTextContent('line 3 (mood): “Ecstatic” has no number: give it one in the mood table above');
    expect(problem, 'not the command line’s words').not.toHaveTextContent('--mood-map');
    expect(within(importCard).queryByRole('region')).toBeNull();
    expect(fake.records.size).toBe(before);
    await expect(fake.importConfirm(), 'no file waits to be imported').rejects.toMatchObject({ field: 'file' });

    // Another source's file read as Daylio: the column it lacks.
    await user.click(within(importCard).getByRole('radio', { name: 'Keel (JSON export)' }));
    expect(within(importCard).queryByRole('spinbutton', { name: 'Number for rad' }), 'the mood table is Daylio’s').toBeNull();
    await user.click(within(importCard).getByRole('radio', { name: 'Daylio (CSV export)' }));
    fake.openDialog = { name: 'notes.csv', text: 'date,words\n2025-01-01,hello\n' };
    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(within(importCard).getByRole('alert')).toHaveTextContent('no full_date column: is this a Daylio CSV export?'));
  });

  it('checks the mood table before opening the dialog; a row of my own can go, an empty one is passed over', async () => {
    const { fake, user, importCard } = await openSettings((f) => (f.openDialog = daylioFile));
    const spy = vi.spyOn(fake, 'importPreview');
    const choose = () => user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));

    await addMood(user, importCard, 'so-so, tired', '4');
    await choose();
    expect(await within(importCard).findByRole('alert')).toHaveTextContent('A mood label can’t have a comma in it here: type “so-so, tired” without it.');
    await user.click(within(importCard).getByRole('button', { name: 'Remove so-so, tired' }));
    expect(within(importCard).queryByLabelText('Your own mood label')).toBeNull();
    expect(within(importCard).getByRole('button', { name: 'Add a mood label' }), 'the focus goes back').toHaveFocus();

    await addMood(user, importCard, '', '6');
    await choose();
    expect(await within(importCard).findByRole('alert')).toHaveTextContent('Type each mood label as Daylio shows it, or remove the row.');
    await user.click(within(importCard).getByRole('button', { name: 'Remove this mood label' }));

    const meh = within(importCard).getByRole('spinbutton', { name: 'Number for meh' });
    await user.clear(meh);
    await user.type(meh, '12');
    await choose();
    expect(await within(importCard).findByRole('alert')).toHaveTextContent('Give each mood a whole number from 0 to 10.');
    expect(spy, 'no dialog').not.toHaveBeenCalled();

    await user.clear(meh);
    await user.type(meh, '4');
    await user.click(within(importCard).getByRole('button', { name: 'Add a mood label' }));
    await addMood(user, importCard, 'Ecstatic', '10');
    await choose();
    expect(spy, 'the row left empty is passed over').toHaveBeenCalledWith('daylio', 'rad=9,good=7,meh=4,bad=3,awful=1,ecstatic=10');
    await within(importCard).findByRole('region', { name: /^From / });
  });

  it('Cancel forgets the preview; a cancelled dialog says nothing; a backups folder means a backup first', async () => {
    const { fake, user, importCard } = await openSettings((f) => (f.openDialog = null));
    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(within(importCard).getByRole('button', { name: 'Choose file…' })).toBeEnabled());
    expect(within(importCard).queryByRole('region')).toBeNull();
    expect(within(importCard).queryByRole('alert')).toBeNull();

    fake.backupFolder = '/media/usb/Keel backups';
    fake.openDialog = { name: 'journal.json', source: 'jrnl', text: JSON.stringify({ entries: [{ title: 'A quiet walk.', body: 'It helped.', date: '2025-03-04', time: '18:00', tags: ['@outside'], starred: true }] }) };
    await user.click(within(importCard).getByRole('radio', { name: 'jrnl (JSON export)' }));
    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    const panel = await within(importCard).findByRole('region', { name: 'From journal.json' });
    expect(panel).toHaveTextContent('1 new entry to add: 1 journal entry');
    expect(panel).toHaveTextContent(`They cover the days on ${longDate('2025-03-04')}.`);
    expect(panel).toHaveTextContent('A backup is made first.');
    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(within(importCard).queryByRole('region')).toBeNull();
    expect(within(importCard).getByRole('button', { name: 'Choose file…' }), 'the focus goes back').toHaveFocus();
    await expect(fake.importConfirm(), 'the preview is forgotten').rejects.toMatchObject({ field: 'file' });

    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    await user.click(within(await within(importCard).findByRole('region')).getByRole('button', { name: 'Import these entries' }));
    expect(await screen.findByText('Added 1 entry')).toBeInTheDocument();
    expect(fake.backups, 'a backup was made first').toHaveLength(1);
    expect(await journalTexts(fake)).toEqual(['It helped.']);
  });

  it('says what stays behind from Day One: photos, and what is already here', async () => {
    const entry = (uuid: string, text: string, photos = 0) => ({
      uuid,
      creationDate: '2025-06-01T12:00:00Z',
      timeZone: 'Europe/London',
      text,
      tags: ['Morning'],
      photos: Array.from({ length: photos }, (_, i) => ({ identifier: `p${i}` })),
    });
    const file = { name: 'Journal.json', source: 'dayone' as const, text: JSON.stringify({ entries: [entry('A1', 'First light.', 2), entry('B2', 'Tea.')] }) };
    const { user, importCard } = await openSettings((f) => (f.openDialog = file));
    await user.click(within(importCard).getByRole('radio', { name: 'Day One (its export zip, or Journal.json from it)' }));
    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    const panel = await within(importCard).findByRole('region', { name: 'From Journal.json' });
    expect(panel).toHaveTextContent('2 new entries to add: 2 journal entries');
    expect(panel).toHaveTextContent('2 photos and other files will stay behind: Keel keeps words only.');
    await user.click(within(panel).getByRole('button', { name: 'Import these entries' }));
    await screen.findByText('Added 2 entries');

    const more = { ...file, text: JSON.stringify({ entries: [entry('A1', 'First light.'), entry('C3', 'Rain.')] }) };
    Object.assign(file, more);
    await user.click(within(importCard).getByRole('button', { name: 'Choose file…' }));
    const again = await within(importCard).findByRole('region', { name: 'From Journal.json' });
    expect(again).toHaveTextContent('1 new entry to add');
    expect(again).toHaveTextContent('1 already in Keel');
    expect(within(again).getByRole('button', { name: 'Import these entries' })).toBeEnabled();
  });
});
