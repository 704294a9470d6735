// @vitest-environment node
// The fake's insights give the engine's answers: the cases of src/insights.rs, worked out by
// hand there, and a few more edges (the span's first day, weeks across a month and a year).
import { describe, expect, it } from 'vitest';
import {
  bucketStart,
  haltVsStress,
  highStressDays,
  mondayOf,
  series,
  shiftDay,
  skillEffects,
  sleepVsNextDayStress,
  spanStart,
  type DatedCheckin,
} from './fakeInsights';
import { clockRuns, wallDate } from '../clocks';
import { FakeBackend } from './fake';
import { localDay } from '../time';
import { emptyCheckin } from '../kinds';

type C = DatedCheckin['c'];
const NO_HALT = { hungry: false, angry: false, lonely: false, tired: false };

function checkin(stress: number | null, mood: number | null, over: Partial<C> = {}): C {
  return { stress, mood, craving: null, sleepHours: null, halt: { ...NO_HALT }, triggers: [], context: null, ...over };
}

const at = (day: string, c: C): DatedCheckin => ({ day, c });
const read = (p: { start: string; mean: number; n: number }[]) => p.map((x) => [x.start, x.mean, x.n]);

describe('dates, as the engine counts them', () => {
  it('weeks start on Monday, months on the 1st, across a year', () => {
    expect(mondayOf('2026-11-08')).toBe('2026-11-02'); // a Sunday
    expect(mondayOf('2026-11-09')).toBe('2026-11-09'); // a Monday
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(bucketStart('month', '2026-02-28')).toBe('2026-02-01');
    expect(bucketStart('day', '2026-02-28')).toBe('2026-02-28');
    expect(shiftDay('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('a span ends today and includes its first day: 30 days is today and the 29 before', () => {
    expect(spanStart('30d', '2026-11-30')).toBe('2026-11-01');
    expect(spanStart('90d', '2026-11-30')).toBe('2026-09-02');
    expect(spanStart('1y', '2026-11-30')).toBe('2025-12-01');
    expect(spanStart('all', '2026-11-30')).toBeNull();
    expect(spanStart('2w', '2026-11-30')).toBeUndefined();
  });
});

describe('insights (as src/insights.rs)', () => {
  it('a series is the mean of each bucket with its n, and gaps left out', () => {
    const cs = [
      at('2026-11-02', checkin(6, 4)), // Monday
      at('2026-11-02', checkin(3, null)),
      at('2026-11-04', checkin(null, 7)),
      at('2026-11-08', checkin(9, null)), // Sunday, same week
      at('2026-11-09', checkin(1, null)), // next Monday
      at('2026-12-01', checkin(5, null)),
    ];
    const to = '2026-12-31';
    expect(read(series(cs, 'stress', 'day', null, to)), '4 November has a mood but no stress: a gap').toEqual([
      ['2026-11-02', 4.5, 2],
      ['2026-11-08', 9, 1],
      ['2026-11-09', 1, 1],
      ['2026-12-01', 5, 1],
    ]);
    expect(read(series(cs, 'stress', 'week', null, to))).toEqual([
      ['2026-11-02', 6, 3],
      ['2026-11-09', 1, 1],
      ['2026-11-30', 5, 1],
    ]);
    expect(read(series(cs, 'stress', 'month', null, to))).toEqual([
      ['2026-11-01', 4.75, 4],
      ['2026-12-01', 5, 1],
    ]);
    expect(read(series(cs, 'mood', 'month', '2026-11-03', '2026-11-30')), 'the range cuts before the bucket is formed').toEqual([['2026-11-01', 7, 1]]);
    expect(series(cs, 'stress', 'day', null, '2026-11-01'), 'nothing after the last day').toEqual([]);
  });

  it('a skill is ranked from 3 rated uses by its mean drop, with the median beside it', () => {
    const used = (skillName: string, distressBefore: number | null, distressAfter: number | null) => ({ skillId: null, skillName, distressBefore, distressAfter });
    const e = skillEffects([
      used('Paced breathing', 8, 3), // 5
      used('paced breathing', 6, 5), // 1
      used('Paced breathing', 7, 4), // 3
      used('Paced breathing', 5, null), // not rated after
      used('Cold water', 9, 2), // 7
      used('Cold water', 8, 2), // 6
      used('Walk', 6, 4), // 2
      used('Walk', 6, 4), // 2
      used('Walk', 7, 3), // 4
      used('Walk', 4, 6), // -2
    ]);
    expect(e.map((x) => [x.name, x.uses, x.n, x.meanDrop, x.medianDrop, x.ranked]), "Cold water's bigger drop is from 2 uses: not put in order").toEqual([
      ['Paced breathing', 4, 3, 3, 3, true],
      ['Walk', 4, 4, 1.5, 2, true],
      ['Cold water', 2, 2, 6.5, 6.5, false],
    ]);
  });

  it('a skill is one library entry by id, named as at its newest use; equal drops go to more rated uses, then the name', () => {
    const id = 'a'.repeat(32);
    const e = skillEffects([
      { skillId: id, skillName: 'Box breathing (4-4-4-4)', distressBefore: 6, distressAfter: 4 }, // newest
      { skillId: id, skillName: 'Box breathing', distressBefore: 6, distressAfter: 4 },
      { skillId: null, skillName: 'Box breathing', distressBefore: 6, distressAfter: 4 }, // no id: its own
      { skillId: id, skillName: 'Box breathing', distressBefore: 6, distressAfter: 4 },
      { skillId: null, skillName: 'walk', distressBefore: 5, distressAfter: 3 },
      { skillId: null, skillName: 'Walk ', distressBefore: 5, distressAfter: 3 },
      { skillId: null, skillName: 'WALK', distressBefore: 5, distressAfter: 3 },
      { skillId: null, skillName: 'Walk', distressBefore: 5, distressAfter: 3 },
      { skillId: null, skillName: 'Call a friend', distressBefore: null, distressAfter: null },
      { skillId: null, skillName: 'Art', distressBefore: null, distressAfter: null },
    ]);
    expect(e.map((x) => [x.name, x.skill, x.uses, x.n, x.meanDrop, x.ranked])).toEqual([
      ['walk', null, 4, 4, 2, true],
      ['Box breathing (4-4-4-4)', id, 3, 3, 2, true],
      // Not put in order: by uses, then by name, whether rated or not.
      ['Art', null, 1, 0, null, false],
      ['Box breathing', null, 1, 1, 2, false],
      ['Call a friend', null, 1, 0, null, false],
    ]);
    expect(e[2].medianDrop).toBeNull();
  });

  it('sleep is set against the next day’s stress, band by band', () => {
    const cs = [
      at('2026-11-01', checkin(null, null, { sleepHours: 5.5 })), // 5.5 h → 2 Nov stress 8
      at('2026-11-02', checkin(8, null)),
      at('2026-11-02', checkin(null, null, { sleepHours: 6 })), // 2 Nov sleep: mean of 6.0 and 5.0
      at('2026-11-02', checkin(null, null, { sleepHours: 5 })),
      at('2026-11-03', checkin(6, null)), // 3 Nov stress (6 + 4 + 2) / 3 = 4
      at('2026-11-03', checkin(4, null)),
      at('2026-11-03', checkin(2, null, { sleepHours: 8 })),
      at('2026-11-04', checkin(3, null)),
      at('2026-11-09', checkin(null, null, { sleepHours: 7 })), // the last day: no next day
    ];
    // 1 Nov: 5.5 h → next day 8. 2 Nov: 5.5 h → next day 4. 3 Nov: 8 h → next day 3.
    expect(sleepVsNextDayStress(cs).map((b) => [b.from, b.below, b.meanNextStress, b.n])).toEqual([
      [0, 6, 6, 2],
      [8, null, 3, 1],
    ]);
  });

  it('sleep hours are the engine’s single precision, so 6.9 stays under 7 and 7 is 7 to 8', () => {
    const cs = [
      at('2026-11-01', checkin(null, null, { sleepHours: 6.9 })),
      at('2026-11-02', checkin(5, null, { sleepHours: 7 })),
      at('2026-11-03', checkin(1, null)),
    ];
    expect(sleepVsNextDayStress(cs).map((b) => [b.from, b.below, b.n])).toEqual([
      [6, 7, 1],
      [7, 8, 1],
    ]);
  });

  it('each HALT answer sets the stress with it against without it', () => {
    const cs = [
      at('2026-11-01', checkin(8, null, { halt: { ...NO_HALT, tired: true } })),
      at('2026-11-01', checkin(6, null, { halt: { ...NO_HALT, tired: true, hungry: true } })),
      at('2026-11-02', checkin(null, null, { halt: { ...NO_HALT, tired: true } })), // no stress: not counted
      at('2026-11-02', checkin(3, null)),
    ];
    const h = haltVsStress(cs);
    expect(h.map((x) => x.answer)).toEqual(['hungry', 'angry', 'lonely', 'tired']);
    expect(h[3]).toEqual({ answer: 'tired', withMean: 7, withN: 2, withoutMean: 3, withoutN: 1 });
    expect(h[0]).toMatchObject({ withMean: 6, withN: 1, withoutN: 2 });
    expect(h[1]).toMatchObject({ withMean: null, withN: 0 });
  });

  it('triggers and contexts are counted once per high-stress day', () => {
    const mk = (stress: number, triggers: string[], context: C['context']) => checkin(stress, null, { triggers, context });
    const cs = [
      // 1 Nov: mean 8 — high. "Deadline" twice that day counts once.
      at('2026-11-01', mk(9, ['Deadline', 'boss'], 'work')),
      at('2026-11-01', mk(7, ['deadline'], 'work')),
      // 2 Nov: mean 6.5 — not high, whatever its triggers.
      at('2026-11-02', mk(9, ['Deadline'], 'home')),
      at('2026-11-02', mk(4, [], null)),
      // 3 Nov: exactly 7 — high.
      at('2026-11-03', mk(7, ['Commute'], 'commute')),
      at('2026-11-03', mk(7, ['deadline'], null)),
    ];
    expect(highStressDays(cs)).toEqual({
      days: 2,
      triggers: [
        { name: 'Deadline', n: 2 },
        { name: 'boss', n: 1 },
        { name: 'Commute', n: 1 },
      ],
      contexts: [
        { name: 'commute', n: 1 },
        { name: 'work', n: 1 },
      ],
    });
    expect(highStressDays([at('2026-11-05', checkin(null, 3))]), 'a day with no stress rated is never high').toEqual({ days: 0, triggers: [], contexts: [] });
  });
});

describe('clock runs (as src/clocks.rs)', () => {
  it('end at each restarting lapse and the last runs to now', () => {
    const r = clockRuns(
      '2026-09-01T20:00:00-04:00',
      [
        { at: '2026-10-11T09:00:00-04:00', restart: true },
        { at: '2026-10-20T09:00:00-04:00', restart: false }, // not a restart: the run goes on
        { at: '2026-11-06T22:00:00-05:00', restart: true },
        { at: '2026-12-01T09:00:00-05:00', restart: true }, // after now: not counted yet
      ],
      '2026-11-28T09:00:00-05:00',
    );
    expect(r.map((x) => [wallDate(x.start), wallDate(x.end), x.days, x.ended])).toEqual([
      ['2026-09-01', '2026-10-11', 39, true],
      ['2026-10-11', '2026-11-06', 26, true],
      ['2026-11-06', '2026-11-28', 21, false],
    ]);
  });
});

describe('the fake’s insights', () => {
  const PASS = 'maple orbit quietly';

  async function open() {
    const fake = new FakeBackend({ passphrase: PASS });
    await fake.unlock({ passphrase: PASS });
    return fake;
  }

  it('needs the journal open, and names a span or grouping it does not know as the engine does', async () => {
    const fake = new FakeBackend({ passphrase: PASS });
    await expect(fake.insights({ range: '90d', bucket: 'week' })).rejects.toMatchObject({ code: 'VaultLocked' });
    await fake.unlock({ passphrase: PASS });
    await expect(fake.insights({ range: '2w', bucket: 'week' })).rejects.toMatchObject({
      code: 'InvalidInput',
      field: 'range',
      message: 'range: choose one of 30d, 90d, 1y, all',
    });
    await expect(fake.insights({ range: ' 30d ', bucket: 'year' })).rejects.toMatchObject({
      code: 'InvalidInput',
      field: 'bucket',
      message: 'bucket: choose one of day, week, month',
    });
  });

  it('covers the span ending today; the year in pixels is always the last 365 days', async () => {
    const fake = await open();
    const today = localDay();
    const noon = (daysAgo: number) => new Date(`${shiftDay(today, -daysAgo)}T12:00:00`);
    fake.insert({ ...emptyCheckin(), stress: 4, mood: 6 }, noon(0));
    fake.insert({ ...emptyCheckin(), stress: 8, mood: 2 }, noon(29));
    fake.insert({ ...emptyCheckin(), stress: 10, mood: 0 }, noon(30));
    fake.insert({ ...emptyCheckin(), stress: 1, mood: 9 }, noon(365));

    const month = await fake.insights({ range: '30d', bucket: 'day' });
    expect(month).toMatchObject({ from: shiftDay(today, -29), to: today, bucket: 'day' });
    expect(read(month.stress), 'the 30th day back is outside 30 days').toEqual([
      [shiftDay(today, -29), 8, 1],
      [today, 4, 1],
    ]);
    expect(read(month.moodDays), 'a year of days whatever the span; 365 days back is outside it').toEqual([
      [shiftDay(today, -30), 0, 1],
      [shiftDay(today, -29), 2, 1],
      [today, 6, 1],
    ]);
    const all = await fake.insights({ range: 'all', bucket: 'month' });
    expect(all.from).toBeNull();
    expect(all.stress.reduce((n, p) => n + p.n, 0)).toBe(4);
    expect(all.attendance).toEqual({ attended: 0, missed: 0, excused: 0, unmarked: 0, percent: null });
    expect(all.phq9).toMatchObject({ instrument: 'phq9', points: [], daysSince: null });
  });
});
