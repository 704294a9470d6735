// The questionnaires (PHQ-9, GAD-7) through the app over the fake journal: taking one and its
// result in plain words, a question left unanswered, the calm page after PHQ-9 question 9 above
// 0 (and never otherwise), the results over time with a meaningful change said in words, a
// result opened from History, and the authors' credit in Help.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type userEvent from '@testing-library/user-event';
import { listQuery } from '../backend';
import type { FakeBackend } from '../backend/fake';
import { KEPT_NOTE, emptyCrisisPlan, type Body } from '../kinds';
import { SUGGESTED_LINES } from '../crisisPlan';
import { instrument } from '../instruments';
import { localRfc3339 } from '../time';
import { openUnlocked } from '../../tests/unlocked';

type User = ReturnType<typeof userEvent.setup>;

const PHQ9 = instrument('phq9')!;
const GAD7 = instrument('gad7')!;

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

async function toQuestionnaires(user: User) {
  await user.click(screen.getByRole('button', { name: 'Questionnaires' }));
  return screen.findByRole('heading', { level: 1, name: 'Questionnaires' });
}

/** Opens the questionnaire and answers its items (null leaves one), by the answers' words. */
async function take(user: User, name: 'PHQ-9' | 'GAD-7', answers: (number | null)[]) {
  const form = name === 'PHQ-9' ? PHQ9 : GAD7;
  await user.click(await screen.findByRole('button', { name: `Take it: ${name}` }));
  await screen.findByRole('heading', { level: 1, name: form.title });
  for (const [i, a] of answers.entries()) {
    if (a === null) continue;
    const item = screen.getByRole('group', { name: `${i + 1}. ${form.items[i]}` });
    await user.click(within(item).getByRole('radio', { name: form.answers[a].label }));
  }
}

async function assessments(fake: FakeBackend) {
  return (await fake.listRecords(listQuery({ kinds: ['assessment'] }))).records;
}

const assessment = (instrumentId: string, answers: number[]): Body<'assessment'> => ({
  kind: 'assessment',
  instrument: instrumentId,
  answers,
  difficulty: null,
  note: '',
  total: null,
  band: null,
});

/** Answers adding up to `total`, question 9 of the PHQ-9 left at 0. */
function answersFor(items: number, total: number): number[] {
  return Array.from({ length: items }, (_, i) => (i < items - 1 ? Math.max(0, Math.min(3, total - 3 * i)) : 0));
}

/** Midday `days` ago, in the local offset. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  return localRfc3339(new Date(d.getTime() - days * 86400e3));
}

describe('Questionnaires', { timeout: 30000 }, () => {
  it('shows each questionnaire with what it asks and says they are screening tools, not a diagnosis', async () => {
    const { user } = await openUnlocked();
    await toQuestionnaires(user);
    expect(document.querySelector('main')).toHaveTextContent('They are screening tools, not a diagnosis. Your counsellor can help you read them');
    for (const form of [PHQ9, GAD7]) {
      const card = screen.getByRole('region', { name: form.name });
      expect(card).toHaveTextContent(form.about);
      expect(card).toHaveTextContent('Not taken yet.');
      expect(within(card).getByRole('button', { name: `Take it: ${form.name}` })).toHaveTextContent('Take it');
    }
  });

  it('takes a PHQ-9: saves the answers word for word and shows the total and its range in plain words', async () => {
    const { user, fake } = await openUnlocked();
    await toQuestionnaires(user);
    await take(user, 'PHQ-9', [0, 1, 2, 3, 0, 1, 2, 3, 0]);
    // The stem and every item come from the engine's data, numbered.
    expect(screen.getByText(PHQ9.stem)).toBeInTheDocument();
    expect(screen.getAllByRole('group').slice(0, 9).map((g) => g.querySelector('legend')?.textContent)).toEqual(PHQ9.items.map((t, i) => `${i + 1}. ${t}`));
    const difficulty = screen.getByRole('group', { name: new RegExp(`^${PHQ9.difficulty.question.replace(/[?()]/g, '.')}`) });
    await user.click(within(difficulty).getByRole('radio', { name: 'Somewhat difficult' }));
    await user.type(screen.getByLabelText(/^Note/), 'Before group');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('heading', { level: 1, name: 'Your PHQ-9 result' });
    const result = screen.getByRole('region', { name: 'Your PHQ-9 result' });
    expect(result).toHaveTextContent('PHQ-9 12 — moderate');
    expect(result).toHaveTextContent('A total of 12 out of 27, in the range called moderate (10 to 14).');
    expect(result).toHaveTextContent('How much these got in the way: Somewhat difficult');
    expect(result).toHaveTextContent('not a diagnosis');
    expect(screen.queryByRole('button', { name: 'Open my crisis plan' }), 'question 9 was 0: no crisis page').toBeNull();
    const [saved] = await assessments(fake);
    expect(saved.body).toEqual({
      kind: 'assessment',
      instrument: 'phq9',
      answers: [0, 1, 2, 3, 0, 1, 2, 3, 0],
      difficulty: 1,
      note: 'Before group',
      total: 12,
      band: 'moderate',
    });

    // Back on the overview, the latest result is there.
    await user.click(screen.getByRole('button', { name: 'Back to questionnaires' }));
    const card = await screen.findByRole('region', { name: 'PHQ-9' });
    await waitFor(() => expect(card).toHaveTextContent('Latest: 12 — moderate · Today'));
  });

  it('is answered from the keyboard: arrow keys choose an answer, Tab goes to the next question', async () => {
    const { user, fake } = await openUnlocked();
    await toQuestionnaires(user);
    await take(user, 'GAD-7', []);
    const first = screen.getByRole('group', { name: `1. ${GAD7.items[0]}` });
    within(first).getByRole('radio', { name: 'Not at all' }).focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(within(first).getByRole('radio', { name: 'More than half the days' })).toBeChecked();
    expect(within(first).getByRole('radio', { name: 'More than half the days' })).toHaveFocus();
    await user.tab();
    const second = screen.getByRole('group', { name: `2. ${GAD7.items[1]}` });
    expect(within(second).getByRole('radio', { name: 'Not at all' })).toHaveFocus();
    for (let i = 1; i < GAD7.items.length; i++) {
      await user.keyboard(' ');
      await user.tab();
    }
    // Past the last item: the difficulty question, then the note; Save from the keyboard.
    expect(screen.getByRole('radio', { name: 'Not difficult at all' })).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText(/^Note/)).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Your GAD-7 result' });
    const [saved] = await assessments(fake);
    expect(saved.body).toMatchObject({ answers: [2, 0, 0, 0, 0, 0, 0], difficulty: null, total: 2, band: 'minimal' });
  });

  it('names the first question left unanswered, puts the focus on it and saves nothing', async () => {
    const { user, fake } = await openUnlocked();
    await toQuestionnaires(user);
    await take(user, 'PHQ-9', [1, 1, null, 1, null, 1, 1, 1, 0]);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Question 3 has no answer yet.');
    const third = screen.getByRole('group', { name: `3. ${PHQ9.items[2]}` });
    expect(third).toHaveAccessibleDescription('No answer yet');
    await waitFor(() => expect(within(third).getByRole('radio', { name: 'Not at all' })).toHaveFocus());
    expect(await assessments(fake)).toHaveLength(0);

    // Question 3 answered: question 5 is named next.
    await user.click(within(third).getByRole('radio', { name: 'Several days' }));
    expect(screen.queryByRole('alert'), 'the message about question 3 goes once it is answered').toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Question 5 has no answer yet.');
    await user.click(within(screen.getByRole('group', { name: `5. ${PHQ9.items[4]}` })).getByRole('radio', { name: 'Not at all' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 1, name: 'Your PHQ-9 result' });
    expect(await assessments(fake)).toHaveLength(1);
  });

  it('after PHQ-9 question 9 above 0, shows a calm page with the crisis plan and lines first, and its button opens the plan', async () => {
    const { user, fake, app } = await openUnlocked({
      seed: (f) =>
        void f.insert({
          ...emptyCrisisPlan(),
          people: [{ name: 'Sam', phone: '555 0100', note: '' }],
          professionals: [{ name: 'Dr. Rivera', phone: '555 0142', note: 'Weekdays' }],
        }),
    });
    await toQuestionnaires(user);
    await take(user, 'PHQ-9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Thank you for your answers' });
    await waitFor(() => expect(heading).toHaveFocus());
    const page = screen.getByRole('region', { name: 'Before your result' });
    expect(page).toHaveTextContent('Your answer to question 9');
    expect(page).toHaveTextContent("you don't have to carry it on your own");
    expect(page).toHaveTextContent('Keel never calls anyone');
    // Their own people and lines, then the national lines.
    expect(await within(page).findByRole('region', { name: 'My professionals and lines' })).toHaveTextContent('Dr. Rivera 555 0142 Weekdays');
    expect(within(page).getByRole('region', { name: 'People I can ask for help' })).toHaveTextContent('Sam 555 0100');
    const lines = within(page).getByRole('region', { name: 'Lines open any hour' });
    for (const line of SUGGESTED_LINES) expect(lines).toHaveTextContent(`${line.name}`);
    // Calm: the accent only, nothing in the error or danger colours, nothing that blocks.
    expect(page.querySelector('.error, .danger, [role=alert], dialog')).toBeNull();
    expect(screen.queryByText(/total of/), 'the result waits behind Continue').toBeNull();
    // Saved already: the page never holds the answers back.
    expect((await assessments(fake))[0].body).toMatchObject({ answers: [0, 0, 0, 0, 0, 0, 0, 0, 1], total: 1, band: 'minimal' });

    await user.click(within(page).getByRole('button', { name: 'Open my crisis plan' }));
    await screen.findByRole('heading', { level: 1, name: 'My crisis plan' });
    expect(app.view).toBe('plan');
    expect(screen.getByRole('button', { name: 'Crisis plan' })).toHaveAttribute('aria-current', 'page');
  });

  it('Continue goes on from the calm page to the result, and a plan need not exist', async () => {
    const { user } = await openUnlocked();
    await toQuestionnaires(user);
    await take(user, 'PHQ-9', [3, 3, 3, 3, 3, 3, 3, 3, 2]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const page = await screen.findByRole('region', { name: 'Before your result' });
    expect(within(page).queryByRole('region', { name: 'My professionals and lines' })).toBeNull();
    expect(within(page).getByRole('region', { name: 'Lines open any hour' })).toHaveTextContent(SUGGESTED_LINES[0].phone);
    await user.click(within(page).getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Your PHQ-9 result' });
    expect(screen.getByRole('region', { name: 'Your PHQ-9 result' })).toHaveTextContent('PHQ-9 26 — severe');
  });

  it('a GAD-7, however high, goes straight to its result: only the PHQ-9 has a safety question', async () => {
    const { user } = await openUnlocked();
    await toQuestionnaires(user);
    await take(user, 'GAD-7', [3, 3, 3, 3, 3, 3, 3]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 1, name: 'Your GAD-7 result' });
    expect(screen.getByRole('region', { name: 'Your GAD-7 result' })).toHaveTextContent('GAD-7 21 — severe');
    expect(screen.queryByRole('button', { name: 'Open my crisis plan' })).toBeNull();
  });

  it('shows the results over time as a chart and a table, a meaningful change said in words', async () => {
    const { user, fake } = await openUnlocked();
    for (const [days, total] of [
      [42, 16],
      [28, 10],
      [14, 12],
    ] as const) {
      await fake.addRecord({ at: daysAgo(days), body: assessment('phq9', answersFor(9, total)) });
    }
    for (const [days, total] of [
      [20, 4],
      [6, 9],
    ] as const) {
      await fake.addRecord({ at: daysAgo(days), body: assessment('gad7', answersFor(7, total)) });
    }
    await toQuestionnaires(user);

    const phq = screen.getByRole('region', { name: 'PHQ-9' });
    await waitFor(() => expect(phq).toHaveTextContent('Latest: 12 — moderate'));
    expect(phq).toHaveTextContent('(2 weeks ago)');
    expect(phq).toHaveTextContent('Up 2 points since the time before.');
    expect(phq).toHaveTextContent('Down 4 points since your first one.');
    expect(phq, 'two weeks have passed').toHaveTextContent('ready again whenever suits you');
    const table = within(phq).getByRole('table', { name: 'Your PHQ-9 results, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['12', 'moderate', 'up 2'],
      ['10', 'moderate', 'down 6 (meaningful)'],
      ['16', 'moderately severe', '—'],
    ]);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Date', 'Total', 'Range', 'Change']);
    // The chart: a dot for each, a ring around the meaningful one, the five ranges behind them;
    // hidden from screen readers (the table says the same), no inline styles.
    const chart = phq.querySelector('svg.trend-chart') as SVGElement;
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    expect(chart.querySelectorAll('.trend-dot')).toHaveLength(3);
    expect(chart.querySelectorAll('.trend-ring')).toHaveLength(1);
    expect([...chart.querySelectorAll('.trend-band-label')].map((t) => t.textContent)).toEqual(PHQ9.bands.map((b) => b.band));
    expect(chart.querySelector('[style]')).toBeNull();

    // A rise is said as plainly as a fall, never in the danger colour.
    const gad = screen.getByRole('region', { name: 'GAD-7' });
    await waitFor(() => expect(gad).toHaveTextContent('Up 5 points since the time before — a meaningful change.'));
    expect(gad.querySelector('.error, .danger')).toBeNull();
  });

  it('a long history shows the newest eight results in the table, and all of them on request', async () => {
    const { user, fake } = await openUnlocked();
    for (let i = 0; i < 10; i++) await fake.addRecord({ at: daysAgo(14 * (10 - i)), body: assessment('gad7', answersFor(7, 12 - i)) });
    await toQuestionnaires(user);
    const gad = screen.getByRole('region', { name: 'GAD-7' });
    const table = await within(gad).findByRole('table', { name: 'Your GAD-7 results, newest first' });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(8);
    expect(within(within(table).getAllByRole('row')[1]).getAllByRole('cell')[0]).toHaveTextContent('3');
    await user.click(within(gad).getByRole('button', { name: 'Show all 10 GAD-7 results' }));
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(10);
    await user.click(within(gad).getByRole('button', { name: 'Show the newest 8 only' }));
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(8);
  });

  it('the result after saving says a meaningful change since the time before', async () => {
    const { user, fake } = await openUnlocked();
    await fake.addRecord({ at: daysAgo(14), body: assessment('phq9', answersFor(9, 15)) });
    await toQuestionnaires(user);
    await take(user, 'PHQ-9', [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const result = await screen.findByRole('region', { name: 'Your PHQ-9 result' });
    await waitFor(() => expect(result).toHaveTextContent('Down 7 points since the time before — a meaningful change.'));
  });

  it('a questionnaire opened from History reads as its result, and Close goes back', async () => {
    const { user, fake, app } = await openUnlocked();
    await fake.addRecord({ at: daysAgo(3), body: { ...assessment('gad7', [2, 2, 2, 2, 1, 1, 0]), note: 'after a long week' } });
    app.changed();
    await user.click(screen.getByRole('button', { name: 'History' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const row = await within(timeline).findByRole('button', { name: /GAD-7: 10 \(moderate\)/ });
    await user.click(row);

    const view = await screen.findByRole('region', { name: 'Questionnaire' });
    expect(view).toHaveTextContent('GAD-7 10 — moderate');
    expect(view).toHaveTextContent('A total of 10 out of 21, in the range called moderate (10 to 14).');
    expect(view).toHaveTextContent('Note: after a long week');
    expect(view).not.toHaveTextContent(KEPT_NOTE);
    await user.click(within(view).getByRole('button', { name: 'Close' }));
    await screen.findByRole('list', { name: 'Timeline' });
    expect(app.view).toBe('history');
  });
});

describe('Help', () => {
  it('says what the questionnaires are and credits their authors as their data does', async () => {
    const { user } = await openUnlocked();
    await user.click(screen.getByRole('button', { name: 'Help' }));
    const section = await screen.findByRole('region', { name: 'Questionnaires' });
    expect(section).toHaveTextContent('They are screening tools, not a diagnosis');
    expect(section).toHaveTextContent('A change of 5 points on the PHQ-9 or 4 points on the GAD-7');
    for (const form of [PHQ9, GAD7]) {
      expect(section).toHaveTextContent(form.about);
      expect(section).toHaveTextContent(form.credit);
    }
    expect(section).toHaveTextContent('Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues');
    expect(section).toHaveTextContent('Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006');
  });
});
