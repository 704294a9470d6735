import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import ChipPicker from './ChipPicker.svelte';

function setup(value: string[], recent: string[] = []) {
  const props = $state({ label: 'Feelings', id: 'f', field: 'emotions', value, common: ['calm', 'sad'], recent });
  render(ChipPicker, { props });
  return props;
}

describe('ChipPicker', () => {
  it('offers the chosen words, the common set and recent ones once each, and toggles with a tap', async () => {
    const user = userEvent.setup();
    const p = setup(['Relieved'], ['SAD', 'proud']);
    const names = screen.getAllByRole('button', { pressed: undefined }).filter((b) => b.classList.contains('chip')).map((b) => b.textContent);
    expect(names).toEqual(['Relieved', 'calm', 'sad', 'proud']);
    expect(screen.getByRole('button', { name: 'Relieved' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'calm' }));
    flushSync();
    expect(p.value).toEqual(['Relieved', 'calm']);
    await user.click(screen.getByRole('button', { name: 'Relieved' }));
    flushSync();
    expect(p.value).toEqual(['calm']);
  });

  it('adds the person\'s own words with Enter, without submitting the form around it', async () => {
    const user = userEvent.setup();
    const submit = vi.fn((e: Event) => e.preventDefault());
    const form = document.createElement('form');
    form.addEventListener('submit', submit);
    document.body.append(form);
    const props = $state({ label: 'Triggers', id: 't', field: 'triggers', value: [] as string[], common: ['work'] });
    render(ChipPicker, { props, target: form });
    await user.type(screen.getByLabelText('Add your own (triggers)'), 'a long drive, Work{Enter}');
    flushSync();
    expect(props.value, 'a word already chosen in another case is not added twice').toEqual(['a long drive', 'Work']);
    expect(submit).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Add your own (triggers)') as HTMLInputElement).value).toBe('');
    form.remove();
  });
});
