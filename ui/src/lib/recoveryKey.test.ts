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

  it('shows every group and rejects a wrong group', async () => {
    const user = userEvent.setup();
    const ondone = vi.fn();
    render(RecoveryKeyShow, { groups: GROUPS, ondone });
    expect(screen.getAllByRole('listitem')).toHaveLength(13);
    const n = asked();
    const wrong = GROUPS[n % 13 === 0 ? 0 : n % 13];
    await user.type(screen.getByLabelText(/type group/i), wrong);
    await user.click(screen.getByRole('button', { name: /continue/i }));
    expect(ondone, 'a wrong group must not let the user go on').not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(`doesn't match group ${n}`);
  });

  it('accepts the asked group in any case', async () => {
    const user = userEvent.setup();
    const ondone = vi.fn();
    render(RecoveryKeyShow, { groups: GROUPS, ondone });
    const n = asked();
    await user.type(screen.getByLabelText(/type group/i), GROUPS[n - 1].toLowerCase() + '{Enter}');
    expect(ondone).toHaveBeenCalledOnce();
  });
});
