import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { groupMatches, normalizeGroup, pickGroup } from './recoveryKey';
import RecoveryKeyShow from './components/RecoveryKeyShow.svelte';

const GROUPS = Array.from({ length: 13 }, (_, i) => `K${String(i + 1).padStart(2, '0')}AB`);

describe('recovery key helpers', () => {
  it('ignores case, spaces and dashes', () => {
    expect(normalizeGroup(' k0-1 ab ')).toBe('K01AB');
    expect(groupMatches('ko1ab', 'K01AB')).toBe(true);
    expect(groupMatches('', 'K01AB')).toBe(false);
  });

  it('asks for a group other than the first, within range', () => {
    for (const r of [0, 0.5, 0.9999]) {
      const g = pickGroup(13, () => r);
      expect(g).toBeGreaterThanOrEqual(2);
      expect(g).toBeLessThanOrEqual(13);
    }
  });
});

describe('RecoveryKeyShow', () => {
  function asked(): number {
    const input = screen.getByLabelText(/type group \d+/i);
    const n = Number(/group (\d+)/i.exec(input.closest('form')!.querySelector('label')!.textContent!)![1]);
    return n;
  }

  const props = (over: Partial<{ onconfirm: (g: number, t: string) => Promise<void>; oncopy: () => Promise<number> }> = {}) => ({
    groups: GROUPS,
    onconfirm: vi.fn(async () => {}),
    oncopy: vi.fn(async () => 60),
    ...over,
  });

  it('shows every group and rejects a wrong group', async () => {
    const user = userEvent.setup();
    const p = props();
    const ondone = p.onconfirm;
    render(RecoveryKeyShow, p);
    expect(screen.getAllByRole('listitem')).toHaveLength(13);
    const n = asked();
    const wrong = GROUPS[n % 13 === 0 ? 0 : n % 13];
    await user.type(screen.getByLabelText(/type group/i), wrong);
    await user.click(screen.getByRole('button', { name: /continue/i }));
    expect(ondone, 'a wrong group must not let the user go on').not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(`doesn't match group ${n}`);
  });

  it('accepts the asked group in any case and hands it to the shell to confirm', async () => {
    const user = userEvent.setup();
    const p = props();
    render(RecoveryKeyShow, p);
    const n = asked();
    await user.type(screen.getByLabelText(/type group/i), GROUPS[n - 1].toLowerCase() + '{Enter}');
    expect(p.onconfirm).toHaveBeenCalledExactlyOnceWith(n, GROUPS[n - 1].toLowerCase());
  });

  it("shows the shell's refusal and stays on the key", async () => {
    const user = userEvent.setup();
    const p = props({ onconfirm: vi.fn(async () => Promise.reject({ code: 'VaultLocked', message: 'x', field: null, id: null, group: null, waitSeconds: null })) });
    render(RecoveryKeyShow, p);
    const n = asked();
    await user.type(screen.getByLabelText(/type group/i), GROUPS[n - 1] + '{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/Keel is locked/);
    expect(screen.getAllByRole('listitem')).toHaveLength(13);
  });

  it('copies through the shell and says when the clipboard will be cleared', async () => {
    const user = userEvent.setup();
    const p = props({ oncopy: vi.fn(async () => 45) });
    render(RecoveryKeyShow, p);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(p.oncopy).toHaveBeenCalledOnce();
    expect(await screen.findByRole('status')).toHaveTextContent('Keel will clear it from the clipboard in 45 seconds');
  });

  it('says so when the key could not be copied', async () => {
    const user = userEvent.setup();
    render(RecoveryKeyShow, props({ oncopy: vi.fn(async () => Promise.reject(new Error('no clipboard'))) }));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByRole('status')).toHaveTextContent("Couldn't copy. Write the key down or print it instead.");
  });
});
