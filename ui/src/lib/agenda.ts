// The programme in words, for the Programme screen and Today: days of a weekly slot, a session's
// time and place, and attendance as a figure (warm, never a verdict on a missed session).
import type { AgendaItemDto, AttendanceDto, BodyDto, OccurrenceDto, RecordDto, ScheduleSlotDto } from './backend';
import { shortDayLabel, wallTime } from './time';

/** ISO weekdays (1 = Monday … 7 = Sunday) with their short and long names. */
export const WEEKDAYS: [number, string, string][] = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [7, 'Sun', 'Sunday'],
];

/** "Mon, Wed, Thu"; "Every day" for all seven. */
export function daysWords(weekdays: number[]): string {
  if (weekdays.length === 7) return 'Every day';
  return WEEKDAYS.filter(([d]) => weekdays.includes(d))
    .map(([, short]) => short)
    .join(', ');
}

/** "18:00–21:00" (in the reader's locale), on the wall clock. */
export function timeRange(s: { start: string; end: string }, locale?: string): string {
  return `${wallTime(s.start, locale)}–${wallTime(s.end, locale)}`;
}

/** A slot's start and end on its first day (`YYYY-MM-DDTHH:MM`), for its time range. */
export function slotTimes(slot: ScheduleSlotDto): { start: string; end: string } {
  const [y, mo, d] = slot.first.split('-').map(Number);
  const [h, mi] = slot.start.split(':').map(Number);
  const end = new Date(Date.UTC(y, mo - 1, d, h, mi + slot.minutes)).toISOString().slice(0, 16);
  return { start: `${slot.first}T${slot.start}`, end };
}

/** Where it happens: the place, "Online", both, or nothing said. */
export function whereWords(s: { place: string; online: boolean }): string {
  if (s.online && s.place) return `Online · ${s.place}`;
  if (s.online) return 'Online';
  return s.place;
}

/** A length in minutes as "45 minutes", "1 hour", "3 hours 30 minutes". */
export function lengthWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 0 ? '' : m === 1 ? '1 minute' : `${m} minutes`;
  return [hours, mins].filter(Boolean).join(' ') || '0 minutes';
}

/** How a slot repeats: "Mon, Wed · from Mon 2 Nov", "Once, Thu 3 Dec". */
export function repeatWords(slot: ScheduleSlotDto, today?: string, locale?: string): string {
  if (slot.weekdays.length === 0) return `Once, ${shortDayLabel(slot.first, today, locale)}`;
  const range = slot.until
    ? `from ${shortDayLabel(slot.first, today, locale)} to ${shortDayLabel(slot.until, today, locale)}`
    : `from ${shortDayLabel(slot.first, today, locale)}`;
  return `${daysWords(slot.weekdays)} · ${range}`;
}

/** What changed about one session, in words: nothing, moved (from its scheduled day), or
 * cancelled. */
export function changeWords(item: AgendaItemDto, today?: string, locale?: string): string {
  if (item.cancelled) return 'Cancelled this time';
  if (item.moved) return `Moved from ${shortDayLabel(item.date, today, locale)}`;
  return '';
}

/** "You attended 9 of 10 sessions (90%); 1 excused." Excused ones are their own count and never
 * weigh against the figure; nothing marked yet says how it will show. */
export function attendanceWords(a: AttendanceDto): string {
  const counted = a.attended + a.missed;
  const excused = a.excused ? `; ${a.excused} excused` : '';
  const sessions = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;
  if (counted === 0) {
    return a.excused ? `${sessions(a.excused)} excused so far.` : 'Once you mark a session, your attendance shows here.';
  }
  // No figure of 0%: just what was marked.
  if (a.attended === 0) return `${sessions(a.missed)} marked missed so far${excused}.`;
  return `You attended ${a.attended} of ${sessions(counted)} (${a.percent ?? 0}%)${excused}.`;
}

/** The occurrence record's body for an agenda item as it stands, with a change applied: the
 * one record of that (slot, day), updated in place when it exists. */
export function occurrenceOf(item: AgendaItemDto, change: Partial<OccurrenceDto> = {}): OccurrenceDto {
  return {
    slot: item.slot,
    slotTitle: item.title,
    date: item.date,
    cancelled: item.cancelled,
    movedTo: item.moved ? item.start : null,
    attendance: item.attendance,
    note: item.note,
    sessionNote: item.sessionNote,
    ...change,
  };
}

/** A goal's progress: "2 of 5 steps". */
export function progressWords(g: { steps: { done: boolean }[] }): string {
  const done = g.steps.filter((s) => s.done).length;
  return `${done} of ${g.steps.length} ${g.steps.length === 1 ? 'step' : 'steps'}`;
}

/** Saves a change to one session: the (slot, day)'s one occurrence record is updated in place
 * when it exists, and written otherwise. */
export function saveOccurrence(
  app: { add(b: BodyDto): Promise<RecordDto>; update(id: string, b: BodyDto): Promise<RecordDto> },
  item: AgendaItemDto,
  change: Partial<OccurrenceDto>,
): Promise<RecordDto> {
  const body: BodyDto = { kind: 'occurrence', ...occurrenceOf(item, change) };
  return item.occurrence ? app.update(item.occurrence, body) : app.add(body);
}
