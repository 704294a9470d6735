// The fake's clock arithmetic gives the engine's answers: the same cases as src/clocks.rs.
import { describe, expect, it } from 'vitest';
import { clockStatus } from './clocks';

const lapse = (at: string, restart: boolean) => ({ at, restart });

describe('clock arithmetic (as the engine)', () => {
  it('counts hours on the first day, then days', () => {
    expect(clockStatus('2026-11-27T21:30:00-05:00', [], '2026-11-28T09:45:00-05:00')).toMatchObject({ runHours: 12, runDays: 0 });
    expect(clockStatus('2026-11-20T21:30:00-05:00', [], '2026-11-28T09:45:00-05:00')).toMatchObject({ runDays: 7, longestDays: 7 });
  });

  it('counts wall-clock days across daylight saving and time zones', () => {
    const since = '2026-03-07T22:00:00-05:00';
    expect(clockStatus(since, [], '2026-03-08T21:59:00-04:00')).toMatchObject({ runDays: 0, runHours: 22 });
    expect(clockStatus(since, [], '2026-03-08T22:00:00-04:00').runDays).toBe(1);
    expect(clockStatus('2026-10-31T22:00:00-04:00', [], '2026-11-01T21:30:00-05:00').runDays).toBe(0);
    expect(clockStatus('2026-10-31T22:00:00-04:00', [], '2026-11-01T22:00:00-05:00').runDays).toBe(1);
    expect(clockStatus('2026-06-01T09:00:00-04:00', [], '2026-06-04T09:00:00+09:00')).toMatchObject({ runDays: 3, runHours: 59 });
  });

  it('restarts a run on a lapse that asks to, keeps the longest, and leaves lapse days out of the totals', () => {
    const s = clockStatus(
      '2026-01-01T08:00:00-05:00',
      [lapse('2026-03-01T20:00:00-05:00', true), lapse('2026-03-10T20:00:00-05:00', false), lapse('2026-04-01T23:00:00-04:00', true)],
      '2026-04-20T12:00:00-04:00',
    );
    expect(s).toMatchObject({ runStart: '2026-04-01T23:00:00-04:00', runDays: 18, longestDays: 59, lapses: 3, daysThisMonth: 19, daysThisYear: 107 });
    const t = clockStatus('2026-11-20T09:00:00-05:00', [lapse('2026-11-01T09:00:00-05:00', true), lapse('2026-12-01T09:00:00-05:00', true)], '2026-11-28T10:00:00-05:00');
    expect(t).toMatchObject({ runStart: '2026-11-20T09:00:00-05:00', lapses: 0, daysThisMonth: 9, daysThisYear: 9 });
  });

  it('marks milestones on the day they come, by the calendar for months', () => {
    const since = '2026-11-21T23:30:00-05:00';
    expect(clockStatus(since, [], '2026-11-28T08:00:00-05:00')).toMatchObject({
      milestoneToday: { unit: 'days', count: 7 },
      nextMilestone: { unit: 'days', count: 30 },
      nextMilestoneDay: '2026-12-21',
    });
    expect(clockStatus(since, [], '2026-11-22T10:00:00-05:00')).toMatchObject({ milestoneToday: { unit: 'hours', count: 24 }, nextMilestoneDay: '2026-11-28' });
    expect(clockStatus(since, [], '2026-11-23T10:00:00-05:00').milestoneToday).toBeNull();
    expect(clockStatus('2025-05-31T12:00:00+01:00', [], '2026-05-31T08:00:00+01:00')).toMatchObject({
      milestoneToday: { unit: 'months', count: 12 },
      nextMilestone: { unit: 'months', count: 24 },
      nextMilestoneDay: '2027-05-31',
    });
    expect(clockStatus('2025-05-31T12:00:00+01:00', [], '2025-11-30T08:00:00+01:00').milestoneToday).toEqual({ unit: 'months', count: 6 });
  });
});
