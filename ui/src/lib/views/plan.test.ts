// The crisis plan: read calmly, edited in place, made on the first save; national lines added
// only when clicked; reachable from every screen (the sidebar, Ctrl+Shift+P, the word after a
// lapse); an opt-in copy for the lock screen, and the lock screen showing it only when it exists.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../../App.svelte';
import { AppState } from '../app.svelte';
import type { FakeBackend } from '../backend/fake';
import { listQuery, type CrisisPlanDto } from '../backend';
import { emptyCrisisPlan, emptyJournal } from '../kinds';
import { SUGGESTED_LINES, hasLine } from '../crisisPlan';
import { fakeJournal, openUnlocked } from '../../tests/unlocked';

const fakeVault = fakeJournal;
const open = (seed?: (fake: FakeBackend) => void, fake?: FakeBackend) => openUnlocked({ seed, fake });

const PLAN = {
  ...emptyCrisisPlan(),
  warningSigns: ['Not sleeping', 'Skipping group'],
  onMyOwn: ['A hot shower'],
  people: [{ name: 'Sam', phone: '555 0100', note: 'Evenings' }],
  reasons: ['My daughter'],
};

async function plans(fake: FakeBackend) {
  return (await fake.listRecords(listQuery({ kinds: ['crisis-plan'] }))).records;
}

async function toPlan(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Crisis plan' }));
  return screen.findByRole('heading', { level: 1, name: 'My crisis plan' });
}

describe('the crisis plan screen', { timeout: 30000 }, () => {
  it('shows the plan in its sections, the numbers large, and says what is not written yet', async () => {
    const { user } = await open((f) => void f.insert(PLAN));
    await toPlan(user);
    const signs = await screen.findByRole('region', { name: 'Signs a hard time is starting' });
    expect(within(signs).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Not sleeping', 'Skipping group']);
    const people = screen.getByRole('region', { name: 'People I can ask for help' });
    expect(within(people).getByText('555 0100')).toHaveClass('plan-phone');
    expect(people).toHaveTextContent('Sam');
    // An empty section says what could go there, calmly.
    expect(screen.getByRole('region', { name: 'Making my surroundings safer' })).toHaveTextContent('What I can put away');
    expect(screen.queryByRole('heading', { name: 'Not written yet' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit my plan' })).toBeInTheDocument();
  });

  it('is made on the first save, edited in place, and Cancel keeps what was saved', async () => {
    const { user, fake } = await open();
    await toPlan(user);
    expect(await screen.findByRole('heading', { name: 'Not written yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Write my plan' }));
    const signs = screen.getByLabelText('Signs a hard time is starting');
    expect(signs).toHaveFocus();
    await user.type(signs, 'Not sleeping{Enter}Not sleeping{Enter}  {Enter}Cancelling plans');
    await user.click(screen.getByRole('button', { name: 'Add a person' }));
    const person = screen.getByRole('group', { name: 'Person 1' });
    expect(within(person).getByLabelText('Name')).toHaveFocus();
    await user.type(within(person).getByLabelText('Name'), ' Ana ');
    await user.type(within(person).getByLabelText('Phone'), '555 0199');
    await user.type(screen.getByLabelText('My reasons to keep going'), 'The garden');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('button', { name: 'Edit my plan' });
    expect(await screen.findByText('Your crisis plan is saved.')).toBeInTheDocument();
    const [saved] = await plans(fake);
    expect(saved.body).toMatchObject({
      warningSigns: ['Not sleeping', 'Cancelling plans'],
      people: [{ name: 'Ana', phone: '555 0199', note: '' }],
      reasons: ['The garden'],
      professionals: [],
    });
    expect(screen.getByRole('region', { name: 'People I can ask for help' })).toHaveTextContent('555 0199');

    // A second save changes the same record; Cancel leaves it as it was.
    await user.click(screen.getByRole('button', { name: 'Edit my plan' }));
    await user.click(screen.getByRole('button', { name: 'Remove Ana' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('region', { name: 'People I can ask for help' })).toHaveTextContent('Ana');
    await user.click(screen.getByRole('button', { name: 'Edit my plan' }));
    await user.type(screen.getByLabelText('Things I can do on my own'), 'A walk');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Edit my plan' });
    const all = await plans(fake);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: saved.id, revision: 2, body: { onMyOwn: ['A walk'], people: [{ name: 'Ana' }] } });
  });

  it('a person without a name is named as the field to fix, and nothing is saved', async () => {
    const { user, fake } = await open();
    await toPlan(user);
    await user.click(await screen.findByRole('button', { name: 'Write my plan' }));
    await user.click(screen.getByRole('button', { name: 'Add a line' }));
    await user.type(within(screen.getByRole('group', { name: 'Line 1' })).getByLabelText('Phone'), '988');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Professionals and lines: each person or line needs a name.');
    expect(within(screen.getByRole('group', { name: 'Line 1' })).getByLabelText('Name')).toHaveFocus();
    expect(await plans(fake)).toHaveLength(0);
  });

  it('offers national lines, each added only when its button is clicked', async () => {
    const { user, fake } = await open((f) => void f.insert(PLAN));
    await toPlan(user);
    const lines = await screen.findByRole('region', { name: 'Lines you can add' });
    expect(lines).toHaveTextContent('Keel never calls anyone');
    expect(lines).toHaveTextContent('check that a number works where you are');
    expect(within(lines).getAllByRole('button', { name: /^Add / })).toHaveLength(SUGGESTED_LINES.length);

    // Editing and saving without a click adds none of them.
    await user.click(screen.getByRole('button', { name: 'Edit my plan' }));
    expect(screen.queryByRole('group', { name: 'Line 1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Edit my plan' });
    expect((await plans(fake))[0].body).toMatchObject({ professionals: [] });

    // In the editor, a click puts the line among the rows, to save with the rest.
    await user.click(screen.getByRole('button', { name: 'Edit my plan' }));
    await user.click(screen.getByRole('button', { name: 'Add to my plan: Samaritans (UK and Ireland)' }));
    const row = screen.getByRole('group', { name: 'Line 1' });
    expect(within(row).getByLabelText('Name')).toHaveValue('Samaritans');
    expect(within(row).getByLabelText('Phone')).toHaveValue('116 123');
    expect(screen.queryByRole('button', { name: 'Add to my plan: Samaritans (UK and Ireland)' }), 'offered once').toBeNull();
    expect((await plans(fake))[0].body, 'not saved until Save').toMatchObject({ professionals: [] });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Edit my plan' });

    // Reading the plan, a click adds the line and saves it at once.
    await user.click(screen.getByRole('button', { name: 'Add to my plan: 988 Suicide & Crisis Lifeline (United States)' }));
    await waitFor(async () => expect((await plans(fake))[0].body).toMatchObject({ professionals: [{ name: 'Samaritans' }, { name: '988 Suicide & Crisis Lifeline', phone: '988' }] }));
    expect(screen.getByRole('region', { name: 'Professionals and lines open any hour' })).toHaveTextContent('988');
    const body = (await plans(fake))[0].body;
    if (body.kind !== 'crisis-plan') throw new Error('a crisis plan');
    expect(SUGGESTED_LINES.filter((l) => hasLine(body.professionals, l)).map((l) => l.id)).toEqual(['us-988', 'uk-ie-samaritans']);
  });

  it('a line already in the plan by its name is not offered again; the same digits elsewhere are another line', () => {
    const ca = SUGGESTED_LINES.find((l) => l.id === 'ca-988')!;
    expect(hasLine([{ name: ' 9-8-8 suicide crisis helpline ', phone: '', note: '' }], ca)).toBe(true);
    expect(hasLine([{ name: '988 Suicide & Crisis Lifeline', phone: '988', note: '' }], ca), 'the US line is not Canada’s').toBe(false);
  });

  it('the lock screen copy: off by default, on sends the plan, a save updates it, off sends null', async () => {
    const fake = fakeVault();
    const set = vi.spyOn(fake, 'setLockScreenPlan');
    const { user } = await open((f) => void f.insert(PLAN), fake);
    await toPlan(user);
    const box = await screen.findByRole('checkbox', { name: 'Show my crisis plan on the lock screen' });
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/stored outside your encrypted journal, so anyone at this computer could read it/);

    await user.click(box);
    await waitFor(() => expect(set).toHaveBeenCalledTimes(1));
    const plan: CrisisPlanDto = {
      warningSigns: PLAN.warningSigns,
      onMyOwn: PLAN.onMyOwn,
      takeMyMindOff: [],
      people: PLAN.people,
      professionals: [],
      saferSurroundings: [],
      reasons: PLAN.reasons,
    };
    expect(set).toHaveBeenLastCalledWith(plan);
    expect(box).toBeChecked();
    expect(fake.lockScreenCopy).toEqual(plan);

    await user.click(screen.getByRole('button', { name: 'Edit my plan' }));
    await user.type(screen.getByLabelText('My reasons to keep going'), '{Enter}Spring');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(set).toHaveBeenCalledTimes(2));
    expect(fake.lockScreenCopy?.reasons).toEqual(['My daughter', 'Spring']);

    await user.click(screen.getByRole('checkbox', { name: 'Show my crisis plan on the lock screen' }));
    await waitFor(() => expect(set).toHaveBeenCalledTimes(3));
    expect(set).toHaveBeenLastCalledWith(null);
    expect(fake.lockScreenCopy).toBeNull();
  });

  it('the option shows as on when a copy already exists', async () => {
    const fake = fakeVault();
    fake.lockScreenCopy = { ...emptyCrisisPlan(), reasons: ['x'] };
    const { user } = await open(() => {}, fake);
    await toPlan(user);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Show my crisis plan on the lock screen' })).toBeChecked());
  });
});

describe('reaching the crisis plan', { timeout: 30000 }, () => {
  it('Ctrl+Shift+P opens it from any screen, an editor included; Help lists the shortcut', async () => {
    const { user } = await open();
    for (const from of ['Today', 'History', 'Help'] as const) {
      await user.click(screen.getByRole('button', { name: from }));
      await user.keyboard('{Control>}{Shift>}P{/Shift}{/Control}');
      expect(await screen.findByRole('heading', { level: 1, name: 'My crisis plan' }), from).toBeInTheDocument();
    }
    await user.click(screen.getByRole('button', { name: 'Help' }));
    expect(screen.getByText('Open your crisis plan, from any screen.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await user.click(await screen.findByRole('button', { name: '+ Journal entry' }));
    await screen.findByRole('heading', { name: 'New journal' });
    await user.keyboard('{Control>}{Shift>}P{/Shift}{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: 'My crisis plan' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Crisis plan' })).toHaveAttribute('aria-current', 'page');
  });

  it('Ctrl+P alone (printing) does not open it, nor does Ctrl+Shift+P while locked', async () => {
    const { user, app } = await open();
    await user.keyboard('{Control>}p{/Control}');
    expect(screen.queryByRole('heading', { level: 1, name: 'My crisis plan' })).toBeNull();
    await app.lock();
    await screen.findByLabelText('Passphrase');
    fireEvent.keyDown(window, { key: 'P', ctrlKey: true, shiftKey: true });
    expect(app.view).toBe('today');
  });

  it('after a lapse, "My crisis plan" replaces "People to reach", beside a coping skill', async () => {
    const { user, app } = await open();
    app.afterLapse = true;
    const card = (await screen.findByRole('heading', { name: 'Thank you for writing it down' })).closest('section') as HTMLElement;
    expect(within(card).getByRole('button', { name: 'Log a coping skill' })).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'People to reach' })).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'My crisis plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My crisis plan' })).toBeInTheDocument();
  });
});

describe('the lock screen', { timeout: 30000 }, () => {
  it('has no crisis plan button when no copy is kept', async () => {
    const fake = fakeVault();
    const asked = vi.spyOn(fake, 'lockScreenPlan');
    render(App, { props: { app: new AppState(fake) } });
    await screen.findByLabelText('Passphrase');
    await waitFor(() => expect(asked).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'My crisis plan' })).toBeNull();
  });

  it('shows the kept copy read-only, and goes back to unlock', async () => {
    const fake = fakeVault();
    fake.lockScreenCopy = { ...emptyCrisisPlan(), professionals: [{ name: 'Crisis line', phone: '988', note: 'Any hour' }], reasons: ['My daughter'] };
    fake.insert({ ...emptyJournal(), text: 'private words' });
    const user = userEvent.setup();
    render(App, { props: { app: new AppState(fake) } });
    await user.click(await screen.findByRole('button', { name: 'My crisis plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My crisis plan' })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Professionals and lines open any hour' })).toHaveTextContent('988');
    expect(screen.getByRole('region', { name: 'My reasons to keep going' })).toHaveTextContent('My daughter');
    expect(screen.queryByRole('region', { name: 'Signs a hard time is starting' }), 'empty sections left out').toBeNull();
    expect(screen.queryByRole('button', { name: /Edit|Add/ }), 'read-only').toBeNull();
    expect(screen.queryByText('private words')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to unlock' }));
    expect(await screen.findByLabelText('Passphrase')).toHaveFocus();
  });
});
