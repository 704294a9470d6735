// The thought record with the fake backend: written step by step from Today's New buttons, the
// change in each mood shown as it is rated again and when the saved record is opened from
// History; one hot thought at most; a mood without a number says so; the situation is asked for.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { listQuery } from '../backend';
import { emptyThoughtRecord } from '../kinds';
import { openUnlocked } from '../../tests/unlocked';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

async function records(fake: FakeBackend) {
  return (await fake.listRecords(listQuery({ kinds: ['thought-record'] }))).records;
}

async function openNew() {
  const opened = await openUnlocked();
  await opened.user.click(screen.getByRole('button', { name: '+ Thought record' }));
  const form = await screen.findByRole('form', { name: 'New thought record' });
  return { ...opened, form };
}

const step = (form: HTMLElement, legend: RegExp) => within(form).getByRole('group', { name: legend });

describe('the thought record', { timeout: 30000 }, () => {
  it('is written step by step, shows each mood’s change, and is saved as written', async () => {
    const { fake, user, form } = await openNew();
    const situation = within(form).getByLabelText('The situation');
    expect(situation).toHaveFocus();
    expect(situation).toHaveAccessibleDescription(/What happened, where and when/);
    await user.type(situation, 'Boss frowned at my report');

    const moods = step(form, /^2\. Moods/);
    await user.type(within(moods).getByLabelText('Mood 1'), 'Anxious');
    await user.type(within(moods).getByLabelText('How strong, 0 to 100: Anxious'), '80');
    await user.click(within(moods).getByRole('button', { name: 'Add a mood' }));
    expect(within(moods).getByLabelText('Mood 2')).toHaveFocus();
    await user.keyboard('Ashamed');
    await user.type(within(moods).getByLabelText('How strong, 0 to 100: Ashamed'), '50');

    const thoughts = step(form, /^3\. Automatic thoughts/);
    await user.type(within(thoughts).getByLabelText('Thought 1'), "I'll be fired");
    await user.click(within(thoughts).getByRole('button', { name: 'Add a thought' }));
    expect(within(thoughts).getByLabelText('Thought 2')).toHaveFocus();
    await user.keyboard('Everyone noticed');
    await user.click(within(thoughts).getByRole('radio', { name: 'The hot thought: thought 1' }));

    const support = step(form, /^4\. What supports the hot thought/);
    expect(support, 'the hot thought is quoted where it is weighed').toHaveTextContent('“I\'ll be fired”');
    await user.type(within(support).getByLabelText('What supports the hot thought'), 'He frowned');
    await user.type(within(form).getByLabelText("What doesn't fit it"), 'He frowns at everything');
    await user.type(within(form).getByLabelText('A more balanced thought'), 'One frown is not a verdict');
    await user.type(within(form).getByLabelText('How much I believe it, 0 to 100'), '60');

    const again = step(form, /^7\. Moods now/);
    expect(again).toHaveTextContent('Anxious 80, not rated again yet');
    await user.type(within(again).getByLabelText('Anxious now, 0 to 100'), '40');
    expect(again).toHaveTextContent('Anxious 80 → 40, down 40');
    expect(again).toHaveTextContent('Ashamed 50, not rated again yet');

    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Thought record saved.')).toBeInTheDocument();
    const [saved] = await records(fake);
    expect(saved.body).toEqual({
      kind: 'thought-record',
      situation: 'Boss frowned at my report',
      moods: [
        { name: 'Anxious', before: 80, after: 40 },
        { name: 'Ashamed', before: 50, after: null },
      ],
      thoughts: [
        { text: "I'll be fired", hot: true },
        { text: 'Everyone noticed', hot: false },
      ],
      evidenceFor: 'He frowned',
      evidenceAgainst: 'He frowns at everything',
      balanced: 'One frown is not a verdict',
      belief: 60,
    });

    // Listed with its summary, and opened from History with the change in view.
    await user.click(screen.getByRole('button', { name: 'History' }));
    const row = await screen.findByRole('button', { name: /Boss frowned at my report · Anxious 80 → 40/ });
    await user.click(row);
    const edit = await screen.findByRole('form', { name: 'Edit thought record' });
    expect(step(edit, /^7\. Moods now/)).toHaveTextContent('Anxious 80 → 40, down 40');
    expect(within(edit).getByRole('radio', { name: 'The hot thought: thought 1' })).toBeChecked();
    await user.clear(within(edit).getByLabelText('Ashamed now, 0 to 100'));
    await user.type(within(edit).getByLabelText('Ashamed now, 0 to 100'), '65');
    expect(step(edit, /^7\. Moods now/)).toHaveTextContent('Ashamed 50 → 65, up 15');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await screen.findByText('Changes saved.');
    const all = await records(fake);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ revision: 2, body: { moods: [{ name: 'Anxious', after: 40 }, { name: 'Ashamed', before: 50, after: 65 }] } });
  });

  it('marks one hot thought at most: marking another moves the mark, and it can be taken off', async () => {
    const { fake, user, form } = await openNew();
    await user.type(within(form).getByLabelText('The situation'), 'Missed the bus');
    const thoughts = step(form, /^3\. Automatic thoughts/);
    await user.type(within(thoughts).getByLabelText('Thought 1'), 'I always mess up');
    await user.click(within(thoughts).getByRole('button', { name: 'Add a thought' }));
    await user.keyboard('They will be annoyed');
    await user.click(within(thoughts).getByRole('radio', { name: 'The hot thought: thought 1' }));
    await user.click(within(thoughts).getByRole('radio', { name: 'The hot thought: thought 2' }));
    expect(within(thoughts).getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(1);
    expect(step(form, /^4\./)).toHaveTextContent('“They will be annoyed”');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Thought record saved.');
    expect((await records(fake))[0].body).toMatchObject({
      thoughts: [
        { text: 'I always mess up', hot: false },
        { text: 'They will be annoyed', hot: true },
      ],
    });

    // Taken off again, none is hot; removing the marked thought takes its mark with it.
    await user.click(screen.getByRole('button', { name: '+ Thought record' }));
    const next = await screen.findByRole('form', { name: 'New thought record' });
    await user.type(within(next).getByLabelText('The situation'), 'Call with Mum');
    const list = step(next, /^3\./);
    await user.type(within(list).getByLabelText('Thought 1'), 'She is disappointed');
    await user.click(within(list).getByRole('radio', { name: 'The hot thought: thought 1' }));
    await user.click(within(list).getByRole('button', { name: 'Unmark the hot thought' }));
    expect(within(list).getByRole('radio', { name: 'The hot thought: thought 1' })).not.toBeChecked();
    await user.click(within(list).getByRole('radio', { name: 'The hot thought: thought 1' }));
    await user.click(within(list).getByRole('button', { name: 'Remove thought 1' }));
    expect(within(list).queryByRole('radio', { checked: true })).toBeNull();
    await user.click(within(next).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await records(fake)).toHaveLength(2));
    const second = (await records(fake)).find((r) => r.body.kind === 'thought-record' && r.body.situation === 'Call with Mum');
    expect(second?.body).toMatchObject({ thoughts: [] });
  });

  it('two hot thoughts are refused as the engine refuses them; saving with no situation asks for one and focuses it', async () => {
    const { app, user } = await openUnlocked();
    await expect(
      app.add({ ...emptyThoughtRecord(), situation: 'x', thoughts: [{ text: 'a', hot: true }, { text: 'b', hot: true }] }),
    ).rejects.toMatchObject({ code: 'InvalidInput', field: 'thoughts' });
    await user.click(screen.getByRole('button', { name: '+ Thought record' }));
    const form = await screen.findByRole('form', { name: 'New thought record' });
    // The situation is the one thing asked for.
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Situation: say what happened, in a few words.');
    expect(within(form).getByLabelText('The situation')).toHaveFocus();
  });

  it('a saved one opened and left unchanged closes with Esc without asking', async () => {
    const { user } = await openUnlocked({
      seed: (f) =>
        void f.insert({
          ...emptyThoughtRecord(),
          situation: 'Boss frowned',
          moods: [{ name: 'Anxious', before: 80, after: 40 }],
          thoughts: [{ text: "I'll be fired", hot: true }],
        }),
    });
    await user.click(screen.getByRole('button', { name: 'History' }));
    await user.click(await screen.findByRole('button', { name: /Boss frowned · Anxious 80 → 40/ }));
    await screen.findByRole('form', { name: 'Edit thought record' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit thought record' })).toBeNull());
    expect(screen.queryByText('Discard changes?')).toBeNull();
  });

  it('a mood named but not rated says how to keep it, and is left off until it has a number', async () => {
    const { fake, user, form } = await openNew();
    await user.type(within(form).getByLabelText('The situation'), 'Late again');
    const moods = step(form, /^2\. Moods/);
    await user.type(within(moods).getByLabelText('Mood 1'), 'Tense');
    const rating = within(moods).getByLabelText('How strong, 0 to 100: Tense');
    expect(rating).toHaveAccessibleDescription('Give it a number from 0 to 100 to keep it.');
    expect(step(form, /^7\./)).toHaveTextContent('Once a mood has a name and a number in step 2');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Thought record saved.');
    expect((await records(fake))[0].body).toMatchObject({ moods: [] });
  });
});
