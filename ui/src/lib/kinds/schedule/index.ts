// A session in the programme's schedule: a weekly slot or, with no days, a one-off. Reference,
// not an entry (the schedule has its own screen).
import type { KindUi } from '../types';
import { joinFields } from '../shared';

export const schedule = {
  label: 'Scheduled session',
  icon: '▦',
  entry: false,
  summary: (b) => `${b.title} · ${b.start}`,
  text: (b) => joinFields([b.title, b.place]),
  tags: () => [],
} satisfies KindUi<'schedule'>;
