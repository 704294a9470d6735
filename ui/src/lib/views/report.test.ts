// The Report page over the fake backend: the sections chosen and no others in the preview, a
// journal entry only when ticked, the choices kept as a `report-setup` record and applied when
// the page opens again, Save as PDF through the shell's dialog (saved, cancelled), and a bad
// request named at the control it is about.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import { listQuery, type BodyDto } from '../backend';
import { emptyCheckin, emptyJournal, emptySession } from '../kinds';
import { addDays, localDay } from '../time';
import { openUnlocked } from '../../tests/unlocked';
import type { FakeBackend } from '../backend/fake';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

/** Noon, `daysAgo` days before today. */
function noon(daysAgo: number): Date {
  const [y, m, d] = addDays(localDay(), -daysAgo).split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

function seed(fake: FakeBackend) {
  fake.insert({ ...emptyCheckin(), stress: 6, mood: 4, craving: 2 } as BodyDto, noon(3));
  fake.insert({ ...emptyCheckin(), stress: 4, mood: 6, craving: 1 } as BodyDto, noon(1));
  fake.insert({ ...emptySession(), title: 'Group on cravings', sessionType: 'group' } as BodyDto, noon(2));
  fake.insert({ ...emptyJournal(), title: 'Walk by the river', text: 'The walk helped a lot.' } as BodyDto, noon(4));
  fake.insert({ ...emptyJournal(), title: 'Only for me', text: 'Not for the report.' } as BodyDto, noon(5));
}

async function openReport(fake?: FakeBackend) {
  const opened = await openUnlocked({ seed, fake });
  await opened.user.click(screen.getByRole('button', { name: 'Report' }));
  await screen.findByRole('heading', { level: 1, name: 'Report for my counsellor' });
  return opened;
}

describe('the Report page', () => {
  it('previews the sections chosen and none of the others, with tables and a chart with its words', async () => {
    const { user } = await openReport();
    expect(screen.getByText(/Once saved, the PDF is an ordinary file: anyone who can open the file can read it\./)).toBeInTheDocument();
    expect(screen.getByLabelText('From')).toHaveValue(addDays(localDay(), -29));
    expect(screen.getByLabelText('To')).toHaveValue(localDay());
    for (const name of ['Coping skills that helped', 'Homework and what to bring', 'Attendance']) {
      const box = screen.getByRole('checkbox', { name });
      if ((box as HTMLInputElement).checked) await user.click(box);
    }
    expect(screen.getByRole('checkbox', { name: 'Check-ins' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Session notes' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const page = await screen.findByRole('article');
    expect(within(page).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Check-ins', 'Session notes']);
    expect(page).toHaveTextContent('2 check-ins on 2 of the 30 days.');
    expect(page).not.toHaveTextContent('Coping skills that helped');
    expect(page).not.toHaveTextContent('Walk by the river');
    const averages = within(page).getByRole('table', { name: 'Each rated 0 to 10' });
    expect(within(averages).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Average', 'Lowest', 'Highest', 'Ratings']);
    expect(within(averages).getByRole('rowheader', { name: 'Stress' }).closest('tr')).toHaveTextContent('Stress5.0462');
    const chart = within(page).getByRole('img', { name: /^A line chart of average stress, mood, craving by day/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(within(page).getByRole('table', { name: "The chart's figures" })).toBeInTheDocument();
    expect(page).toHaveTextContent('Group on cravings');
    expect(document.querySelector('main [style]'), 'no inline styles under the CSP').toBeNull();
  });

  it('puts a ticked journal entry in the report and leaves an unticked one out', async () => {
    const { user } = await openReport();
    await user.click(screen.getByRole('checkbox', { name: 'Journal entries' }));
    const which = await screen.findByRole('group', { name: 'Which journal entries' });
    await user.click(await within(which).findByRole('checkbox', { name: /^Walk by the river/ }));
    expect(within(which).getByRole('checkbox', { name: /^Only for me/ })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const page = await screen.findByRole('article');
    await waitFor(() => expect(within(page).getByRole('heading', { level: 4 })).toHaveTextContent(/Walk by the river$/));
    expect(page).toHaveTextContent('The walk helped a lot.');
    expect(page).not.toHaveTextContent('Only for me');
    expect(page).not.toHaveTextContent('Not for the report.');
  });

  it('remembers the choices as a report-setup record and applies them when the page opens again', async () => {
    const { user, fake } = await openReport();
    await user.click(screen.getByRole('checkbox', { name: 'Coping skills that helped' }));
    await user.click(screen.getByRole('radio', { name: 'Full notes' }));
    await user.click(screen.getByRole('checkbox', { name: 'Journal entries' }));
    await user.click(await screen.findByRole('checkbox', { name: /^Walk by the river/ }));
    await user.type(screen.getByLabelText('Name to print (optional)'), 'Sam');
    await user.click(screen.getByRole('radio', { name: 'Letter' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('article');

    const kept = async () => (await fake.listRecords(listQuery({ kinds: ['report-setup'] }))).records;
    await waitFor(async () => expect(await kept()).toHaveLength(1));
    const [setup] = await kept();
    expect(setup.body).toMatchObject({ kind: 'report-setup', sections: ['checkins', 'sessions', 'homework', 'attendance', 'entries'], sessionNotes: 'full', paper: 'letter', name: 'Sam' });
    // Preview again: the same record is updated, not a second one added.
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(async () => expect((await kept())[0].revision).toBe(2));
    expect(await kept()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(screen.getByRole('button', { name: 'Report' }));
    await screen.findByRole('heading', { level: 1, name: 'Report for my counsellor' });
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Letter' })).toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Coping skills that helped' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Journal entries' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Full notes' })).toBeChecked();
    expect(screen.getByLabelText('Name to print (optional)')).toHaveValue('Sam');
    expect(await screen.findByRole('checkbox', { name: /^Walk by the river/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /^Only for me/ })).not.toBeChecked();
  });

  it('saves as a PDF through the backend and says the name it was saved as; a cancel says nothing', async () => {
    const { user, fake } = await openReport();
    await user.click(screen.getByRole('button', { name: 'Last 90 days' }));
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    const from = addDays(localDay(), -89);
    const name = `Keel report ${from} to ${localDay()}.pdf`;
    expect(await screen.findByText(`Saved as ${name}`)).toBeInTheDocument();
    expect(fake.lastSaveRequest).toEqual({
      from,
      to: localDay(),
      sections: ['checkins', 'skills', 'sessions', 'homework', 'attendance'],
      sessionNotes: 'titles',
      entries: [],
      name: '',
      paper: 'a4',
    });

    fake.cancelSave = true;
    fake.lastSaveRequest = null;
    await user.click(screen.getByRole('button', { name: 'Last 30 days' }));
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await waitFor(() => expect(fake.lastSaveRequest).toMatchObject({ from: addDays(localDay(), -29) }));
    // Only the first save's words: nothing new for a cancel, and no error.
    expect(screen.queryAllByText(/^Saved as /).map((t) => t.textContent)).toEqual([`Saved as ${name}`]);
    expect(document.querySelector('.report-error')?.textContent).toBe('');
  });

  it('names a bad request at its control: no section chosen, or the last day before the first', async () => {
    const { user } = await openReport();
    for (const name of ['Check-ins', 'Coping skills that helped', 'Session notes', 'Homework and what to bring', 'Attendance']) {
      await user.click(screen.getByRole('checkbox', { name }));
    }
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('What to include: choose at least one section.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Check-ins' })).toHaveFocus());
    expect(screen.queryByRole('article')).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'Check-ins' }));
    const to = screen.getByLabelText('To');
    await user.clear(to);
    await user.type(to, addDays(localDay(), -40));
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect(await screen.findByText('To: the last day comes before the first.')).toBeInTheDocument();
    await waitFor(() => expect(to).toHaveFocus());
  });
});
