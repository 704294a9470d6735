// Urge surfing on screen: started from Today or from the Coping skills screen, quiet prompts
// every five minutes (a polite live message and a rating, never a dialog), time left in words,
// and a coping-skill use saved at the end with the ratings along the way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { FakeBackend } from '../backend/fake';
import { listQuery } from '../backend';
import { openUnlocked } from '../../tests/unlocked';

const MIN = 60_000;

afterEach(() => {
  vi.useRealTimers();
});

// Clicks wait on timers, which are fake once the ride starts.
const open = () => openUnlocked({ advanceTimers: (ms) => (vi.isFakeTimers() ? vi.advanceTimersByTime(ms) : undefined) });

/** Time passes for the ride (the app's other timers started before, on the real clock). */
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

const rate = (user: ReturnType<typeof userEvent.setup>, group: string, value: number) =>
  user.click(within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', { name: String(value) }));

async function skillUses(fake: FakeBackend) {
  return (await fake.listRecords(listQuery({ kinds: ['skill-use'] }))).records;
}

describe('urge surfing', { timeout: 30000 }, () => {
  it('from Today: rated at the start, every five minutes and at the end, then saved with the library skill', async () => {
    const { app, fake, user } = await open();
    const skill = (await fake.listSkills(true)).find((r) => r.body.kind === 'skill' && r.body.builtin === 'urge-surfing')!;
    const reports = vi.spyOn(fake, 'reportActivity');
    await user.click(screen.getByRole('button', { name: 'Ride out an urge' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ride out an urge' })).toBeInTheDocument();
    expect(screen.getByText(/rises, peaks and passes/)).toBeInTheDocument();
    expect(screen.getByText(/This is practice, not a cure/)).toBeInTheDocument();
    await rate(user, 'How strong is the urge right now?', 8);

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    await user.click(screen.getByRole('button', { name: 'Start 20 minutes' }));
    const timer = screen.getByRole('timer');
    expect(timer).toHaveTextContent('20 minutes left');
    expect(timer).toHaveFocus();
    const live = document.querySelector('[aria-live="polite"].surf-prompt') as HTMLElement;
    expect(live).toBeEmptyDOMElement();

    await wait(MIN);
    expect(timer).toHaveTextContent('19 minutes left');
    await wait(4 * MIN);
    expect(live).toHaveTextContent('5 minutes in. How strong is the urge now?');
    expect(screen.queryByRole('dialog'), 'never a dialog').toBeNull();
    expect(document.querySelector('audio, video'), 'never a sound').toBeNull();
    await rate(user, 'Urge at 5 minutes', 6);
    await wait(5 * MIN);
    expect(live).toHaveTextContent('10 minutes in.');
    await rate(user, 'Urge at 10 minutes', 4);
    await wait(5 * MIN);
    expect(live).toHaveTextContent('15 minutes in.');
    // A ride in the focused window is not idleness: the page's idle lock reads `surfing`, and the
    // shell hears that the person is here at the pace of activity reports.
    expect(app.surfing).toBe(true);
    expect(document.hasFocus()).toBe(true);
    expect(reports.mock.calls.length, 'the shell told every 30 s during 15 minutes').toBeGreaterThanOrEqual(29);
    await wait(5 * MIN);
    const afterRide = reports.mock.calls.length;

    expect(screen.getByRole('heading', { level: 2, name: "That's 20 minutes" })).toBeInTheDocument();
    expect(live).toHaveTextContent('How strong is the urge now?');
    expect(app.surfing).toBe(false);
    await wait(5 * MIN);
    expect(reports.mock.calls.length, 'once the ride ends, no more reports of its own').toBe(afterRide);
    await rate(user, 'Urge now', 3);
    vi.useRealTimers();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Urge surfing saved: 20 minutes.')).toBeInTheDocument();
    expect(await screen.findByRole('radiogroup', { name: 'Stress' }), 'back on Today').toBeInTheDocument();
    const [use] = await skillUses(fake);
    expect(use.body).toEqual({
      kind: 'skill-use',
      skillId: skill.id,
      skillName: 'Urge surfing',
      situation: '',
      distressBefore: null,
      distressAfter: null,
      urgeBefore: 8,
      urgeAfter: 3,
      minutes: 20,
      note: '',
      urgeAlong: [
        { minute: 5, urge: 6 },
        { minute: 10, urge: 4 },
      ],
    });
  });

  it('from Coping skills: Start on the skill, "5 more minutes", stopping early saves the minutes spent and goes back there', async () => {
    const { fake, user } = await open();
    await user.click(screen.getByRole('button', { name: 'Coping skills' }));
    await user.click(await screen.findByRole('button', { name: 'Start urge surfing' }));
    await screen.findByRole('heading', { level: 1, name: 'Ride out an urge' });
    expect(screen.getByRole('button', { name: 'Coping skills' }), 'still under Coping skills').toHaveAttribute('aria-current', 'page');

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    await user.click(screen.getByRole('button', { name: 'Start 20 minutes' }));
    await user.click(screen.getByRole('button', { name: '5 more minutes' }));
    expect(screen.getByRole('timer')).toHaveTextContent('25 minutes left');
    await wait(7 * MIN);
    await user.click(screen.getByRole('button', { name: 'Stop here' }));
    const end = screen.getByRole('heading', { level: 2, name: 'You stayed with it for 7 minutes' });
    expect(end, 'the focused button went with the timer').toHaveFocus();
    expect(screen.queryByRole('button', { name: '5 more minutes' }), 'stopped: not offered').toBeNull();
    vi.useRealTimers();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Urge surfing saved: 7 minutes.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Coping skills' })).toBeInTheDocument();
    const [use] = await skillUses(fake);
    expect(use.body).toMatchObject({ skillName: 'Urge surfing', urgeBefore: null, urgeAfter: null, minutes: 7, urgeAlong: [] });
  });

  it('leaving without saving saves nothing; the crisis plan is a click away before starting', async () => {
    const { fake, user } = await open();
    await user.click(screen.getByRole('button', { name: 'Ride out an urge' }));
    await user.click(await screen.findByRole('button', { name: 'Start 20 minutes' }));
    await user.click(screen.getByRole('button', { name: 'Stop here' }));
    await user.click(screen.getByRole('button', { name: 'Leave without saving' }));
    await screen.findByRole('radiogroup', { name: 'Stress' });
    expect(await skillUses(fake)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Ride out an urge' }));
    await user.click(await screen.findByRole('button', { name: 'My crisis plan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'My crisis plan' })).toBeInTheDocument();
  });
});
