// The fake's programme agenda gives the engine's answers: the same cases as src/schedule.rs's
// unit tests, then commands::programme's windows (two weeks ahead, four behind, newest first).
import { describe, expect, it } from 'vitest';
import type { Attendance, OccurrenceDto, ScheduleSlotDto } from './backend';
import { agenda, attendance, isoWeekday, next, percent, plusDays, programme, type MarkRecord, type SlotRecord } from './programme';

const id = (n: number) => n.toString(16).padStart(32, '0');

function slot(weekdays: number[], first: string, until: string | null = null): ScheduleSlotDto {
  return { title: 'Group', sessionType: 'group', first, start: '18:00', minutes: 180, weekdays, until, place: '', online: false, archived: false };
}

function occ(date: string, over: Partial<OccurrenceDto> = {}): OccurrenceDto {
  return { slot: id(1), slotTitle: 'Group', date, cancelled: false, movedTo: null, attendance: null, note: '', sessionNote: null, ...over };
}

const mark = (n: number, updated: string, occurrence: OccurrenceDto): MarkRecord => ({ id: id(n), updated, occurrence });
const one = (s: ScheduleSlotDto): SlotRecord[] => [{ id: id(1), slot: s }];
/** "Wed 04", as the engine's test formats `%a %d`. */
const weekdayAndDay = (start: string) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][isoWeekday(start.slice(0, 10)) - 1]} ${start.slice(8, 10)}`;

describe('the programme agenda (as the engine)', () => {
  it('repeats a weekly slot on its days from its first day to its last', () => {
    // Mon, Wed, Thu from Wednesday 4 November to Thursday 19 November.
    const a = agenda(one(slot([1, 3, 4], '2026-11-04', '2026-11-19')), [], '2026-11-01', '2026-11-30', '2026-11-01');
    expect(a.map((x) => weekdayAndDay(x.start))).toEqual(['Wed 04', 'Thu 05', 'Mon 09', 'Wed 11', 'Thu 12', 'Mon 16', 'Wed 18', 'Thu 19']);
    expect(a[0]).toMatchObject({ date: '2026-11-04', start: '2026-11-04T18:00', end: '2026-11-04T21:00', cancelled: false, moved: false, attendance: null, occurrence: null });
  });

  it('holds a one-off once and ignores its end', () => {
    const a = agenda(one(slot([], '2026-12-03')), [], '2026-11-01', '2027-01-31', '2026-11-01');
    expect(a.map((x) => x.start)).toEqual(['2026-12-03T18:00']);
  });

  it('moves or cancels only the one occurrence a change is about, and the latest change wins', () => {
    const marks = [
      mark(10, '2026-11-01T10:00:00-05:00', occ('2026-11-11', { movedTo: '2026-11-12T17:30' })),
      mark(11, '2026-11-01T10:00:00-05:00', occ('2026-11-18', { cancelled: true })),
      // Written later for the same day: it replaces the cancellation.
      mark(12, '2026-11-20T10:00:00-05:00', occ('2026-11-18', { attendance: 'attended' })),
    ];
    const a = agenda(one(slot([3], '2026-11-04')), marks, '2026-11-01', '2026-11-30', '2026-11-01');
    expect(a.map((x) => [x.start.slice(5).replace('T', ' '), x.moved, x.cancelled])).toEqual([
      ['11-04 18:00', false, false],
      ['11-12 17:30', true, false],
      ['11-18 18:00', false, false],
      ['11-25 18:00', false, false],
    ]);
    expect(a[1].date, 'a moved one keeps its scheduled day as its key').toBe('2026-11-11');
    expect(a[1].end).toBe('2026-11-12T20:30');
    expect(a[2].attendance).toBe('attended');
    expect(a[2].occurrence).toBe(id(12));
  });

  it('compares when changes were written as instants, then by id', () => {
    // 10:00 at -05:00 is after 12:00 at +00:00; at the same instant the larger id wins.
    const early = mark(30, '2026-11-01T12:00:00+00:00', occ('2026-11-04', { attendance: 'missed' }));
    const late = mark(20, '2026-11-01T10:00:00-05:00', occ('2026-11-04', { attendance: 'attended' }));
    const a = agenda(one(slot([3], '2026-11-04')), [early, late], '2026-11-04', '2026-11-04', '2026-11-01');
    expect(a[0].attendance).toBe('attended');
    const tie = mark(31, '2026-11-01T15:00:00+00:00', occ('2026-11-04', { attendance: 'excused' }));
    const b = agenda(one(slot([3], '2026-11-04')), [tie, late], '2026-11-04', '2026-11-04', '2026-11-01');
    expect(b[0]).toMatchObject({ attendance: 'excused', occurrence: id(31) });
  });

  it('brings an occurrence moved from outside the span into it', () => {
    const marks = [mark(10, '2026-11-01T10:00:00-05:00', occ('2026-12-07', { movedTo: '2026-11-30T09:00' }))];
    const a = agenda(one(slot([1], '2026-11-02')), marks, '2026-11-29', '2026-12-05', '2026-11-29');
    expect(a.map((x) => x.start)).toEqual(['2026-11-30T09:00', '2026-11-30T18:00']);
  });

  it('keeps an archived slot\'s past but leaves it out of the days to come', () => {
    const s = { ...slot([1], '2026-11-02'), archived: true };
    const a = agenda(one(s), [], '2026-11-01', '2026-11-30', '2026-11-16');
    expect(a.map((x) => x.date)).toEqual(['2026-11-02', '2026-11-09']);
  });

  it('finds the next session under way or to come, never a cancelled one', () => {
    const marks = [mark(10, '2026-11-01T10:00:00-05:00', occ('2026-11-04', { cancelled: true }))];
    const a = agenda(one(slot([1, 3], '2026-11-02')), marks, '2026-11-02', '2026-11-10', '2026-11-02');
    expect(next(a, '2026-11-02T20:59')?.start, 'under way').toBe('2026-11-02T18:00');
    expect(next(a, '2026-11-02T21:00')?.start, 'Wednesday is cancelled').toBe('2026-11-09T18:00');
    expect(next(a, '2026-11-11T00:00')).toBeNull();
  });

  it('counts attendance over past sessions, and excused ones do not count against it', () => {
    const days: [string, Attendance | null][] = [
      ['2026-11-02', 'attended'],
      ['2026-11-03', 'attended'],
      ['2026-11-04', 'missed'],
      ['2026-11-05', 'excused'],
      ['2026-11-06', null],
    ];
    const marks = days.map(([day, a], i) => mark(20 + i, '2026-11-01T10:00:00-05:00', occ(day, { attendance: a, cancelled: day === '2026-11-06' })));
    const a = agenda(one(slot([1, 2, 3, 4, 5], '2026-11-02')), marks, '2026-11-02', '2026-11-13', '2026-11-02');
    // By Tuesday the 10th at noon: the 9th is past and unmarked; the 10th has not started.
    expect(attendance(a, '2026-11-10T12:00')).toEqual({ attended: 2, missed: 1, excused: 1, unmarked: 1, percent: 67 });
    expect(percent(0, 0)).toBeNull();
    expect(percent(1, 1), 'half rounds up').toBe(50);
    expect(percent(9, 1)).toBe(90);
  });
});

describe('the programme at a glance (as commands::programme)', () => {
  it('shows two weeks ahead, the last four weeks newest first, and attendance since the first day', () => {
    // Mondays from 2 November; now is Wednesday 9 December at 19:00.
    const marks = [
      mark(10, '2026-11-03T10:00:00-05:00', occ('2026-11-02', { attendance: 'attended' })),
      mark(11, '2026-12-08T10:00:00-05:00', occ('2026-12-07', { attendance: 'missed' })),
      mark(12, '2026-12-08T10:00:00-05:00', occ('2026-12-14', { cancelled: true })),
    ];
    const p = programme(one(slot([1, 3], '2026-11-02')), marks, '2026-12-09T19:00');
    expect(p.next?.start, 'the one under way').toBe('2026-12-09T18:00');
    expect(p.upcoming.map((x) => x.date)).toEqual(['2026-12-09', '2026-12-14', '2026-12-16', '2026-12-21']);
    expect(p.upcoming[1].cancelled, 'cancelled ones are listed, and say so').toBe(true);
    expect(p.upcoming.at(-1)?.date, 'today and 13 days more').toBe(plusDays('2026-12-09', 12));
    // Started by now and in the last 28 days (from 11 November), newest first: the one under way too.
    expect(p.recent.map((x) => x.date)).toEqual(['2026-12-09', '2026-12-07', '2026-12-02', '2026-11-30', '2026-11-25', '2026-11-23', '2026-11-18', '2026-11-16', '2026-11-11']);
    // Since 2 November: 12 started (2 Nov to 9 Dec), 1 attended, 1 missed, 10 unmarked.
    expect(p.attendance).toEqual({ attended: 1, missed: 1, excused: 0, unmarked: 10, percent: 50 });
  });

  it('is empty without a schedule', () => {
    expect(programme([], [], '2026-12-09T19:00')).toEqual({
      next: null,
      upcoming: [],
      recent: [],
      attendance: { attended: 0, missed: 0, excused: 0, unmarked: 0, percent: null },
    });
  });
});
