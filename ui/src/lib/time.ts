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

/** `HH:MM` as written. */
export function wallTime(rfc: string): string {
  return rfc.slice(11, 16);
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A local day (`YYYY-MM-DD`) in words, with Today/Yesterday. */
export function dayLabel(day: string, today: string = localDay()): string {
  if (day === today) return 'Today';
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  const yesterday = new Date();
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === localDay(yesterday)) return 'Yesterday';
  return dayFormat.format(date);
}

const shortFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const shortYearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A compact day label: Today, Yesterday, "Mon, Dec 8", or with the year when not this year. */
export function shortDayLabel(day: string, today: string = localDay()): string {
  const long = dayLabel(day, today);
  if (long === 'Today' || long === 'Yesterday') return long;
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return (y === Number(today.slice(0, 4)) ? shortFormat : shortYearFormat).format(date);
}
