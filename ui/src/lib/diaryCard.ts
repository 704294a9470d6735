// The diary card's words and the plain logic of its week page: the skills-use anchors (Keel's
// own), which columns a week shows, reading and writing one day's cells, the accessible names
// of the cells, and moving between cells from the keyboard.
import type { DiaryCardDto, DiaryDayDto, DiarySetupDto, FeelingDto, UrgeDto } from './backend';

/** Highest urge or emotion level (`diary_card::MAX_LEVEL`). */
export const MAX_LEVEL = 5;
/** Highest overall skills-use rating (`diary_card::MAX_SKILLS_RATING`). */
export const MAX_SKILLS_RATING = 7;
/** Most targets or emotions on a card (`diary_card::MAX_COLUMNS`). */
export const MAX_COLUMNS = 12;

/** What each overall skills-use rating means, 0 to 7, in Keel's own words. */
export const SKILLS_ANCHORS: readonly string[] = [
  "Skills weren't on my mind",
  'I thought of them, and let it go',
  "I wanted to use one, but didn't",
  "I tried one, but couldn't stay with it",
  "I used one; it didn't help much this time",
  'I used one, and it helped a little',
  'I used them when I needed them, and they helped',
  'They came without thinking, and helped',
];

/** A rating with its words: "5: I used one, and it helped a little". */
export function anchorOf(rating: number | null): string {
  return rating === null || !SKILLS_ANCHORS[rating] ? '' : `${rating}: ${SKILLS_ANCHORS[rating]}`;
}

/** A card with nothing written, for `date`. */
export function emptyCard(date: string): DiaryCardDto {
  return { date, urges: [], emotions: [], skills: [], skillsRating: null, medication: null, note: '' };
}

/** Nothing written on it: such a day is not saved until something is. */
export function isEmptyCard(c: DiaryCardDto): boolean {
  return c.urges.length === 0 && c.emotions.length === 0 && c.skills.length === 0 && c.skillsRating === null && c.medication === null && c.note === '';
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A list's names, then any other name the week's cards hold (a target renamed or removed since
 * keeps its column for the days that have it, so nothing written is hidden). */
function withExtra(names: string[], found: string[]): string[] {
  const out = [...names];
  for (const n of found) if (n.trim() && !out.some((o) => same(o, n))) out.push(n);
  return out;
}

export interface Columns {
  targets: string[];
  emotions: string[];
  medication: boolean;
}

/** The columns of a week: the set-up's, and what its cards hold beyond it. */
export function weekColumns(setup: DiarySetupDto, days: DiaryDayDto[]): Columns {
  const cards = days.map((d) => d.card).filter((c): c is DiaryCardDto => c !== null);
  return {
    targets: withExtra(setup.targets, cards.flatMap((c) => c.urges.map((u) => u.target))),
    emotions: withExtra(setup.emotions, cards.flatMap((c) => c.emotions.map((e) => e.name))),
    medication: setup.medication,
  };
}

export function urgeOf(c: DiaryCardDto, target: string): UrgeDto | undefined {
  return c.urges.find((u) => same(u.target, target));
}

export function feelingOf(c: DiaryCardDto, name: string): FeelingDto | undefined {
  return c.emotions.find((e) => same(e.name, name));
}

/** Set an urge's level and whether it was acted on. An urge with no level that was not acted on
 * is left off the card; one acted on without a level is kept at 0, the lowest. */
export function setUrge(c: DiaryCardDto, target: string, level: number | null, acted: boolean | null): void {
  const i = c.urges.findIndex((u) => same(u.target, target));
  if (level === null && acted !== true) {
    if (i >= 0) c.urges.splice(i, 1);
    return;
  }
  const u = { target, level: level ?? 0, acted };
  if (i >= 0) c.urges[i] = u;
  else c.urges.push(u);
}

/** Set an emotion's level; no level leaves it off the card. */
export function setFeeling(c: DiaryCardDto, name: string, level: number | null): void {
  const i = c.emotions.findIndex((e) => same(e.name, name));
  if (level === null) {
    if (i >= 0) c.emotions.splice(i, 1);
    return;
  }
  if (i >= 0) c.emotions[i] = { name, level };
  else c.emotions.push({ name, level });
}

/** The card as it is saved: its urges and emotions in the order of the columns (any others
 * after them, as they were). */
export function orderedCard(c: DiaryCardDto, cols: Columns): DiaryCardDto {
  const rank = (names: string[], n: string) => {
    const i = names.findIndex((x) => same(x, n));
    return i < 0 ? names.length : i;
  };
  return {
    ...c,
    urges: [...c.urges].sort((a, b) => rank(cols.targets, a.target) - rank(cols.targets, b.target)),
    emotions: [...c.emotions].sort((a, b) => rank(cols.emotions, a.name) - rank(cols.emotions, b.name)),
    skills: [...c.skills],
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** How a target reads after "urge": "To use" → "urge to use", "Binge" → "urge: Binge". */
export function urgeWords(target: string): string {
  const t = target.trim();
  return /^to\s/i.test(t) ? `urge ${lowerFirst(t)}` : `urge: ${t}`;
}

/** A day's name in words, e.g. "Monday". */
export function weekdayName(date: string, locale?: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(d);
}

/** A day in the week's rows, e.g. "Mon 30 Nov". */
export function rowDay(date: string, locale?: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
}

/** A week's dates: "30 Nov – 6 Dec 2026", with both years when it spans two. */
export function weekRange(start: string, end: string, locale?: string): string {
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${end}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start} – ${end}`;
  const full = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const first = a.getUTCFullYear() === b.getUTCFullYear() ? short.format(a) : full.format(a);
  return `${first} – ${full.format(b)}`;
}

/** Saves still on their way (a page left while a day was being written): the next page waits
 * for them before it reads the week, so a day is never added twice. */
const pending = new Set<Promise<unknown>>();

export function track<T>(p: Promise<T>): Promise<T> {
  pending.add(p);
  const done = () => pending.delete(p);
  p.then(done, done);
  return p;
}

export async function settled(): Promise<void> {
  await Promise.allSettled([...pending]);
}

// Moving between the week's cells. Each cell carries `data-cell` and its column in `data-col`
// (a plain word: `u0`, `acted0`, `e3`, `note`); the table's rows are `tr`s.

function cellsOf(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-cell]')];
}

/** Focus the cell after (or before) `from` in the table's tab order. */
export function focusNext(from: HTMLElement, step: 1 | -1 = 1): void {
  const table = from.closest('table');
  if (!table) return;
  const cells = cellsOf(table);
  cells[cells.indexOf(from) + step]?.focus();
}

/** Focus the same column in the row above or below. */
export function focusRow(from: HTMLElement, step: 1 | -1): void {
  const row = from.closest('tr');
  const col = from.dataset.col;
  let next = step === 1 ? row?.nextElementSibling : row?.previousElementSibling;
  while (next && !next.querySelector('[data-cell]')) next = step === 1 ? next.nextElementSibling : next.previousElementSibling;
  if (!next || !col) return;
  next.querySelector<HTMLElement>(`[data-cell][data-col="${col}"]`)?.focus();
}

/** The week's moves from one cell: arrows up and down the column and along the row, Enter to
 * the next day's first cell. Returns whether the key was one of them (and took it). A button
 * keeps Enter (`enter: false`); a text cell keeps its arrows (`arrows: false`). */
export function moveByKey(e: KeyboardEvent, from: HTMLElement, { arrows = true, enter = true } = {}): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  if (arrows && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
    focusRow(from, e.key === 'ArrowDown' ? 1 : -1);
  } else if (arrows && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
    focusNext(from, e.key === 'ArrowRight' ? 1 : -1);
  } else if (enter && e.key === 'Enter') {
    focusNextRowStart(from);
  } else {
    return false;
  }
  e.preventDefault();
  return true;
}

/** Focus the first cell of the next row. */
export function focusNextRowStart(from: HTMLElement): void {
  const row = from.closest('tr');
  let next = row?.nextElementSibling;
  while (next && !next.querySelector('[data-cell]')) next = next.nextElementSibling;
  next?.querySelector<HTMLElement>('[data-cell]')?.focus();
}
