import { describe, expect, it } from 'vitest';
import { addDays, dayHeading, dayLabel, firstDayOfWeek, formatNumber, shortDayLabel, startOfWeek, wallTime } from './time';

// CLDR punctuation differs between ICU versions ("Sunday, 1 March" / "Sunday 1 March"): dates are
// matched on their words and their order, not on commas.
describe('times and dates follow the locale', () => {
  it('a wall-clock time is the digits it was written with, in the locale’s style', () => {
    // Written in another zone: the time is never converted to the reader's.
    expect(wallTime('2026-03-01T23:04:05+09:00', 'en-GB')).toBe('23:04');
    expect(wallTime('2026-03-01T23:04:05+09:00', 'en-US')).toMatch(/^11:04\sPM$/);
    expect(wallTime('2026-03-01T07:30:00-05:00', 'de-DE')).toMatch(/^0?7:30$/);
  });

  it('days read Today and Yesterday, then a date in the locale’s order', () => {
    const today = '2026-03-10';
    expect(dayLabel('2026-03-10', today, 'en-GB')).toBe('Today');
    expect(dayLabel('2026-03-09', today, 'en-GB')).toBe('Yesterday');
    expect(dayLabel('2026-03-01', today, 'en-GB')).toMatch(/^Sunday,? 1 March 2026$/);
    expect(dayLabel('2026-03-01', today, 'en-US')).toMatch(/^Sunday, March 1, 2026$/);
    expect(dayLabel('2026-03-01', today, 'de-DE')).toMatch(/^Sonntag, 1\. März 2026$/);
    // Yesterday is counted from the day given, not from the clock.
    expect(dayLabel('2026-02-28', '2026-03-01', 'en-GB')).toBe('Yesterday');
    expect(dayLabel('2026-03-10', '', 'en-GB'), "'' always gives the date").toMatch(/^Tuesday,? 10 March 2026$/);
  });

  it('day headings leave out this year; short labels too', () => {
    const today = '2026-03-10';
    expect(dayHeading('2026-03-02', today, 'en-GB')).toMatch(/^Monday,? 2 March$/);
    expect(dayHeading('2026-03-02', today, 'en-US')).toMatch(/^Monday, March 2$/);
    expect(dayHeading('2025-12-31', today, 'en-GB')).toMatch(/^Wednesday,? 31 December 2025$/);
    expect(shortDayLabel('2026-03-02', today, 'en-GB')).toMatch(/^Mon,? 2 Mar$/);
    expect(shortDayLabel('2025-12-31', today, 'en-GB')).toBe('31 Dec 2025');
  });

  it('numbers are grouped as the locale groups them', () => {
    expect(formatNumber(3000, 'en-GB')).toBe('3,000');
    expect(formatNumber(3000, 'de-DE')).toBe('3.000');
  });
});

describe('weeks', () => {
  it('start on the locale’s first day', () => {
    // 2026-03-04 is a Wednesday.
    expect(startOfWeek('2026-03-04', 1)).toBe('2026-03-02');
    expect(startOfWeek('2026-03-04', 7)).toBe('2026-03-01');
    expect(startOfWeek('2026-03-02', 1), 'a Monday starts its own week').toBe('2026-03-02');
    expect(startOfWeek('2026-03-01', 1), 'a Sunday is the end of a Monday week').toBe('2026-02-23');
    expect(startOfWeek('2026-03-07', 6), 'Saturday-first weeks').toBe('2026-03-07');
  });

  it('the first day is a weekday number whatever the engine knows', () => {
    for (const l of ['en-GB', 'en-US', 'ar-EG', undefined]) expect(firstDayOfWeek(l)).toBeGreaterThanOrEqual(1);
    for (const l of ['en-GB', 'en-US', 'ar-EG', undefined]) expect(firstDayOfWeek(l)).toBeLessThanOrEqual(7);
  });

  it('adds days across months', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
