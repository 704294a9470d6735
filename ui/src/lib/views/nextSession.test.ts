// Today's next session: shown above what to bring to it when there is a schedule (what, when,
// where, online), never a cancelled one, and nothing at all without a schedule.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import type { ScheduleSlotDto } from '../backend';
import { addDays, localDay, shortDayLabel, wallTime } from '../time';
import { openUnlocked } from '../../tests/unlocked';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

const open = (seed?: (fake: FakeBackend) => void) => openUnlocked({ seed });

const slot = (over: Partial<ScheduleSlotDto> = {}): ScheduleSlotDto => ({
  title: 'Evening group',
  sessionType: 'group',
  first: addDays(localDay(), 1),
  start: '18:00',
  minutes: 180,
  weekdays: [],
  until: null,
  place: 'Room 4',
  online: false,
  archived: false,
  ...over,
});

describe("Today's next session", () => {
  it('is not there without a schedule', async () => {
    let asked = 0;
    await open((f) => {
      const programme = f.programme.bind(f);
      f.programme = () => ((asked += 1), programme());
    });
    // Today asked for the programme and has its answer (no session).
    await waitFor(() => expect(asked).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByRole('heading', { name: 'Next session' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Next session' })).toBeNull();
  });

  it('shows what, when and where, above what to bring, and leaves out a cancelled one', async () => {
    const tomorrow = addDays(localDay(), 1);
    const later = addDays(localDay(), 4);
    const { app, fake, user } = await open((f) => {
      f.insert({ kind: 'schedule', ...slot() });
      f.insert({ kind: 'schedule', ...slot({ title: 'Check-in call', sessionType: 'individual', first: later, start: '08:15', minutes: 30, place: '', online: true }) });
      f.insert({ kind: 'session', sessionType: 'group', title: 'Last week', facilitator: '', notes: '', takeaways: '', homework: [], bring: [{ text: 'My sleep log', done: false }], attended: true });
    });
    const card = await screen.findByRole('group', { name: 'Next session' });
    expect(card).toHaveTextContent('Evening group');
    expect(card).toHaveTextContent(`Tomorrow, ${wallTime(`${tomorrow}T18:00`)}–${wallTime(`${tomorrow}T21:00`)}`);
    expect(card).toHaveTextContent('Room 4');
    // It reads together with what to bring: in the same section, before the list.
    const before = screen.getByRole('heading', { name: 'Before your next session' }).closest('section') as HTMLElement;
    expect(before).toContainElement(card);
    const bring = within(before).getByText('My sleep log');
    expect(card.compareDocumentPosition(bring) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // Cancelled: the next one is the one after, online.
    const [first] = (await fake.programme()).upcoming;
    await app.add({ kind: 'occurrence', slot: first.slot, slotTitle: first.title, date: first.date, cancelled: true, movedTo: null, attendance: null, note: '', sessionNote: null });
    await waitFor(() => expect(screen.getByRole('group', { name: 'Next session' })).toHaveTextContent('Check-in call'));
    const next = screen.getByRole('group', { name: 'Next session' });
    expect(next).toHaveTextContent(`${shortDayLabel(later)}, ${wallTime(`${later}T08:15`)}–${wallTime(`${later}T08:45`)}`);
    expect(next).toHaveTextContent('Online');

    await user.click(within(next).getByRole('button', { name: 'See the programme' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Programme' })).toBeInTheDocument();
  });
});
