// A clock: what the person is staying away from, in their own words, and since when. Reference,
// not an entry: set up from Today's clocks card; its runs come from the engine (`clockStatus`).
import type { ClockStatusDto, Milestone } from '../../backend';
import type { KindUi } from '../types';

/** A milestone in words: "24 hours", "7 days", "6 months", "1 year", "2 years". */
export function milestoneWords(m: Milestone): string {
  if (m.unit === 'hours') return `${m.count} hours`;
  if (m.unit === 'days') return `${m.count} days`;
  if (m.count % 12 === 0) return m.count === 12 ? '1 year' : `${m.count / 12} years`;
  return `${m.count} months`;
}

/** A run in words: hours on its first day, then days. */
export function runWords(c: Pick<ClockStatusDto, 'runDays' | 'runHours'>): string {
  if (c.runDays === 0) return c.runHours === 1 ? '1 hour' : `${c.runHours} hours`;
  return c.runDays === 1 ? '1 day' : `${c.runDays} days`;
}

export const clock = {
  label: 'Clock',
  icon: '◷',
  entry: false,
  summary: (b) => b.name,
  text: (b) => b.name,
  tags: () => [],
} satisfies KindUi<'clock'>;
