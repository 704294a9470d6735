// The fake's programme, reminder settings and tray event, as the shell gives them: the agenda
// from the schedule and occurrence records, reminders checked as `ReminderSettings::normalize`
// does (and readable while locked), and the tray's quick check-in reaching every listener.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from './fake';
import type { ScheduleSlotDto } from './index';
import { addDays, localDay } from '../time';
import { isoWeekday } from '../programme';

const PASS = 'maple orbit quietly';

async function open() {
  const fake = new FakeBackend({ passphrase: PASS });
  await fake.unlock({ passphrase: PASS });
  return fake;
}

const slot = (over: Partial<ScheduleSlotDto> = {}): ScheduleSlotDto => ({
  title: 'Evening group',
  sessionType: 'group',
  first: addDays(localDay(), -14),
  start: '00:00',
  minutes: 60,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  until: null,
  place: 'Room 4',
  online: false,
  archived: false,
  ...over,
});

describe('the fake programme', () => {
  it('comes from the schedule and its occurrence records, and needs the journal open', async () => {
    const fake = await open();
    const today = localDay();
    const s = await fake.addRecord({ at: null, body: { kind: 'schedule', ...slot() } });
    const yesterday = addDays(today, -1);
    await fake.addRecord({ at: null, body: { kind: 'occurrence', slot: s.id, slotTitle: 'Evening group', date: yesterday, cancelled: false, movedTo: null, attendance: 'attended', note: '', sessionNote: null } });
    const p = await fake.programme();
    expect(p.upcoming.map((x) => x.date)).toEqual(Array.from({ length: 14 }, (_, i) => addDays(today, i)));
    expect(p.recent.slice(0, 2).map((x) => [x.date, x.attendance])).toEqual([[today, null], [yesterday, 'attended']]);
    expect(p.recent).toHaveLength(15);
    // 15 days from two weeks ago to today have started at midnight: 1 attended, 14 unmarked.
    expect(p.attendance).toEqual({ attended: 1, missed: 0, excused: 0, unmarked: 14, percent: 100 });
    // Each lasts an hour from midnight: today's is the next only while under way.
    expect(p.next?.date, 'the one under way or the next').toBe(new Date().getHours() < 1 ? today : addDays(today, 1));

    // A trashed slot is gone from the programme.
    await fake.trashRecord(s.id);
    expect((await fake.programme()).upcoming).toEqual([]);
    await fake.lock();
    await expect(fake.programme()).rejects.toMatchObject({ code: 'VaultLocked' });
  });

  it('puts a weekly slot on its days only', async () => {
    const fake = await open();
    const today = localDay();
    await fake.addRecord({ at: null, body: { kind: 'schedule', ...slot({ first: today, start: '23:59', weekdays: [2, 4] }) } });
    const p = await fake.programme();
    expect(p.upcoming).toHaveLength(4);
    expect(p.upcoming.every((x) => [2, 4].includes(isoWeekday(x.date)))).toBe(true);
  });
});

describe('the fake reminder settings', () => {
  it('start as the engine\'s defaults and are read and saved while locked', async () => {
    const fake = new FakeBackend({ passphrase: PASS });
    expect(await fake.reminderSettings()).toEqual({
      checkinTimes: [],
      sessionMinutesBefore: null,
      checkinText: 'Time for a check-in',
      sessionText: 'Something on your calendar starts soon',
      closeToTray: false,
      startAtLogin: false,
      questionnaireTime: null,
      questionnaireSince: null,
      questionnaireText: 'A two-weekly check-in is ready',
    });
    const saved = await fake.setReminderSettings({
      checkinTimes: [' 18:30', '9:05', '18:30'],
      sessionMinutesBefore: 30,
      checkinText: '  A minute for you  ',
      sessionText: '',
      closeToTray: true,
      startAtLogin: false,
      questionnaireTime: null,
      questionnaireSince: null,
      questionnaireText: '',
    });
    expect(saved).toEqual({
      checkinTimes: ['09:05', '18:30'],
      sessionMinutesBefore: 30,
      checkinText: 'A minute for you',
      sessionText: 'Something on your calendar starts soon',
      closeToTray: true,
      startAtLogin: false,
      questionnaireTime: null,
      questionnaireSince: null,
      questionnaireText: 'A two-weekly check-in is ready',
    });
    expect(await fake.reminderSettings()).toEqual(saved);
  });

  it('name the field the engine names, and keep what was saved before', async () => {
    const fake = new FakeBackend({ passphrase: PASS });
    const ok = await fake.setReminderSettings({ ...(await fake.reminderSettings()), checkinTimes: ['12:00'] });
    const bad: [Partial<typeof ok>, string][] = [
      [{ checkinTimes: ['25:00'] }, 'checkinTimes'],
      [{ checkinTimes: ['12:00:00'] }, 'checkinTimes'],
      [{ checkinTimes: Array.from({ length: 9 }, (_, i) => `0${i}:00`) }, 'checkinTimes'],
      [{ sessionMinutesBefore: 0 }, 'sessionMinutesBefore'],
      [{ sessionMinutesBefore: 1441 }, 'sessionMinutesBefore'],
      [{ checkinText: 'x'.repeat(61) }, 'checkinText'],
      [{ sessionText: 'two\nlines' }, 'sessionText'],
    ];
    for (const [change, field] of bad) {
      await expect(fake.setReminderSettings({ ...ok, ...change }), field).rejects.toMatchObject({ code: 'InvalidInput', field });
    }
    expect(await fake.reminderSettings()).toEqual(ok);
    expect((await fake.setReminderSettings({ ...ok, checkinTimes: Array.from({ length: 8 }, (_, i) => `0${i}:00`), sessionMinutesBefore: 1440 })).checkinTimes).toHaveLength(8);
  });
});

describe('the fake tray event', () => {
  it('reaches each listener until it unsubscribes', async () => {
    const fake = new FakeBackend();
    const heard: string[] = [];
    const stopA = await fake.onQuickCheckin(() => heard.push('a'));
    await fake.onQuickCheckin(() => heard.push('b'));
    fake.emitQuickCheckin();
    stopA();
    fake.emitQuickCheckin();
    expect(heard).toEqual(['a', 'b', 'b']);
  });
});
