// The engine's clock arithmetic (src/clocks.rs), for the fake backend: a clock's start, its
// lapses and "now" in; where it stands out. Days are counted on the wall clock where each moment
// happened; the first day in real hours. The contract table holds the two to the same answers.
import type { Milestone } from './backend';

const DAY = 86_400_000;

/** An RFC 3339 time as its instant and its wall clock (as a UTC millisecond count). */
function parse(s: string): { instant: number; wall: number } {
  const instant = Date.parse(s);
  const m = /([+-])(\d\d):(\d\d)$/.exec(s);
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return { instant, wall: instant + offset * 60_000 };
}

const dateOf = (wall: number) => new Date(wall).toISOString().slice(0, 10);
const wallDays = (from: string, to: string) => Math.max(0, Math.floor((parse(to).wall - parse(from).wall) / DAY));

/** `wall` plus `months` calendar months, the day kept or brought back to the month's last. */
function addMonths(wall: number, months: number): number {
  const d = new Date(wall);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

function* milestones(start: string): Generator<[Milestone, string]> {
  const { instant, wall } = parse(start);
  const offset = wall - instant;
  yield [{ unit: 'hours', count: 24 }, dateOf(instant + DAY + offset)];
  for (const d of [7, 30, 60, 90]) yield [{ unit: 'days', count: d }, dateOf(wall + d * DAY)];
  yield [{ unit: 'months', count: 6 }, dateOf(addMonths(wall, 6))];
  for (let y = 1; y < 200; y++) yield [{ unit: 'months', count: 12 * y }, dateOf(addMonths(wall, 12 * y))];
}

function daysWithout(from: string, to: string, lapseDays: string[]): number {
  if (from > to) return 0;
  const span = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  return Math.max(0, span - lapseDays.filter((d) => d >= from && d <= to).length);
}

export interface ClockStanding {
  runStart: string;
  runHours: number;
  runDays: number;
  longestDays: number;
  daysThisMonth: number;
  daysThisYear: number;
  lapses: number;
  milestoneToday: Milestone | null;
  nextMilestone: Milestone | null;
  nextMilestoneDay: string | null;
}

/** Where a clock that began at `since` stands at `now`, given its lapses. */
export function clockStatus(since: string, lapses: { at: string; restart: boolean }[], now: string): ClockStanding {
  const t = (s: string) => parse(s).instant;
  const counted = lapses.filter((l) => t(l.at) >= t(since) && t(l.at) <= t(now)).sort((a, b) => t(a.at) - t(b.at));
  const starts = [since, ...counted.filter((l) => l.restart).map((l) => l.at)];
  const runStart = starts[starts.length - 1];
  let longestDays = wallDays(runStart, now);
  for (let i = 1; i < starts.length; i++) longestDays = Math.max(longestDays, wallDays(starts[i - 1], starts[i]));
  const today = dateOf(parse(now).wall);
  const lapseDays = [...new Set(counted.map((l) => dateOf(parse(l.at).wall)))];
  const began = dateOf(parse(since).wall);
  const max = (a: string, b: string) => (a > b ? a : b);
  let milestoneToday: Milestone | null = null;
  let next: [Milestone, string] | null = null;
  if (t(now) >= t(runStart)) {
    for (const [m, day] of milestones(runStart)) {
      if (day === today) milestoneToday = m;
      else if (day > today) {
        next = [m, day];
        break;
      }
    }
  }
  return {
    runStart,
    runHours: Math.max(0, Math.floor((t(now) - t(runStart)) / 3_600_000)),
    runDays: wallDays(runStart, now),
    longestDays,
    daysThisMonth: daysWithout(max(`${today.slice(0, 8)}01`, began), today, lapseDays),
    daysThisYear: daysWithout(max(`${today.slice(0, 5)}01-01`, began), today, lapseDays),
    lapses: counted.length,
    milestoneToday,
    nextMilestone: next?.[0] ?? null,
    nextMilestoneDay: next?.[1] ?? null,
  };
}

/** One run of a clock: from its start or a lapse that restarted it, to the next such lapse or
 * `now` (the current run, `ended` false). Days as each end's wall clock says them. */
export interface ClockRun {
  start: string;
  end: string;
  days: number;
  ended: boolean;
}

/** Every run of a clock that began at `since`, oldest first, the current one last (`clocks::runs`).
 * A lapse that did not restart the clock does not end a run; lapses before `since` or after
 * `now` do not count. Times are RFC 3339 with their own offsets. */
export function clockRuns(since: string, lapses: { at: string; restart: boolean }[], now: string): ClockRun[] {
  const t = (s: string) => parse(s).instant;
  const counted = lapses.filter((l) => t(l.at) >= t(since) && t(l.at) <= t(now)).sort((a, b) => t(a.at) - t(b.at));
  const starts = [since, ...counted.filter((l) => l.restart).map((l) => l.at)];
  return starts.map((start, i) => {
    const ended = i + 1 < starts.length;
    const end = ended ? starts[i + 1] : now;
    return { start, end, days: wallDays(start, end), ended };
  });
}

/** The wall-clock day of an RFC 3339 time, in its own offset. */
export function wallDate(s: string): string {
  return dateOf(parse(s).wall);
}
