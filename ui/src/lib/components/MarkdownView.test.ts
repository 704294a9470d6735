import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import MarkdownView from './MarkdownView.svelte';

const ADDRESS = 'https://example.org/login?next=%2Fhome';
const SOURCE = `Ask [my counsellor](${ADDRESS}) first.`;


function setup() {
  const user = userEvent.setup();
  render(MarkdownView, { props: { source: SOURCE } });
  const link = screen.getByRole('link', { name: 'my counsellor' });
  return { user, link };
}

/** Dispatches a cancellable mouse event and says whether something prevented its default. */
function prevented(el: Element, type: 'click' | 'auxclick', button = 0): boolean {
  const e = new MouseEvent(type, { bubbles: true, cancelable: true, button });
  el.dispatchEvent(e);
  return e.defaultPrevented;
}

describe('links in a note', () => {
  it('name their full address on hover and focus', () => {
    const { link } = setup();
    expect(link).toHaveAttribute('title', ADDRESS);
  });

  it('never open: a click is cancelled and a dialog says where the link goes', async () => {
    const { link } = setup();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(prevented(link, 'click'), 'the click must not navigate').toBe(true);
    const dialog = await screen.findByRole('dialog', { name: `This link goes to ${ADDRESS}` });
    expect(dialog).toHaveTextContent("Keel doesn't open web pages");
    expect(dialog).toHaveTextContent('copy the address into your browser');
    expect(dialog.querySelector('.mono')?.textContent).toBe(ADDRESS);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy address' })).toHaveFocus());
  });

  it('Enter on a link opens the dialog; Escape closes it, is used up, and focus goes back', async () => {
    const { user, link } = setup();
    link.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog')).toBeVisible();
    // As the editor around the preview (and the toasts) do: act on an Escape nothing else used.
    let leftEditor = false;
    const editor = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) leftEditor = true;
    };
    window.addEventListener('keydown', editor);
    await user.keyboard('{Escape}');
    window.removeEventListener('keydown', editor);
    expect(leftEditor, 'the Escape that closed the dialog did nothing else').toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(link).toHaveFocus());
  });

  it('Copy address copies the full address and says so', async () => {
    const { user, link } = setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    await user.click(link);
    await user.click(await screen.findByRole('button', { name: 'Copy address' }));
    expect(writeText).toHaveBeenCalledWith(ADDRESS);
    expect(screen.getByRole('status')).toHaveTextContent('Copied.');
  });

  it('says so when the address could not be copied, and starts afresh next time', async () => {
    const { user, link } = setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(link);
    await user.click(await screen.findByRole('button', { name: 'Copy address' }));
    expect(screen.getByRole('status')).toHaveTextContent("Couldn't copy.");
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(link);
    await screen.findByRole('dialog');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('a middle click is cancelled and opens the same dialog; other buttons open nothing', async () => {
    const { link } = setup();
    expect(prevented(link, 'auxclick', 2), 'right button').toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(prevented(link, 'auxclick', 1), 'middle button').toBe(true);
    expect(await screen.findByRole('dialog', { name: `This link goes to ${ADDRESS}` })).toBeVisible();
  });

  it('leaves clicks elsewhere in the note alone', () => {
    setup();
    expect(prevented(screen.getByText(/first\./), 'click')).toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
