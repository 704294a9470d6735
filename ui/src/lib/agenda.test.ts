// The programme in words: attendance as a plain figure (excused apart, no 0% figure), days of a
// weekly slot, where and how long, and the one occurrence record a change writes.
import { describe, expect, it } from 'vitest';
import type { AgendaItemDto, BodyDto, RecordDto } from './backend';
import { attendanceWords, changeWords, daysWords, lengthWords, occurrenceOf, progressWords, repeatWords, saveOccurrence, slotTimes, timeRange, whereWords } from './agenda';

const item = (over: Partial<AgendaItemDto> = {}): AgendaItemDto => ({
  slot: 'a'.repeat(32),
  title: 'Evening group',
  sessionType: 'group',
  date: '2026-11-11',
  start: '2026-11-11T18:00',
  end: '2026-11-11T21:00',
  minutes: 180,
  place: 'Room 4',
  online: false,
  cancelled: false,
  moved: false,
  attendance: null,
  note: '',
  occurrence: null,
  sessionNote: null,
  ...over,
});

describe('attendance in words', () => {
  it('gives the figure with excused ones apart', () => {
    expect(attendanceWords({ attended: 9, missed: 1, excused: 1, unmarked: 2, percent: 90 })).toBe('You attended 9 of 10 sessions (90%); 1 excused.');
    expect(attendanceWords({ attended: 1, missed: 0, excused: 0, unmarked: 0, percent: 100 })).toBe('You attended 1 of 1 session (100%).');
  });

  it('never shows a bare 0%, and says how it will show before any mark', () => {
    expect(attendanceWords({ attended: 0, missed: 2, excused: 0, unmarked: 0, percent: 0 })).toBe('2 sessions marked missed so far.');
    expect(attendanceWords({ attended: 0, missed: 0, excused: 1, unmarked: 3, percent: null })).toBe('1 session excused so far.');
    expect(attendanceWords({ attended: 0, missed: 0, excused: 0, unmarked: 3, percent: null })).toBe('Once you mark a session, your attendance shows here.');
  });
});

describe('sessions in words', () => {
  it('names days, places, lengths and changes', () => {
    expect(daysWords([1, 3, 4])).toBe('Mon, Wed, Thu');
    expect(daysWords([1, 2, 3, 4, 5, 6, 7])).toBe('Every day');
    expect(whereWords({ place: 'Room 4', online: false })).toBe('Room 4');
    expect(whereWords({ place: '', online: true })).toBe('Online');
    expect(lengthWords(180)).toBe('3 hours');
    expect(lengthWords(90)).toBe('1 hour 30 minutes');
    expect(timeRange(item(), 'en-GB')).toBe('18:00–21:00');
    expect(changeWords(item({ cancelled: true }))).toBe('Cancelled this time');
    expect(changeWords(item({ moved: true, start: '2026-11-12T17:30' }), '2026-11-01', 'en-GB')).toBe('Moved from Wed 11 Nov');
    expect(changeWords(item())).toBe('');
    expect(progressWords({ steps: [{ done: true }, { done: false }, { done: true }] })).toBe('2 of 3 steps');
  });

  it('gives a slot\'s times across midnight and how it repeats', () => {
    const slot = { title: 'Night', sessionType: 'peer' as const, first: '2026-11-04', start: '23:30', minutes: 60, weekdays: [3], until: '2026-12-02', place: '', online: true, archived: false };
    expect(slotTimes(slot)).toEqual({ start: '2026-11-04T23:30', end: '2026-11-05T00:30' });
    expect(repeatWords(slot, '2026-11-01', 'en-GB')).toBe('Wed · from Wed 4 Nov to Wed 2 Dec');
    expect(repeatWords({ ...slot, weekdays: [], until: null }, '2026-11-01', 'en-GB')).toBe('Once, Wed 4 Nov');
  });
});

describe('a change to one session', () => {
  it('writes the occurrence record once, then updates that same record', async () => {
    const calls: [string, string | null, BodyDto][] = [];
    const app = {
      add: async (b: BodyDto) => (calls.push(['add', null, b]), { id: 'f'.repeat(32) } as RecordDto),
      update: async (id: string, b: BodyDto) => (calls.push(['update', id, b]), { id } as RecordDto),
    };
    await saveOccurrence(app, item(), { attendance: 'attended' });
    await saveOccurrence(app, item({ attendance: 'attended', occurrence: 'f'.repeat(32), moved: true, start: '2026-11-12T17:30' }), { attendance: 'missed' });
    expect(calls.map(([op, id]) => [op, id])).toEqual([['add', null], ['update', 'f'.repeat(32)]]);
    expect(calls[1][2]).toEqual({ kind: 'occurrence', ...occurrenceOf(item(), { attendance: 'missed', movedTo: '2026-11-12T17:30' }) });
  });
});
