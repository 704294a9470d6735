// The engine's programme agenda (src/schedule.rs and commands::programme), for the fake backend:
// the schedule's slots, the changes and marks on single occurrences, and "now" in; the sessions
// ahead and behind, the next one and attendance out. Times are on the wall clock wherever the
// person is (`YYYY-MM-DDTHH:MM`, naive), as in the engine. `programme.test.ts` runs the engine's
// own cases against it.
import type { AgendaItemDto, AttendanceDto, OccurrenceDto, ProgrammeDto, ScheduleSlotDto } from './backend';

const DAY = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days the programme shows ahead (today included) and behind (`PROGRAMME_DAYS_*`). */
export const DAYS_AHEAD = 14;
export const DAYS_BEHIND = 28;

/** A `YYYY-MM-DD` day as a count of UTC milliseconds (naive: no zone). */
function dayMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function dayOf(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DD` `n` days after `day` (before, when negative), on the calendar. */
export function plusDays(day: string, n: number): string {
  return dayOf(dayMs(day) + n * DAY);
}

/** 1 = Monday … 7 = Sunday, as chrono's `number_from_monday`. */
export function isoWeekday(day: string): number {
  return ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;
}

/** A wall-clock `YYYY-MM-DDTHH:MM[:SS]` as naive milliseconds. */
function wallMs(s: string): number {
  const [day, time = '00:00'] = s.split('T');
  const [h, mi, sec = 0] = time.split(':').map(Number);
  return dayMs(day) + ((h * 60 + mi) * 60 + sec) * 1000;
}

function wallOf(ms: number): string {
  const d = new Date(ms);
  return `${dayOf(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Whether a slot happens on `day` (before any change to that one occurrence). */
export function fallsOn(slot: ScheduleSlotDto, day: string): boolean {
  if (day < slot.first || (slot.until !== null && day > slot.until)) return false;
  if (slot.weekdays.length === 0) return day === slot.first;
  return slot.weekdays.includes(isoWeekday(day));
}

/** A schedule record: its id and its (normalized) slot. */
export interface SlotRecord {
  id: string;
  slot: ScheduleSlotDto;
}

/** An occurrence record with what orders records of one key: the latest written wins. */
export interface MarkRecord {
  id: string;
  /** RFC 3339, when the record was last written. */
  updated: string;
  occurrence: OccurrenceDto;
}

/** Rust's `String` order (bytes); the same as code units for everything but astral characters. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every session whose scheduled day or moved start falls in `from..=to`, in start order.
 * Archived slots are left out of days to come but kept for days past, so attendance stays. */
export function agenda(slots: SlotRecord[], marks: MarkRecord[], from: string, to: string, today: string): AgendaItemDto[] {
  const latest = new Map<string, MarkRecord>();
  for (const m of marks) {
    const key = `${m.occurrence.slot}|${m.occurrence.date}`;
    const prev = latest.get(key);
    const newer = !prev || Date.parse(m.updated) > Date.parse(prev.updated) || (Date.parse(m.updated) === Date.parse(prev.updated) && m.id > prev.id);
    if (newer) latest.set(key, m);
  }
  const out: AgendaItemDto[] = [];
  for (const { id, slot } of slots) {
    // A move can bring an occurrence into the span from a day outside it: look a week wide.
    const last = plusDays(to, 7);
    for (let day = plusDays(from, -7); day <= last; day = plusDays(day, 1)) {
      if (!fallsOn(slot, day) || (slot.archived && day >= today)) continue;
      const m = latest.get(`${id}|${day}`);
      const start = m?.occurrence.movedTo ?? `${day}T${slot.start}`;
      const startDay = start.slice(0, 10);
      if (startDay < from || startDay > to) continue;
      out.push({
        slot: id,
        title: slot.title,
        sessionType: slot.sessionType,
        date: day,
        start,
        end: wallOf(wallMs(start) + slot.minutes * 60_000),
        minutes: slot.minutes,
        place: slot.place,
        online: slot.online,
        cancelled: !!m?.occurrence.cancelled,
        moved: !!m?.occurrence.movedTo,
        attendance: m?.occurrence.attendance ?? null,
        note: m?.occurrence.note ?? '',
        occurrence: m?.id ?? null,
        sessionNote: m?.occurrence.sessionNote ?? null,
      });
    }
  }
  return out.sort((a, b) => cmp(a.start, b.start) || cmp(a.title, b.title) || cmp(a.slot, b.slot));
}

/** The next session not cancelled that has not ended by `now` (one under way counts). `now` is
 * the wall clock, `YYYY-MM-DDTHH:MM[:SS]`. */
export function next(sessions: AgendaItemDto[], now: string): AgendaItemDto | null {
  const t = wallMs(now);
  return sessions.find((s) => !s.cancelled && wallMs(s.end) > t) ?? null;
}

/** Attended out of those attended or missed, in whole percent (excused ones do not count
 * against it), rounded half up; null before any. */
export function percent(attended: number, missed: number): number | null {
  const n = attended + missed;
  return n > 0 ? Math.floor((attended * 100 + Math.floor(n / 2)) / n) : null;
}

/** Attendance over the sessions that have started by `now`, cancelled ones left out. */
export function attendance(sessions: AgendaItemDto[], now: string): AttendanceDto {
  const t = wallMs(now);
  const a = { attended: 0, missed: 0, excused: 0, unmarked: 0 };
  for (const s of sessions) {
    if (s.cancelled || wallMs(s.start) > t) continue;
    if (s.attendance === null) a.unmarked += 1;
    else a[s.attendance] += 1;
  }
  return { ...a, percent: percent(a.attended, a.missed) };
}

/** The programme at a glance (`commands::programme`): the next session, two weeks ahead, four
 * weeks behind (newest first), and attendance since the first scheduled day. */
export function programme(slots: SlotRecord[], marks: MarkRecord[], now: string): ProgrammeDto {
  const today = now.slice(0, 10);
  const first = slots.reduce((min, s) => (s.slot.first < min ? s.slot.first : min), today);
  const behind = plusDays(today, -DAYS_BEHIND);
  const all = agenda(slots, marks, first < behind ? first : behind, plusDays(today, DAYS_AHEAD - 1), today);
  const t = wallMs(now);
  return {
    next: next(all, now),
    upcoming: all.filter((s) => s.start.slice(0, 10) >= today),
    recent: all
      .filter((s) => wallMs(s.start) <= t && s.start.slice(0, 10) >= behind)
      .reverse(),
    attendance: attendance(all, now),
  };
}
