// One of the person's own trackers (water, a walk, pages read). Reference, not an entry: set up
// in Settings and answered in a check-in, where each answer keeps the tracker's name and unit.
import type { TrackerValueDto } from '../../backend';
import type { KindUi } from '../types';

export { ANSWER_LABEL } from './labels';

/** An answer as a person reads it: "yes", "7/10", "6.5 glasses" (the engine's `shown`). */
export function shownAnswer(t: TrackerValueDto): string {
  if (t.answer === 'yes-no') return t.value === 1 ? 'yes' : 'no';
  if (t.answer === 'scale') return `${t.value}/10`;
  return t.unit ? `${t.value} ${t.unit}` : `${t.value}`;
}

/** A check-in's answers as words: "Water 6.5 glasses", "Walk yes" (older check-ins have none). */
export function trackerWords(b: { trackers?: TrackerValueDto[] }): string[] {
  return (b.trackers ?? []).map((t) => `${t.name} ${shownAnswer(t)}`);
}

export const tracker = {
  label: 'Tracker',
  icon: '▤',
  entry: false,
  summary: (b) => b.name,
  text: (b) => b.name,
  tags: () => [],
} satisfies KindUi<'tracker'>;
