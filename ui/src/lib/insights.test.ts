// @vitest-environment node
// The Insights screen's shapes and words: the year in pixels (bins, weeks, moves, labels), a
// line broken at a gap, and sentences that say what happened without a verdict.
import { describe, expect, it } from 'vitest';
import {
  BIN_LABELS,
  binOf,
  bucketLabel,
  bucketStart,
  inSentence,
  nextBucket,
  one,
  pixelLabel,
  pixelMove,
  runsOf,
  skillDetail,
  skillSentence,
  sleepBandWords,
  weekMonth,
  withN,
  yearMonths,
  yearSummary,
  yearWeeks,
} from './insights';
import type { SkillEffectDto } from './backend';
import { dayHeading } from './time';

const p = (start: string, mean: number, n = 1) => ({ start, mean, n });

describe('the year in pixels', () => {
  it('puts a mean into one of five bins of two points each, as the figure is shown', () => {
    expect([0, 1.9, 2, 3.94, 3.96, 4, 5.9, 6, 7.9, 8, 9.5, 10].map(binOf)).toEqual([1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5]);
    // 1.95 is shown as "2.0", and its square is in the 2 to 3.9 bin, as its label says.
    expect(one(1.95, 'en')).toBe('2.0');
    expect(binOf(1.95)).toBe(2);
    expect(binOf(1.94)).toBe(1);
    // 5.96 is shown as "6.0": its square is in the 6 to 7.9 bin, as its label says.
    expect(one(5.96, 'en')).toBe('6.0');
    expect(binOf(5.96)).toBe(4);
    expect(BIN_LABELS).toHaveLength(5);
  });

  it('is 365 days ending today, in weeks from Monday, with nothing before the first day or after today', () => {
    // 30 November 2026 is a Monday; a year back to 1 December 2025, a Monday too.
    const weeks = yearWeeks('2026-11-30', [p('2026-11-30', 6.5, 2), p('2025-12-01', 3), p('2025-11-30', 9)]);
    expect(weeks).toHaveLength(53);
    expect(weeks[0].monday).toBe('2025-12-01');
    expect(weeks[0].days[0]).toEqual({ day: '2025-12-01', point: p('2025-12-01', 3) });
    const last = weeks.at(-1)!;
    expect(last.days[0]).toEqual({ day: '2026-11-30', point: p('2026-11-30', 6.5, 2) });
    expect(last.days.slice(1), 'after today').toEqual([null, null, null, null, null, null]);
    const days = weeks.flatMap((w) => w.days).filter((d) => d !== null);
    expect(days).toHaveLength(365);
    expect(days.filter((d) => d.point !== null), 'the day before the year is not in it').toHaveLength(2);

    // A Thursday: the first week starts on the Monday before the first day, blank till then.
    const thu = yearWeeks('2026-11-26', []);
    expect(thu[0].monday).toBe('2025-11-24');
    expect(thu[0].days.map((d) => d?.day ?? null)).toEqual([null, null, null, '2025-11-27', '2025-11-28', '2025-11-29', '2025-11-30']);
    expect(weekMonth(thu[1], 'en')).toBe('Dec');
    expect(weekMonth(thu[2], 'en')).toBe('');
  });

  it('moves by a day down a week and by a week across; Home and End to the week’s ends, with Ctrl to the year’s; never outside it', () => {
    const [first, last] = ['2025-12-01', '2026-11-30'];
    const day = '2026-06-10'; // a Wednesday
    expect(pixelMove('ArrowDown', day, first, last)).toBe('2026-06-11');
    expect(pixelMove('ArrowUp', day, first, last)).toBe('2026-06-09');
    expect(pixelMove('ArrowRight', day, first, last)).toBe('2026-06-17');
    expect(pixelMove('ArrowLeft', day, first, last)).toBe('2026-06-03');
    expect(pixelMove('Home', day, first, last)).toBe('2026-06-08');
    expect(pixelMove('End', day, first, last)).toBe('2026-06-14');
    expect(pixelMove('Home', day, first, last, true)).toBe(first);
    expect(pixelMove('End', day, first, last, true)).toBe(last);
    expect(pixelMove('ArrowRight', '2026-11-26', first, last), 'not past today').toBe(last);
    expect(pixelMove('ArrowLeft', '2025-12-03', first, last), 'not before the first day').toBe(first);
    expect(pixelMove('End', last, first, last), 'the week after today is not there').toBe(last);
    expect(pixelMove('a', day, first, last)).toBeNull();
  });

  it('names each day with its figure and n, or says there was no check-in', () => {
    const today = '2026-11-30';
    expect(pixelLabel('2026-11-03', p('2026-11-03', 6.5, 2), 'mood', true, today, 'en-GB')).toBe('Tuesday 3 November: mood 6.5 from 2 check-ins');
    expect(pixelLabel('2026-11-04', p('2026-11-04', 7, 1), 'stress', true, today, 'en-GB')).toBe('Wednesday 4 November: stress 7.0 from 1 check-in');
    expect(pixelLabel('2026-11-05', null, 'mood', false, today, 'en-GB')).toBe('Thursday 5 November: no check-in');
    expect(pixelLabel('2026-11-05', null, 'mood', true, today, 'en-GB')).toBe('Thursday 5 November: no mood rated');
    expect(pixelLabel(today, null, 'stress', false, today, 'en-GB')).toBe('Today: no check-in');
    expect(pixelLabel('2025-12-02', null, 'mood', false, today, 'en-GB')).toBe(`${dayHeading('2025-12-02', today, 'en-GB')}: no check-in`);
    expect(dayHeading('2025-12-02', today, 'en-GB'), 'the year when it is not this one').toMatch(/^Tuesday,? 2 December 2025$/);
  });

  it('says the year month by month: the mean of its days and how many had one', () => {
    const rows = yearMonths('2026-11-30', [p('2025-12-01', 3), p('2025-12-31', 6), p('2026-11-02', 5.5)]);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ month: '2025-12', mean: 4.5, days: 2 });
    expect(rows[1]).toEqual({ month: '2026-01', mean: null, days: 0 });
    expect(rows.at(-1)).toEqual({ month: '2026-11', mean: 5.5, days: 1 });
    expect(yearMonths('2026-11-26', [])[0].month, 'the month the year starts in is there too').toBe('2025-11');
    expect(yearSummary('mood', [p('2025-12-01', 3), p('2025-12-31', 6)], 'en')).toBe(
      'In the last year, 2 days have a mood rating; across those days it averaged 4.5 out of 10.',
    );
    expect(yearSummary('stress', [])).toBe('No days with a stress rating in the last year yet.');
  });
});

describe('over time', () => {
  it('breaks a line where a bucket has no check-in, and knows the next bucket', () => {
    expect(nextBucket('month', '2026-12-01')).toBe('2027-01-01');
    expect(nextBucket('week', '2026-12-28')).toBe('2027-01-04');
    expect(bucketStart('week', '2027-01-03')).toBe('2026-12-28');
    const runs = runsOf('week', [p('2026-11-02', 6), p('2026-11-09', 5), p('2026-11-23', 4), p('2026-11-30', 3)]);
    expect(runs.map((r) => r.map((x) => x.start))).toEqual([
      ['2026-11-02', '2026-11-09'],
      ['2026-11-23', '2026-11-30'],
    ]);
    expect(runsOf('day', [])).toEqual([]);
  });

  it('labels buckets: a day, the week it starts, a month', () => {
    expect(bucketLabel('week', '2026-11-02', '2026-11-30', 'en-GB')).toBe('Week of Mon 2 Nov');
    expect(bucketLabel('day', '2025-11-02', '2026-11-30', 'en-GB')).toMatch(/^Sun,? 2 Nov 2025$/);
    expect(bucketLabel('month', '2026-11-01', '2026-11-30', 'en-GB')).toBe('November 2026');
  });

  it('puts the person’s word for craving inside a sentence without spoiling a name', () => {
    expect(['Craving', 'Urge to drink', 'PTSD', 'AA meeting', 'urge'].map(inSentence)).toEqual(['craving', 'urge to drink', 'PTSD', 'AA meeting', 'urge']);
  });

  it('writes figures to one decimal with their n, and never "-0.0"', () => {
    expect(one(6, 'en')).toBe('6.0');
    expect(one(5.25, 'en')).toBe('5.3');
    expect(one(-0.01, 'en')).toBe('0.0');
    expect(one(-0.25, 'en')).toBe('-0.3');
    expect(withN(5.8, 5, 'en')).toBe('5.8 (5)');
    expect(withN(null, 0)).toBe('–');
  });
});

describe('words', () => {
  const skill = (over: Partial<SkillEffectDto>): SkillEffectDto => ({ name: 'Box breathing', skill: null, uses: 3, n: 3, meanDrop: 3, medianDrop: 3, ranked: true, ...over });

  it('say what happened to distress, on average, for this person, without a verdict', () => {
    expect(skillSentence(skill({}), 'en')).toBe('On average, for you, distress dropped by 3.0 points after Box breathing (3 times).');
    expect(skillSentence(skill({ meanDrop: -0.5, n: 4 }), 'en')).toBe('On average, for you, distress rose by 0.5 points after Box breathing (4 times).');
    expect(skillSentence(skill({ meanDrop: 0 }), 'en')).toBe('On average, for you, distress stayed about the same after Box breathing (3 times).');
    expect(skillDetail(skill({ uses: 4, medianDrop: 2.5 }), 'en')).toBe('Median drop 2.5 · used 4 times, 3 with a before and after rating');
    for (const s of [skill({}), skill({ meanDrop: -2 })]) expect(skillSentence(s)).not.toMatch(/\b(best|worst|fail|bad|good)\b/i);
  });

  it('name the sleep bands', () => {
    expect([
      { from: 0, below: 6 },
      { from: 6, below: 7 },
      { from: 8, below: null },
    ].map(sleepBandWords)).toEqual(['Under 6 hours', '6 to 7 hours', '8 hours or more']);
  });
});
