// The urge-surfing timer with fake timers: prompts at 5, 10 and 15 minutes, the end at 20,
// "5 more minutes" before and after the end, stopping early, and what is saved.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UrgeSurf, isUrgeSurfing, minutesLeftWords, systemClock, type SurfSnapshot } from './urgeSurf';

const MIN = 60_000;

let last: SurfSnapshot | null = null;
let changes = 0;

function surf(): UrgeSurf {
  return new UrgeSurf(systemClock, (s) => {
    last = s;
    changes += 1;
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-28T21:00:00Z'));
  last = null;
  changes = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('urge surfing, timed', () => {
  it('prompts at 5, 10 and 15 minutes, ends at 20, and saves the ratings along the way', () => {
    const s = surf();
    expect(s.snapshot()).toMatchObject({ phase: 'ready', minutesLeft: 20, prompt: null });
    s.start(8);
    expect(last).toMatchObject({ phase: 'surfing', minutesLeft: 20, urgeBefore: 8, prompt: null });

    vi.advanceTimersByTime(4 * MIN + 59_000);
    expect(last?.prompt, 'nothing before five minutes').toBeNull();
    expect(last?.minutesLeft).toBe(16);
    vi.advanceTimersByTime(1_000);
    expect(last).toMatchObject({ prompt: 5, promptUrge: null, minutesLeft: 15 });
    s.rate(7);
    s.rate(6);
    expect(last).toMatchObject({ prompt: 5, promptUrge: 6, urgeAlong: [{ minute: 5, urge: 6 }] });

    vi.advanceTimersByTime(5 * MIN);
    expect(last?.prompt).toBe(10);
    s.rate(4);
    vi.advanceTimersByTime(5 * MIN);
    expect(last?.prompt, 'a prompt left unrated records nothing').toBe(15);
    vi.advanceTimersByTime(4 * MIN);
    expect(last).toMatchObject({ phase: 'surfing', minutesLeft: 1 });

    vi.advanceTimersByTime(MIN);
    expect(last).toMatchObject({ phase: 'ended', stoppedEarly: false, prompt: null, minutesLeft: 0, minutesSpent: 20 });
    s.rateEnd(3);
    expect(s.body('0123456789abcdef0123456789abcdef')).toEqual({
      kind: 'skill-use',
      skillId: '0123456789abcdef0123456789abcdef',
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
    // Ended: the timer is stopped and nothing changes any more.
    const seen = changes;
    vi.advanceTimersByTime(10 * MIN);
    expect(changes).toBe(seen);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the words for screen readers change at most once a minute', () => {
    const s = surf();
    const words: string[] = [];
    const t = new UrgeSurf(systemClock, (snap) => {
      const w = minutesLeftWords(snap.minutesLeft);
      if (words.at(-1) !== w) words.push(w);
    });
    t.start(null);
    vi.advanceTimersByTime(3 * MIN);
    expect(words).toEqual(['20 minutes left', '19 minutes left', '18 minutes left', '17 minutes left']);
    expect(minutesLeftWords(1)).toBe('1 minute left');
    t.dispose();
    s.dispose();
  });

  it('"5 more minutes" while riding moves the end and adds the prompt at 20', () => {
    const s = surf();
    s.start(6);
    vi.advanceTimersByTime(18 * MIN);
    s.extend();
    expect(last).toMatchObject({ plannedMinutes: 25, minutesLeft: 7 });
    vi.advanceTimersByTime(2 * MIN);
    expect(last).toMatchObject({ phase: 'surfing', prompt: 20 });
    s.rate(2);
    vi.advanceTimersByTime(5 * MIN);
    expect(last).toMatchObject({ phase: 'ended', minutesSpent: 25, urgeAlong: [{ minute: 20, urge: 2 }] });
  });

  it('"5 more minutes" once the time is up goes on, keeping the end rating at that minute', () => {
    const s = surf();
    s.start(9);
    vi.advanceTimersByTime(20 * MIN);
    expect(last?.phase).toBe('ended');
    s.rateEnd(5);
    s.extend();
    expect(last).toMatchObject({ phase: 'surfing', plannedMinutes: 25, minutesLeft: 5, urgeAfter: null, urgeAlong: [{ minute: 20, urge: 5 }] });
    vi.advanceTimersByTime(MIN);
    expect(last?.prompt, 'no second prompt for the minute already rated').toBeNull();
    vi.advanceTimersByTime(4 * MIN);
    expect(last).toMatchObject({ phase: 'ended', minutesSpent: 25 });
    s.rateEnd(1);
    expect(s.body()).toMatchObject({ skillId: null, urgeBefore: 9, urgeAfter: 1, minutes: 25, urgeAlong: [{ minute: 20, urge: 5 }] });
  });

  it('stopping early saves the minutes actually spent, and cannot be extended', () => {
    const s = surf();
    s.start(null);
    vi.advanceTimersByTime(7 * MIN + 40_000);
    expect(last?.prompt).toBe(5);
    s.rate(8);
    s.stop();
    expect(last).toMatchObject({ phase: 'ended', stoppedEarly: true, minutesSpent: 8, prompt: null });
    s.extend();
    expect(last?.phase).toBe('ended');
    vi.advanceTimersByTime(30 * MIN);
    expect(s.body()).toMatchObject({ urgeBefore: null, urgeAfter: null, minutes: 8, urgeAlong: [{ minute: 5, urge: 8 }] });
  });

  it('a rating taken back leaves no mark; rating with no prompt on screen does nothing', () => {
    const s = surf();
    s.start(5);
    s.rate(4);
    expect(last?.urgeAlong).toEqual([]);
    vi.advanceTimersByTime(5 * MIN);
    s.rate(4);
    s.rate(null);
    expect(last).toMatchObject({ prompt: 5, promptUrge: null, urgeAlong: [] });
  });

  it('leaving the screen stops the timer', () => {
    const s = surf();
    s.start(5);
    expect(vi.getTimerCount()).toBe(1);
    s.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('knows the library’s urge surfing skill by its key or its name', () => {
    expect(isUrgeSurfing({ name: 'Riding the wave', builtin: 'urge-surfing' })).toBe(true);
    expect(isUrgeSurfing({ name: ' urge surfing ', builtin: null })).toBe(true);
    expect(isUrgeSurfing({ name: 'Box breathing', builtin: 'box-breathing' })).toBe(false);
  });
});
