// The standard questionnaires, read from the engine's own data (src/instruments/*.json): their
// items word for word, answer scores, bands and meaningful change. The UI never keeps a second
// copy of the wording.
import type { Instrument } from './backend/generated/Instrument';
import phq9 from '../../../src/instruments/phq9.json';
import gad7 from '../../../src/instruments/gad7.json';

export const INSTRUMENTS: readonly Instrument[] = [phq9, gad7];

export type InstrumentId = 'phq9' | 'gad7';

/** The questionnaire with this id, if this build knows it. */
export function instrument(id: string): Instrument | undefined {
  return INSTRUMENTS.find((i) => i.id === id);
}

/** The band a total falls in ('' when none does), as `Instrument::band`. */
export function bandOf(i: Instrument, total: number): string {
  return i.bands.find((b) => total >= b.from && total <= b.to)?.band ?? '';
}

/** The safety item (numbered from 1) was answered above 0, as `Instrument::safety_flag`. */
export function safetyFlag(i: Instrument, answers: readonly number[]): boolean {
  return i.safetyItem !== null && (answers[i.safetyItem - 1] ?? 0) > 0;
}
