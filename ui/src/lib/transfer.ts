// Words for Settings › Import and Export: what an import preview holds, the Daylio mood table as
// the shell's `moodMap`, and a problem in a file said plainly.
import type { ImportSummaryDto, RecordKind } from './backend';
import { isErrorDto } from './backend';
import { labelOverrides } from './kinds/overrides.svelte';
import { formatNumber, longDate } from './time';

/** Each kind as a count says it: one, more than one. A `Record` over the generated union, so a
 * kind the engine adds without words here fails `npm run check`. */
const KIND_NOUNS: Record<RecordKind, [string, string]> = {
  checkin: ['check-in', 'check-ins'],
  'skill-use': ['coping skill used', 'coping skills used'],
  session: ['session note', 'session notes'],
  journal: ['journal entry', 'journal entries'],
  skill: ['skill in the library', 'skills in the library'],
  tracker: ['tracker', 'trackers'],
  clock: ['clock', 'clocks'],
  lapse: ['lapse', 'lapses'],
  'crisis-plan': ['crisis plan', 'crisis plans'],
  morning: ['morning intention', 'morning intentions'],
  evening: ['evening review', 'evening reviews'],
  schedule: ['scheduled session', 'scheduled sessions'],
  occurrence: ['note on a scheduled session', 'notes on scheduled sessions'],
  goal: ['goal', 'goals'],
  'step-down': ['step-down plan', 'step-down plans'],
  assessment: ['questionnaire result', 'questionnaire results'],
  'diary-card': ['diary card', 'diary cards'],
  'diary-setup': ['diary card set-up', 'diary card set-ups'],
  'thought-record': ['thought record', 'thought records'],
  'report-setup': ['set of report choices', 'sets of report choices'],
  unknown: ['entry from a newer Keel', 'entries from a newer Keel'],
};

/** "3 check-ins", "1 journal entry" (the person's own word for session notes when they chose one). */
export function kindCount(kind: string, n: number): string {
  const own = kind === 'session' ? labelOverrides.session : '';
  if (own) return `${formatNumber(n)} ${own}`;
  const nouns = (KIND_NOUNS as Record<string, [string, string] | undefined>)[kind];
  const [one, many] = nouns ?? [`${kind} entry`, `${kind} entries`];
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 entry", "12 entries". */
export const entries = (n: number) => `${formatNumber(n)} ${n === 1 ? 'entry' : 'entries'}`;

/** The new records by kind, in words: "3 check-ins and 3 journal entries". */
export function kindsInWords(s: ImportSummaryDto): string {
  return listWords(s.byKind.map((k) => kindCount(k.kind, k.n)));
}

/** The days the new records cover: "from 2 January 2025 to 27 November 2026", or "on …" for one
 * day; '' for none. */
export function daysInWords(s: ImportSummaryDto, locale?: string): string {
  if (!s.firstDay || !s.lastDay) return '';
  if (s.firstDay === s.lastDay) return `on ${longDate(s.firstDay, locale)}`;
  return `from ${longDate(s.firstDay, locale)} to ${longDate(s.lastDay, locale)}`;
}

/** One row of the Daylio mood table. */
export interface MoodRow {
  /** The row's own, for the page (a label of the person's own can change as they type). */
  key: number;
  label: string;
  n: number | null;
  /** Daylio's own five stay; labels the person added can go. */
  own: boolean;
}

/** Daylio's own five labels and the numbers Keel gives them (`MoodMap::default`). */
export function defaultMoods(): MoodRow[] {
  return [
    ['rad', 9],
    ['good', 7],
    ['meh', 5],
    ['bad', 3],
    ['awful', 1],
  ].map(([label, n], key) => ({ key, label: label as string, n: n as number, own: false }));
}

/** A number a mood can have: whole, 0 to 10. */
export const isMoodNumber = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;

/** The table as the shell's `moodMap`: `rad=9,good=7,…`. Labels hold no comma (the table
 * refuses one). */
export function moodMapOf(rows: MoodRow[]): string {
  return rows
    .filter((r) => r.label.trim() && isMoodNumber(r.n))
    .map((r) => `${r.label.trim().toLowerCase()}=${r.n}`)
    .join(',');
}

/** A problem in the file itself (`InvalidInput` naming `file` or `records`): the engine's words,
 * which say the line or entry and the field, with its command-line hint for a mood label made
 * the table's. Null for any other error. */
export function fileProblem(e: unknown): string | null {
  if (!isErrorDto(e) || e.code !== 'InvalidInput' || (e.field !== 'file' && e.field !== 'records')) return null;
  const reason = e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  return reason.replace(/ with --mood-map "[^"]*"/, ' in the mood table above');
}
