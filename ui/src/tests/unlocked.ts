// How a screen test starts: the whole app over a fake journal, unlocked with the passphrase as
// a person types it, on Today. One place, so every view test starts the same way.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../App.svelte';
import { AppState } from '../lib/app.svelte';
import { FakeBackend } from '../lib/backend/fake';

export const PASS = 'maple orbit quietly';

/** A new fake journal with `PASS` (and a recovery key of repeated groups). */
export function fakeJournal(): FakeBackend {
  return new FakeBackend({ passphrase: PASS, recoveryGroups: Array.from({ length: 13 }, () => 'AB00C') });
}

export interface OpenOptions {
  /** Records to put in the journal before it opens. */
  seed?: (fake: FakeBackend) => void;
  /** The journal to open (default a new one). */
  fake?: FakeBackend;
  /** For tests on fake timers: how the typing waits. */
  advanceTimers?: (ms: number) => unknown;
}

/** Renders the app, unlocks it and waits for Today's check-in. */
export async function openUnlocked({ seed, fake = fakeJournal(), advanceTimers }: OpenOptions = {}) {
  seed?.(fake);
  const app = new AppState(fake);
  const user = userEvent.setup(advanceTimers ? { advanceTimers } : {});
  render(App, { props: { app } });
  await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
  await screen.findByRole('radiogroup', { name: 'Stress' }, { timeout: 15000 });
  return { app, fake, user };
}
