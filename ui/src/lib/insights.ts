// The Insights screen's words and shapes, pure: figures to one decimal with the number behind
// them, the year in pixels (its weeks, its colour bins, each day's label, the keyboard's moves),
// and sentences that say what the records show without a verdict. The figures come from the
// engine (`insights`); nothing here computes a mean the engine did not give.
import type { PointDto, SkillEffectDto, SleepBandDto } from './backend';
import { dayHeading, localDay } from './time';

export type Span = '30d' | '90d' | '1y' | 'all';
export type Grouping = 'day' | 'week' | 'month';
export type PixelMetric = 'mood' | 'stress';

export const SPANS: readonly [Span, string][] = [
  ['30d', '30 days'],
  ['90d', '90 days'],
  ['1y', 'A year'],
  ['all', 'Everything'],
];

export const GROUPINGS: readonly [Grouping, string][] = [
  ['day', 'By day'],
  ['week', 'By week'],
  ['month', 'By month'],
];

/** What the screen opens with: the last 90 days, week by week. */
export const DEFAULT_SPAN: Span = '90d';
export const DEFAULT_GROUPING: Grouping = 'week';

/** Fewer than this many behind a figure: it is said plainly that it is an early picture. */
export const FEW = 5;

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const isoOf = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** `day` moved by `n` calendar days. */
export function plusDays(day: string, n: number): string {
  return isoOf(utc(day) + n * DAY_MS);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / DAY_MS);
}

/** 0 Monday … 6 Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(utc(day)).getUTCDay() + 6) % 7;
}

/** The first day of the bucket holding `day` (weeks from Monday, as the engine's). */
export function bucketStart(grouping: Grouping, day: string): string {
  if (grouping === 'week') return plusDays(day, -weekdayIndex(day));
  if (grouping === 'month') return `${day.slice(0, 8)}01`;
  return day;
}

/** The first day of the bucket after the one starting `start`. */
export function nextBucket(grouping: Grouping, start: string): string {
  if (grouping === 'day') return plusDays(start, 1);
  if (grouping === 'week') return plusDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`;
}

/** A figure rounded to one decimal place (half away from zero on what it looks like, so 1.95 is
 * 2.0): what is shown, and what a square's colour is chosen by. */
export function round1(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x) * 10) / 10;
  return r === 0 ? 0 : r;
}

/** A figure to one decimal place, in the reader's locale ("6.5"; never "-0.0"). */
export function one(x: number, locale?: string): string {
  return round1(x).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A word as it reads inside a sentence: "Craving" → "craving", but "AA meeting" and "PTSD" stay
 * (the person's own words for the craving scale may be a name or an acronym). */
export function inSentence(word: string): string {
  return /^\p{Lu}\p{Ll}/u.test(word) ? word.charAt(0).toLowerCase() + word.slice(1) : word;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `1 check-in`, `3 check-ins`. */
export const checkins = (n: number) => plural(n, 'check-in');

/** A bucket's first day in words: "Mon 2 Nov" for a day, "Week of Mon 2 Nov", "November 2026". */
export function bucketLabel(grouping: Grouping, start: string, today: string = localDay(), locale?: string): string {
  if (grouping === 'month') {
    return new Date(utc(start)).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  const d = new Date(utc(start));
  const sameYear = start.slice(0, 4) === today.slice(0, 4);
  const words = d.toLocaleDateString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
  return grouping === 'week' ? `Week of ${words}` : words;
}

/** A month (`YYYY-MM`) in words: "November 2026". */
export function monthLabel(month: string, locale?: string): string {
  return new Date(utc(`${month}-01`)).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** One line of the chart over time. */
export interface SeriesLine {
  key: 'stress' | 'mood' | 'craving';
  label: string;
  points: PointDto[];
}

/** A line's points in runs of buckets that follow one another: a bucket with no check-in
 * breaks the line (a gap, never a zero). */
export function runsOf(grouping: Grouping, points: readonly PointDto[]): PointDto[][] {
  const out: PointDto[][] = [];
  for (const p of points) {
    const run = out.at(-1);
    const prev = run?.at(-1);
    if (run && prev && nextBucket(grouping, prev.start) === p.start) run.push(p);
    else out.push([p]);
  }
  return out;
}

// ---- The year in pixels ---------------------------------------------------------------------

/** Colour bins of a 0–10 mean: five of two points each, on the figure as shown (one decimal),
 * so a square and its label never disagree. */
export const BINS = 5;

export function binOf(mean: number): number {
  const shown = round1(mean);
  return Math.min(BINS, Math.max(1, Math.floor(shown / 2) + 1));
}

/** The legend's words for each bin. */
export const BIN_LABELS: readonly string[] = ['0 to 1.9', '2 to 3.9', '4 to 5.9', '6 to 7.9', '8 to 10'];

export interface PixelDay {
  day: string;
  point: PointDto | null;
}

export interface PixelWeek {
  monday: string;
  days: (PixelDay | null)[];
}

/** The last 365 days ending `today`, as weeks from Monday: each week seven days, `null` for a
 * day before the first or after today. */
export function yearWeeks(today: string, points: readonly PointDto[]): PixelWeek[] {
  const first = plusDays(today, -364);
  const byDay = new Map(points.map((p) => [p.start, p]));
  const weeks: PixelWeek[] = [];
  for (let monday = plusDays(first, -weekdayIndex(first)); monday <= today; monday = plusDays(monday, 7)) {
    const days = Array.from({ length: 7 }, (_, i) => {
      const day = plusDays(monday, i);
      return day < first || day > today ? null : { day, point: byDay.get(day) ?? null };
    });
    weeks.push({ monday, days });
  }
  return weeks;
}

/** The short name of the month that starts in this week ("Nov"), or nothing: the labels along
 * the top of the year. */
export function weekMonth(week: PixelWeek, locale?: string): string {
  const firstOfMonth = week.days.find((d) => d !== null && d.day.endsWith('-01'));
  return firstOfMonth ? new Date(utc(firstOfMonth.day)).toLocaleDateString(locale, { month: 'short', timeZone: 'UTC' }) : '';
}

/** Monday to Sunday, short, in the reader's locale. */
export function weekdayNames(locale?: string): string[] {
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' }));
}

/** Where a key takes the focus in the year (days move up and down a week's column, weeks left
 * and right): arrows by a day and a week, Home and End to the week's Monday and Sunday, with
 * Ctrl to the first and last day. Null for a key that does not move; never outside the year. */
export function pixelMove(key: string, day: string, first: string, last: string, ctrl = false): string | null {
  let next: string;
  switch (key) {
    case 'ArrowUp':
      next = plusDays(day, -1);
      break;
    case 'ArrowDown':
      next = plusDays(day, 1);
      break;
    case 'ArrowLeft':
      next = plusDays(day, -7);
      break;
    case 'ArrowRight':
      next = plusDays(day, 7);
      break;
    case 'Home':
      next = ctrl ? first : plusDays(day, -weekdayIndex(day));
      break;
    case 'End':
      next = ctrl ? last : plusDays(day, 6 - weekdayIndex(day));
      break;
    default:
      return null;
  }
  return next < first ? first : next > last ? last : next;
}

const METRIC_WORD: Record<PixelMetric, string> = { mood: 'mood', stress: 'stress' };

/** "Tuesday 3 November: mood 6.5 from 2 check-ins"; "…: no check-in"; "…: no mood rated" on a
 * day with a check-in that did not rate it. */
export function pixelLabel(day: string, point: PointDto | null, metric: PixelMetric, checkedIn: boolean, today: string = localDay(), locale?: string): string {
  const when = dayHeading(day, today, locale);
  if (point) return `${when}: ${METRIC_WORD[metric]} ${one(point.mean, locale)} from ${checkins(point.n)}`;
  return `${when}: ${checkedIn ? `no ${METRIC_WORD[metric]} rated` : 'no check-in'}`;
}

export interface MonthRow {
  month: string;
  /** The mean of the month's days (each day counts once); null with none. */
  mean: number | null;
  days: number;
}

/** The year month by month, oldest first: the mean of each day's figure and how many days had
 * one. Months the year only touches are there too. */
export function yearMonths(today: string, points: readonly PointDto[]): MonthRow[] {
  const first = plusDays(today, -364);
  const rows: MonthRow[] = [];
  let month = first.slice(0, 7);
  const last = today.slice(0, 7);
  while (month <= last) {
    const mine = points.filter((p) => p.start.startsWith(month) && p.start >= first && p.start <= today);
    rows.push({ month, mean: mine.length ? mine.reduce((s, p) => s + p.mean, 0) / mine.length : null, days: mine.length });
    month = nextBucket('month', `${month}-01`).slice(0, 7);
  }
  return rows;
}

/** "In the last year, 143 days have a mood rating; across those days it averaged 6.1." */
export function yearSummary(metric: PixelMetric, points: readonly PointDto[], locale?: string): string {
  if (points.length === 0) return `No days with a ${METRIC_WORD[metric]} rating in the last year yet.`;
  const avg = points.reduce((s, p) => s + p.mean, 0) / points.length;
  const days = points.length === 1 ? '1 day has' : `${points.length} days have`;
  return `In the last year, ${days} a ${METRIC_WORD[metric]} rating; across those days it averaged ${one(avg, locale)} out of 10.`;
}

// ---- Coping skills and patterns --------------------------------------------------------------

/** Fewest uses rated before and after for a skill to be put in order (the engine's `MIN_RANKED`). */
export const MIN_RANKED = 3;

/** "On average, for you, distress dropped by 3.0 points after Box breathing (3 times)." A rise
 * is said the same calm way. */
export function skillSentence(s: SkillEffectDto, locale?: string): string {
  const drop = s.meanDrop ?? 0;
  const times = s.n === 1 ? '1 time' : `${s.n} times`;
  const change =
    Math.abs(drop) < 0.05
      ? 'stayed about the same'
      : drop > 0
        ? `dropped by ${one(drop, locale)} points`
        : `rose by ${one(-drop, locale)} points`;
  return `On average, for you, distress ${change} after ${s.name} (${times}).`;
}

/** "Median drop 3.0 points · used 4 times, 3 with a before and after rating." */
export function skillDetail(s: SkillEffectDto, locale?: string): string {
  const median = s.medianDrop === null ? '' : `Median drop ${one(s.medianDrop, locale)} · `;
  return `${median}used ${s.uses === 1 ? 'once' : `${s.uses} times`}, ${s.n} with a before and after rating`;
}

/** "Under 6 hours", "6 to 7 hours", "8 hours or more". */
export function sleepBandWords(b: Pick<SleepBandDto, 'from' | 'below'>): string {
  if (b.below === null) return `${b.from} hours or more`;
  if (b.from === 0) return `Under ${b.below} hours`;
  return `${b.from} to ${b.below} hours`;
}

/** A figure with its n: "6.0 (3)", or an en dash for none. */
export function withN(mean: number | null, n: number, locale?: string): string {
  return mean === null || n === 0 ? '–' : `${one(mean, locale)} (${n})`;
}
