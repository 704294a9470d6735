// A check-in: any of stress, mood and craving (each absent unless chosen), sleep, HALT,
// emotions, triggers, context, the everyday factors, a note, and "bring to my next session".
import type { Body, KindUi } from '../types';
import { joinFields, keysOf } from '../shared';
import { HALT_LABEL } from './labels';
import { trackerWords } from '../tracker';
import CheckinFields from './CheckinFields.svelte';

export { COMMON_EMOTIONS, COMMON_TRIGGERS, CONTEXT_LABEL, HALT_LABEL } from './labels';

export function emptyCheckin(): Body<'checkin'> {
  return {
    kind: 'checkin',
    stress: null,
    mood: null,
    craving: null,
    sleepHours: null,
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    emotions: [],
    triggers: [],
    context: null,
    note: '',
    factors: { exercise: null, meals: null, caffeine: null, medication: null, outdoors: null },
    trackers: [],
    bring: false,
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
    const bits: string[] = [];
    if (b.stress !== null) bits.push(`stress ${b.stress}`);
    if (b.mood !== null) bits.push(`mood ${b.mood}`);
    if (b.craving !== null) bits.push(`craving ${b.craving}`);
    if (bits.length) bits[0] = bits[0][0].toUpperCase() + bits[0].slice(1);
    const h = haltWords(b);
    if (h) bits.push(h);
    bits.push(...trackerWords(b));
    return bits.join(' · ') + (b.note ? ` — ${b.note}` : '');
  },
  // Not the context: it is a word from a closed set, not the person's own.
  text: (b) => joinFields([...b.emotions, ...b.triggers, b.note]),
  tags: (b) => [...b.emotions, ...b.triggers],
} satisfies KindUi<'checkin'>;
