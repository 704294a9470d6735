// One occurrence of a scheduled session where it differs from the schedule or was marked:
// moved, cancelled, attended, missed or excused, a note. Reference, not an entry.
import type { Attendance } from '../../backend';
import type { KindUi } from '../types';
import { joinFields } from '../shared';

/** Whether the person was there, in the engine's order. */
export const ATTENDANCE_LABEL: Record<Attendance, string> = {
  attended: 'Attended',
  missed: 'Missed',
  excused: 'Excused',
};

export const occurrence = {
  label: 'One session of the schedule',
  icon: '▣',
  entry: false,
  summary: (b) => {
    const state = b.cancelled ? 'cancelled' : (b.attendance ?? (b.movedTo ? 'moved' : 'noted'));
    return `${b.slotTitle} · ${b.date} · ${state}`;
  },
  text: (b) => joinFields([b.slotTitle, b.note]),
  tags: () => [],
} satisfies KindUi<'occurrence'>;
