// A morning intention and an evening review, written from Today's New buttons: saved as entries,
// shown among today's entries; an evening review needs one answer, even a word.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/svelte';
import { listQuery } from '../backend';
import { openUnlocked } from '../../tests/unlocked';

const open = () => openUnlocked();

describe('morning intention and evening review', { timeout: 30000 }, () => {
  it('are written from Today and listed among today’s entries', async () => {
    const { fake, user } = await open();
    const group = screen.getByRole('group', { name: 'New entry' });
    const hour = new Date().getHours();
    const labels = within(group).getAllByRole('button').map((b) => b.textContent?.trim());
    expect(labels).toEqual(expect.arrayContaining(['+ Morning intention', '+ Evening review']));
    if (hour < 12) expect(labels[0]).toBe('+ Morning intention');
    if (hour >= 17) expect(labels[0]).toBe('+ Evening review');

    await user.click(within(group).getByRole('button', { name: '+ Morning intention' }));
    const intention = await screen.findByLabelText('What I mean to carry through today');
    expect(intention).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Intention: please fill this in.');
    await user.type(intention, 'Go gently with myself');
    await user.type(screen.getByLabelText(/One small step for my recovery/), 'Call Sam at lunch');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Morning intention saved.')).toBeInTheDocument();

    await user.click(within(screen.getByRole('group', { name: 'New entry' })).getByRole('button', { name: '+ Evening review' }));
    await screen.findByLabelText('What went well');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('What went well: answer at least one question, even in a word.');
    expect(screen.getByLabelText('What went well')).toHaveFocus();
    await user.click(within(screen.getByRole('radiogroup', { name: 'Peak stress today' })).getByRole('radio', { name: '6' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Evening review saved.')).toBeInTheDocument();

    const list = await screen.findByRole('list', { name: "Today's entries list" });
    expect(list).toHaveTextContent('Go gently with myself');
    expect(list).toHaveTextContent('Peak stress 6');
    const saved = (await fake.listRecords(listQuery({ kinds: ['morning', 'evening'] }))).records.map((r) => r.body);
    expect(saved).toEqual([
      { kind: 'evening', wentWell: '', wasHard: '', peakStress: 6, grateful: '' },
      { kind: 'morning', intention: 'Go gently with myself', oneStep: 'Call Sam at lunch' },
    ]);
  });
});
