// Local time helpers. A record keeps the local time and offset it was written at, so we show
// the wall-clock time from its own string rather than converting to the reader's zone.

const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0');

/** `YYYY-MM-DD` of a Date in this machine's zone. */
export function localDay(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** RFC 3339 with this machine's offset, e.g. `2026-03-01T23:04:05+01:00`. */
export function localRfc3339(d: Date = new Date()): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${localDay(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(off / 60)}:${pad(off % 60)}`
  );
}

/** Value for an <input type="datetime-local"> from an RFC 3339 string (its own wall clock). */
export function toDatetimeLocal(rfc: string): string {
  return rfc.slice(0, 16);
}

/** RFC 3339 from an <input type="datetime-local"> value, in this machine's zone. */
export function fromDatetimeLocal(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : localRfc3339(d);
}

// Dates, times and numbers follow the reader's locale (the OS's, as the web view reports it):
// every formatter takes `locale` (undefined: the default), so tests can name one and stay
// deterministic. Formatters are made once per locale and kind.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale ?? ''}|${key}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(id, f);
  }
  return f;
}

/** The clock time a record was written at, in its own offset (never converted to the reader's
 * zone), in the reader's locale: "14:05" or "2:05 PM". */
export function wallTime(rfc: string, locale?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(rfc);
  if (!m) return rfc.slice(11, 16);
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  // The wall-clock digits as a UTC instant, formatted in UTC: the digits come out unchanged.
  return formatter(locale, 'time', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(y, mo - 1, d, h, mi),
  );
}

/** A `YYYY-MM-DD` day as a local Date at midnight. */
function dateOf(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** `YYYY-MM-DD` `n` days after `day` (before, when negative). */
export function addDays(day: string, n: number): string {
  const d = dateOf(day);
  if (!d) return day;
  d.setDate(d.getDate() + n);
  return localDay(d);
}

/** A local day (`YYYY-MM-DD`) in words, with Today/Yesterday (relative to `today`; pass '' to
 * always have the date). */
export function dayLabel(day: string, today: string = localDay(), locale?: string): string {
  if (day === today) return 'Today';
  if (today && day === addDays(today, -1)) return 'Yesterday';
  const date = dateOf(day);
  if (!date) return day;
  return formatter(locale, 'day', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A local day (`YYYY-MM-DD`) as a date in words with its year, no weekday: "2 January 2025" (in
 * the locale's order). */
export function longDate(day: string, locale?: string): string {
  const date = dateOf(day);
  if (!date) return day;
  return formatter(locale, 'long', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A compact day label: Today, Yesterday, "Mon 8 Dec" (in the locale's order), with the year
 * when not this year. */
export function shortDayLabel(day: string, today: string = localDay(), locale?: string): string {
  const long = dayLabel(day, today, locale);
  if (long === 'Today' || long === 'Yesterday') return long;
  const date = dateOf(day);
  if (!date) return day;
  return date.getFullYear() === Number(today.slice(0, 4))
    ? formatter(locale, 'short', { weekday: 'short', day: 'numeric', month: 'short' }).format(date)
    : formatter(locale, 'shortYear', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** A day heading for a list of entries: Today, Yesterday, "Monday 8 December", with the year
 * only when it is not this year. */
export function dayHeading(day: string, today: string = localDay(), locale?: string): string {
  const long = dayLabel(day, today, locale);
  if (long === 'Today' || long === 'Yesterday') return long;
  const date = dateOf(day);
  if (!date) return day;
  return date.getFullYear() === Number(today.slice(0, 4))
    ? formatter(locale, 'heading', { weekday: 'long', day: 'numeric', month: 'long' }).format(date)
    : long;
}

/** A whole number in the reader's locale ("3,000", "3 000", "٣٬٠٠٠"). */
export function formatNumber(n: number, locale?: string): string {
  return n.toLocaleString(locale);
}

/** The first day of the week in a locale, 1 (Monday) to 7 (Sunday) as in `Intl.Locale`'s week
 * info; Monday where the engine cannot say. */
export function firstDayOfWeek(locale?: string): number {
  try {
    const loc = new Intl.Locale(locale ?? new Intl.DateTimeFormat().resolvedOptions().locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay?: number };
      weekInfo?: { firstDay?: number };
    };
    const first = (loc.getWeekInfo?.() ?? loc.weekInfo)?.firstDay;
    if (typeof first === 'number' && first >= 1 && first <= 7) return first;
  } catch {
    // An engine without Intl.Locale: Monday.
  }
  return 1;
}

/** The first day (`YYYY-MM-DD`) of the week `day` is in, the week starting on `firstDay`
 * (1 Monday … 7 Sunday). */
export function startOfWeek(day: string, firstDay: number = firstDayOfWeek()): string {
  const date = dateOf(day);
  if (!date) return day;
  const iso = date.getDay() === 0 ? 7 : date.getDay();
  return addDays(day, -((iso - firstDay + 7) % 7));
}
