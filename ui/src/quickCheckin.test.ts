// The tray's "Quick check-in" (the shell's keel://quick-checkin event): Today with its check-in
// focused, from any screen or an open editor; while locked nothing opens, and unlocking lands on
// the check-in.
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { AppState } from './lib/app.svelte';
import { FakeBackend } from './lib/backend/fake';

const PASS = 'maple orbit quietly';

beforeAll(async () => {
  await import('./lib/views/Shell.svelte');
}, 30_000);

async function start() {
  const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: Array.from({ length: 13 }, () => 'AB00C') });
  const app = new AppState(fake);
  const user = userEvent.setup();
  render(App, { props: { app } });
  return { app, fake, user };
}

async function unlock(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
  await screen.findByRole('radiogroup', { name: 'Stress' }, { timeout: 15000 });
}

/** The focus is on the stress scale of Today's quick check-in. */
const onStress = () => expect(document.activeElement?.closest('[role=radiogroup]')).toBe(screen.getByRole('radiogroup', { name: 'Stress' }));

describe("the tray's quick check-in", () => {
  it('opens Today with the check-in focused, from another screen or an editor', async () => {
    const { app, fake, user } = await start();
    await unlock(user);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    fake.emitQuickCheckin();
    await waitFor(onStress);
    expect(app.view).toBe('today');

    // From an open editor: left, as the sidebar leaves it.
    await user.click(screen.getByRole('button', { name: '+ Journal entry' }));
    await screen.findByRole('heading', { level: 1, name: 'New journal' });
    fake.emitQuickCheckin();
    await waitFor(onStress);
    expect(app.editing).toBeNull();
  });

  it('takes the focus back to the check-in when Today is already open, on the number chosen', async () => {
    const { fake, user } = await start();
    await unlock(user);
    await waitFor(onStress);
    await user.keyboard('7');
    const note = screen.getByLabelText(/^Note/);
    await user.click(note);
    expect(note).toHaveFocus();
    fake.emitQuickCheckin();
    await waitFor(onStress);
    expect(document.activeElement).toHaveAttribute('value', '7');
    expect((document.activeElement as HTMLInputElement).checked, 'what was chosen stays').toBe(true);
  });

  it('while locked opens nothing; unlocking lands on the check-in', async () => {
    const { app, fake, user } = await start();
    await screen.findByLabelText('Passphrase');
    fake.emitQuickCheckin();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.phase).toBe('locked');
    expect(screen.queryByRole('radiogroup', { name: 'Stress' })).toBeNull();
    await unlock(user);
    await waitFor(onStress);
  });

  it('stops listening when the app is gone', async () => {
    const { fake, app } = await start();
    const other = new AppState(fake);
    const heard = { app: 0, other: 0 };
    for (const [a, key] of [[app, 'app'], [other, 'other']] as const) {
      const quick = a.quickCheckin.bind(a);
      a.quickCheckin = () => ((heard[key] += 1), quick());
    }
    const { unmount } = render(App, { props: { app: other } });
    await waitFor(() => expect([app.phase, other.phase]).toEqual(['locked', 'locked']));
    fake.emitQuickCheckin();
    expect(heard).toEqual({ app: 1, other: 1 });
    unmount();
    fake.emitQuickCheckin();
    expect(heard).toEqual({ app: 2, other: 1 });
  });
});
