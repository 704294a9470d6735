// The words around the questionnaires (PHQ-9, GAD-7): a result, a change between two results,
// how long ago one was taken. Plain and calm: a number and the name of its range, a change in
// points up or down, never a colour or a verdict. The items themselves come from the engine's
// data (lib/instruments.ts), never from here.
import type { Instrument } from './backend/generated/Instrument';

/** The highest total a questionnaire can have (27 for the PHQ-9, 21 for the GAD-7). */
export function maxTotal(form: Instrument): number {
  const top = Math.max(...form.answers.map((a) => a.score));
  return top * form.items.length;
}

/** `12 — moderate`. */
export function resultWords(total: number, band: string): string {
  return band ? `${total} — ${band}` : String(total);
}

/** `A total of 12 out of 27, in the range called moderate (10 to 14).` */
export function resultSentence(form: Instrument, total: number): string {
  const band = form.bands.find((b) => total >= b.from && total <= b.to);
  const range = band ? `, in the range called ${band.band} (${band.from} to ${band.to})` : '';
  return `A total of ${total} out of ${maxTotal(form)}${range}.`;
}

/** `down 6 points since the time before — a meaningful change`; `the same as the time before`.
 * A rise is said the same way as a fall: a number, never a warning. */
export function changeWords(change: number, meaningful: boolean, since = 'since the time before'): string {
  if (change === 0) return since === 'since the time before' ? 'the same as the time before' : `no change ${since}`;
  const n = Math.abs(change);
  return `${change < 0 ? 'down' : 'up'} ${n} ${n === 1 ? 'point' : 'points'} ${since}${meaningful ? ' — a meaningful change' : ''}`;
}

/** The same words, starting a sentence and ending it. */
export function changeSentence(change: number, meaningful: boolean, since?: string): string {
  const w = changeWords(change, meaningful, since);
  return `${w.charAt(0).toUpperCase()}${w.slice(1)}.`;
}

/** A change in a table cell: `down 6`, `up 2`, `no change`, `—` for the first result. */
export function changeCell(change: number | null): string {
  if (change === null) return '—';
  if (change === 0) return 'no change';
  return `${change < 0 ? 'down' : 'up'} ${Math.abs(change)}`;
}

/** `today`, `yesterday`, `3 days ago`, `2 weeks ago`. */
export function agoWords(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  const months = Math.floor(days / 30);
  return `${months} ${months === 1 ? 'month' : 'months'} ago`;
}

/** The questions ask about the last two weeks: after that, one is ready again. */
export const READY_AFTER_DAYS = 14;

