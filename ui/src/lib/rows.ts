// What a row in a list shows for a record: check-in numbers as small coloured pills (each with
// its name and number, so the colour is never the only signal), and the rest of the record in
// words. Search snippets leave out what the result's title already says.
import type { RecordDto } from './backend';
import { HALT_LABEL, KINDS, keysOf, summary, trackerWords, type Body, type KindUi } from './kinds';
import type { RecordKind } from './backend';
import { labelOverrides } from './kinds/overrides.svelte';

export type Measure = 'stress' | 'mood' | 'craving';
/** How heavy a rating sits: low stress or craving and high mood are `calm`. */
export type Band = 'calm' | 'middle' | 'heavy';

export interface Pill {
  measure: Measure;
  label: string;
  value: number;
  band: Band;
}

const MEASURES: [Measure, string][] = [
  ['stress', 'Stress'],
  ['mood', 'Mood'],
  ['craving', 'Craving'],
];

/** The band of a 0–10 rating. For mood, higher is lighter; for stress and craving, lower is. */
export function band(measure: Measure, value: number): Band {
  const weight = measure === 'mood' ? 10 - value : value;
  return weight <= 3 ? 'calm' : weight <= 6 ? 'middle' : 'heavy';
}

/** The ratings a check-in has, in order. A rating left out (null) has no pill. */
export function checkinPills(b: { stress: number | null; mood: number | null; craving: number | null }): Pill[] {
  const out: Pill[] = [];
  for (const [measure, label] of MEASURES) {
    const value = b[measure];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const named = measure === 'craving' && labelOverrides.craving ? labelOverrides.craving : label;
    out.push({ measure, label: named, value, band: band(measure, value) });
  }
  return out;
}

/** A check-in's words beside its pills: HALT and the person's own trackers, then the note. */
export function checkinWords(b: Body<'checkin'>): string {
  const halt = [
    ...keysOf(HALT_LABEL)
      .filter((k) => b.halt[k])
      .map((k) => HALT_LABEL[k]),
    ...trackerWords(b),
  ].join(' · ');
  if (!b.note) return halt;
  return halt ? `${halt} — ${b.note}` : b.note;
}

/** The line a row shows in words (a check-in's ratings are its pills). */
export function rowText(r: RecordDto): string {
  return r.body.kind === 'checkin' ? checkinWords(r.body) : summary(r);
}

/** A record's text fields, one line each, as the engine searches them. */
function lines(r: RecordDto): string[] {
  // `KINDS[kind]` handles exactly this body's kind; TypeScript cannot correlate the two.
  const ui = KINDS[r.body.kind] as unknown as KindUi<RecordKind>;
  return ui
    .text(r.body)
    .split('\n')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** A record's words for a search snippet, without those its title (`summary`) already shows. */
export function snippetSource(r: RecordDto, title: string = summary(r)): string {
  const shown = title.replace(/\s+/g, ' ').trim().toLowerCase();
  return lines(r)
    .filter((l) => !shown.includes(l.toLowerCase()))
    .join(' · ');
}
