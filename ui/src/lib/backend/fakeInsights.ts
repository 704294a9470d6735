// The engine's insights (src/insights.rs), pure, for the fake backend: check-in figures over
// time, which coping skills help, and the patterns between sleep, HALT, triggers and stress.
// Every figure keeps the engine's arithmetic (means never rounded), its orders and its
// tie-breaks; the contract table (tests/contract/cases.json) holds the two to the same answers,
// and fakeInsights.test.ts checks the engine's own hand-worked cases.
import type { CheckinDto } from './generated/CheckinDto';
import type { HaltStressDto } from './generated/HaltStressDto';
import type { HighStressDto } from './generated/HighStressDto';
import type { PointDto } from './generated/PointDto';
import type { SkillEffectDto } from './generated/SkillEffectDto';
import type { SleepBandDto } from './generated/SleepBandDto';

export type Metric = 'stress' | 'mood' | 'craving';
export type Bucket = 'day' | 'week' | 'month';

/** A check-in and the local day it belongs to (`YYYY-MM-DD`), in the order the vault lists
 * them (newest first): sums of hours depend on it, and so does which spelling of a trigger is
 * kept. */
export interface DatedCheckin {
  day: string;
  c: Pick<CheckinDto, 'stress' | 'mood' | 'craving' | 'sleepHours' | 'halt' | 'triggers' | 'context'>;
}

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function utc(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `day` moved by `n` calendar days (on the calendar, never through a time zone). */
export function shiftDay(day: string, n: number): string {
  return iso(new Date(utc(day).getTime() + n * DAY_MS));
}

/** The Monday of the week holding `day` (`diary::monday_of`). */
export function mondayOf(day: string): string {
  const weekday = (utc(day).getUTCDay() + 6) % 7;
  return shiftDay(day, -weekday);
}

/** The first day of the bucket holding `day` (`Bucket::start`). */
export function bucketStart(bucket: Bucket, day: string): string {
  if (bucket === 'week') return mondayOf(day);
  if (bucket === 'month') return `${day.slice(0, 8)}01`;
  return day;
}

/** The first day covered by a span ending `today` (`commands::insights`): null for all,
 * undefined for a span the engine does not know. */
export function spanStart(range: string, today: string): string | null | undefined {
  const back: Record<string, number | null> = { '30d': 29, '90d': 89, '1y': 364, all: null };
  if (!Object.hasOwn(back, range)) return undefined;
  const n = back[range];
  return n === null ? null : shiftDay(today, -n);
}

export const BUCKETS: readonly Bucket[] = ['day', 'week', 'month'];

const mean = (sum: number, n: number) => (n === 0 ? 0 : sum / n);

/** `metric` over the check-ins from `from` (inclusive; null for all) to `to`, grouped by
 * `bucket`, oldest first. A bucket with no answer is left out: a gap, not a zero. */
export function series(checkins: readonly DatedCheckin[], metric: Metric, bucket: Bucket, from: string | null, to: string): PointDto[] {
  const acc = new Map<string, { sum: number; n: number }>();
  for (const { day, c } of checkins) {
    if (day > to || (from !== null && day < from)) continue;
    const v = c[metric];
    if (v === null || v === undefined) continue;
    const key = bucketStart(bucket, day);
    const e = acc.get(key) ?? { sum: 0, n: 0 };
    e.sum += v;
    e.n += 1;
    acc.set(key, e);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([start, { sum, n }]) => ({ start, mean: mean(sum, n), n }));
}

/** Fewest rated uses before a skill is put in order (`MIN_RANKED`). */
export const MIN_RANKED = 3;

export interface SkillUseLike {
  skillId: string | null;
  skillName: string;
  distressBefore: number | null;
  distressAfter: number | null;
}

function median(v: number[]): number | null {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const byLowerName = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Each skill's uses and the drop in distress (before − after), from uses listed newest first.
 * A skill is one library entry (by id) or, for uses with none, one name in any case; its name is
 * the one at its newest use. Ranked skills come first, by mean drop (then more rated uses, then
 * name); the rest by uses, then name. */
export function skillEffects(uses: readonly SkillUseLike[]): SkillEffectDto[] {
  const groups = new Map<string, { name: string; skill: string | null; uses: number; drops: number[] }>();
  for (const u of uses) {
    const key = u.skillId !== null ? `id:${u.skillId}` : `name:${u.skillName.trim().toLowerCase()}`;
    let g = groups.get(key);
    if (!g) {
      g = { name: u.skillName, skill: u.skillId, uses: 0, drops: [] };
      groups.set(key, g);
    }
    g.uses += 1;
    if (u.distressBefore !== null && u.distressAfter !== null) g.drops.push(u.distressBefore - u.distressAfter);
  }
  const out: SkillEffectDto[] = [...groups.values()].map((g) => {
    const n = g.drops.length;
    return {
      name: g.name,
      skill: g.skill,
      uses: g.uses,
      n,
      meanDrop: n > 0 ? g.drops.reduce((s, d) => s + d, 0) / n : null,
      medianDrop: median(g.drops),
      ranked: n >= MIN_RANKED,
    };
  });
  return out.sort((a, b) => {
    if (a.ranked !== b.ranked) return a.ranked ? -1 : 1;
    const order = a.ranked ? (b.meanDrop ?? 0) - (a.meanDrop ?? 0) || b.n - a.n : b.uses - a.uses;
    return order || byLowerName(a.name, b.name);
  });
}

/** The sleep bands: under 6 hours, 6 to 7, 7 to 8, 8 or more (`SLEEP_BANDS`). */
export const SLEEP_BANDS: readonly [number, number | null][] = [
  [0, 6],
  [6, 7],
  [7, 8],
  [8, null],
];

/** Sleep against the next day's stress: a day's sleep (the mean of what its check-ins say)
 * paired with the mean stress of the day after; each band's mean and n. Bands with no pair are
 * left out. Hours are the engine's `f32`, so they are rounded to single precision first. */
export function sleepVsNextDayStress(checkins: readonly DatedCheckin[]): SleepBandDto[] {
  const sleep = new Map<string, { sum: number; n: number }>();
  const stress = new Map<string, { sum: number; n: number }>();
  const add = (m: Map<string, { sum: number; n: number }>, day: string, v: number) => {
    const e = m.get(day) ?? { sum: 0, n: 0 };
    e.sum += v;
    e.n += 1;
    m.set(day, e);
  };
  for (const { day, c } of checkins) {
    if (c.sleepHours !== null && c.sleepHours !== undefined) add(sleep, day, Math.fround(c.sleepHours));
    if (c.stress !== null && c.stress !== undefined) add(stress, day, c.stress);
  }
  const bands = SLEEP_BANDS.map(() => ({ sum: 0, n: 0 }));
  for (const day of [...sleep.keys()].sort()) {
    const next = stress.get(shiftDay(day, 1));
    if (!next) continue;
    const h = sleep.get(day)!;
    const hours = mean(h.sum, h.n);
    const i = SLEEP_BANDS.findIndex(([from, below]) => hours >= from && (below === null || hours < below));
    if (i < 0) continue;
    bands[i].sum += mean(next.sum, next.n);
    bands[i].n += 1;
  }
  return SLEEP_BANDS.flatMap(([from, below], i) =>
    bands[i].n > 0 ? [{ from, below, meanNextStress: mean(bands[i].sum, bands[i].n), n: bands[i].n }] : [],
  );
}

export const HALT_ANSWERS = ['hungry', 'angry', 'lonely', 'tired'] as const;

/** For each HALT answer, the mean stress of the check-ins that said yes and of those that did
 * not (check-ins with a stress rating only). */
export function haltVsStress(checkins: readonly DatedCheckin[]): HaltStressDto[] {
  return HALT_ANSWERS.map((answer) => {
    let [w, wn, o, on] = [0, 0, 0, 0];
    for (const { c } of checkins) {
      if (c.stress === null || c.stress === undefined) continue;
      if (c.halt[answer]) {
        w += c.stress;
        wn += 1;
      } else {
        o += c.stress;
        on += 1;
      }
    }
    return {
      answer,
      withMean: wn > 0 ? mean(w, wn) : null,
      withN: wn,
      withoutMean: on > 0 ? mean(o, on) : null,
      withoutN: on,
    };
  });
}

/** A day's mean stress from this on is a high-stress day (`HIGH_STRESS`). */
export const HIGH_STRESS = 7;

/** The triggers and contexts most often present on high-stress days, counted once a day: each
 * trigger as first written (days oldest first, a day's check-ins in list order), most days
 * first, then by name. */
export function highStressDays(checkins: readonly DatedCheckin[]): HighStressDto {
  const byDay = new Map<string, DatedCheckin['c'][]>();
  for (const { day, c } of checkins) {
    const list = byDay.get(day) ?? [];
    list.push(c);
    byDay.set(day, list);
  }
  let days = 0;
  const triggers = new Map<string, { name: string; n: number }>();
  const contexts = new Map<string, number>();
  for (const day of [...byDay.keys()].sort()) {
    const cs = byDay.get(day)!;
    const rated = cs.flatMap((c) => (c.stress === null || c.stress === undefined ? [] : [c.stress]));
    if (rated.length === 0) continue;
    if (mean(rated.reduce((s, x) => s + x, 0), rated.length) < HIGH_STRESS) continue;
    days += 1;
    const seen = new Set<string>();
    for (const t of cs.flatMap((c) => c.triggers)) {
      const key = t.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const e = triggers.get(key);
      if (e) e.n += 1;
      else triggers.set(key, { name: t.trim(), n: 1 });
    }
    const ctxSeen = new Set<string>();
    for (const c of cs) {
      if (c.context === null || c.context === undefined || ctxSeen.has(c.context)) continue;
      ctxSeen.add(c.context);
      contexts.set(c.context, (contexts.get(c.context) ?? 0) + 1);
    }
  }
  return {
    days,
    triggers: [...triggers.values()].map(({ name, n }) => ({ name, n })).sort((a, b) => b.n - a.n || byLowerName(a.name, b.name)),
    contexts: [...contexts.entries()]
      .map(([name, n]) => ({ name, n }))
      .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
