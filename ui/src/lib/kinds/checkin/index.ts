// A stress check-in: stress, mood, craving, sleep, HALT, emotions, triggers, context, a note.
import type { Body, KindUi } from '../types';
import { joinFields, keysOf } from '../shared';
import { HALT_LABEL } from './labels';
import CheckinFields from './CheckinFields.svelte';

export { CONTEXT_LABEL, HALT_LABEL } from './labels';

export function emptyCheckin(): Body<'checkin'> {
  return {
    kind: 'checkin',
    stress: 0,
    mood: null,
    craving: null,
    sleepHours: null,
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    emotions: [],
    triggers: [],
    context: null,
    note: '',
  };
}

function haltWords(b: Body<'checkin'>): string {
  return keysOf(HALT_LABEL)
    .filter((k) => b.halt[k])
    .map((k) => HALT_LABEL[k])
    .join(', ');
}

export const checkin = {
  label: 'Check-in',
  icon: '◔',
  entry: true,
  editor: { fields: CheckinFields, empty: emptyCheckin, newLabel: 'Detailed check-in' },
  summary(b) {
    const bits = [`Stress ${b.stress}`];
    if (b.mood !== null) bits.push(`mood ${b.mood}`);
    if (b.craving !== null) bits.push(`craving ${b.craving}`);
    const h = haltWords(b);
    if (h) bits.push(h);
    return bits.join(' · ') + (b.note ? ` — ${b.note}` : '');
  },
  // Not the context: it is a word from a closed set, not the person's own.
  text: (b) => joinFields([...b.emotions, ...b.triggers, b.note]),
  tags: (b) => [...b.emotions, ...b.triggers],
} satisfies KindUi<'checkin'>;
