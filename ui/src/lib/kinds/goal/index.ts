// A treatment goal with its small steps. Reference, not an entry: kept up to date on its own
// screen rather than logged.
import type { KindUi } from '../types';
import { joinFields } from '../shared';

export const goal = {
  label: 'Goal',
  icon: '◎',
  entry: false,
  summary: (b) => {
    const done = b.steps.filter((s) => s.done).length;
    return b.steps.length === 0 ? b.title : `${b.title} · ${done} of ${b.steps.length} steps`;
  },
  text: (b) => joinFields([b.title, b.why, ...b.steps.map((s) => s.text)]),
  tags: () => [],
} satisfies KindUi<'goal'>;
