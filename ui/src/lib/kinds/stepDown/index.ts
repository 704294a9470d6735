// The step-down plan: the phases after the intensive programme, each with its dates, supports
// and appointments. Reference, not an entry: there is one, kept up to date on its own screen.
import type { KindUi } from '../types';
import { joinFields } from '../shared';

export const stepDown = {
  label: 'Step-down plan',
  icon: '⇲',
  entry: false,
  summary: (b) => b.phases.map((p) => p.name).join(' → '),
  text: (b) => joinFields(b.phases.flatMap((p) => [p.name, p.note, ...p.supports, ...p.appointments])),
  tags: () => [],
} satisfies KindUi<'step-down'>;
